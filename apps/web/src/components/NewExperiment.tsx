'use client';

import { WebDatasetsDocument, WebPresetsDocument, type WebPresetsQuery } from '@saddle/schema';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { errorText, fieldErrors } from '../lib/errors';
import { CloneSpecExperiment } from './CloneSpecExperiment';
import { presetCloneValues, type ExperimentClone } from './experiment-clone';
import { CustomExperiment } from './CustomExperiment';
import { LaunchDialog, useLaunchExperiment } from './LaunchDialog';
import { ErrorNotice, LoadingBlock } from './StatusBadge';

type Preset = WebPresetsQuery['presets'][number];
type ScaleName = 'QUICK' | 'STANDARD' | 'FULL';

const SCALE_LABELS: Record<ScaleName, string> = {
  QUICK: 'quick — minutes',
  STANDARD: 'standard — decides the finding',
  FULL: 'full — the original size',
};

/** A preset's expected wall time at a scale, from the API (this server's own launches, else the reference machine). */
function expectedOf(preset: Preset | undefined, scale: ScaleName): { seconds: number; source: string } | null {
  if (!preset) return null;
  const time = scale === 'QUICK' ? preset.expectedQuick : scale === 'STANDARD' ? preset.expectedStandard : preset.expectedFull;
  return time && time.seconds > 0 ? time : null;
}

/** 42 s, 4 min, 2.5 h. */
export function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** RunSpec paths offered for every preset, beside its own knobs. */
const COMMON_OVERRIDES = [
  { key: 'epochs', description: 'Epochs of every run' },
  { key: 'optimizer.lr', description: 'Learning rate' },
  { key: 'batchSize', description: 'Batch size' },
  { key: 'seed', description: 'Seed of the first run' },
] as const;

/** `3` → 3, `true` → true, `1e-3` → 0.001, `[0.1, 1]` → a list (JSON); anything else stays a string. */
export function parseOverride(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return trimmed;
    }
  }
  return trimmed;
}

