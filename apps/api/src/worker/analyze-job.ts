/**
 * One analysis job: claim the analysis (QUEUED → RUNNING under this owner), load every run of the
 * experiment that succeeded (spec, end state, weights and snapshots from the data directory),
 * call its preset's `analyze`, and store the figures — only while still the owner, so an
 * analysis that was re-queued after its process was taken for dead is stored once, by the
 * process that holds it now.
 */
import type { Figure, RunArtifacts } from '../engine.js';
import { analysedExperimentEnd, analysedRuns } from '../experiments/experiment.lifecycle.js';
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
  /** `host:pid` of the process that answers for the analysis while it is RUNNING. */
  owner: string;
}

const PROGRESS_PUBLISH_MS = 250;

export async function runAnalyzeJob(experimentId: string, ctx: AnalyzeJobContext): Promise<void> {
  const { store, publisher } = ctx;
  const experiment = await store.getExperiment(experimentId);
  if (!experiment) return;
  if (!(await store.claimAnalysis(experimentId, ctx.owner))) return;
  let lastPublish = 0;
  try {
    const preset = experiment.preset ? ctx.catalogue.get(experiment.preset) : undefined;
    if (!preset) throw new Error(`preset ${JSON.stringify(experiment.preset)} is not in this worker's catalogue`);
    const allRuns = await store.runsOf(experimentId);
    const artifacts = await Promise.all(analysedRuns(allRuns).map((run) => loadRunArtifacts(store, ctx.dataDir, run)));
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
    const { status, error } = analysedExperimentEnd(allRuns);
    if (!(await store.finishAnalysis(experimentId, ctx.owner, { figures, status, analysisStatus: 'SUCCEEDED', error }))) {
      console.error(`saddle: the analysis of experiment ${experimentId} was taken over by another process; its figures from ${ctx.owner} were not stored`);
      return;
    }
    publisher.publish(Topic.ExperimentEvents, experimentId, { type: 'ANALYSIS', experimentId, progress: 1, figureIds: figures.map((f) => f.id) });
    publishExperimentStatus(publisher, experimentId, status, error);
  } catch (error) {
    await failAnalysis(ctx, experimentId, `analysis failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Fails the analysis held by `ctx.owner` with the reason; nothing happens if another process holds it now. */
export async function failAnalysis(ctx: { store: Store; publisher: EventPublisher; owner: string }, experimentId: string, reason: string): Promise<void> {
  if (!(await ctx.store.finishAnalysis(experimentId, ctx.owner, { status: 'FAILED', analysisStatus: 'FAILED', error: reason }))) return;
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
      ...(run.end.stopCriterion && { stopCriterion: run.end.stopCriterion }),
      ...(run.end.weightsAt && { weightsAt: run.end.weightsAt }),
      durationMs: run.end.durationMs,
    },
    snapshots,
  };
}
