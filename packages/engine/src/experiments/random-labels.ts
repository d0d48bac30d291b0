/**
 * HW1 1-3 "can the network fit random labels": the 34,634-parameter CNN trained with Adam on
 * MNIST whose training labels are shuffled. The training accuracy climbs far above chance while
 * the test accuracy stays at chance: the network memorises.
 */
import { atScale, classificationData, cnnRunSpec, finishRuns } from './common.js';
import type { Preset, PresetOptions, PresetRun } from './types.js';

export const randomLabels: Preset = {
  id: 'random-labels',
  title: 'Fitting random labels',
  description:
    'The shallow CNN (34,634 params on 32×32×3) trained with Adam (lr 1e-3) on MNIST with shuffled training labels; ' +
    'quick scale memorises a small subset (a few hundred images) so it happens in seconds; standard 1,000 images for 150 epochs; full 8,000 for 200.',
  figures: [
    { id: 'loss', title: 'Loss vs epoch', kind: 'metric-lines', metrics: ['train/loss', 'test/loss'], x: 'epoch', yScale: 'linear' },
    { id: 'accuracy', title: 'Accuracy vs epoch', kind: 'metric-lines', metrics: ['train/accuracy', 'test/accuracy'], x: 'epoch', yScale: 'linear' },
  ],
  knobs: [],
  runs(options: PresetOptions): PresetRun[] {
    const runs: PresetRun[] = [
      {
        key: 'random-labels',
        group: 'cnn-shallow',
        config: { model: 'cnn-shallow', randomLabels: true },
        spec: cnnRunSpec(
          'cnn-shallow',
          classificationData(
            'random-labels',
            options,
            { quick: { trainSize: 300, testSize: 300 }, standard: { trainSize: 1000, testSize: 1000 }, full: { trainSize: 8000, testSize: 2000 } },
            { randomLabels: true },
          ),
          options.scale,
          {
            batchSize: atScale(options.scale, { quick: 32, standard: 64, full: 64 }),
            epochs: atScale(options.scale, { quick: 15, standard: 150, full: 200 }),
            evalEvery: atScale(options.scale, { quick: 3, standard: 2, full: 1 }),
          },
        ),
      },
    ];
    return finishRuns(randomLabels, options, runs);
  },
  async analyze() {
    return [];
  },
};
