/**
 * HW1 1-2 "observe gradient norm during training": ‖∇L‖ of every minibatch next to the loss, on
 * sin(5x)/(5x) and (at full scale) MNIST. The norm spikes and falls as the loss plateaus and drops.
 */
import { resolveRunSpec } from '../config.js';
import { atScale, classificationData, cnnRunSpec, finishRuns, zooSpec } from './common.js';
import { booleanKnob, resolveKnobs } from './overrides.js';
import type { Preset, PresetOptions, PresetRun } from './types.js';

export const gradientNorm: Preset = {
  id: 'gradient-norm',
  title: 'Gradient norm during training',
  description:
    'The deep 573-parameter MLP on sin(5x)/(5x) (and the 34,634-parameter CNN on MNIST at full scale), recording ‖∇L‖ and the loss of every minibatch.',
  figures: [
    { id: 'grad-norm', title: 'Gradient norm and loss vs iteration', kind: 'metric-lines', metrics: ['grad_norm', 'batch/loss'], x: 'step', yScale: 'log' },
  ],
  knobs: [{ key: 'withMnist', description: 'Also train the shallow CNN on MNIST', quick: false, standard: true, full: true }],
  runs(options: PresetOptions): PresetRun[] {
    const knobs = resolveKnobs(gradientNorm, options);
    const runs: PresetRun[] = [
      {
        key: 'sinc5',
        group: 'mlp-deep',
        config: { model: 'mlp-deep', data: 'sinc5' },
        spec: resolveRunSpec({
          model: zooSpec('mlp-deep'),
          data: { kind: 'function', fn: 'sinc5', n: 1000, sampling: 'grid' },
          loss: 'mse',
          optimizer: { kind: 'adam', lr: 1e-3 },
          batchSize: 100,
          epochs: atScale(options.scale, { quick: 50, standard: 500, full: 2000 }),
          seed: 0,
          evalEvery: atScale(options.scale, { quick: 5, standard: 10, full: 20 }),
          gradNormEvery: 1,
        }),
      },
    ];
    if (booleanKnob(knobs, 'withMnist')) {
      runs.push({
        key: 'mnist',
        group: 'cnn-shallow',
        config: { model: 'cnn-shallow', data: options.dataset?.name ?? options.data ?? 'mnist' },
        spec: cnnRunSpec(
          'cnn-shallow',
          classificationData('gradient-norm', options, {
            quick: { trainSize: 1000, testSize: 500 },
            standard: { trainSize: 2000, testSize: 1000 },
            full: { trainSize: 8000, testSize: 2000 },
          }),
          options.scale,
          { gradNormEvery: 1 },
        ),
      });
    }
    return finishRuns(gradientNorm, options, runs);
  },
  async analyze() {
    return [];
  },
};
