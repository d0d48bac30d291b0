/**
 * The loss surface around a trained network (Li et al. 2018): one training with snapshots, then a
 * 2-D grid of the loss on the plane of the trajectory's top-2 PCA directions (or of two random
 * filter-normalised directions) centred on the final weights, with the trajectory projected onto
 * it, and 1-D slices through the centre.
 */
import { classificationData, finishRuns, spec, zooSpec } from './common.js';
import { numberKnob, resolveKnobs } from './overrides.js';
import type { Figure, Preset, PresetOptions, PresetRun, RunArtifacts } from './types.js';

export const lossLandscape: Preset = {
  id: 'loss-landscape',
  title: 'Loss landscape with the optimisation path',
  description:
    'The shallow CNN trained on MNIST with snapshots every epoch; the training loss on a grid (51×51 over [−1, 1]² at full scale) ' +
    'along the top-2 PCA directions of the trajectory (or random filter-normalised ones), the trajectory projected on it, and 1-D slices.',
  figures: [
    { id: 'loss', title: 'Loss vs epoch', kind: 'metric-lines', metrics: ['train/loss', 'test/loss'], x: 'epoch', yScale: 'log' },
    { id: 'landscape', title: 'Loss landscape around the trained weights', kind: 'grid' },
  ],
  knobs: [
    { key: 'directions', description: 'Plane of the grid: pca (of the trajectory) or random (filter-normalised)', quick: 'pca', full: 'pca', choices: ['pca', 'random'] },
    { key: 'gridSize', description: 'Points per axis of the grid', quick: 11, full: 51, min: 3, integer: true },
    { key: 'range', description: 'The grid spans [−range, range] on each axis', quick: 1, full: 1, min: 0 },
    { key: 'evalSize', description: 'Training images the loss is evaluated on at every grid point (0 = all)', quick: 200, full: 2000, min: 0, integer: true },
  ],
  runs(options: PresetOptions): PresetRun[] {
    const knobs = resolveKnobs(lossLandscape, options);
    numberKnob(knobs, 'gridSize');
    const quick = options.scale === 'quick';
    const runs: PresetRun[] = [
      {
        key: 'cnn-shallow',
        group: 'cnn-shallow',
        config: { model: 'cnn-shallow' },
        spec: spec({
          model: zooSpec('cnn-shallow'),
          data: classificationData('loss-landscape', options, {
            quick: { trainSize: 1000, testSize: 500 },
            full: { trainSize: 8000, testSize: 2000 },
          }),
          loss: 'cross-entropy',
          optimizer: { kind: 'adam', lr: 1e-3 },
          batchSize: 64,
          epochs: quick ? 3 : 20,
          seed: 0,
          snapshotEvery: 1,
          evalEvery: 1,
          gradNormEvery: 10,
        }),
      },
    ];
    return finishRuns(lossLandscape, options, runs);
  },
  async analyze(runs, options, onProgress) {
    return analyzeLandscape(runs, options, onProgress);
  },
};

async function analyzeLandscape(runs: RunArtifacts[], options: PresetOptions, onProgress?: (fraction: number) => void): Promise<Figure[]> {
  void runs; void options; void onProgress;
  throw new Error('analyzeLandscape: not yet');
}
