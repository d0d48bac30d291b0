/**
 * One analysis job: claim the analysis (QUEUED → RUNNING under this owner), load every run of the
 * experiment that succeeded (spec, end state, weights and snapshots from the data directory),
 * call its preset's `analyze`, and store the figures — only while still the owner, so an
 * analysis that was re-queued after its process was taken for dead is stored once, by the
 * process that holds it now.
 */
import { analyzeRunPair, analyzeRunWeights, isPresetId, sweepFigures, type Figure, type RunAnalysisKind, type RunArtifacts, type RunPairAnalysisKind } from '../engine.js';
import { analysedExperimentEnd, analysedRuns } from '../experiments/experiment.lifecycle.js';
import type { PresetCatalogue, ReloadableCatalogue } from '../presets/catalogue.js';
import { publishExperimentStatus, publishRunAnalysis } from '../pubsub/publish.js';
import { Topic, type EventPublisher } from '../pubsub/topics.js';
import { readWeights } from '../store/artifact-files.js';
import type { ExperimentRecord, RunRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { Job } from '../queue/run-queue.js';
import { claimRunAnalysis, finishRunAnalysis, getRunAnalysis, setRunAnalysisProgress } from '../store/run-analyses.js';
import { runAnalysisInput } from './run-analysis-input.js';

export interface AnalyzeJobContext {
  store: Store;
  publisher: EventPublisher;
  dataDir: string;
  catalogue: PresetCatalogue;
  /** `host:pid` of the process that answers for the analysis while it is RUNNING. */
  owner: string;
}

const PROGRESS_PUBLISH_MS = 250;

export async function runAnalyzeJob(job: Extract<Job, { kind: 'analyze' }>, ctx: AnalyzeJobContext): Promise<void> {
  if (job.analysisId) return runRunAnalysis(job.analysisId, ctx);
  const { experimentId } = job;
  const { store, publisher } = ctx;
  const experiment = await store.getExperiment(experimentId);
  if (!experiment) return;
  if (!(await store.claimAnalysis(experimentId, ctx.owner))) return;
  let lastPublish = 0;
  try {
    // The preset module may have been reloaded in the API since this worker started (reloadPresets, SIGHUP).
    if (experiment.preset && !isPresetId(experiment.preset) && 'reload' in ctx.catalogue) await reloadQuietly(ctx.catalogue as ReloadableCatalogue);
    const allRuns = await store.runsOf(experimentId);
    const onProgress = (fraction: number): void => {
      const now = Date.now();
      if (now - lastPublish < PROGRESS_PUBLISH_MS) return;
      lastPublish = now;
      publisher.publish(Topic.ExperimentEvents, experimentId, { type: 'ANALYSIS', experimentId, progress: fraction });
    };
    const figures: Figure[] = experiment.spec.sweep
      ? // A sweep's figures need only each run's final metrics: no weights are read.
        sweepFigures(analysedRuns(allRuns).map(summaryArtifacts), experiment.spec.sweep)
      : await analyzeWithPreset(experiment, allRuns, ctx, onProgress);
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

/**
 * An analysis asked for on a run (analyzeRun) or a pair (analyzeRuns): claimed like an
 * experiment's (one owner), its progress stored and published as it goes, its figures stored only
 * while this process still holds it. Each progress write doubles as the cancellation check: once
 * the row is no longer RUNNING under this owner (cancelRunAnalysis, or taken over) the write
 * changes nothing, the engine is aborted at its next chunk, and nothing is stored.
 */
async function runRunAnalysis(analysisId: string, ctx: AnalyzeJobContext): Promise<void> {
  const { store, publisher } = ctx;
  if (!(await claimRunAnalysis(store, analysisId, ctx.owner))) return;
  const controller = new AbortController();
  const publishCurrent = async (): Promise<void> => {
    const current = await getRunAnalysis(store, analysisId);
    if (current) publishRunAnalysis(publisher, current);
  };
  try {
    const analysis = await getRunAnalysis(store, analysisId);
    if (!analysis) return;
    publishRunAnalysis(publisher, analysis);
    const input = await runAnalysisInput(store, ctx.dataDir, analysis);
    let lastWrite = 0;
    let writing: Promise<void> = Promise.resolve();
    const onProgress = (fraction: number): void => {
      const now = Date.now();
      if (now - lastWrite < PROGRESS_PUBLISH_MS || controller.signal.aborted) return;
      lastWrite = now;
      writing = setRunAnalysisProgress(store, analysisId, ctx.owner, fraction).then((held) => {
        if (!held) controller.abort(new Error('cancelled by request'));
        else publishRunAnalysis(publisher, { ...analysis, status: 'RUNNING', progress: fraction, error: null });
      });
    };
    const hooks = { onProgress, signal: controller.signal };
    const kind = analysis.kind as RunAnalysisKind | RunPairAnalysisKind;
    let result;
    if (kind === 'interpolation') {
      if (!analysis.otherRunId) throw new Error(`analysis ${analysisId} is an interpolation without its second run`);
      const other = await runAnalysisInput(store, ctx.dataDir, { ...analysis, runId: analysis.otherRunId });
      result = await analyzeRunPair(kind, input, other, analysis.options, hooks);
    } else {
      result = await analyzeRunWeights(kind, input, analysis.options, hooks);
    }
    await writing;
    if (!(await finishRunAnalysis(store, analysisId, ctx.owner, { status: 'SUCCEEDED', figures: result.figures, summary: result.summary }))) {
      console.error(`saddle: run analysis ${analysisId} was cancelled or taken over; its figures from ${ctx.owner} were not stored`);
      return;
    }
    await publishCurrent();
  } catch (error) {
    if (controller.signal.aborted) return; // cancelled: the API already stored and published CANCELLED
    if (await finishRunAnalysis(store, analysisId, ctx.owner, { status: 'FAILED', error: `analysis failed: ${error instanceof Error ? error.message : String(error)}` })) await publishCurrent();
  }
}

/** Fails a run analysis held by `ctx.owner` (its worker died or BullMQ gave up on it). */
export async function failRunAnalysisJob(ctx: { store: Store; publisher: EventPublisher; owner: string }, job: Extract<Job, { kind: 'analyze' }>, reason: string): Promise<void> {
  if (!job.analysisId || !(await finishRunAnalysis(ctx.store, job.analysisId, ctx.owner, { status: 'FAILED', error: reason }))) return;
  const analysis = await getRunAnalysis(ctx.store, job.analysisId);
  if (analysis) publishRunAnalysis(ctx.publisher, analysis);
}

/** A preset experiment's analyses: its runs with their weights through the preset's `analyze`. */
async function analyzeWithPreset(experiment: ExperimentRecord, allRuns: RunRecord[], ctx: AnalyzeJobContext, onProgress: (fraction: number) => void): Promise<Figure[]> {
  const preset = experiment.preset ? ctx.catalogue.get(experiment.preset) : undefined;
  if (!preset) throw new Error(`preset ${JSON.stringify(experiment.preset)} is not in this worker's catalogue`);
  const artifacts = await Promise.all(analysedRuns(allRuns).map((run) => loadRunArtifacts(ctx.store, ctx.dataDir, run)));
  const options = {
    scale: experiment.spec.scale ?? 'quick',
    ...(experiment.spec.data && { data: experiment.spec.data }),
    ...(experiment.spec.overrides && { overrides: experiment.spec.overrides }),
  };
  return preset.analyze(artifacts, options, onProgress);
}

/** A module that no longer loads leaves the worker's catalogue as it was; the analysis goes on with it. */
async function reloadQuietly(catalogue: ReloadableCatalogue): Promise<void> {
  try {
    await catalogue.reload();
  } catch (error) {
    console.error(`saddle worker: reloading the preset modules failed, keeping the ones loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Fails the analysis held by `ctx.owner` with the reason; nothing happens if another process holds it now. */
export async function failAnalysis(ctx: { store: Store; publisher: EventPublisher; owner: string }, experimentId: string, reason: string): Promise<void> {
  if (!(await ctx.store.finishAnalysis(experimentId, ctx.owner, { status: 'FAILED', analysisStatus: 'FAILED', error: reason }))) return;
  ctx.publisher.publish(Topic.ExperimentEvents, experimentId, { type: 'ANALYSIS', experimentId, error: reason });
  publishExperimentStatus(ctx.publisher, experimentId, 'FAILED', reason);
}

/** A run as a sweep's figures read it: key, config, status and final metrics, without weights. */
function summaryArtifacts(run: RunRecord): RunArtifacts {
  if (!run.spec || !run.end) throw new Error(`run ${run.key} has no spec or end state to analyse`);
  const empty = new Float32Array(0);
  return {
    key: run.key,
    group: run.group,
    config: run.config as RunArtifacts['config'],
    spec: run.spec,
    end: { status: run.status === 'DIVERGED' ? 'DIVERGED' : 'SUCCEEDED', steps: run.end.steps, epochs: run.end.epochs, theta: empty, state: empty, final: run.end.final, durationMs: run.end.durationMs },
    snapshots: [],
  };
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
