/**
 * What happens to an experiment when one of its runs ends: it stays RUNNING while any run is
 * live; once all have ended it is cancelled (cancelExperiment stopped it), goes to ANALYZING (a
 * preset's analyses are queued as a job of their own — also when some runs failed or were
 * cancelled one by one, as long as one succeeded: the figures then show the runs that succeeded
 * and the error names the others), fails (runs failed and there is nothing to analyse), or
 * succeeds. The same code serves the local scheduler, BullMQ workers and `finishRun` from scripts.
 */
import type { RunStatus } from '@saddle/engine';
import { publishExperimentStatus } from '../pubsub/publish.js';
import type { EventPublisher } from '../pubsub/topics.js';
import type { Job } from '../queue/run-queue.js';
import { isTerminalRunStatus, type ExperimentStatus, type RunRecord } from '../store/records.js';
import type { Store } from '../store/store.js';

export interface SettleDeps {
  store: Store;
  publisher: EventPublisher;
  enqueue(job: Job): Promise<void>;
}

export async function settleExperiment(deps: SettleDeps, experimentId: string): Promise<void> {
  const { store, publisher } = deps;
  const experiment = await store.getExperiment(experimentId);
  if (!experiment) return;
  const runs = await store.runsOf(experimentId);
  const live = runs.filter((r) => !isTerminalRunStatus(r.status));
  if (live.length > 0) {
    const status: ExperimentStatus = live.some((r) => r.status === 'RUNNING') || runs.some((r) => isTerminalRunStatus(r.status)) ? 'RUNNING' : 'QUEUED';
    if (experiment.status !== status && (experiment.status === 'QUEUED' || experiment.status === 'RUNNING' || experiment.origin === 'external')) {
      await store.updateExperiment(experimentId, { status, finishedAt: null });
      publishExperimentStatus(publisher, experimentId, status);
    }
    return;
  }
  // A launched experiment settles once; an external one settles again whenever a script adds a run.
  if (experiment.origin !== 'external' && experiment.status !== 'QUEUED' && experiment.status !== 'RUNNING') return;

  const count = (status: RunStatus) => runs.filter((r) => r.status === status).length;
  // A preset's analyses, or a sweep's figures (a spec launch with a sweep).
  const analysed = experiment.origin === 'preset' || experiment.spec.sweep !== undefined;
  // A CRASHED run (its script went silent) fails its experiment like a FAILED one; resuming it
  // makes the experiment RUNNING again (the branch above).
  const failed = count('FAILED') + count('CRASHED') > 0;
  // cancelExperiment marks the analysis SKIPPED before it stops the runs: the whole experiment
  // was stopped, nothing is analysed. A run failed or cancelled on its own does not waste the
  // runs that succeeded: the analysis still runs on them (analysedExperimentEnd names the others).
  const stopped = analysed && experiment.analysisStatus === 'SKIPPED';
  if (analysed && !stopped && analysedRuns(runs).length > 0) {
    // Only the caller that moves PENDING → QUEUED enqueues, so the analysis runs once.
    if (await store.transitionAnalysis(experimentId, 'PENDING', 'QUEUED', 'ANALYZING')) {
      publishExperimentStatus(publisher, experimentId, 'ANALYZING');
      await deps.enqueue({ kind: 'analyze', experimentId });
    }
    return;
  }
  if (failed) {
    await finish(deps, experimentId, 'FAILED', endedShortError(runs));
    return;
  }
  if (count('CANCELLED') > 0 || stopped) {
    await finish(deps, experimentId, 'CANCELLED', null);
    return;
  }
  await finish(deps, experimentId, 'SUCCEEDED', null);
}

/** The runs an analysis reads: those that ended with weights (a diverged run is a result too). */
export function analysedRuns(runs: readonly RunRecord[]): RunRecord[] {
  return runs.filter((r) => r.status === 'SUCCEEDED' || r.status === 'DIVERGED');
}

/** How many runs failed, each named with its reason (the first few); null when none did. */
export function failedRunsError(runs: readonly RunRecord[]): string | null {
  const failed = runs.filter((r) => r.status === 'FAILED' || r.status === 'CRASHED');
  if (failed.length === 0) return null;
  const shown = failed.slice(0, FAILED_RUNS_NAMED).map((r) => `${r.key}: ${r.status === 'CRASHED' ? 'crashed: ' : ''}${r.error ?? 'no reason given'}`);
  const more = failed.length > FAILED_RUNS_NAMED ? `; and ${failed.length - FAILED_RUNS_NAMED} more` : '';
  return `${failed.length} of ${runs.length} runs failed: ${shown.join('; ')}${more}`;
}

/** How many runs were cancelled, each named (the first few); null when none was. */
export function cancelledRunsError(runs: readonly RunRecord[]): string | null {
  const cancelled = runs.filter((r) => r.status === 'CANCELLED');
  if (cancelled.length === 0) return null;
  const shown = cancelled.slice(0, FAILED_RUNS_NAMED).map((r) => r.key);
  const more = cancelled.length > FAILED_RUNS_NAMED ? `; and ${cancelled.length - FAILED_RUNS_NAMED} more` : '';
  return `${cancelled.length} of ${runs.length} run${runs.length === 1 ? '' : 's'} ${cancelled.length === 1 ? 'was' : 'were'} cancelled: ${shown.join(', ')}${more}`;
}

/** The failed runs, then the cancelled ones, in one sentence; null when every run succeeded. */
function endedShortError(runs: readonly RunRecord[]): string | null {
  const parts = [failedRunsError(runs), cancelledRunsError(runs)].filter((part): part is string => part !== null);
  return parts.length === 0 ? null : parts.join('; ');
}

/**
 * How an experiment ends once its analysis succeeded: SUCCEEDED; FAILED naming the runs that
 * failed; or CANCELLED naming the runs cancelled one by one — its figures are then those of the
 * runs that succeeded, and the error says so.
 */
export function analysedExperimentEnd(runs: readonly RunRecord[]): { status: ExperimentStatus; error: string | null } {
  const error = endedShortError(runs);
  if (error === null) return { status: 'SUCCEEDED', error: null };
  const used = analysedRuns(runs).length;
  const status: ExperimentStatus = failedRunsError(runs) !== null ? 'FAILED' : 'CANCELLED';
  return { status, error: `${error}. The figures show the ${used} run${used === 1 ? '' : 's'} that succeeded.` };
}

/** Failed runs named one by one in an experiment's error; the rest are counted. */
const FAILED_RUNS_NAMED = 5;

async function finish(deps: SettleDeps, experimentId: string, status: ExperimentStatus, error: string | null): Promise<void> {
  const experiment = await deps.store.getExperiment(experimentId);
  const skipAnalysis = experiment?.analysisStatus === 'PENDING' && status !== 'SUCCEEDED';
  await deps.store.updateExperiment(experimentId, {
    status,
    error,
    finishedAt: Date.now(),
    ...(skipAnalysis && { analysisStatus: 'SKIPPED' }),
  });
  publishExperimentStatus(deps.publisher, experimentId, status, error);
}
