/**
 * The documents an experiment is handed out as: the result (what `saddle run --json` prints)
 * and the full export (`saddle export`): specs, every metric point unsampled, analysis results,
 * each run's final weights split per layer with shapes (labelled with the step they were taken
 * at, and the loss and ‖∇L‖ there), every snapshot's flat θ and state (unless left out), and the
 * data spec needed to recompute any number elsewhere: PCA paths and landscapes come from the
 * snapshots alone.
 */
import { buildModel, inputShapeOf } from '../engine.js';
import { NotFoundError } from '../errors.js';
import { readWeights } from '../store/artifact-files.js';
import { lastValues } from '../store/run-summary.js';
import type { RunRecord, StoredMetricPoint } from '../store/records.js';
import type { Store } from '../store/store.js';

export const EXPORT_FORMAT = 'saddle-export/1';

/** A run's outcome; a logged run's `final`/`steps` are its last values (store/run-summary.ts), as the API answers them. */
async function runResult(store: Store, run: RunRecord) {
  const logged = run.external ? await lastValues(store, run.id) : undefined;
  return {
    id: run.id,
    key: run.key,
    group: run.group,
    config: run.config,
    status: run.status,
    error: run.error,
    external: run.external,
    steps: logged ? logged.steps : (run.end?.steps ?? null),
    epochs: run.end?.epochs ?? null,
    durationMs: run.end?.durationMs ?? null,
    // A non-finite last value is null, as in the exported series (groupByKey).
    final: logged ? Object.fromEntries(Object.entries(logged.final).map(([key, value]) => [key, typeof value === 'number' ? value : null])) : (run.end?.final ?? null),
    ...(run.rawConfig && { rawConfig: run.rawConfig }),
    ...(run.summaryValues && { summaryValues: run.summaryValues }),
    ...(run.end?.divergedAtStep !== undefined && { divergedAtStep: run.end.divergedAtStep }),
    ...(run.end?.zeroGradient && { zeroGradient: run.end.zeroGradient }),
    ...(run.end?.stopCriterion && { stopCriterion: run.end.stopCriterion }),
    ...(run.end?.weightsAt && { weightsAt: run.end.weightsAt }),
  };
}

async function experimentHead(store: Store, id: string) {
  const experiment = await store.getExperiment(id);
  if (!experiment) throw new NotFoundError('Experiment', id);
  const tags = (await store.tagsOf([id])).get(id) ?? [];
  return {
    id: experiment.id,
    name: experiment.name,
    preset: experiment.preset,
    scale: experiment.scale,
    origin: experiment.origin,
    project: experiment.project,
    launch: experiment.spec,
    status: experiment.status,
    analysisStatus: experiment.analysisStatus,
    error: experiment.error,
    notes: experiment.notes,
    tags,
    createdAt: new Date(experiment.createdAt).toISOString(),
    finishedAt: experiment.finishedAt === null ? null : new Date(experiment.finishedAt).toISOString(),
  };
}

/** The result document: the experiment, its runs' outcomes and the analysis figures. */
export async function experimentResult(store: Store, id: string) {
  const experiment = await experimentHead(store, id);
  const runs = await store.runsOf(id);
  const figures = await store.figuresOf(id);
  return { experiment, runs: await Promise.all(runs.map((run) => runResult(store, run))), analyses: figures.map(({ id: figureId, title, data }) => ({ id: figureId, title, data })) };
}

/** Final weights of a run split by layer, with shapes, in the order of θ. */
async function finalWeights(store: Store, dataDir: string, run: RunRecord) {
  const final = (await store.artifactsOf(run.id, 'final'))[0];
  if (!final || !run.spec) return null;
  const { theta, state } = readWeights(dataDir, final.path, final.thetaLength, final.stateLength);
  const model = buildModel(run.spec.model, inputShapeOf(run.spec.data));
  return {
    step: final.step,
    epoch: final.epoch,
    // After a zero-gradient phase these differ from the run's `final` metrics (taken before it).
    ...(run.end?.weightsAt?.loss !== undefined && { loss: run.end.weightsAt.loss }),
    ...(run.end?.weightsAt?.gradNorm !== undefined && { gradNorm: run.end.weightsAt.gradNorm }),
    parameters: model.params.map((p) => ({ name: p.name, layer: p.layerName, role: p.role, shape: p.shape, values: Array.from(theta.subarray(p.offset, p.offset + p.size)) })),
    buffers: model.buffers.map((b) => ({ name: b.name, layer: b.layerName, role: b.role, shape: b.shape, values: Array.from(state.subarray(b.offset, b.offset + b.size)) })),
  };
}

function groupByKey(points: StoredMetricPoint[]): Record<string, { step: number; value: number | null; wallTime: number; epoch: number | null }[]> {
  const series: Record<string, { step: number; value: number | null; wallTime: number; epoch: number | null }[]> = {};
  for (const p of points) (series[p.key] ??= []).push({ step: p.step, value: Number.isFinite(p.value) ? p.value : null, wallTime: p.wallTime, epoch: p.epoch });
  return series;
}

export interface ExportOptions {
  /**
   * Include every snapshot's values (flat θ and state, in the order of `weights.parameters`), so
   * PCA and landscape figures can be recomputed from the file alone. Default true; false keeps
   * only their steps and paths into the data directory (far smaller for long trajectories).
   */
  snapshots?: boolean;
}

/** A run's snapshots in step order, with their values unless `values` is false. */
async function runSnapshots(store: Store, dataDir: string, run: RunRecord, values: boolean) {
  const files = (await store.artifactsOf(run.id, 'snapshot')).sort((a, b) => a.step - b.step);
  return files.map((s) => {
    const head = { step: s.step, epoch: s.epoch, path: s.path };
    if (!values) return head;
    const { theta, state } = readWeights(dataDir, s.path, s.thetaLength, s.stateLength);
    return { ...head, theta: Array.from(theta), state: Array.from(state) };
  });
}

export async function experimentExport(store: Store, dataDir: string, id: string, options: ExportOptions = {}) {
  const withSnapshots = options.snapshots ?? true;
  const experiment = await experimentHead(store, id);
  const runs = await store.runsOf(id);
  const figures = await store.figuresOf(id);
  const exported = [];
  for (const run of runs) {
    exported.push({
      ...(await runResult(store, run)),
      spec: run.spec,
      data: run.spec?.data ?? null,
      summary: run.summary,
      snapshots: await runSnapshots(store, dataDir, run, withSnapshots),
      weights: await finalWeights(store, dataDir, run),
      metrics: groupByKey(await store.allMetrics(run.id)),
    });
  }
  return {
    format: EXPORT_FORMAT,
    exportedAt: new Date().toISOString(),
    snapshotValues: withSnapshots,
    experiment,
    runs: exported,
    analyses: figures.map(({ id: figureId, title, data }) => ({ id: figureId, title, data })),
  };
}

/** Every metric point as CSV rows: run_id,run_key,key,step,value,wall_time,epoch (empty value = not finite). */
export async function experimentMetricsCsv(store: Store, id: string): Promise<string> {
  await experimentHead(store, id);
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ['run_id,run_key,key,step,value,wall_time,epoch'];
  for (const run of await store.runsOf(id)) {
    for (const p of await store.allMetrics(run.id)) {
      lines.push([run.id, quote(run.key), quote(p.key), p.step, Number.isFinite(p.value) ? p.value : '', p.wallTime, p.epoch ?? ''].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}
