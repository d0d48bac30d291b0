/**
 * HW1 1-3 "flatness vs generalisation, part 1": two trainings of one CNN that differ only in
 * batch size, and the loss and accuracy along the straight line θ(α) = (1−α)θ₁ + αθ₂, α ∈ [−1, 2].
 */
import { classificationData, finishRuns, spec, zooSpec } from './common.js';
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
    { key: 'batchSizes', description: 'The two batch sizes, comma-separated', quick: '64,1024', full: '64,1024' },
    { key: 'alphas', description: 'Points on α ∈ [alphaMin, alphaMax]', quick: 13, full: 31, min: 2, integer: true },
    { key: 'alphaMin', description: 'Start of the α range', quick: -1, full: -1 },
    { key: 'alphaMax', description: 'End of the α range', quick: 2, full: 2 },
    { key: 'evalSize', description: 'Images of each split evaluated at every α (0 = all)', quick: 500, full: 0, min: 0, integer: true },
  ],
  runs(options: PresetOptions): PresetRun[] {
    const knobs = resolveKnobs(interpolation, options);
    const quick = options.scale === 'quick';
    const batchSizes = numberListKnob(knobs, 'batchSizes');
    if (batchSizes.length !== 2) {
      throw new Error(`preset 'interpolation': knob 'batchSizes' must list exactly two batch sizes, got ${batchSizes.join(',')}`);
    }
    if (numberKnob(knobs, 'alphaMax') <= numberKnob(knobs, 'alphaMin')) {
      throw new Error(`preset 'interpolation': knob 'alphaMax' must be greater than 'alphaMin'`);
    }
    const data = classificationData('interpolation', options, {
      quick: { trainSize: 1000, testSize: 500 },
      full: { trainSize: 8000, testSize: 2000 },
    });
    const runs = batchSizes.map(
      (batchSize, index): PresetRun => ({
        key: `bs${batchSize}${batchSizes.indexOf(batchSize) !== index ? `-${index}` : ''}`,
        group: `bs${batchSize}`,
        config: { batchSize },
        spec: spec({
          model: zooSpec('cnn-shallow'),
          data,
          loss: 'cross-entropy',
          optimizer: { kind: 'adam', lr: 1e-3 },
          batchSize,
          epochs: quick ? 3 : 20,
          seed: index,
          evalEvery: 1,
          gradNormEvery: 10,
        }),
      }),
    );
    return finishRuns(interpolation, options, runs);
  },
  async analyze(runs, options, onProgress) {
    return analyzeInterpolation(runs, options, onProgress);
  },
};

async function analyzeInterpolation(runs: RunArtifacts[], options: PresetOptions, onProgress?: (fraction: number) => void): Promise<Figure[]> {
  void runs; void options; void onProgress;
  throw new Error('analyzeInterpolation: not yet');
}
