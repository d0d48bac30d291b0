'use client';

import { WebModelZooDocument } from '@saddle/schema';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { errorText, fieldErrors } from '../lib/errors';
import { customLaunchInput, DENSE_LAYER, EMPTY_SWEEP_ROW, type CustomExperimentForm, type SweepRow } from './custom-experiment-input';
import { LaunchDialog, useLaunchExperiment } from './LaunchDialog';
import { LayerBuilder } from './LayerBuilder';
import { ErrorNotice, LoadingBlock } from './StatusBadge';

/** Paths offered for sweeping; any run-spec path may be typed. */
const SWEEP_PATHS = ['optimizer.lr', 'batchSize', 'epochs', 'model', 'optimizer.kind', 'optimizer.momentum', 'data.n', 'data.expression', 'seed'];

const INITIAL: CustomExperimentForm = {
  modelSource: 'zoo',
  model: 'mlp-shallow',
  layers: [{ ...DENSE_LAYER }, { ...DENSE_LAYER }],
  modelName: '',
  modelData: 'function',
  target: 'sinc5',
  formula: 'exp(-x)*cos(2*pi*x)',
  images: 'mnist',
  optimizer: 'adam',
  lr: '',
  batchSize: '',
  epochs: '20',
  seeds: '1',
  method: 'GRID',
  samples: '8',
  sweep: [{ ...EMPTY_SWEEP_ROW, values: '1e-4, 1e-3, 1e-2' }],
  name: '',
};

export interface CustomExperimentProps {
  onClose: () => void;
  /** The dialog's head (its title and the Preset / Custom switch). */
  header: ReactNode;
}

/**
 * New experiment → Custom: a zoo model or one built layer by layer, its data (a built-in target, a formula in x, or images),
 * the optimiser and schedule, and the swept parameters with the seeds; launched as one spec
 * with a sweep. The API checks everything; each error is shown beside the field it names.
 */
