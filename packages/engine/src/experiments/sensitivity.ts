/**
 * HW1 1-3 "flatness vs generalisation, part 2": the same CNN trained at batch sizes 64 … 1024;
 * for each, final loss and accuracy, the input sensitivity ‖∂f/∂x‖_F (softmax outputs, averaged
 * over test images; x the standardised input, and the raw pixels by the chain rule) and Keskar's
 * ε-sharpness (a lower bound: ascent to convergence), against the batch size.
 */
import * as tf from '@tensorflow/tfjs';
import { inputSensitivity, modelForward } from '../analysis/sensitivity.js';
import { epsilonSharpness } from '../analysis/sharpness.js';
import { lossFunction } from '../train/losses.js';
import { mean, standardError } from '../findings/stats.js';
import { BATCH_SIZE_PROTOCOL_KNOBS, batchSizeProtocol, classificationData, cnnRunSpec, describeBatchSizeProtocol, finishRuns, withSeeds } from './common.js';
import { headOf, loadRunContext, splitTensors } from './context.js';
import { numberKnob, numberListKnob, resolveKnobs } from './overrides.js';
import type { Figure, Preset, PresetOptions, PresetRun, RunArtifacts } from './types.js';

export const sensitivity: Preset = {
  id: 'sensitivity',
  title: 'Sensitivity and sharpness vs batch size',
  description:
    'The shallow CNN trained on MNIST at batch sizes 64, 128, 256, 512 and 1024 (64, 256, 1024 at quick scale); final loss/accuracy, input sensitivity (Frobenius norm of the softmax Jacobian, mean over test images) ' +
    'and ε-sharpness (Keskar et al., a lower bound from ascent run to convergence) against batch size.',
  figures: [
    { id: 'loss-vs-batch', title: 'Final loss vs batch size', kind: 'lines' },
    { id: 'accuracy-vs-batch', title: 'Final accuracy vs batch size', kind: 'lines' },
    { id: 'sensitivity-vs-batch', title: 'Sensitivity vs batch size', kind: 'lines' },
    { id: 'sharpness-vs-batch', title: 'Sharpness vs batch size', kind: 'lines' },
  ],
  knobs: [
    { key: 'batchSizes', description: 'Batch sizes, comma-separated', quick: '64,256,1024', standard: '64,128,256,512,1024', full: '64,128,256,512,1024' },
    { key: 'seeds', description: 'Trainings of every batch size, from seeds seed … seed+seeds−1', quick: 1, standard: 2, full: 3, min: 1, integer: true },
    ...BATCH_SIZE_PROTOCOL_KNOBS,
    { key: 'sensitivitySamples', description: 'Test images the sensitivity is averaged over', quick: 30, standard: 500, full: 1000, min: 1, integer: true },
    { key: 'sharpnessEpsilon', description: 'ε of the sharpness box ε(|θ|+1)', quick: 1e-3, standard: 1e-3, full: 1e-3, min: 0 },
    { key: 'sharpnessSteps', description: 'Cap on the sharpness ascent steps (it stops earlier once the estimate rises by < sharpnessTolerance of itself over 5 steps)', quick: 50, standard: 200, full: 200, min: 1, integer: true },
    { key: 'sharpnessTolerance', description: 'Stopping rule of the sharpness ascent: relative rise of the estimate over its last 5 steps', quick: 1e-3, standard: 1e-3, full: 1e-3, min: 0 },
    { key: 'sharpnessSamples', description: 'Training images the sharpness loss uses', quick: 200, standard: 1000, full: 2000, min: 1, integer: true },
  ],
  runs(options: PresetOptions): PresetRun[] {
    const knobs = resolveKnobs(sensitivity, options);
    const data = classificationData('sensitivity', options, {
      quick: { trainSize: 1000, testSize: 500 },
      standard: { trainSize: 2000, testSize: 1000 },
      full: { trainSize: 8000, testSize: 2000 },
    });
    const protocol = batchSizeProtocol(knobs);
    const runs = [...new Set(numberListKnob(knobs, 'batchSizes'))].map(
      (batchSize): PresetRun => ({
        key: `bs${batchSize}`,
        group: 'sweep',
        config: { batchSize },
        spec: cnnRunSpec('cnn-shallow', data, options.scale, { batchSize, ...protocol }),
      }),
    );
    return finishRuns(sensitivity, options, withSeeds(runs, numberKnob(knobs, 'seeds')));
  },
  async analyze(runs, options, onProgress) {
    return analyzeSensitivity(runs, options, onProgress);
  },
};

interface Row {
  batchSize: number;
  run: RunArtifacts;
  sensitivity: number;
  sensitivityError: number;
  rawSensitivity?: number;
  rawSensitivityError?: number;
  sharpness: number;
  sharpnessConverged: boolean;
}

