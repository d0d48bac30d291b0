/**
 * The scale-out run queue: BullMQ on Redis (`SADDLE_REDIS_URL`). The API only enqueues;
 * `saddle worker` processes on any number of machines take jobs (see worker/bull-worker.ts).
 * Cancellation of a running job travels on a Redis channel every worker listens to.
 */
import { Queue, type ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { ActiveJob, Job, RunQueue } from './run-queue.js';

/** Queue and cancel-channel names under a namespace (default `saddle`). */
export const bullQueueName = (namespace: string) => `${namespace}-jobs`;
export const cancelChannel = (namespace: string) => `${namespace}:cancel`;

export function bullConnection(url: string): ConnectionOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    ...(parsed.password && { password: decodeURIComponent(parsed.password) }),
    ...(parsed.pathname.length > 1 && { db: Number(parsed.pathname.slice(1)) }),
    maxRetriesPerRequest: null,
  };
}

/**
 * One id per run and per analysis, so BullMQ merges a job added twice (recovery re-adding one
 * still waiting or active) instead of handing both to workers. Finished jobs are removed, so an
 * id can be used again once its job is done.
 */
export function bullJobId(job: Job): string {
  return job.kind === 'train' ? `train-${job.runId}` : job.analysisId ? `analyze-run-${job.analysisId}` : `analyze-${job.experimentId}`;
}

export class BullRunQueue implements RunQueue {
  private readonly queue: Queue<Job>;
  private readonly publisher: Redis;
  private readonly namespace: string;

  constructor(options: { url: string; namespace?: string }) {
    this.namespace = options.namespace ?? 'saddle';
    this.queue = new Queue<Job>(bullQueueName(this.namespace), { connection: bullConnection(options.url) });
    this.publisher = new Redis(options.url, { maxRetriesPerRequest: 3 });
  }

  async enqueue(job: Job): Promise<void> {
    await this.queue.add(job.kind, job, { jobId: bullJobId(job), removeOnComplete: true, removeOnFail: 1000, attempts: 1 });
  }

  async cancel(runId: string): Promise<void> {
    const waiting = await this.queue.getJob(`train-${runId}`);
    if (waiting && (await waiting.isWaiting())) await waiting.remove();
    await this.publisher.publish(cancelChannel(this.namespace), runId);
  }

  active(): ActiveJob[] {
    return [];
  }

  async idle(): Promise<void> {
    for (;;) {
      const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      if (Object.values(counts).every((n) => n === 0)) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async close(): Promise<void> {
    await this.queue.close();
    await this.publisher.quit();
  }
}