function showDefault(value: unknown): string {
  return value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export interface NewExperimentProps {
  /** Closes the dialog (after a launch, the page has navigated away). */
  onClose: () => void;
  /** Preset picked when the dialog opens. */
  initialPreset?: string;
  /** Open on the custom experiment (a zoo model, data, optimiser and swept parameters) instead of a preset. */
  initialMode?: 'preset' | 'custom';
  /** Start from this experiment's settings: a preset's in the preset form, a spec launch's as JSON. */
  clone?: ExperimentClone;
}

/**
 * The "New experiment" flow: pick a preset, a scale and (optionally) override knobs — or, under
 * Custom, build a spec and its sweep (CustomExperiment); the API validates, and its errors are
 * shown beside the field they name.
 */
export function NewExperiment({ onClose, initialPreset, initialMode = 'preset', clone }: NewExperimentProps) {
  const specClone = clone && clone.input.spec !== undefined ? clone : undefined;
  const [mode, setMode] = useState<'preset' | 'custom' | 'clone'>(specClone ? 'clone' : initialMode);
  const header = (
    <div className="card-head" style={{ paddingBottom: 10 }}>
      <div className="row">
        <h2>New experiment</h2>
        <div className="segmented" role="group" aria-label="Kind of experiment">
          <button type="button" className={mode === 'preset' ? 'on' : undefined} onClick={() => setMode('preset')}>
            Preset
          </button>
          <button type="button" className={mode === 'custom' ? 'on' : undefined} onClick={() => setMode('custom')}>
            Custom
          </button>
          {specClone ? (
            <button type="button" className={mode === 'clone' ? 'on' : undefined} onClick={() => setMode('clone')}>
              Clone (spec)
            </button>
          ) : null}
        </div>
      </div>
      <button type="button" onClick={onClose} aria-label="Close">
        ✕
      </button>
    </div>
  );
  return (
    <div className="modal-backdrop" onClick={onClose}>
      {mode === 'clone' && specClone ? (
        <CloneSpecExperiment onClose={onClose} header={header} clone={specClone} />
      ) : mode === 'custom' ? (
        <CustomExperiment onClose={onClose} header={header} />
      ) : (
        <PresetExperiment onClose={onClose} header={header} {...(initialPreset && { initialPreset })} {...(clone && !specClone && { clone })} />
      )}
    </div>
  );
}

/** New experiment → Preset: a catalogue preset, its scale and knob overrides. */
function PresetExperiment({ onClose, initialPreset, header, clone }: { onClose: () => void; initialPreset?: string; header: ReactNode; clone?: ExperimentClone }) {
  const [{ data, fetching, error }] = useQuery({ query: WebPresetsDocument });
  const { launch, launchAndOpen } = useLaunchExperiment(onClose);
  const [start] = useState(() => (clone ? presetCloneValues(clone) : null));
  const [presetId, setPresetId] = useState(start?.preset ?? initialPreset ?? 'fit-function');
  const [scale, setScale] = useState<ScaleName>(start?.scale ?? 'QUICK');
  const [name, setName] = useState(start?.name ?? '');
  const [tags, setTags] = useState(start?.tags ?? '');
  const [values, setValues] = useState<Record<string, string>>(start?.values ?? {});
  const clonedData = clone?.input.data;
  const cloneData = clonedData === 'CIFAR10' || clonedData === 'MNIST' ? clonedData : null;
  // What the image-classification presets train on: '' the preset's default (or the clone's images), MNIST, CIFAR10, or `dataset:<name>`.
  const [source, setSource] = useState(() => (typeof clone?.input.dataset === 'string' ? `dataset:${clone.input.dataset}` : ''));
  const [{ data: registered }] = useQuery({ query: WebDatasetsDocument });
  const classificationSets = (registered?.datasets ?? []).filter((d) => d.numClasses > 0);
  const preset: Preset | undefined = data?.presets.find((p) => p.id === presetId) ?? data?.presets[0];
  const fields = useMemo(
    () => [
      ...(preset?.knobs ?? []).map((k) => ({ key: k.key, description: k.description, placeholder: showDefault(scale === 'QUICK' ? k.quick : scale === 'STANDARD' ? k.standard : k.full) })),
      ...COMMON_OVERRIDES.filter((c) => !(preset?.knobs ?? []).some((k) => k.key === c.key)).map((c) => ({ ...c, placeholder: 'preset default' })),
      // A clone's overrides on other paths keep a field of their own.
      ...Object.keys(start?.values ?? {})
        .filter((key) => !(preset?.knobs ?? []).some((k) => k.key === key) && !COMMON_OVERRIDES.some((c) => c.key === key))
        .map((key) => ({ key, description: 'from the cloned experiment', placeholder: '' })),
    ],
    [preset, scale],
  );
  const errors = fieldErrors(launch.error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!preset) return;
    const overrides: Record<string, unknown> = {};
    for (const [key, text] of Object.entries(values)) if (text.trim() !== '') overrides[key] = parseOverride(text);
    await launchAndOpen({
      preset: preset.id,
      scale,
      // A clone keeps its images (MNIST or CIFAR-10) while its preset stays the same.
      ...(source === ''
        ? cloneData && clone?.input.preset === preset.id && { data: cloneData }
        : source.startsWith('dataset:')
          ? { dataset: source.slice('dataset:'.length) }
          : { data: source as 'MNIST' | 'CIFAR10' }),
      overrides: Object.keys(overrides).length > 0 ? overrides : null,
      name: name.trim() || null,
      tags: tags.trim() ? tags.split(',').map((t) => t.trim()).filter(Boolean) : null,
    });
  }

  return (
    <LaunchDialog
      header={header}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      launching={launch.fetching}
      disabled={!preset}
      errors={errors}
      shownBeside={(key) => ['preset', 'scale', 'data', 'dataset', 'name', 'tags'].includes(key) || fields.some((f) => f.key === key)}
    >
          {clone ? <p className="muted" style={{ margin: 0 }}>{`Cloned from ${clone.name}: change what you like and launch it as a new experiment.`}</p> : null}
          {fetching && !data ? <LoadingBlock height={160} /> : null}
          {error ? <ErrorNotice>{errorText(error)}</ErrorNotice> : null}
          {data ? (
            <>
              <label className="field">
                Preset
                <select name="preset" value={preset?.id ?? ''} onChange={(e) => setPresetId(e.target.value)}>
                  {data.presets.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.title} ({p.id})
                    </option>
                  ))}
                </select>
                {errors.byField.preset ? <span className="field-error">{errors.byField.preset}</span> : null}
              </label>
              {preset ? (
                <p className="muted" style={{ margin: 0 }}>
                  {preset.description}
                  <br />
                  Figures: {preset.figures.map((f) => f.title).join(' · ')}
                </p>
              ) : null}
              <div className="field">
                <span className="muted" style={{ fontSize: 12.5 }}>
                  Scale
                </span>
                <div className="segmented" role="group" aria-label="Scale">
                  {(['QUICK', 'STANDARD', 'FULL'] as const).map((s) => {
                    const expected = expectedOf(preset, s);
                    return (
                      <button key={s} type="button" className={scale === s ? 'on' : undefined} onClick={() => setScale(s)} title={expected ? `expected ${formatSeconds(expected.seconds)}: ${expected.source}` : undefined}>
                        {SCALE_LABELS[s]}
                        {expected ? <span className="muted"> · ~{formatSeconds(expected.seconds)}</span> : null}
                      </button>
                    );
                  })}
                </div>
                {errors.byField.scale ? <span className="field-error">{errors.byField.scale}</span> : null}
              </div>
              <label className="field">
                Data (the image-classification presets)
                <select name="data" value={source} onChange={(e) => setSource(e.target.value)} aria-invalid={errors.byField.data || errors.byField.dataset ? true : undefined}>
                  <option value="">the preset’s default{cloneData ? ` (${cloneData === 'CIFAR10' ? 'CIFAR-10' : 'MNIST'}, as cloned)` : ''}</option>
                  <option value="MNIST">MNIST (embedded)</option>
                  <option value="CIFAR10">CIFAR-10 (files in SADDLE_CIFAR10_DIR)</option>
                  {classificationSets.map((d) => (
                    <option key={d.name} value={`dataset:${d.name}`}>
                      {`${d.name}: ${d.examples} examples of [${d.inputShape.join(', ')}], ${d.numClasses} classes`}
                    </option>
                  ))}
                </select>
                {errors.byField.dataset || errors.byField.data ? <span className="field-error">{errors.byField.dataset ?? errors.byField.data}</span> : null}
              </label>
              <h3 style={{ marginTop: 4 }}>Overrides</h3>
              <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 10 }}>
                {fields.map((f) => (
                  <label key={f.key} className="field" title={f.description}>
                    <span>
                      <code>{f.key}</code> <span style={{ fontSize: 11.5 }}>{f.description}</span>
                    </span>
                    <input
                      name={f.key}
                      placeholder={f.placeholder}
                      value={values[f.key] ?? ''}
                      onChange={(e) => setValues((previous) => ({ ...previous, [f.key]: e.target.value }))}
                      aria-invalid={errors.byField[f.key] ? true : undefined}
                    />
                    {errors.byField[f.key] ? <span className="field-error">{errors.byField[f.key]}</span> : null}
                  </label>
                ))}
              </div>
              <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 10 }}>
                <label className="field">
                  Name (optional)
                  <input name="name" value={name} placeholder={preset ? `${preset.title} (${scale.toLowerCase()})` : ''} onChange={(e) => setName(e.target.value)} />
                  {errors.byField.name ? <span className="field-error">{errors.byField.name}</span> : null}
                </label>
                <label className="field">
                  Tags (comma-separated)
                  <input name="tags" value={tags} placeholder="baseline, hw1" onChange={(e) => setTags(e.target.value)} />
                  {errors.byField.tags ? <span className="field-error">{errors.byField.tags}</span> : null}
                </label>
              </div>
            </>
          ) : null}
    </LaunchDialog>
  );
}