/** Per batch size: final loss/accuracy (from training), input sensitivity and ε-sharpness. */
async function analyzeSensitivity(runs: RunArtifacts[], options: PresetOptions, onProgress?: (fraction: number) => void): Promise<Figure[]> {
  const knobs = resolveKnobs(sensitivity, options);
  const done = runs.filter((run) => run.end.status === 'SUCCEEDED').sort((a, b) => a.spec.batchSize - b.spec.batchSize);
  const cache = new Map();
  const rows: Row[] = [];
  for (const [index, run] of done.entries()) {
    const context = await loadRunContext(run.spec, cache);
    const test = splitTensors(headOf(context.dataset.test, numberKnob(knobs, 'sensitivitySamples')), context.dataset.inputShape);
    const train = splitTensors(headOf(context.dataset.train, numberKnob(knobs, 'sharpnessSamples')), context.dataset.inputShape);
    const theta = tf.tensor1d(run.end.theta);
    const state = run.end.state.length > 0 ? tf.tensor1d(run.end.state) : undefined;
    try {
      const inference = { training: false, ...(state ? { state } : {}) };
      const forward = modelForward(context.model, theta, state);
      const sensitivityResult = inputSensitivity({ forward, x: test.x, output: 'softmax' });
      // The same Jacobian through the data set's standardisation: per raw pixel intensity in [0, 1].
      const standardization = context.dataset.standardization;
      const rawResult = standardization ? inputSensitivity({ forward, x: test.x, output: 'softmax', rawInputStd: standardization.std }) : undefined;
      const sharpnessResult = epsilonSharpness(lossFunction(context.model, train.x, train.y, run.spec.loss, inference), theta, {
        epsilon: numberKnob(knobs, 'sharpnessEpsilon'),
        maxSteps: numberKnob(knobs, 'sharpnessSteps'),
        relativeTolerance: numberKnob(knobs, 'sharpnessTolerance'),
      });
      rows.push({
        batchSize: run.spec.batchSize,
        run,
        sensitivity: sensitivityResult.meanFrobeniusNorm,
        sensitivityError: sensitivityResult.standardError,
        ...(rawResult ? { rawSensitivity: rawResult.meanFrobeniusNorm, rawSensitivityError: rawResult.standardError } : {}),
        sharpness: sharpnessResult.sharpness,
        sharpnessConverged: sharpnessResult.converged,
      });
    } finally {
      tf.dispose([test.x, test.y, train.x, train.y, theta, ...(state ? [state] : [])]);
    }
    onProgress?.((index + 1) / done.length);
  }
  const x = { label: 'batch size', scale: 'log' as const };
  // One point per batch size: the mean over its seeds, ± one standard error over the seeds (with a
  // single seed the sensitivity's error is its standard error over the test images instead).
  const seeds = Math.max(...[...groupBy(rows, (r) => r.batchSize).values()].map((g) => g.length));
  const perBatch = (value: (r: Row) => number, withinRunError?: (r: Row) => number, markUnconverged = false) =>
    [...groupBy(rows, (r) => r.batchSize)].map(([batchSize, group]) => {
      const values = group.map(value);
      const error = group.length >= 2 ? standardError(values) : withinRunError ? withinRunError(group[0]!) : undefined;
      return { x: batchSize, y: mean(values), ...(error !== undefined && Number.isFinite(error) ? { error } : {}), ...(markUnconverged && group.some((r) => !r.sharpnessConverged) ? { marked: true } : {}) };
    });
  const final = (metric: string) => perBatch((r) => r.run.end.final[metric] ?? Number.NaN);
  const pair = (metric: 'loss' | 'accuracy') => [
    { label: 'train', points: final(`train/${metric}`) },
    { label: 'test', dashed: true, points: final(`test/${metric}`) },
  ];
  const spread = seeds >= 2 ? `mean ± standard error over ${seeds} seeds` : 'one seed; sensitivity ± its standard error over the test images';
  const protocol = describeBatchSizeProtocol(done);
  return [
    { id: 'loss-vs-batch', title: `Final loss vs batch size (${spread}; ${protocol})`, data: { kind: 'lines', x, y: { label: 'loss', scale: 'log' }, series: pair('loss') } },
    { id: 'accuracy-vs-batch', title: `Final accuracy vs batch size (${spread}; ${protocol})`, data: { kind: 'lines', x, y: { label: 'accuracy', scale: 'linear' }, series: pair('accuracy') } },
    {
      id: 'sensitivity-vs-batch',
      title: `Sensitivity ‖∂softmax/∂x‖_F (mean over test images) vs batch size: x the standardised input, and the raw pixel intensity in [0, 1] (÷ the standardisation’s σ) (${spread}; ${protocol})`,
      data: {
        kind: 'lines',
        x,
        y: { label: 'sensitivity ‖∂softmax/∂x‖_F', scale: 'linear' },
        series: [
          { label: 'w.r.t. the standardised input', points: perBatch((r) => r.sensitivity, (r) => r.sensitivityError) },
          ...(rows.every((r) => r.rawSensitivity !== undefined)
            ? [{ label: 'w.r.t. raw pixels (intensity in [0, 1])', dashed: true, points: perBatch((r) => r.rawSensitivity!, (r) => r.rawSensitivityError ?? Number.NaN) }]
            : []),
        ],
      },
    },
    {
      id: 'sharpness-vs-batch',
      title: `ε-sharpness (ε = ${numberKnob(knobs, 'sharpnessEpsilon')}) vs batch size — a lower bound: the largest loss the ascent found in the box (marked: the cap stopped it before it converged) (${spread}; ${protocol})`,
      data: {
        kind: 'lines',
        x,
        y: { label: 'sharpness (%), lower bound', scale: 'linear' },
        series: [
          {
            label: 'sharpness',
            markedLabel: 'ascent stopped at the step cap while still rising',
            points: perBatch((r) => r.sharpness, undefined, true),
          },
        ],
      },
    },
  ];
}

/** Items by key, keys in first-seen order. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
