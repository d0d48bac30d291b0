/**
 * HW1 1-2 "visualise the optimisation process": the same network trained several times from
 * different seeds, its weights saved every few epochs, and all snapshots projected by one PCA to
 * two dimensions — for the whole model and for one layer — with the loss at each point.
 */
import { pcaOfTrajectories, type PcaResult, type TrajectoryInput } from '../analysis/pca.js';
import { resolveRunSpec } from '../config.js';
import { inputShapeOf } from '../data/shapes.js';
import { buildModel } from '../models/model.js';
import type { Model } from '../models/model.types.js';
import { atScale, finishRuns, zooSpec } from './common.js';
import { evaluateAt, loadRunContext } from './context.js';
import { numberKnob, resolveKnobs, stringKnob } from './overrides.js';
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
    { key: 'runs', description: 'Trainings from different seeds', quick: 3, standard: 8, full: 8, min: 1, integer: true },
    { key: 'layer', description: 'Layer shown in the second view (a layer name like dense_3; empty = the layer with most parameters)', quick: '', standard: '', full: '' },
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
        spec: resolveRunSpec({
          model: zooSpec('mlp-deep'),
          data: { kind: 'function', fn: 'sinc5', n: 1000, sampling: 'grid' },
          loss: 'mse',
          optimizer: { kind: 'adam', lr: 1e-3 },
          batchSize: 100,
          epochs: atScale(options.scale, { quick: 30, standard: 100, full: 150 }),
          seed: index,
          snapshotEvery: 5,
          evalEvery: 5,
          gradNormEvery: 10,
        }),
      }),
    );
    const finished = finishRuns(pcaTrajectories, options, runs);
    const layer = stringKnob(knobs, 'layer');
    const first = finished[0];
    if (layer && first) {
      const layers = [...new Set(buildModel(first.spec.model, inputShapeOf(first.spec.data)).params.map((p) => p.layerName))];
      if (!layers.includes(layer)) {
        throw new Error(`preset 'pca-trajectories': knob 'layer' must name a layer with parameters (${layers.join(', ')}), got '${layer}'`);
      }
    }
    return finished;
  },
  async analyze(runs, options, onProgress) {
    return analyzePca(runs, options, onProgress);
  },
};

/**
 * One PCA over every snapshot of every run (whole model), and one over a single layer's
 * coordinates, with the training loss recomputed at each snapshot.
 */
async function analyzePca(runs: RunArtifacts[], options: PresetOptions, onProgress?: (fraction: number) => void): Promise<Figure[]> {
  const knobs = resolveKnobs(pcaTrajectories, options);
  const usable = runs.filter((run) => run.snapshots.length > 0);
  if (usable.length === 0) throw new Error(`preset 'pca-trajectories': no run has snapshots (snapshotEvery must be > 0)`);
  const cache = new Map();
  const trajectories: TrajectoryInput[] = [];
  let model: Model | undefined;
  for (const [index, run] of usable.entries()) {
    const context = await loadRunContext(run.spec, cache);
    model ??= context.model;
    const metrics = run.snapshots.map((snapshot) => evaluateAt(context, run.spec.loss, context.dataset.train, snapshot.theta, snapshot.state));
    trajectories.push({
      label: run.key,
      runKey: run.key,
      snapshots: run.snapshots.map((snapshot) => snapshot.theta),
      epochs: run.snapshots.map((snapshot) => snapshot.epoch),
      losses: metrics.map((m) => m.loss),
      ...(metrics.every((m) => m.accuracy !== undefined) ? { accuracies: metrics.map((m) => m.accuracy!) } : {}),
    });
    onProgress?.((0.8 * (index + 1)) / usable.length);
  }
  const layer = stringKnob(knobs, 'layer') || largestLayer(model!);
  const whole = pcaOfTrajectories(trajectories);
  const single = pcaOfTrajectories(trajectories, { layer, params: model!.params });
  onProgress?.(1);
  const view = (id: string, label: string, result: PcaResult) => ({
    id,
    label,
    explainedVariance: result.explainedVarianceRatio,
    paths: result.paths.map((path) => ({
      label: path.label,
      ...(path.runKey ? { runKey: path.runKey } : {}),
      points: path.points.map((point) => ({
        x: point.x,
        y: point.y,
        epoch: point.epoch,
        ...(point.loss !== undefined ? { loss: point.loss } : {}),
        ...(point.accuracy !== undefined ? { accuracy: point.accuracy } : {}),
      })),
    })),
  });
  return [
    {
      id: 'pca',
      title: 'Trajectories in the top-2 PCA plane',
      data: {
        kind: 'paths',
        x: { label: 'PC 1', scale: 'linear' },
        y: { label: 'PC 2', scale: 'linear' },
        explainedVariance: whole.explainedVarianceRatio,
        views: [view('model', 'whole model', whole), view(`layer:${layer}`, `layer ${layer}`, single)],
      },
    },
  ];
}

/** The layer with the most parameters: the default single-layer view. */
function largestLayer(model: Model): string {
  const sizes = new Map<string, number>();
  for (const param of model.params) sizes.set(param.layerName, (sizes.get(param.layerName) ?? 0) + param.size);
  return [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}
