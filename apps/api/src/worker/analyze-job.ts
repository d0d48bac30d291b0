/**
 * One analysis job: load every ended run of an experiment (spec, end state, weights and
 * snapshots from the data directory), call its preset's `analyze`, store the figures, publish.
 */
import type { Figure, RunArtifacts } from '../engine.js';
import type { PresetCatalogue } from '../presets/catalogue.js';
import { publishExperimentStatus } from '../pubsub/publish.js';
import { Topic, type EventPublisher } from '../pubsub/topics.js';
import { readWeights } from '../store/artifact-files.js';
import type { RunRecord } from '../store/records.js';
import type { Store } from '../store/store.js';

export interface AnalyzeJobContext {
  store: Store;
  publisher: EventPublisher;
  dataDir: string;
  catalogue: PresetCatalogue;
}

const PROGRESS_PUBLISH_MS = 250;

export async function runAnalyzeJob(experimentId: string, ctx: AnalyzeJobContext): Promise<void> {
  const { store, publisher } = ctx;
  const experiment = await store.getExperiment(experimentId);
  if (!experiment) return;
  if (!(await store.transitionAnalysis(experimentId, 'QUEUED', 'RUNNING'))) return;
  let lastPublish = 0;
  try {
    const preset = experiment.preset ? ctx.catalogue.get(experiment.preset) : undefined;
    if (!preset) throw new Error(`preset ${JSON.stringify(experiment.preset)} is not in this worker's catalogue`);
    const runs = (await store.runsOf(experimentId)).filter((r) => r.status === 'SUCCEEDED' || r.status === 'DIVERGED');
    const artifacts = await Promise.all(runs.map((run) => loadRunArtifacts(store, ctx.dataDir, run)));
    const options = {
      scale: experiment.spec.scale ?? 'quick',
      ...(experiment.spec.data && { data: experiment.spec.data }),
      ...(experiment.spec.overrides && { overrides: experiment.spec.overrides }),
    };
    const figures: Figure[] = await preset.analyze(artifacts, options, (fraction) => {
      const now = Date.now();
      if (now - lastPublish < PROGRESS_PUBLISH_MS) return;
      lastPublish = now;
      publisher.publish(Topic.ExperimentEvents, experimentId, { type: 'ANALYSIS', experimentId, progress: fraction });
    });
    await store.replaceFigures(experimentId, figures);
    await store.updateExperiment(experimentId, { status: 'SUCCEEDED', analysisStatus: 'SUCCEEDED', analysisProgress: 1, error: null, finishedAt: Date.now() });
    publisher.publish(Topic.ExperimentEvents, experimentId, { type: 'ANALYSIS', experimentId, progress: 1, figureIds: figures.map((f) => f.id) });
    publishExperimentStatus(publisher, experimentId, 'SUCCEEDED');
  } catch (error) {
    await failAnalysis(ctx, experimentId, `analysis failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function failAnalysis(ctx: { store: Store; publisher: EventPublisher }, experimentId: string, reason: string): Promise<void> {
  await ctx.store.updateExperiment(experimentId, { status: 'FAILED', analysisStatus: 'FAILED', error: reason, finishedAt: Date.now() });
  ctx.publisher.publish(Topic.ExperimentEvents, experimentId, { type: 'ANALYSIS', experimentId, error: reason });
  publishExperimentStatus(ctx.publisher, experimentId, 'FAILED', reason);
}

export async function loadRunArtifacts(store: Store, dataDir: string, run: RunRecord): Promise<RunArtifacts> {
  if (!run.spec || !run.end) throw new Error(`run ${run.key} has no spec or end state to analyse`);
  const files = await store.artifactsOf(run.id);
  const final = files.find((f) => f.kind === 'final');
  const weights = final ? readWeights(dataDir, final.path, final.thetaLength, final.stateLength) : { theta: new Float32Array(0), state: new Float32Array(0) };
  const snapshots = files
    .filter((f) => f.kind === 'snapshot')
    .map((f) => ({ step: f.step, epoch: f.epoch, ...readWeights(dataDir, f.path, f.thetaLength, f.stateLength) }));
  return {
    key: run.key,
    group: run.group,
    config: run.config,
    spec: run.spec,
    end: {
      status: run.status === 'DIVERGED' ? 'DIVERGED' : 'SUCCEEDED',
      ...(run.error && { error: run.error }),
      ...(run.end.divergedAtStep !== undefined && { divergedAtStep: run.end.divergedAtStep }),
      steps: run.end.steps,
      epochs: run.end.epochs,
      theta: weights.theta,
      state: weights.state,
      final: run.end.final,
      ...(run.end.zeroGradient && { zeroGradient: run.end.zeroGradient }),
      durationMs: run.end.durationMs,
    },
    snapshots,
  };
}
