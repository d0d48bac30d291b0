/**
 * What an analysis of a stored run reads: the model, the final weights and the examples. A run
 * Saddle trained has its spec (model, data, seed, loss); a run a script logged has the model a
 * `save_model` uploaded (`model.json`) and weights in Saddle's layout, and its examples and loss
 * come with the request (options.data, options.loss), since Saddle never saw its data. A landscape
 * on the PCA plane also reads the run's weight snapshots (its trajectory).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inputShapeOf, type RunAnalysisInput } from '../engine.js';
import type { ModelSpec } from '@saddle/engine';
import { readWeights } from '../store/artifact-files.js';
import { getRunFile, weightFilesOf } from '../store/run-files.js';
import type { RunAnalysisRecord } from '../store/run-analyses.js';
import type { Store } from '../store/store.js';
import { analysisDataOption } from '../runs/run-analysis.options.js';

/** The name `save_model` uploads a logged run's architecture as. */
export const MODEL_FILE = 'model.json';

export async function runAnalysisInput(store: Store, dataDir: string, analysis: RunAnalysisRecord): Promise<RunAnalysisInput> {
  const run = await store.getRun(analysis.runId);
  if (!run) throw new Error(`run ${analysis.runId} no longer exists`);
  const files = await weightFilesOf(store, run.id);
  const final = files.find((w) => w.kind === 'final');
  if (!final) throw new Error(`run ${run.id} has no final weights: train it to the end, or upload them (run.save_model in Python, PUT /artifacts/runs/${run.id}/weights)`);
  const { theta, state } = readWeights(dataDir, final.path, final.thetaLength, final.stateLength);
  const { data, loss } = analysisDataOption(analysis.options);
  // Only a landscape on the PCA plane reads the trajectory (snapshots oldest first; weightFilesOf orders by step).
  const wantsTrajectory = analysis.kind === 'landscape' && analysis.options.plane === 'pca';
  const snapshots = wantsTrajectory
    ? files.filter((w) => w.kind === 'snapshot').map((w) => ({ epoch: w.epoch, theta: readWeights(dataDir, w.path, w.thetaLength, w.stateLength).theta }))
    : [];
  const trajectory = snapshots.length > 0 ? { snapshots } : {};
  if (run.spec) {
    return { model: run.spec.model, inputShape: inputShapeOf(run.spec.data), theta, state, loss: loss ?? run.spec.loss, data: data ? { inline: data } : { spec: run.spec.data, seed: run.spec.seed }, ...trajectory };
  }
  const file = await getRunFile(store, run.id, MODEL_FILE);
  if (!file) throw new Error(`run ${run.id} was logged without its model: upload ${MODEL_FILE} with run.save_model(module) so Saddle knows the architecture`);
  const document = JSON.parse(readFileSync(join(dataDir, file.path), 'utf8')) as { spec: ModelSpec; inputShape: number[] };
  if (!data || !loss) throw new Error(`run ${run.id} was logged from a script, so Saddle has none of its data: pass options.data {x, y} (its examples) and options.loss (MSE or CROSS_ENTROPY)`);
  return { model: document.spec, inputShape: document.inputShape, theta, state, loss, data: { inline: data }, ...trajectory };
}
