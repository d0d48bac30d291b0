/**
 * Keeps the BullMQ locks of a `saddle worker`'s jobs alive from a thread of its own. BullMQ renews
 * a lock on the worker's event loop, which an analysis blocks for its whole length (the engine's
 * analyses never yield): past `lockDuration` another worker would take the job for stalled and
 * compute it a second time. The thread renews while the process lives and dies with it, so a
 * worker that is really gone is still detected within SADDLE_STALL_TIMEOUT_MS.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface LockKeeper {
  /** Renew the lock of this job (its Redis key and BullMQ's token) until `release`. */
  hold(lockKey: string, token: string, jobId: string): void;
  release(jobId: string): void;
  close(): Promise<void>;
}

type KeeperMessage = { type: 'hold'; lockKey: string; token: string; jobId: string } | { type: 'release'; jobId: string };

// BullMQ's own extendLock script: extend only while the lock is still ours, and take the job off
// the stalled list, as a renewal on the event loop does.
const EXTEND_LOCK = `if redis.call("GET", KEYS[1]) == ARGV[1] then
  if redis.call("SET", KEYS[1], ARGV[1], "PX", ARGV[2]) then
    redis.call("SREM", KEYS[2], ARGV[3])
    return 1
  end
end
return 0`;

const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { Redis } = require(workerData.ioredis);
const redis = new Redis(workerData.url, { maxRetriesPerRequest: 3 });
redis.on('error', () => {});
const held = new Map();
parentPort.on('message', (m) => {
  if (m.type === 'hold') held.set(m.jobId, m);
  else held.delete(m.jobId);
});
setInterval(() => {
  for (const { lockKey, token, jobId } of held.values()) {
    redis.eval(workerData.script, 2, lockKey, workerData.stalledKey, token, workerData.lockDuration, jobId).catch(() => {});
  }
}, workerData.renewMs);
`;

export function startLockKeeper(options: { url: string; stalledKey: string; lockDuration: number }): LockKeeper {
  const thread = new Worker(THREAD, {
    eval: true,
    workerData: {
      url: options.url,
      stalledKey: options.stalledKey,
      lockDuration: options.lockDuration,
      // As often as BullMQ renews (lockDuration / 2), and never less than twice per lock.
      renewMs: Math.max(250, Math.floor(options.lockDuration / 2)),
      script: EXTEND_LOCK,
      // The eval'd thread resolves modules from the working directory; hand it this package's copy.
      ioredis: createRequire(import.meta.url).resolve('ioredis'),
    },
  });
  thread.unref();
  const post = (message: KeeperMessage) => thread.postMessage(message);
  return {
    hold: (lockKey, token, jobId) => post({ type: 'hold', lockKey, token, jobId }),
    release: (jobId) => post({ type: 'release', jobId }),
    close: async () => {
      await thread.terminate();
    },
  };
}
