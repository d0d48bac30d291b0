/**
 * HW1 1-2 "visualise the optimisation process": the same network trained several times from
 * different seeds, its weights saved every few epochs, and all snapshots projected by one PCA to
 * two dimensions — for the whole model and for one layer — with the loss at each point.
 */
import { finishRuns, spec, zooSpec } from './common.js';
import { numberKnob, resolveKnobs } from './overrides.js';
import type { Figure, Preset, PresetOptions, PresetRun, RunArtifacts } from './types.js';

export const pcaTrajectories: Preset = {
  id: 'pca-trajectories',
  title: 'Optimisation paths by PCA',
  description:
    'The deep 573-parameter MLP trained on sin(5x)/(5x) from several seeds (8 at full scale), weights saved every 5 epochs; ' +
    'one PCA of all snapshots gives 2-D paths for the whole model and for one layer, with the training loss at each point.',
  figures: [
    { id: 'loss', title: 'Training loss vs epoch', kind: 'metric-lines', metrics: ['train/loss'], x: 'epoch', yScale: 'log' },
    { id: 'pca', title: 'Trajectories in the top-2 PCA plane', kind: 'paths' },
  ],
  knobs: [
    { key: 'runs', description: 'Trainings from different seeds', quick: 3, full: 8, min: 1, integer: true },
    { key: 'layer', description: 'Layer shown in the second view (a layer name like dense_3; empty = the layer with most parameters)', quick: '', full: '' },
  ],
  runs(options: PresetOptions): PresetRun[] {
    const knobs = resolveKnobs(pcaTrajectories, options);
    const count = numberKnob(knobs, 'runs');
    const runs = Array.from(
      { length: count },
      (_, index): PresetRun => ({
        key: `seed${index}`,
        group: 'mlp-deep',
        config: { seed: index },
        spec: spec({
          model: zooSpec('mlp-deep'),
          data: { kind: 'function', fn: 'sinc5', n: 1000, sampling: 'grid' },
          loss: 'mse',
          optimizer: { kind: 'adam', lr: 1e-3 },
          batchSize: 100,
          epochs: options.scale === 'quick' ? 30 : 150,
          seed: index,
          snapshotEvery: 5,
          evalEvery: 5,
          gradNormEvery: 10,
        }),
      }),
    );
    return finishRuns(pcaTrajectories, options, runs);
  },
  async analyze(runs, options, onProgress) {
    return analyzePca(runs, options, onProgress);
  },
};

async function analyzePca(runs: RunArtifacts[], options: PresetOptions, onProgress?: (fraction: number) => void): Promise<Figure[]> {
  void runs; void options; void onProgress;
  throw new Error('analyzePca: not yet');
}
