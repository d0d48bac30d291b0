/**
 * HW1 1-1 "train on actual tasks": a shallow (34,634) and a deep (34,658) CNN with about the same
 * parameter count on MNIST (or CIFAR-10). Their curves are the figure; there is no analysis step.
 */
import { classificationData, cnnRunSpec, finishRuns, withSeeds } from './common.js';
import { numberKnob, resolveKnobs, stringListKnob } from './overrides.js';
import type { Preset, PresetOptions, PresetRun } from './types.js';

export const trainCnn: Preset = {
  id: 'train-cnn',
  title: 'Train on a real task: shallow vs deep CNN',
  description:
    'The shallow (conv16-BN-pool-conv32-BN-pool-dense10, 34,634 params on 32×32×3) and deep (five conv-BN, 34,658) CNNs ' +
    'trained with Adam (lr 1e-3, batch 64) on MNIST — resampled to 32×32×3 at full scale so the counts are HW1\'s, native 28×28×1 at quick — or CIFAR-10.',
  figures: [
    { id: 'loss', title: 'Loss vs epoch', kind: 'metric-lines', metrics: ['train/loss', 'test/loss'], x: 'epoch', yScale: 'log' },
    { id: 'accuracy', title: 'Accuracy vs epoch', kind: 'metric-lines', metrics: ['train/accuracy', 'test/accuracy'], x: 'epoch', yScale: 'linear' },
  ],
  knobs: [
    { key: 'models', description: 'Comma-separated zoo CNNs to compare', quick: 'cnn-shallow,cnn-deep', standard: 'cnn-shallow,cnn-deep', full: 'cnn-shallow,cnn-deep' },
    // Which of two nets of one size trains better can depend on the draw; decided over seeds.
    { key: 'seeds', description: 'Trainings of every model, from seeds seed … seed+seeds−1', quick: 1, standard: 3, full: 5, min: 1, integer: true },
  ],
  runs(options: PresetOptions): PresetRun[] {
    const knobs = resolveKnobs(trainCnn, options);
    const data = classificationData('train-cnn', options, {
      quick: { trainSize: 600, testSize: 300 },
      standard: { trainSize: 4000, testSize: 1000 },
      full: { trainSize: 8000, testSize: 2000 },
    });
    const runs = stringListKnob(knobs, 'models').map(
      (model): PresetRun => ({
        key: model,
        group: model,
        config: { model, data: data.kind === 'dataset' ? data.name : data.kind },
        spec: cnnRunSpec(model, data, options.scale, { gradNormEvery: 1 }),
      }),
    );
    return finishRuns(trainCnn, options, withSeeds(runs, numberKnob(knobs, 'seeds')));
  },
  async analyze() {
    return [];
  },
};
