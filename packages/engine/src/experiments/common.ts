/**
 * What every preset's `runs()` shares: zoo look-ups, the classification data spec for the chosen
 * source and scale, and the last step of a sweep (overrides applied to each spec, then validated,
 * so a bad override fails before anything is queued).
 */
import { DEFAULT_DATA, resolveRunSpec, type DataSpec, type RunSpec, type RunSpecInput } from '../config.js';
import { validateRunSpec } from '../config.validate.js';
import type { ModelSpec } from '../models/spec.js';
import { zoo } from '../models/zoo.js';
import { applySpecOverrides, splitOverrides } from './overrides.js';
import type { Preset, PresetOptions, PresetRun, Scale } from './types.js';

/** A fresh copy of a zoo model's spec (presets must not share one object between runs). */
export function zooSpec(id: string): ModelSpec {
  const entry = zoo[id];
  if (!entry) throw new Error(`zooSpec: unknown zoo model '${id}'; known: ${Object.keys(zoo).join(', ')}`);
  return structuredClone(entry.spec);
}

/**
 * HW1's recipe for training the image classifiers, shared by every CNN preset: softmax
 * cross-entropy, Adam at 1e-3, batch 64, 20 epochs (2 at quick scale), seed 0, evaluation every
 * epoch. `changes` says where a preset departs from it (batch size, epochs, snapshots, ...).
 */
export function cnnRunSpec(model: string, data: DataSpec, scale: Scale, changes: Partial<Omit<RunSpecInput, 'model' | 'data'>> = {}): RunSpec {
  return resolveRunSpec({
    model: zooSpec(model),
    data,
    loss: 'cross-entropy',
    optimizer: { kind: 'adam', lr: 1e-3 },
    batchSize: 64,
    epochs: scale === 'quick' ? 2 : 20,
    seed: 0,
    evalEvery: 1,
    gradNormEvery: 10,
    ...changes,
  });
}

/** Image sizes a classification preset uses at each scale. */
export interface ImageSizes {
  trainSize: number;
  testSize: number;
}

/**
 * The data spec of a classification preset: MNIST (embedded) unless the user picked CIFAR-10.
 * `full` MNIST is resampled to 32×32×3 so the zoo's parameter counts are HW1's; `quick` keeps the
 * native 28×28×1 (about 1.4× less work per image, same models, their own counts).
 */
export function classificationData(
  presetId: string,
  options: PresetOptions,
  sizes: { quick: ImageSizes; full: ImageSizes },
  extra: { randomLabels?: boolean } = {},
): DataSpec {
  const kind = options.data ?? 'mnist';
  const randomLabels = extra.randomLabels ?? false;
  const size = sizes[options.scale];
  if (kind === 'mnist') {
    return { ...DEFAULT_DATA.mnist, ...size, as32x32x3: options.scale === 'full', randomLabels };
  }
  if (kind === 'cifar10') {
    const cifarSize = options.scale === 'full' ? { trainSize: 50_000, testSize: 10_000 } : size;
    return { ...DEFAULT_DATA.cifar10, ...cifarSize, randomLabels };
  }
  throw new Error(`preset '${presetId}': data must be 'mnist' or 'cifar10' (it classifies images), got '${kind}'`);
}

/**
 * The end of every `runs()`: apply the user's run-spec overrides to each spec, check keys are
 * unique, and validate every spec so a bad value is reported before anything runs.
 */
export function finishRuns(preset: Pick<Preset, 'id' | 'knobs'>, options: PresetOptions, runs: PresetRun[]): PresetRun[] {
  const { paths } = splitOverrides(preset, options.overrides);
  const seen = new Set<string>();
  const baseSeed = Math.min(...runs.map((run) => run.spec.seed));
  return runs.map((run) => {
    if (seen.has(run.key)) throw new Error(`preset '${preset.id}': duplicate run key '${run.key}'`);
    seen.add(run.key);
    const where = `preset '${preset.id}', run '${run.key}'`;
    const next = applySpecOverrides(run.spec, paths, where, run.spec.seed - baseSeed);
    return { ...run, spec: validateRunSpec(next, where) };
  });
}
