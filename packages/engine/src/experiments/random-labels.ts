/**
 * HW1 1-3 "can the network fit random labels": the 34,634-parameter CNN trained with Adam on
 * MNIST whose training labels are shuffled. The training accuracy climbs far above chance while
 * the test accuracy stays at chance: the network memorises.
 */
import { resolveRunSpec } from '../config.js';
import { classificationData, finishRuns, zooSpec } from './common.js';
import type { Preset, PresetOptions, PresetRun } from './types.js';

export const randomLabels: Preset = {
  id: 'random-labels',
  title: 'Fitting random labels',
  description:
    'The shallow CNN (34,634 params on 32×32×3) trained with Adam (lr 1e-3) on MNIST with shuffled training labels; ' +
    'quick scale memorises a small subset (a few hundred images) so it happens in seconds.',
  figures: [
    { id: 'loss', title: 'Loss vs epoch', kind: 'metric-lines', metrics: ['train/loss', 'test/loss'], x: 'epoch', yScale: 'linear' },
    { id: 'accuracy', title: 'Accuracy vs epoch', kind: 'metric-lines', metrics: ['train/accuracy', 'test/accuracy'], x: 'epoch', yScale: 'linear' },
  ],
  knobs: [],
  runs(options: PresetOptions): PresetRun[] {
    const quick = options.scale === 'quick';
    const runs: PresetRun[] = [
      {
        key: 'random-labels',
        group: 'cnn-shallow',
        config: { model: 'cnn-shallow', randomLabels: true },
        spec: resolveRunSpec({
          model: zooSpec('cnn-shallow'),
          data: classificationData(
            'random-labels',
            options,
            { quick: { trainSize: 300, testSize: 300 }, full: { trainSize: 8000, testSize: 2000 } },
            { randomLabels: true },
          ),
          loss: 'cross-entropy',
          optimizer: { kind: 'adam', lr: 1e-3 },
          batchSize: quick ? 32 : 64,
          epochs: quick ? 15 : 200,
          seed: 0,
          evalEvery: quick ? 3 : 1,
          gradNormEvery: 10,
        }),
      },
    ];
    return finishRuns(randomLabels, options, runs);
  },
  async analyze() {
    return [];
  },
};
