/**
 * What every preset's `runs()` shares: zoo look-ups, the classification data spec for the chosen
 * source and scale, and the last step of a sweep (overrides applied to each spec, then validated,
 * so a bad override fails before anything is queued).
 */
import { DEFAULT_DATA, resolveRunSpec, type DataSpec, type RunSpec, type RunSpecInput } from '../config.js';
import { validateRunSpec } from '../config.validate.js';
import type { ModelSpec } from '../models/spec.js';
import { zoo } from '../models/zoo.js';
import { effectiveConfig } from './effective-config.js';
import { applySpecOverrides, numberKnob, splitOverrides, stringKnob, type KnobValues } from './overrides.js';
import type { Preset, PresetKnob, PresetOptions, PresetRun, RunArtifacts, Scale } from './types.js';

/** The value of a setting at a scale: `atScale(options.scale, { quick: 2, standard: 10, full: 20 })`. */
export function atScale<T>(scale: Scale, values: Readonly<Record<Scale, T>>): T {
  return values[scale];
}

/** A fresh copy of a zoo model's spec (presets must not share one object between runs). */
export function zooSpec(id: string): ModelSpec {
  const entry = zoo[id];
  if (!entry) throw new Error(`zooSpec: unknown zoo model '${id}'; known: ${Object.keys(zoo).join(', ')}`);
  return structuredClone(entry.spec);
}

/**
 * HW1's recipe for training the image classifiers, shared by every CNN preset: softmax
 * cross-entropy, Adam at 1e-3, batch 64, 20 epochs (2 at quick scale, 10 at standard), seed 0,
 * evaluation every epoch. `changes` says where a preset departs from it (batch size, epochs, snapshots, ...).
 */
