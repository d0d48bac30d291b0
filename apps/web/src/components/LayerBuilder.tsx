'use client';

import { ACTIVATIONS, DENSE_LAYER, moveLayer, type ActivationName, type LayerRow } from './custom-experiment-input';

export interface LayerBuilderProps {
  /** The hidden layers, first (next to the input) to last. */
  layers: LayerRow[];
  onChange: (layers: LayerRow[]) => void;
  /** The output layer added after them, in words (it follows the data; not editable). */
  output: string;
  /** The model's name in tables and legends. */
  name: string;
  onNameChange: (name: string) => void;
  /**
   * The launch's errors by field (`spec.model.layers.1.units`, the form's own or the API's): each
   * row shows those under its index, the output row those past the last, and the model's own
   * (`spec.model`, `spec.model.layers`, `spec.model.name`) show above the rows.
   */
  errors: Record<string, string>;
}

/** Layer fields whose errors show beside their own input. */
const BESIDE_INPUT = new Set(['units', 'filters', 'kernelSize', 'size']);

const TYPE_LABELS: Record<LayerRow['type'], string> = { dense: 'dense', conv2d: 'conv2d', maxPool: 'max pool' };

/**
 * A model built layer by layer: add, remove and reorder dense (units, activation), conv2d
 * (filters, kernel, activation; padding 'same') and max-pool layers. The output layer the data
 * needs is added by customLaunchInput, so a model here is never missing it.
 */
export function LayerBuilder({ layers, onChange, output, name, onNameChange, errors }: LayerBuilderProps) {
  const setRow = (index: number, change: Partial<LayerRow>) => onChange(layers.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const errorsOf = (prefix: string) =>
    Object.entries(errors)
      .filter(([field]) => field === prefix || field.startsWith(`${prefix}.`))
      .map(([, message]) => message);
  const modelErrors = ['spec.model', 'spec.model.layers', 'spec.model.name'].flatMap((field) => (errors[field] ? [errors[field]] : []));
  const outputErrors = errorsOf(`spec.model.layers.${layers.length}`);
  const fieldError = (index: number, field: string) => {
    const message = errors[`spec.model.layers.${index}.${field}`];
    return message ? <span className="field-error">{message}</span> : null;
  };
  return (
    <section className="stack" style={{ gap: 6 }} aria-label="Layers">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h3 style={{ margin: 0 }}>Layers</h3>
        <label className="field" style={{ width: 200 }}>
          Model name
          <input name="model-name" value={name} placeholder="custom" onChange={(e) => onNameChange(e.target.value)} />
        </label>
      </div>
      {modelErrors.map((message) => (
        <span key={message} className="field-error">
          {message}
        </span>
      ))}
      <ol className="stack" style={{ gap: 6, margin: 0, paddingLeft: 22 }}>
        {layers.map((row, index) => {
          const label = `Layer ${index + 1}`;
          // A count's error shows under its input; the rest of the layer's (e.g. "does not fit") under the row.
          const prefix = `spec.model.layers.${index}`;
          const rowErrors = Object.entries(errors)
            .filter(([field]) => field === prefix || (field.startsWith(`${prefix}.`) && !BESIDE_INPUT.has(field.slice(prefix.length + 1))))
            .map(([, message]) => message);
          return (
            <li key={index} role="group" aria-label={label} data-layer={index}>
              <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr 1fr auto', gap: 8, alignItems: 'end' }}>
                <label className="field">
                  Type
                  <select name={`layer-type-${index}`} value={row.type} onChange={(e) => setRow(index, { type: e.target.value as LayerRow['type'] })}>
                    {(Object.keys(TYPE_LABELS) as LayerRow['type'][]).map((type) => (
                      <option key={type} value={type}>
                        {TYPE_LABELS[type]}
                      </option>
                    ))}
                  </select>
                </label>
                {row.type === 'dense' ? (
                  <label className="field">
                    Units
                    <input name={`layer-units-${index}`} inputMode="numeric" value={row.units} onChange={(e) => setRow(index, { units: e.target.value })} aria-invalid={errors[`spec.model.layers.${index}.units`] ? true : undefined} />
                    {fieldError(index, 'units')}
                  </label>
                ) : row.type === 'conv2d' ? (
                  <>
                    <label className="field">
                      Filters
                      <input name={`layer-filters-${index}`} inputMode="numeric" value={row.filters} onChange={(e) => setRow(index, { filters: e.target.value })} aria-invalid={errors[`spec.model.layers.${index}.filters`] ? true : undefined} />
                      {fieldError(index, 'filters')}
                    </label>
                    <label className="field">
                      Kernel
                      <input name={`layer-kernel-${index}`} inputMode="numeric" value={row.kernelSize} placeholder="5" onChange={(e) => setRow(index, { kernelSize: e.target.value })} />
                      {fieldError(index, 'kernelSize')}
                    </label>
                  </>
                ) : (
                  <label className="field">
                    Size
                    <input name={`layer-size-${index}`} inputMode="numeric" value={row.size} placeholder="2" onChange={(e) => setRow(index, { size: e.target.value })} />
                    {fieldError(index, 'size')}
                  </label>
                )}
                {row.type === 'maxPool' ? (
                  <span />
                ) : (
                  <label className="field">
                    Activation
                    <select name={`layer-activation-${index}`} value={row.activation} onChange={(e) => setRow(index, { activation: e.target.value as ActivationName })}>
                      {ACTIVATIONS.map((activation) => (
                        <option key={activation} value={activation}>
                          {activation}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
                {row.type === 'conv2d' ? null : <span />}
                <div className="row" style={{ gap: 4 }}>
                  <button type="button" aria-label={`Move ${label.toLowerCase()} up`} disabled={index === 0} onClick={() => onChange(moveLayer(layers, index, -1))}>
                    ↑
                  </button>
                  <button type="button" aria-label={`Move ${label.toLowerCase()} down`} disabled={index === layers.length - 1} onClick={() => onChange(moveLayer(layers, index, 1))}>
                    ↓
                  </button>
                  <button type="button" aria-label={`Remove ${label.toLowerCase()}`} onClick={() => onChange(layers.filter((_, i) => i !== index))}>
                    ✕
                  </button>
                </div>
              </div>
              {rowErrors.map((message) => (
                <span key={message} className="field-error">
                  {message}
                </span>
              ))}
            </li>
          );
        })}
        <li className="muted" data-layer="output">
          Output: {output}
          {outputErrors.map((message) => (
            <span key={message} className="field-error">
              {' '}
              {message}
            </span>
          ))}
        </li>
      </ol>
      <div className="row">
        <button type="button" onClick={() => onChange([...layers, { ...DENSE_LAYER }])}>
          + Add a layer
        </button>
        <span className="muted" style={{ fontSize: 12.5 }}>
          Dense layers flatten their input; conv2d and max pool need images.
        </span>
      </div>
    </section>
  );
}