export function CustomExperiment({ onClose, header }: CustomExperimentProps) {
  const [zoo] = useQuery({ query: WebModelZooDocument });
  const { launch, launchAndOpen } = useLaunchExperiment(onClose);
  const [form, setForm] = useState<CustomExperimentForm>(INITIAL);
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const apiErrors = fieldErrors(launch.error);
  // The form's own checks (counts) first; the API's, by the field its path names, otherwise.
  const errors = { byField: { ...apiErrors.byField, ...formErrors }, general: apiErrors.general };
  const set = <K extends keyof CustomExperimentForm>(key: K, value: CustomExperimentForm[K]) => setForm((previous) => ({ ...previous, [key]: value }));
  const setRow = (index: number, change: Partial<SweepRow>) => set('sweep', form.sweep.map((row, i) => (i === index ? { ...row, ...change } : row)));
  /** The API's message for a field, by its path under `input` (e.g. `spec.optimizer.lr`), or under it. */
  const errorFor = (...paths: string[]): string | undefined => {
    for (const path of paths) {
      const hit = Object.entries(errors.byField).find(([field]) => field === path || field.startsWith(`${path}.`));
      if (hit) return hit[1];
    }
    return undefined;
  };
  const shown = (paths: string[]) => (field: string) => paths.some((path) => field === path || field.startsWith(`${path}.`));
  const known = shown(['spec.model', 'spec.data', 'spec.optimizer', 'spec.batchSize', 'spec.epochs', 'seeds', 'sweep.parameters', 'sweep.samples', 'name']);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const built = customLaunchInput(form);
    setFormErrors(built.errors ?? {});
    if (!built.input) return;
    await launchAndOpen(built.input);
  }

  const models = zoo.data?.modelZoo ?? [];
  const error = (message: string | undefined) => (message ? <span className="field-error">{message}</span> : null);

  return (
    <LaunchDialog header={header} onClose={onClose} onSubmit={(event) => void submit(event)} launching={launch.fetching} disabled={!zoo.data} errors={errors} shownBeside={(field) => known(field) && !(field.startsWith('sweep.parameters.') && !form.sweep.some((row) => row.path.trim() && field.startsWith(`sweep.parameters.${row.path.trim()}`)))}>
        {zoo.fetching && !zoo.data ? <LoadingBlock height={160} /> : null}
        {zoo.error ? <ErrorNotice>{errorText(zoo.error)}</ErrorNotice> : null}
        {zoo.data ? (
          <>
            <div className="segmented" role="group" aria-label="Model source">
              <button type="button" className={form.modelSource === 'zoo' ? 'on' : undefined} aria-pressed={form.modelSource === 'zoo'} onClick={() => set('modelSource', 'zoo')}>
                a zoo model
              </button>
              <button type="button" className={form.modelSource === 'layers' ? 'on' : undefined} aria-pressed={form.modelSource === 'layers'} onClick={() => set('modelSource', 'layers')}>
                layer by layer
              </button>
            </div>
            <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 10 }}>
              {form.modelSource === 'zoo' ? (
                <label className="field">
                  Model (from the zoo)
                  <select
                    name="model"
                    value={form.model}
                    onChange={(e) => {
                      const picked = models.find((m) => m.id === e.target.value);
                      setForm((previous) => ({ ...previous, model: e.target.value, modelData: picked?.data === 'image' ? 'image' : 'function' }));
                    }}
                  >
                    {models.map((m) => (
                      <option key={m.id} value={m.id} title={m.description}>
                        {m.id} ({m.parameters.toLocaleString('en-US')} params)
                      </option>
                    ))}
                  </select>
                  {error(errorFor('spec.model'))}
                </label>
              ) : (
                <label className="field">
                  Data
                  <select name="modelData" value={form.modelData} onChange={(e) => set('modelData', e.target.value as CustomExperimentForm['modelData'])}>
                    <option value="function">a target function (regression)</option>
                    <option value="image">images (10 classes)</option>
                  </select>
                </label>
              )}
              {form.modelData === 'function' ? (
                <label className="field">
                  Target function
                  <select name="target" value={form.target} onChange={(e) => set('target', e.target.value as CustomExperimentForm['target'])}>
                    <option value="sinc5">sin(5x)/(5x)</option>
                    <option value="sgn-sin5pi">sgn(sin(5πx))</option>
                    <option value="formula">a formula in x…</option>
                  </select>
                </label>
              ) : (
                <label className="field">
                  Images
                  <select name="images" value={form.images} onChange={(e) => set('images', e.target.value as CustomExperimentForm['images'])}>
                    <option value="mnist">MNIST (embedded)</option>
                    <option value="cifar10">CIFAR-10 (files in SADDLE_CIFAR10_DIR)</option>
                  </select>
                </label>
              )}
            </div>
            {form.modelSource === 'layers' ? (
              <LayerBuilder
                layers={form.layers}
                onChange={(layers) => set('layers', layers)}
                output={form.modelData === 'function' ? 'dense 1 unit, linear (the regression output)' : 'dense 10 units, linear (one logit per class)'}
                name={form.modelName}
                onNameChange={(name) => set('modelName', name)}
                errors={errors.byField}
              />
            ) : null}
            {form.modelData === 'function' && form.target === 'formula' ? (
              <label className="field">
                y = f(x) on [−1, 1]: x, pi, e, + − * / ^, sin, cos, exp, log, sqrt, abs, …
                <input name="formula" value={form.formula} onChange={(e) => set('formula', e.target.value)} aria-invalid={errorFor('spec.data.expression') ? true : undefined} />
                {error(errorFor('spec.data.expression'))}
              </label>
            ) : null}
            {form.target === 'formula' && errorFor('spec.data.expression') ? null : error(errorFor('spec.data'))}
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(5, 1fr)', gap: 10 }}>
              <label className="field">
                Optimiser
                <select name="optimizer" value={form.optimizer} onChange={(e) => set('optimizer', e.target.value as CustomExperimentForm['optimizer'])}>
                  <option value="adam">Adam</option>
                  <option value="sgd">SGD (momentum 0.9)</option>
                </select>
              </label>
              {(
                [
                  ['lr', 'Learning rate', form.optimizer === 'adam' ? '0.001' : '0.01', 'spec.optimizer.lr'],
                  ['batchSize', 'Batch size', '128', 'spec.batchSize'],
                  ['epochs', 'Epochs', '20', 'spec.epochs'],
                  ['seeds', 'Seeds', '1', 'seeds'],
                ] as const
              ).map(([key, label, placeholder, path]) => (
                <label key={key} className="field">
                  {label}
                  <input name={key} value={form[key]} placeholder={placeholder} onChange={(e) => set(key, e.target.value)} aria-invalid={errorFor(path) ? true : undefined} />
                  {error(errorFor(path))}
                </label>
              ))}
            </div>
            <div className="row" style={{ justifyContent: 'space-between' }}>
              <h3 style={{ margin: 0 }}>Swept parameters</h3>
              <div className="row">
                <div className="segmented" role="group" aria-label="Sweep method">
                  {(['GRID', 'RANDOM'] as const).map((method) => (
                    <button key={method} type="button" className={form.method === method ? 'on' : undefined} onClick={() => set('method', method)}>
                      {method === 'GRID' ? 'grid: every combination' : 'random draws'}
                    </button>
                  ))}
                </div>
                {form.method === 'RANDOM' ? (
                  <label className="field" style={{ width: 90 }}>
                    Samples
                    <input name="samples" value={form.samples} onChange={(e) => set('samples', e.target.value)} />
                    {error(errorFor('sweep.samples'))}
                  </label>
                ) : null}
              </div>
            </div>
            <datalist id="sweep-paths">
              {SWEEP_PATHS.map((path) => (
                <option key={path} value={path} />
              ))}
            </datalist>
            {form.sweep.map((row, index) => (
              <div key={index} className="stack" style={{ gap: 4 }} data-sweep-row={index}>
                <div style={{ display: 'grid', gridTemplateColumns: '1.3fr 0.9fr 3fr auto', gap: 8, alignItems: 'end' }}>
                  <label className="field">
                    Spec path
                    <input name={`sweep-path-${index}`} list="sweep-paths" value={row.path} onChange={(e) => setRow(index, { path: e.target.value })} />
                  </label>
                  <label className="field">
                    Kind
                    <select name={`sweep-mode-${index}`} value={row.mode} onChange={(e) => setRow(index, { mode: e.target.value as SweepRow['mode'] })}>
                      <option value="values">values</option>
                      <option value="range">range</option>
                    </select>
                  </label>
                  {row.mode === 'values' ? (
                    <label className="field">
                      Values (comma-separated)
                      <input name={`sweep-values-${index}`} value={row.values} placeholder="1e-4, 1e-3, 1e-2  or  mlp-shallow, mlp-deep" onChange={(e) => setRow(index, { values: e.target.value })} />
                    </label>
                  ) : (
                    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 0.7fr auto', gap: 6, alignItems: 'end' }}>
                      <label className="field">
                        From
                        <input name={`sweep-min-${index}`} value={row.min} onChange={(e) => setRow(index, { min: e.target.value })} />
                      </label>
                      <label className="field">
                        To
                        <input name={`sweep-max-${index}`} value={row.max} onChange={(e) => setRow(index, { max: e.target.value })} />
                      </label>
                      <label className="field">
                        Points
                        <input name={`sweep-count-${index}`} value={row.count} disabled={form.method === 'RANDOM'} onChange={(e) => setRow(index, { count: e.target.value })} />
                      </label>
                      <label className="field" style={{ flexDirection: 'row', alignItems: 'center', gap: 4 }}>
                        <input type="checkbox" name={`sweep-log-${index}`} checked={row.log} onChange={(e) => setRow(index, { log: e.target.checked })} /> log
                      </label>
                    </div>
                  )}
                  <button type="button" aria-label={`Remove ${row.path || 'parameter'}`} onClick={() => set('sweep', form.sweep.filter((_, i) => i !== index))}>
                    ✕
                  </button>
                </div>
                {error(row.path.trim() ? errorFor(`sweep.parameters.${row.path.trim()}`) : undefined)}
              </div>
            ))}
            <div className="row">
              <button type="button" onClick={() => set('sweep', [...form.sweep, { ...EMPTY_SWEEP_ROW, path: '' }])}>
                + Add a swept parameter
              </button>
              <span className="muted" style={{ fontSize: 12.5 }}>
                None: the spec alone, once per seed. The figures: each final metric against each swept parameter, mean ± std over the seeds.
              </span>
            </div>
            <label className="field">
              Name (optional)
              <input name="name" value={form.name} placeholder={`${form.model} sweep`} onChange={(e) => set('name', e.target.value)} />
              {error(errorFor('name'))}
            </label>
          </>
        ) : null}
    </LaunchDialog>
  );
}
