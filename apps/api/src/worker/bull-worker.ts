/**
 * `saddle worker`: takes jobs from the BullMQ queue and runs them in this process (one at a
 * time by default), writing to the shared store and publishing on Redis. Run as many as the
 * machines allow; they share the data directory (for weight files) and the database.
 */
import { hostname } from 'node:os';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { initBackend } from '../engine.js';
import { settleExperiment } from '../experiments/experiment.lifecycle.js';
import type { PresetCatalogue } from '../presets/catalogue.js';
import { createRedisPubSub } from '../pubsub/pubsub.js';
import { BullRunQueue, bullConnection, bullQueueName, cancelChannel } from '../queue/bull-queue.js';
import type { Job } from '../queue/run-queue.js';
import type { Store } from '../store/store.js';
import { runAnalyzeJob } from './analyze-job.js';
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
}

export async function startBullWorker(options: BullWorkerOptions): Promise<{ close(): Promise<void> }> {
  await initBackend();
  const namespace = options.namespace ?? 'saddle';
  const publisher = createRedisPubSub({ url: options.url, prefix: `${namespace}:` });
  const queue = new BullRunQueue({ url: options.url, namespace });
  const cancels = new Redis(options.url, { maxRetriesPerRequest: 3 });
  const running = new Map<string, AbortController>();
  await cancels.subscribe(cancelChannel(namespace));
  cancels.on('message', (_channel: string, runId: string) => running.get(runId)?.abort(new Error('cancelled by request')));
  const owner = `${hostname()}:${process.pid}`;
  const worker = new Worker<Job>(
    bullQueueName(namespace),
    async (bullJob) => {
      const job = bullJob.data;
      if (job.kind === 'train') {
        const controller = new AbortController();
        running.set(job.runId, controller);
        try {
          const outcome = await runTrainJob(job.runId, { store: options.store, publisher, dataDir: options.dataDir, owner, signal: controller.signal });
          if (outcome.ran) await settleExperiment({ store: options.store, publisher, enqueue: (j) => queue.enqueue(j) }, outcome.experimentId);
        } finally {
          running.delete(job.runId);
        }
      } else {
        await runAnalyzeJob(job.experimentId, { store: options.store, publisher, dataDir: options.dataDir, catalogue: options.catalogue });
      }
    },
    { connection: bullConnection(options.url), concurrency: options.concurrency ?? 1 },
  );
  return {
    async close() {
      await worker.close();
      await queue.close();
      await cancels.quit();
      await publisher.close();
    },
  };
}
