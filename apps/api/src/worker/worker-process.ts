/**
 * Entry point of a local worker process (forked by `LocalRunQueue`). It opens its own
 * connection to the store, takes one job at a time from the parent, and sends events back
 * over IPC for the parent to publish. A crash here kills only this process: the parent starts
 * the runs it held over (up to 3 starts) and forks a fresh worker. It ends itself when the parent
 * dies (see startParentWatchdog).
 */
import 'reflect-metadata';
import { Worker } from 'node:worker_threads';
import { initBackend } from '../engine.js';
import { openCatalogue } from '../presets/catalogue.js';
import type { EventPublisher, SaddleTopics } from '../pubsub/topics.js';
import { Store } from '../store/store.js';
import { runAnalyzeJob } from './analyze-job.js';
import type { ParentMessage, WorkerConfig, WorkerMessage } from './protocol.js';
import { runTrainJob } from './train-job.js';

function send(message: WorkerMessage): void {
  if (!process.connected) return;
  // With a callback, a send to a parent that just died (EPIPE) is an error passed here, not an
  // uncaught 'error' event that kills the worker with a stack; the watchdog ends it instead.
  process.send?.(message, undefined, undefined, () => {});
}

/** How often the watchdog looks for the parent, in ms. */
export const PARENT_CHECK_MS = 200;

/**
 * Ends this process within PARENT_CHECK_MS of its parent's death, even while the main thread is
 * busy in a long synchronous computation (an analysis, a big batched step) that keeps IPC's
 * 'disconnect' from being delivered: a thread of its own compares the parent pid (the process
 * is re-parented when the API dies) and kills the process. Otherwise a worker of a killed API
 * trains on, and stores results, while a restarted API has given its job to another worker.
 */
function startParentWatchdog(parentPid: number): void {
  const watchdog = new Worker(
    `const { workerData } = require('node:worker_threads');
     setInterval(() => { if (process.ppid !== workerData.parentPid) process.kill(process.pid, 'SIGKILL'); }, workerData.intervalMs);`,
    { eval: true, workerData: { parentPid, intervalMs: PARENT_CHECK_MS } },
  );
  watchdog.unref();
}

async function main(): Promise<void> {
  const raw = process.env.SADDLE_WORKER_CONFIG;
  if (!raw || !process.send) throw new Error('worker-process: must be forked by LocalRunQueue with SADDLE_WORKER_CONFIG set');
  startParentWatchdog(process.ppid);
  const config = JSON.parse(raw) as WorkerConfig;
  const [store, catalogue] = await Promise.all([Store.open(config.database), openCatalogue(config.presetModules), initBackend()]);
  const publisher: EventPublisher = {
    publish<K extends keyof SaddleTopics>(topic: K, ...[id, payload]: SaddleTopics[K]) {
      send({ type: 'event', topic, id, payload });
    },
  };
  const running = new Map<string, AbortController>();
  // Cancels for runs this worker does not train (yet): a partner may be claimed just after.
  const cancelledEarly = new Set<string>();
  let chain = Promise.resolve();

  process.on('message', (message: ParentMessage) => {
    switch (message.type) {
      case 'job': {
        const { job } = message;
        const controller = new AbortController();
        if (job.kind === 'train') running.set(job.runId, controller);
        // Runs this job takes along (trained with it as one batched computation), cancellable each.
        const partners: string[] = [];
        const group = {
          claimed(runIds: string[]): AbortSignal[] {
            partners.push(...runIds);
            send({ type: 'claimed', job, runIds });
            return runIds.map((id) => {
              const partner = new AbortController();
              running.set(id, partner);
              if (cancelledEarly.has(id)) partner.abort(new Error('cancelled by request'));
              return partner.signal;
            });
          },
        };
        chain = chain.then(async () => {
          try {
            if (job.kind === 'train') {
              await runTrainJob(job.runId, { store, publisher, dataDir: config.dataDir, owner: config.owner, signal: controller.signal, group });
            } else {
              await runAnalyzeJob(job, { store, publisher, dataDir: config.dataDir, catalogue, owner: config.owner });
            }
            send({ type: 'done', job });
          } catch (error) {
            send({ type: 'done', job, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
          } finally {
            if (job.kind === 'train') running.delete(job.runId);
            for (const id of partners) running.delete(id);
            cancelledEarly.clear();
          }
        });
        break;
      }
      case 'cancel': {
        const controller = running.get(message.runId);
        if (controller) controller.abort(new Error('cancelled by request'));
        else cancelledEarly.add(message.runId);
        break;
      }
      case 'shutdown':
        // Runs in flight stay RUNNING under an owner that is about to die: the next API start
        // re-queues them, which is what a user restarting the API expects (not CANCELLED).
        process.exit(0);
        break;
      default: {
        const unreachable: never = message;
        throw new Error(`worker-process: unknown message ${JSON.stringify(unreachable)}`);
      }
    }
  });
  // The parent going away (API killed) must not leave orphans training into the void.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready' });
}

main().catch((error: unknown) => {
  console.error('saddle worker failed to start:', error);
  process.exit(1);
});
