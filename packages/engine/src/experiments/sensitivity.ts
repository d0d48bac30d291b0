/**
 * HW1 1-3 "flatness vs generalisation, part 2": the same CNN trained at batch sizes 64 … 1024;
 * for each, final loss and accuracy, the input sensitivity ‖∂f/∂x‖_F (softmax outputs, averaged
 * over test images) and Keskar's ε-sharpness, against the batch size.
 */
import { classificationData, finishRuns, spec, zooSpec } from './common.js';
import { numberListKnob, resolveKnobs } from './overrides.js';
import type { Figure, Preset, PresetOptions, PresetRun, RunArtifacts } from './types.js';

export const sensitivity: Preset = {
  id: 'sensitivity',
  title: 'Sensitivity and sharpness vs batch size',
  description:
    'The shallow CNN trained on MNIST at batch sizes 64, 128, 256, 512 and 1024; final loss/accuracy, input sensitivity (Frobenius norm of the softmax Jacobian, mean over test images) ' +
    'and ε-sharpness (Keskar et al.) against batch size.',
  figures: [
    { id: 'loss-vs-batch', title: 'Final loss vs batch size', kind: 'lines' },
    { id: 'accuracy-vs-batch', title: 'Final accuracy vs batch size', kind: 'lines' },
    { id: 'sensitivity-vs-batch', title: 'Sensitivity vs batch size', kind: 'lines' },
    { id: 'sharpness-vs-batch', title: 'Sharpness vs batch size', kind: 'lines' },
  ],
  knobs: [
    { key: 'batchSizes', description: 'Batch sizes, comma-separated', quick: '64,128,256,512,1024', full: '64,128,256,512,1024' },
    { key: 'sensitivitySamples', description: 'Test images the sensitivity is averaged over', quick: 50, full: 1000, min: 1, integer: true },
    { key: 'sharpnessEpsilon', description: 'ε of the sharpness box ε(|θ|+1)', quick: 1e-3, full: 1e-3, min: 0 },
    { key: 'sharpnessSteps', description: 'Projected ascent steps of the sharpness search', quick: 5, full: 20, min: 1, integer: true },
    { key: 'sharpnessSamples', description: 'Training images the sharpness loss uses', quick: 256, full: 2000, min: 1, integer: true },
  ],
  runs(options: PresetOptions): PresetRun[] {
    const knobs = resolveKnobs(sensitivity, options);
    const quick = options.scale === 'quick';
    const data = classificationData('sensitivity', options, {
      quick: { trainSize: 1000, testSize: 500 },
      full: { trainSize: 8000, testSize: 2000 },
    });
    const runs = [...new Set(numberListKnob(knobs, 'batchSizes'))].map(
      (batchSize): PresetRun => ({
        key: `bs${batchSize}`,
        group: 'sweep',
        config: { batchSize },
        spec: spec({
          model: zooSpec('cnn-shallow'),
          data,
          loss: 'cross-entropy',
          optimizer: { kind: 'adam', lr: 1e-3 },
          batchSize,
          epochs: quick ? 2 : 20,
          seed: 0,
          evalEvery: 1,
          gradNormEvery: 10,
        }),
      }),
    );
    return finishRuns(sensitivity, options, runs);
  },
  async analyze(runs, options, onProgress) {
    return analyzeSensitivity(runs, options, onProgress);
  },
};

async function analyzeSensitivity(runs: RunArtifacts[], options: PresetOptions, onProgress?: (fraction: number) => void): Promise<Figure[]> {
  void runs; void options; void onProgress;
  throw new Error('analyzeSensitivity: not yet');
}
