/**
 * HW1 1-3 "flatness vs generalisation, part 1": two trainings of one CNN that differ only in
 * batch size, and the loss and accuracy along the straight line θ(α) = (1−α)θ₁ + αθ₂, α ∈ [−1, 2].
 */
import * as tf from '@tensorflow/tfjs';
import { modelEvaluator } from '../analysis/evaluator.js';
import { interpolate, type InterpolationResult } from '../analysis/interpolation.js';
import { BATCH_SIZE_PROTOCOL_KNOBS, batchSizeProtocol, classificationData, cnnRunSpec, describeBatchSizeProtocol, finishRuns } from './common.js';
import { headOf, loadRunContext, splitTensors } from './context.js';
import { numberKnob, numberListKnob, resolveKnobs } from './overrides.js';
import type { Figure, Preset, PresetOptions, PresetRun, RunArtifacts } from './types.js';

export const interpolation: Preset = {
  id: 'interpolation',
  title: 'Interpolating between two solutions',
  description:
    'The shallow CNN trained twice on MNIST, at batch sizes 64 and 1024 (switchable, e.g. 32 and 64); train/test loss and accuracy at ' +
    'θ(α) = (1−α)θ₁ + αθ₂ for α from −1 to 2. Batch-norm running statistics are interpolated the same way as the weights.',
  figures: [
    { id: 'loss-vs-alpha', title: 'Loss along the line between the two solutions', kind: 'lines' },
    { id: 'accuracy-vs-alpha', title: 'Accuracy along the line between the two solutions', kind: 'lines' },
  ],
  knobs: [
    { key: 'batchSizes', description: 'The two batch sizes, comma-separated', quick: '64,1024', standard: '64,1024', full: '64,1024' },
    ...BATCH_SIZE_PROTOCOL_KNOBS,
    { key: 'alphas', description: 'Points on α ∈ [alphaMin, alphaMax]', quick: 13, standard: 31, full: 31, min: 2, integer: true },
    { key: 'alphaMin', description: 'Start of the α range', quick: -1, standard: -1, full: -1 },
    { key: 'alphaMax', description: 'End of the α range', quick: 2, standard: 2, full: 2 },
    { key: 'evalSize', description: 'Images of each split evaluated at every α (0 = all)', quick: 500, standard: 1000, full: 0, min: 0, integer: true },
  ],
  runs(options: PresetOptions): PresetRun[] {
    const knobs = resolveKnobs(interpolation, options);
    const batchSizes = numberListKnob(knobs, 'batchSizes');
    if (batchSizes.length !== 2) {
      throw new Error(`preset 'interpolation': knob 'batchSizes' must list exactly two batch sizes, got ${batchSizes.join(',')}`);
    }
    if (numberKnob(knobs, 'alphaMax') <= numberKnob(knobs, 'alphaMin')) {
      throw new Error(`preset 'interpolation': knob 'alphaMax' must be greater than 'alphaMin'`);
    }
    const data = classificationData('interpolation', options, {
      quick: { trainSize: 1000, testSize: 500 },
      standard: { trainSize: 2000, testSize: 1000 },
      full: { trainSize: 8000, testSize: 2000 },
    });
    const protocol = batchSizeProtocol(knobs);
    const runs = batchSizes.map(
      (batchSize, index): PresetRun => ({
        key: `bs${batchSize}${batchSizes.indexOf(batchSize) !== index ? `-${index}` : ''}`,
        group: `bs${batchSize}`,
        config: { batchSize },
        spec: cnnRunSpec('cnn-shallow', data, options.scale, { batchSize, seed: index, ...protocol }),
      }),
    );
    return finishRuns(interpolation, options, runs);
  },
  async analyze(runs, options, onProgress) {
    return analyzeInterpolation(runs, options, onProgress);
  },
};

/** Loss and accuracy on train and test along θ(α) between the two runs' final weights. */
async function analyzeInterpolation(runs: RunArtifacts[], options: PresetOptions, onProgress?: (fraction: number) => void): Promise<Figure[]> {
  const knobs = resolveKnobs(interpolation, options);
  if (runs.length !== 2) throw new Error(`preset 'interpolation': needs exactly two runs, got ${runs.length}`);
  const [first, second] = runs as [RunArtifacts, RunArtifacts];
  for (const run of runs) {
    if (run.end.status !== 'SUCCEEDED') throw new Error(`preset 'interpolation': run '${run.key}' ended ${run.end.status}; there is no line to draw`);
  }
  const context = await loadRunContext(first.spec);
  const evalSize = numberKnob(knobs, 'evalSize');
  const train = splitTensors(headOf(context.dataset.train, evalSize), context.dataset.inputShape);
  const test = splitTensors(headOf(context.dataset.test, evalSize), context.dataset.inputShape);
  const low = numberKnob(knobs, 'alphaMin');
  const high = numberKnob(knobs, 'alphaMax');
  const count = numberKnob(knobs, 'alphas');
  // α = 0 and α = 1 are always on the grid: they are the two models themselves.
  const alphas = [...new Set([...Array.from({ length: count }, (_, i) => low + ((high - low) * i) / (count - 1)), 0, 1])].sort((a, b) => a - b);
  const hasState = first.end.state.length > 0;
  let result: InterpolationResult;
  try {
    result = interpolate({
      thetaA: first.end.theta,
      thetaB: second.end.theta,
      ...(hasState ? { stateA: first.end.state, stateB: second.end.state, buffers: context.model.buffers } : {}),
      splits: {
        train: modelEvaluator(context.model, train, first.spec.loss),
        test: modelEvaluator(context.model, test, first.spec.loss),
      },
      alphas,
      ...(onProgress ? { onProgress } : {}),
    });
  } finally {
    tf.dispose([train.x, train.y, test.x, test.y]);
  }
  const x = { label: `α (0: ${first.key}, 1: ${second.key})`, scale: 'linear' as const };
  // α where an extrapolated running variance went negative and was clamped to 0: batch norm then
  // divides by √ε alone there, so the numbers at those α (losses of ~1e4) are of a patched model.
  const clamped = new Set(result.clampedVarianceAlphas);
  const clampNote = `${clamped.size > 0 ? ' (marked: α where extrapolated batch-norm variances were clamped to 0)' : ''}; ${describeBatchSizeProtocol(runs)}`;
  const series = (metric: 'loss' | 'accuracy') =>
    result.splits.map((split) => ({
      label: split.name,
      dashed: split.name === 'test',
      ...(clamped.size > 0 ? { markedLabel: 'a batch-norm running variance extrapolated below 0 was clamped to 0' } : {}),
      points: result.alphas.map((alpha, i) => ({
        x: alpha,
        y: (metric === 'loss' ? split.loss : split.accuracy ?? [])[i] ?? Number.NaN,
        ...(clamped.has(alpha) ? { marked: true } : {}),
      })),
    }));
  const figures: Figure[] = [
    { id: 'loss-vs-alpha', title: `Loss along the line between the two solutions${clampNote}`, data: { kind: 'lines', x, y: { label: 'loss', scale: 'log' }, series: series('loss') } },
  ];
  if (result.splits.every((split) => split.accuracy)) {
    figures.push({
      id: 'accuracy-vs-alpha',
      title: `Accuracy along the line between the two solutions${clampNote}`,
      data: { kind: 'lines', x, y: { label: 'accuracy', scale: 'linear' }, series: series('accuracy') },
    });
  }
  return figures;
}