export function cnnRunSpec(model: string, data: DataSpec, scale: Scale, changes: Partial<Omit<RunSpecInput, 'model' | 'data'>> = {}): RunSpec {
  return resolveRunSpec({
    model: zooSpec(model),
    data,
    loss: 'cross-entropy',
    optimizer: { kind: 'adam', lr: 1e-3 },
    batchSize: 64,
    epochs: atScale(scale, { quick: 2, standard: 10, full: 20 }),
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
 * `full` MNIST is resampled to 32×32×3 so the zoo's parameter counts are HW1's; `quick` and
 * `standard` keep the native 28×28×1 (about 1.4× less work per image, same models, their own
 * counts). CIFAR-10 at `full` is all 50,000/10,000 images.
 */
export function classificationData(
  presetId: string,
  options: PresetOptions,
  sizes: Readonly<Record<Scale, ImageSizes>>,
  extra: { randomLabels?: boolean } = {},
): DataSpec {
  const randomLabels = extra.randomLabels ?? false;
  if (options.dataset) {
    const { name, inputShape, numClasses } = options.dataset;
    if (options.data !== undefined) throw new Error(`preset '${presetId}': give either data '${options.data}' or dataset '${name}', not both`);
    if (numClasses === 0) {
      throw new Error(
        `preset '${presetId}' classifies (cross-entropy over class labels), but dataset '${name}' is a regression set (no classes); register it with --task classification if its target is a label, or train it with a spec (data: {kind: 'dataset', name: '${name}'}, loss: 'mse', a model ending in { type: 'dense', units: 1 })`,
      );
    }
    // Its own fixed split (DATASET_SPLIT_SEED), whatever the scale: the preset's image counts do not apply.
    return { ...DEFAULT_DATA.dataset, name, inputShape: [...inputShape], numClasses, randomLabels };
  }
  const kind = options.data ?? 'mnist';
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
 * The knobs of the batch-size protocol shared by the flatness presets (interpolation,
 * sensitivity). Training every batch size for the same number of epochs gives a batch of 1024
 * sixteen times fewer optimiser steps than a batch of 64, so a trend with the batch size is then
 * one with under-training (a control at equal steps erased the sensitivity trend). The default
 * protocol is therefore Keskar et al.'s and Novak et al.'s: train each model until its training
 * accuracy reaches a criterion (checked every epoch), with an epoch cap; `protocol=epochs` keeps
 * the old equal-epochs training for comparison.
 */
export const BATCH_SIZE_PROTOCOL_KNOBS: PresetKnob[] = [
  { key: 'protocol', description: 'criterion: train each batch size to trainAccuracy (cap maxEpochs); epochs: the same maxEpochs for all', quick: 'criterion', standard: 'criterion', full: 'criterion', choices: ['criterion', 'epochs'] },
  { key: 'trainAccuracy', description: 'Training accuracy every batch size is trained to (protocol=criterion)', quick: 0.8, standard: 0.99, full: 0.99, min: 0 },
  { key: 'maxEpochs', description: 'Epoch cap (protocol=criterion) or the epochs of every run (protocol=epochs)', quick: 8, standard: 60, full: 100, min: 1, integer: true },
];

/** The run-spec changes of the batch-size protocol: its epochs and, for `criterion`, the stop rule. */
export function batchSizeProtocol(knobs: KnobValues): Partial<RunSpecInput> {
  const maxEpochs = numberKnob(knobs, 'maxEpochs');
  if (stringKnob(knobs, 'protocol') === 'epochs') return { epochs: maxEpochs, evalEvery: 1 };
  return { epochs: maxEpochs, evalEvery: 1, stopWhen: { metric: 'train/accuracy', atLeast: numberKnob(knobs, 'trainAccuracy') } };
}

/**
 * The protocol in words, with what the runs did, for figure titles: a reader must be able to tell
 * how the models being compared were trained ("each trained to train accuracy ≥ 0.99 (cap 60
 * epochs): reached by all, in 4–41 epochs").
 */
export function describeBatchSizeProtocol(runs: readonly RunArtifacts[]): string {
  const first = runs[0];
  if (!first) return '';
  const stop = first.spec.stopWhen;
  if (!stop) return `each trained ${first.spec.epochs} epochs`;
  const rule = `each trained to ${stop.metric} ${stop.atLeast !== undefined ? `≥ ${stop.atLeast}` : `≤ ${stop.atMost}`} (cap ${first.spec.epochs} epochs)`;
  const missed = runs.filter((run) => !run.end.stopCriterion?.reached).map((run) => run.key);
  const epochs = runs.map((run) => Math.round(run.end.epochs));
  const span = `${Math.min(...epochs)}–${Math.max(...epochs)} epochs`;
  return missed.length === 0 ? `${rule}: reached by all, in ${span}` : `${rule}: NOT reached by ${missed.join(', ')} (${span})`;
}

/**
 * A seed sweep of each run: copy s (0 ≤ s < seeds) trains with the run's seed + s. Copy 0 keeps
 * the run's key (so keys stay stable when the seed count changes), the others get `/seed<s>`; all
 * copies keep the group, so charts draw them as one family (mean ± band) and findings pool them.
 */
export function withSeeds(runs: readonly PresetRun[], seeds: number): PresetRun[] {
  if (!Number.isInteger(seeds) || seeds < 1) throw new Error(`withSeeds: seeds must be a positive integer, got ${seeds}`);
  return runs.flatMap((run) =>
    Array.from({ length: seeds }, (_, s): PresetRun => {
      const seed = run.spec.seed + s;
      return { ...run, key: s === 0 ? run.key : `${run.key}/seed${s}`, config: { ...run.config, seed }, spec: { ...structuredClone(run.spec), seed } };
    }),
  );
}

/**
 * The end of every `runs()`: apply the user's run-spec overrides to each spec, check keys are
 * unique, and validate every spec so a bad value is reported before anything runs. Each run's
 * config becomes its effective config: a label the override replaced says what it is now
 * (`--set model=mlp-shallow` on a run labelled `model: 'mlp-deep'` makes it `mlp-shallow`), and
 * the resolved spec's paths follow.
 */
export function finishRuns(preset: Pick<Preset, 'id' | 'knobs'>, options: PresetOptions, runs: PresetRun[]): PresetRun[] {
  const { paths } = splitOverrides(preset, options.overrides);
  const seen = new Set<string>();
  const baseSeed = Math.min(...runs.map((run) => run.spec.seed));
  return runs.map((run) => {
    if (seen.has(run.key)) throw new Error(`preset '${preset.id}': duplicate run key '${run.key}'`);
    seen.add(run.key);
    const where = `preset '${preset.id}', run '${run.key}'`;
    // After the overrides: a model swapped in with --set model=… gets the dataset's outputs too.
    const fitted = withClassOutputs(applySpecOverrides(run.spec, paths, where, run.spec.seed - baseSeed, preset.knobs.map((knob) => knob.key)));
    let next: RunSpec;
    try {
      next = validateRunSpec(fitted, where);
    } catch (error) {
      if (fitted.data.kind !== 'dataset') throw error;
      const shape = `[${(fitted.data.inputShape ?? []).join(', ')}]`;
      const images = fitted.data.inputShape?.length === 3;
      throw new Error(
        `dataset '${fitted.data.name}' (examples of shape ${shape}) does not fit ${where}: ${(error as Error).message}${images ? '' : `; this preset's models need images [height, width, channels]: register a .zip of one folder of images per class, or train the table with a spec and an MLP (e.g. model 'mlp-shallow')`}`,
        { cause: error },
      );
    }
    const labels = { ...run.config };
    for (const path of Object.keys(paths)) {
      if (!(path in labels)) continue;
      // A model label is a zoo id: the name of the model the override put in.
      labels[path] = path === 'model' ? next.model.name : (valueAt(next, path) ?? labels[path]!);
    }
    return { ...run, config: effectiveConfig(labels, next), spec: next };
  });
}

/**
 * A registered dataset's classes decide the model's outputs: the zoo's classifiers end in a dense
 * layer of 10 (MNIST, CIFAR-10), which becomes one unit per class of the dataset.
 */
function withClassOutputs(spec: RunSpec): RunSpec {
  if (spec.data.kind !== 'dataset' || !spec.data.numClasses) return spec;
  const last = spec.model.layers.at(-1);
  if (last?.type !== 'dense' || last.units === spec.data.numClasses) return spec;
  return { ...spec, model: { ...spec.model, layers: [...spec.model.layers.slice(0, -1), { ...last, units: spec.data.numClasses }] } };
}

/** The scalar at a dotted path of a spec (`optimizer.lr`), or undefined. */
function valueAt(spec: RunSpec, path: string): string | number | boolean | undefined {
  let node: unknown = spec;
  for (const part of path.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean' ? node : undefined;
}

/**
 * Refuses a data source the preset's runs do not use (`--data cifar10` on a function preset),
 * which would otherwise be ignored without a word.
 */
export function checkDataOption(presetId: string, data: PresetOptions['data'], runs: readonly PresetRun[], dataset?: string): void {
  const wanted = dataset === undefined ? data : 'dataset';
  if (wanted === undefined || runs.length === 0) return;
  if (runs.some((run) => run.spec.data.kind === wanted)) return;
  const kinds = [...new Set(runs.map((run) => run.spec.data.kind))];
  const what = dataset === undefined ? `data '${data}'` : `dataset '${dataset}'`;
  const fix = dataset === undefined ? 'leave the data option out (it is for the image-classification presets)' : `use it with a classification preset (train-cnn, gradient-norm, …) or in a spec as data: {kind: 'dataset', name: '${dataset}'}`;
  throw new Error(`preset '${presetId}' trains on ${kinds.join(', ')} data, so ${what} does not apply to it; ${fix}`);
}
