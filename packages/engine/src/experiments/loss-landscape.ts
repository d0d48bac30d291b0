/**
 * The loss surface around a trained network (Li et al. 2018): one training with snapshots, then a
 * 2-D grid of the loss on the plane of the trajectory's top-2 PCA directions (or of two random
 * filter-normalised directions) centred on the final weights, with the trajectory projected onto
 * it, and 1-D slices through the centre.
 */
import * as tf from '@tensorflow/tfjs';
import { modelEvaluator } from '../analysis/evaluator.js';
import { lossLandscape2D, type Landscape2D, type LandscapeDirections } from '../analysis/landscape.js';
import { trajectoryPlaneDirections } from '../analysis/pca.js';
import { atScale, classificationData, cnnRunSpec, finishRuns } from './common.js';
import { headOf, loadRunContext, splitTensors } from './context.js';
import { numberKnob, resolveKnobs, stringKnob } from './overrides.js';
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
    { key: 'directions', description: 'Plane of the grid: pca (of the trajectory) or random (filter-normalised)', quick: 'pca', standard: 'pca', full: 'pca', choices: ['pca', 'random'] },
    { key: 'gridSize', description: 'Points per axis of the grid', quick: 9, standard: 25, full: 51, min: 3, integer: true },
    { key: 'range', description: 'The grid spans [−range, range] on each axis', quick: 1, standard: 1, full: 1, min: 0 },
    { key: 'evalSize', description: 'Training images the loss is evaluated on at every grid point (0 = all)', quick: 100, standard: 500, full: 1000, min: 0, integer: true },
  ],
  runs(options: PresetOptions): PresetRun[] {
    const knobs = resolveKnobs(lossLandscape, options);
    numberKnob(knobs, 'gridSize');
    const runs: PresetRun[] = [
      {
        key: 'cnn-shallow',
        group: 'cnn-shallow',
        config: { model: 'cnn-shallow' },
        spec: cnnRunSpec(
          'cnn-shallow',
          classificationData('loss-landscape', options, {
            quick: { trainSize: 600, testSize: 300 },
            standard: { trainSize: 2000, testSize: 1000 },
            full: { trainSize: 8000, testSize: 2000 },
          }),
          options.scale,
          { epochs: atScale(options.scale, { quick: 3, standard: 10, full: 20 }), snapshotEvery: 1 },
        ),
      },
    ];
    return finishRuns(lossLandscape, options, runs);
  },
  async analyze(runs, options, onProgress) {
    return analyzeLandscape(runs, options, onProgress);
  },
};

/**
 * The 2-D landscape around the final θ. With `pca` directions, each of the top-2 principal
 * directions of the trajectory is scaled to the path's extent along it, so the path spans about
 * [−1, 1]² and the grid shows where it went; `random` directions are filter-normalised (Li et al.).
 */
async function analyzeLandscape(runs: RunArtifacts[], options: PresetOptions, onProgress?: (fraction: number) => void): Promise<Figure[]> {
  const knobs = resolveKnobs(lossLandscape, options);
  const run = runs.find((candidate) => candidate.end.status === 'SUCCEEDED');
  if (!run) throw new Error(`preset 'loss-landscape': no run succeeded`);
  const context = await loadRunContext(run.spec);
  const theta = run.end.theta;
  const trajectory = run.snapshots.map((snapshot) => ({ theta: snapshot.theta, epoch: snapshot.epoch }));
  const directions: LandscapeDirections =
    stringKnob(knobs, 'directions') === 'pca' ? { kind: 'given', vectors: trajectoryDirections(theta, run), label: 'top-2 PCA of the trajectory' } : { kind: 'random-filter-normalized', seed: run.spec.seed };
  const range = numberKnob(knobs, 'range');
  const data = splitTensors(headOf(context.dataset.train, numberKnob(knobs, 'evalSize')), context.dataset.inputShape);
  const state = run.end.state.length > 0 ? tf.tensor1d(run.end.state) : undefined;
  let landscape: Landscape2D;
  try {
    landscape = lossLandscape2D({
      evaluate: modelEvaluator(context.model, data, run.spec.loss, state),
      theta,
      params: context.model.params,
      directions,
      range: [-range, range],
      resolution: numberKnob(knobs, 'gridSize'),
      ...(trajectory.length > 1 ? { trajectory } : {}),
      ...(onProgress ? { onProgress } : {}),
    });
  } finally {
    tf.dispose([data.x, data.y, ...(state ? [state] : [])]);
  }
  const axisLabel = directions.kind === 'given' ? ['PC 1 (scaled to the path)', 'PC 2 (scaled to the path)'] : ['direction 1 (filter-normalised)', 'direction 2 (filter-normalised)'];
  return [
    {
      id: 'landscape',
      title: `Training loss around the trained weights (${directions.kind === 'given' ? 'trajectory PCA plane' : 'random filter-normalised plane'})`,
      data: {
        kind: 'grid',
        x: { label: axisLabel[0]!, scale: 'linear' },
        y: { label: axisLabel[1]!, scale: 'linear' },
        xs: landscape.xs,
        ys: landscape.ys,
        values: landscape.loss,
        valueLabel: 'training loss',
        ...(landscape.path ? { path: landscape.path.map(({ x, y, epoch }) => (epoch === undefined ? { x, y } : { x, y, epoch })) } : {}),
        slices: landscape.slices,
      },
    },
  ];
}

/** The preset's PCA plane, with its own advice when the run has too few snapshots. */
function trajectoryDirections(center: Float32Array, run: RunArtifacts): Float32Array[] {
  if (run.snapshots.length < 3) {
    throw new Error(`preset 'loss-landscape': pca directions need at least 3 snapshots, run '${run.key}' has ${run.snapshots.length} (set snapshotEvery)`);
  }
  return trajectoryPlaneDirections(center, run.snapshots.map((s) => s.theta));
}
