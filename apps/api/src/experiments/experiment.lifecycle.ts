/**
 * What happens to an experiment when one of its runs ends: it stays RUNNING while any run is
 * live; once all have ended it fails (a run failed), is cancelled (a run was cancelled), goes to
 * ANALYZING (a preset's analyses are queued as a job of their own), or succeeds. The same code
 * serves the local scheduler, BullMQ workers and `finishRun` from scripts.
 */
import type { RunStatus } from '@saddle/engine';
import { publishExperimentStatus } from '../pubsub/publish.js';
import type { EventPublisher } from '../pubsub/topics.js';
import type { Job } from '../queue/run-queue.js';
import { isTerminalRunStatus, type ExperimentStatus } from '../store/records.js';
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
  const failed = runs.filter((r) => r.status === 'FAILED');
  if (failed.length > 0) {
    const error = `${failed.length} of ${runs.length} runs failed; first: ${failed[0]?.key}: ${failed[0]?.error ?? 'no reason given'}`;
    await finish(deps, experimentId, 'FAILED', error);
    return;
  }
  if (count('CANCELLED') > 0) {
    await finish(deps, experimentId, 'CANCELLED', null);
    return;
  }
  if (experiment.origin === 'preset') {
    // Only the caller that moves PENDING → QUEUED enqueues, so the analysis runs once.
    if (await store.transitionAnalysis(experimentId, 'PENDING', 'QUEUED', 'ANALYZING')) {
      publishExperimentStatus(publisher, experimentId, 'ANALYZING');
      await deps.enqueue({ kind: 'analyze', experimentId });
    }
    return;
  }
  await finish(deps, experimentId, 'SUCCEEDED', null);
}

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
