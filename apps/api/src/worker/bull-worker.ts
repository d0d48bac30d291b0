/**
 * `saddle worker`: takes jobs from the BullMQ queue and runs them in this process (one at a
 * time by default), writing to the shared store and publishing on Redis. Run as many as the
 * machines allow; they share the data directory (for weight files) and the database.
 */
import { datasetsDirOf } from '../datasets/dataset.service.js';
import { hostname } from 'node:os';
import { Worker, type Job as BullJob } from 'bullmq';
import { Redis } from 'ioredis';
import { initBackend } from '../engine.js';
import { settleExperiment } from '../experiments/experiment.lifecycle.js';
import type { PresetCatalogue } from '../presets/catalogue.js';
import { publishRunStatus } from '../pubsub/publish.js';
import { createRedisPubSub } from '../pubsub/pubsub.js';
import { MAX_RUN_ATTEMPTS } from '../queue/recovery.js';
import { BullRunQueue, bullConnection, bullQueueName, cancelChannel } from '../queue/bull-queue.js';
import type { Job } from '../queue/run-queue.js';
import type { Store } from '../store/store.js';
import { failAnalysis, failRunAnalysisJob, runAnalyzeJob } from './analyze-job.js';
import { getRunAnalysis, requeueRunAnalysis } from '../store/run-analyses.js';
import { startLockKeeper } from './lock-keeper.js';
import { runTrainJob } from './train-job.js';

export interface BullWorkerOptions {
  url: string;
  store: Store;
  dataDir: string;
  catalogue: PresetCatalogue;
  /** Jobs at once in this process. Default 1: training is CPU-bound; start one process per core. */
  concurrency?: number;
  /** Queue and channel prefix, the API's `redisNamespace`. Default `saddle`. */
  namespace?: string;
  /**
   * How long the job of a worker that vanished (killed, machine lost) waits before another worker
   * takes it over, in ms. Default `SADDLE_STALL_TIMEOUT_MS`, else DEFAULT_STALL_TIMEOUT_MS.
   */
  stallTimeoutMs?: number;
}

/** Default of SADDLE_STALL_TIMEOUT_MS: a vanished worker's job is taken over within ~30 s. */
export const DEFAULT_STALL_TIMEOUT_MS = 30_000;

/**
 * BullMQ's timings for a stall budget of `totalMs`. Another worker takes a job over once its lock
 * has expired (`lockDuration` after the last renewal) and a stalled-job check has seen it stalled
 * twice in a row; checks run at most once per `stalledInterval` for the whole queue (a check key
 * lives that long), so one check that just missed the key costs one interval more. With a third
 * of the budget (less STALL_PICKUP_MS) each, that is 2–3 intervals, within `totalMs`: measured
 * 19.8 s at the default (3 intervals of 10 s had taken 30.1 s; BullMQ's 30 s + 30 s, 57.7 s). A live worker keeps its locks from a thread (lock-keeper.ts), so a short lock does not
 * take a job from a worker that is only busy.
 */
export function stallTimings(totalMs: number): { lockDuration: number; stalledInterval: number } {
  const third = Math.floor((totalMs - STALL_PICKUP_MS) / 3);
  return { lockDuration: third, stalledInterval: third };
}

/** Kept out of the three intervals for the survivor to fetch and claim the job (measured ~0.1 s). */
const STALL_PICKUP_MS = 500;

/** SADDLE_STALL_TIMEOUT_MS, checked: a whole number of milliseconds, at least 2 s. */
export function stallTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SADDLE_STALL_TIMEOUT_MS;
  if (raw === undefined || raw.trim() === '') return DEFAULT_STALL_TIMEOUT_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 2000) {
    throw new Error(
      `SADDLE_STALL_TIMEOUT_MS must be a whole number of milliseconds, at least 2000 (how long a vanished worker's job waits before another worker takes it; default ${DEFAULT_STALL_TIMEOUT_MS}), got ${JSON.stringify(raw)}`,
    );
  }
  return value;
}

