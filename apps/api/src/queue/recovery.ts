/**
 * On start, nothing may be left hanging: runs left RUNNING by a process that is gone are
 * re-queued (their job resumes them from their latest checkpoint, or from scratch) up to a few attempts, then
 * failed with the reason; QUEUED runs (whose in-memory queue died with its process), QUEUED
 * analyses and analyses left RUNNING by a process that is gone are queued again. Claims are
 * atomic and job ids deterministic, so a run or an analysis queued twice still runs once.
 */
import { hostname } from 'node:os';
import { settleExperiment } from '../experiments/experiment.lifecycle.js';
import { publishRunStatus } from '../pubsub/publish.js';
import type { Runtime } from '../runtime.js';
import type { RunRecord } from '../store/records.js';
import { requeueRunAnalysis, runningOrQueuedRunAnalyses } from '../store/run-analyses.js';

/** Starts a run gets in all (the first and re-queues after its process died). */
export const MAX_RUN_ATTEMPTS = 3;

export function isOwnerAlive(owner: string | null): boolean {
  if (!owner) return false;
  const separator = owner.lastIndexOf(':');
  const host = owner.slice(0, separator);
  const pid = Number(owner.slice(separator + 1));
  // Another machine's process cannot be probed from here; its own queue (BullMQ) handles stalls.
  if (host !== hostname()) return true;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A RUNNING run whose process stopped starts again: QUEUED with one more attempt, its job
 * enqueued; the job resumes it from its latest checkpoint (or from scratch), dropping what it
 * stored after that point (train-job's resumePoint) — or, after MAX_RUN_ATTEMPTS starts, FAILED as "interrupted n
 * times: `why`". Returns
 * what happened (undefined when the run was no longer RUNNING).
 */
export async function restartOrFail(
  runtime: Pick<Runtime, 'store' | 'pubsub' | 'queue' | 'dataDir'>,
  run: RunRecord,
  why: string,
): Promise<'requeued' | 'failed' | undefined> {
  const { store, pubsub, queue } = runtime;
  if (run.attempt + 1 < MAX_RUN_ATTEMPTS) {
    const moved = await store.transitionRun(run.id, ['RUNNING'], { status: 'QUEUED', attempt: run.attempt + 1, owner: null, progress: 0, startedAt: null, error: null });
    if (!moved) return undefined;
    publishRunStatus(pubsub, run.experimentId, run.id, 'QUEUED');
    await queue.enqueue({ kind: 'train', runId: run.id });
    return 'requeued';
  }
  const error = `interrupted ${run.attempt + 1} times: ${why}`;
  if (!(await store.transitionRun(run.id, ['RUNNING'], { status: 'FAILED', error, owner: null, finishedAt: Date.now() }))) return undefined;
  publishRunStatus(pubsub, run.experimentId, run.id, 'FAILED', error);
  return 'failed';
}

export async function recoverOrphans(runtime: Pick<Runtime, 'store' | 'pubsub' | 'queue' | 'dataDir'>): Promise<{ requeued: string[]; failed: string[] }> {
  const { store, pubsub, queue } = runtime;
  const requeued: string[] = [];
  const failed: string[] = [];
  const touched = new Set<string>();
  for (const run of await store.runsWithStatus(['RUNNING', 'QUEUED'])) {
    if (run.external) continue;
    if (run.status === 'QUEUED') {
      await queue.enqueue({ kind: 'train', runId: run.id });
      continue;
    }
    if (isOwnerAlive(run.owner)) continue;
    const outcome = await restartOrFail(runtime, run, 'the process running it stopped each time');
    if (outcome === 'requeued') requeued.push(run.id);
    if (outcome === 'failed') {
      failed.push(run.id);
      touched.add(run.experimentId);
    }
  }
  for (const experimentId of touched) {
    await settleExperiment({ store, publisher: pubsub, enqueue: (job) => queue.enqueue(job) }, experimentId);
  }
  for (const experiment of await store.experimentsWithAnalysis(['QUEUED', 'RUNNING'])) {
    // An analysis still computed by a live process (a `saddle worker`, another API) is left to
    // it, as a run is: re-queuing it would compute it twice.
    if (experiment.analysisStatus === 'RUNNING') {
      if (isOwnerAlive(experiment.analysisOwner)) continue;
      if (!(await store.requeueAnalysis(experiment.id, experiment.analysisOwner))) continue;
    }
    await queue.enqueue({ kind: 'analyze', experimentId: experiment.id });
  }
  for (const analysis of await runningOrQueuedRunAnalyses(store)) {
    if (analysis.status === 'RUNNING') {
      if (isOwnerAlive(analysis.owner)) continue;
      if (!(await requeueRunAnalysis(store, analysis.id, analysis.owner))) continue;
    }
    const run = await store.getRun(analysis.runId);
    if (run) await queue.enqueue({ kind: 'analyze', experimentId: run.experimentId, analysisId: analysis.id });
  }
  return { requeued, failed };
}