export async function startBullWorker(options: BullWorkerOptions): Promise<{ close(): Promise<void> }> {
  // The engine finds registered datasets through SADDLE_DATASETS_DIR: shared storage in scale-out mode, else this data dir's.
  process.env.SADDLE_DATASETS_DIR ??= datasetsDirOf(options.dataDir);
  const stall = stallTimings(options.stallTimeoutMs ?? stallTimeoutFromEnv());
  await initBackend();
  const namespace = options.namespace ?? 'saddle';
  const publisher = createRedisPubSub({ url: options.url, prefix: `${namespace}:` });
  const queue = new BullRunQueue({ url: options.url, namespace });
  const cancels = new Redis(options.url, { maxRetriesPerRequest: 3 });
  const running = new Map<string, AbortController>();
  await cancels.subscribe(cancelChannel(namespace));
  cancels.on('message', (_channel: string, runId: string) => running.get(runId)?.abort(new Error('cancelled by request')));
  const owner = `${hostname()}:${process.pid}`;
  const processJob = async (bullJob: BullJob<Job>): Promise<void> => {
    const job = bullJob.data;
    if (job.kind === 'train') {
      // BullMQ hands a job out again only when its holder's lock expired: that worker is gone,
      // so a run it left RUNNING starts again here, from its checkpoint when it has one (or
      // fails once it has had its starts). runTrainJob drops what it stored after that point.
      const run = await options.store.getRun(job.runId);
      if (run?.status === 'RUNNING' && run.owner !== owner) {
        if (run.attempt + 1 < MAX_RUN_ATTEMPTS) {
          await options.store.transitionRun(run.id, ['RUNNING'], { status: 'QUEUED', attempt: run.attempt + 1, owner: null, progress: 0, startedAt: null });
        } else {
          await failRun(run.id, run.experimentId, `interrupted ${run.attempt + 1} times: the worker running it stopped each time`);
          return;
        }
      }
      const controller = new AbortController();
      running.set(job.runId, controller);
      try {
        const outcome = await runTrainJob(job.runId, { store: options.store, publisher, dataDir: options.dataDir, owner, signal: controller.signal });
        if (outcome.ran) await settleExperiment({ store: options.store, publisher, enqueue: (j) => queue.enqueue(j) }, outcome.experimentId);
      } finally {
        running.delete(job.runId);
      }
    } else {
      // Handed out again after a stall: the worker that left the analysis RUNNING is gone, so it
      // is queued again here — under the dead owner only, so its late figures cannot land.
      if (job.analysisId) {
        const analysis = await getRunAnalysis(options.store, job.analysisId);
        if (analysis?.status === 'RUNNING' && analysis.owner !== owner) await requeueRunAnalysis(options.store, analysis.id, analysis.owner);
      } else {
        const experiment = await options.store.getExperiment(job.experimentId);
        if (experiment?.analysisStatus === 'RUNNING' && experiment.analysisOwner !== owner) {
          await options.store.requeueAnalysis(experiment.id, experiment.analysisOwner);
        }
      }
      await runAnalyzeJob(job, { store: options.store, publisher, dataDir: options.dataDir, catalogue: options.catalogue, owner });
    }
  };
  const worker = new Worker<Job>(
    bullQueueName(namespace),
    async (bullJob, token) => {
      // Renewed from a thread as well: an analysis blocks this event loop for its whole length.
      if (bullJob.id && token) keeper.hold(`${worker.toKey(bullJob.id)}:lock`, token, bullJob.id);
      try {
        await processJob(bullJob);
      } finally {
        if (bullJob.id) keeper.release(bullJob.id);
      }
    },
    { connection: bullConnection(options.url), concurrency: options.concurrency ?? 1, ...stall },
  );
  // Set before the worker's first job can run (that takes a Redis round trip at least).
  const keeper = startLockKeeper({ url: options.url, stalledKey: worker.keys.stalled!, lockDuration: stall.lockDuration });
  // A job BullMQ gives up on (it stalled too often, or the processor threw) fails its run with the reason.
  worker.on('failed', (bullJob, error) => {
    const job = bullJob?.data;
    if (job?.kind === 'analyze' && job.analysisId) {
      void failRunAnalysisJob({ store: options.store, publisher, owner }, job, `analysis failed: ${error.message}`);
      return;
    }
    if (job?.kind === 'analyze') {
      void failStalledAnalysis(job.experimentId, `analysis failed: ${error.message}`);
      return;
    }
    if (job?.kind !== 'train') return;
    void options.store.getRun(job.runId).then((run) => run && failRun(run.id, run.experimentId, `the worker failed: ${error.message}`));
  });
  /** An analysis BullMQ gave up on (it stalled too often) fails, whoever last held it. */
  async function failStalledAnalysis(experimentId: string, reason: string): Promise<void> {
    const experiment = await options.store.getExperiment(experimentId);
    const ours = experiment?.analysisStatus === 'RUNNING' && experiment.analysisOwner === owner;
    if (experiment?.analysisStatus === 'RUNNING' && !ours) await options.store.requeueAnalysis(experimentId, experiment.analysisOwner);
    // Held under this owner first, so the failure is written through the one owner-checked path.
    if (!ours && !(await options.store.claimAnalysis(experimentId, owner))) return;
    await failAnalysis({ store: options.store, publisher, owner }, experimentId, reason);
  }
  async function failRun(runId: string, experimentId: string, reason: string): Promise<void> {
    if (await options.store.transitionRun(runId, ['RUNNING', 'QUEUED'], { status: 'FAILED', error: reason, owner: null, finishedAt: Date.now() })) {
      publishRunStatus(publisher, experimentId, runId, 'FAILED', reason);
      await settleExperiment({ store: options.store, publisher, enqueue: (j) => queue.enqueue(j) }, experimentId);
    }
  }
  return {
    async close() {
      await worker.close();
      await keeper.close();
      await queue.close();
      await cancels.quit();
      await publisher.close();
    },
  };
}
