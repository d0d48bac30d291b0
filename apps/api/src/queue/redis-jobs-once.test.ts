/**
 * Scale-out mode with real `saddle worker` processes on the local Redis: an analysis is computed
 * once across an API restart (recovery leaves a live worker's analysis alone, and its job id is
 * the experiment's, so a second enqueue merges), and a vanished worker's jobs are taken over
 * within SADDLE_STALL_TIMEOUT_MS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../runtime.js';
import { createServices } from '../server.js';
import { tempDir, TINY_PRESET_MODULE, waitFor } from '../test-utils/temp.js';
import { DEFAULT_STALL_TIMEOUT_MS } from '../worker/bull-worker.js';
import { bullConnection, bullQueueName } from './bull-queue.js';

const SADDLE_BIN = fileURLToPath(new URL('../../bin/saddle.mjs', import.meta.url));
const url = process.env.SADDLE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
// One queue per test: a stalled-job check holds the queue's check key for the checking worker's
// stalledInterval, so workers with other stall timings on the same queue would delay this one's.
const namespaces = [0, 1, 2].map(() => `saddle-test-${randomUUID().slice(0, 8)}`) as [string, string, string];
const dir = tempDir();
const workers: ChildProcess[] = [];
afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
  dir.remove();
  const redis = new Redis(url);
  for (const namespace of namespaces) {
    const keys = await redis.keys(`bull:${bullQueueName(namespace)}*`);
    if (keys.length > 0) await redis.del(...keys);
  }
  await redis.quit();
});

const api = (namespace: string) => createRuntime({ dataDir: dir.path, redisUrl: url, redisNamespace: namespace, presetModules: [TINY_PRESET_MODULE] });

/** A `saddle worker` process on this test's queue and data directory; resolves once it takes jobs. */
async function startWorker(namespace: string, env: NodeJS.ProcessEnv, concurrency = 1): Promise<ChildProcess> {
  const child = spawn(process.execPath, [SADDLE_BIN, 'worker', '--concurrency', String(concurrency), '--data-dir', dir.path], {
    env: { ...process.env, SADDLE_REDIS_URL: url, SADDLE_REDIS_NAMESPACE: namespace, SADDLE_PRESET_MODULES: TINY_PRESET_MODULE, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  workers.push(child);
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('taking jobs')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`saddle worker exited with ${code}: ${stderr}`)));
  });
  return child;
}

async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const owner = (child: ChildProcess) => `:${child.pid}`;

describe('an analysis in scale-out mode', () => {
  it('is computed once across an API restart while a worker computes it', async () => {
    const log = join(dir.path, 'analysis.log');
    const env = { SADDLE_TEST_ANALYSIS_LOG: log, SADDLE_TEST_ANALYSIS_MS: '4000' };
    const namespace = namespaces[0];
    const pool = [await startWorker(namespace, env), await startWorker(namespace, env)];
    let runtime: Runtime = await api(namespace);
    try {
      const services = createServices(runtime, { queue: 'bullmq', pubsub: 'redis', workers: null });
      const experiment = await services.experiments.launch({ preset: 'test-slow-analysis', overrides: { epochs: 1 } });
      await waitFor(async () => existsSync(log) && readFileSync(log, 'utf8').includes('begin'), { what: 'the analysis to begin', timeoutMs: 60_000 });
      const computing = await runtime.store.getExperiment(experiment.id);
      expect(computing?.analysisStatus).toBe('RUNNING');
      expect(pool.some((w) => computing!.analysisOwner!.endsWith(owner(w)))).toBe(true);

      // The API restarts; the worker computing the analysis lives on.
      await runtime.close();
      runtime = await api(namespace);
      const done = await waitFor(async () => {
        const current = await runtime.store.getExperiment(experiment.id);
        return current?.analysisStatus === 'SUCCEEDED' && current;
      }, { what: 'the analysis to end', timeoutMs: 60_000 });
      expect(done, `error: ${done.error}`).toMatchObject({ status: 'SUCCEEDED', analysisOwner: null });
      await runtime.queue.idle();
      const lines = readFileSync(log, 'utf8').trim().split('\n');
      expect(lines.filter((l) => l.startsWith('begin'))).toHaveLength(1);
      expect(lines.filter((l) => l.startsWith('end'))).toHaveLength(1);
      expect((await runtime.store.figuresOf(experiment.id)).map((f) => f.id)).toEqual(['final-loss']);
    } finally {
      await Promise.all(pool.map(stopWorker));
      await runtime.close();
    }
  }, 120_000);
});

describe('an analysis longer than the lock', () => {
  it('keeps its lock while it blocks the event loop, so no other worker computes it again', async () => {
    const namespace = namespaces[2];
    const log = join(dir.path, 'long-analysis.log');
    // The analysis blocks its worker's event loop for 7 s; the lock lasts 1 s.
    const env = { SADDLE_TEST_ANALYSIS_LOG: log, SADDLE_TEST_ANALYSIS_MS: '7000', SADDLE_STALL_TIMEOUT_MS: '3000' };
    const pool = [await startWorker(namespace, env), await startWorker(namespace, env)];
    const runtime = await api(namespace);
    const events = new QueueEvents(bullQueueName(namespace), { connection: bullConnection(url) });
    const stalled: string[] = [];
    events.on('stalled', ({ jobId }) => stalled.push(jobId));
    try {
      const services = createServices(runtime, { queue: 'bullmq', pubsub: 'redis', workers: null });
      const experiment = await services.experiments.launch({ preset: 'test-slow-analysis', overrides: { epochs: 1 } });
      const done = await waitFor(async () => {
        const current = await runtime.store.getExperiment(experiment.id);
        return current && ['SUCCEEDED', 'FAILED'].includes(current.status) && current;
      }, { what: 'the experiment to end', timeoutMs: 90_000 });
      expect(done, `error: ${done.error}`).toMatchObject({ status: 'SUCCEEDED', analysisStatus: 'SUCCEEDED' });
      await runtime.queue.idle();
      const lines = readFileSync(log, 'utf8').trim().split('\n');
      expect(lines.filter((l) => l.startsWith('begin'))).toHaveLength(1);
      // Without the lock keeper BullMQ took the blocked job for stalled, twice, and failed it.
      expect(stalled).toEqual([]);
    } finally {
      await events.close();
      await Promise.all(pool.map(stopWorker));
      await runtime.close();
    }
  }, 120_000);
});

describe('a vanished worker in scale-out mode', () => {
  // SADDLE_TEST_STALL_TIMEOUT_MS=default measures BullMQ with Saddle's default timings (see docs/architecture.md).
  const configured = process.env.SADDLE_TEST_STALL_TIMEOUT_MS;
  const stallMs = configured === 'default' ? DEFAULT_STALL_TIMEOUT_MS : Number(configured ?? 6000);
  it(`has its jobs taken over within SADDLE_STALL_TIMEOUT_MS (${stallMs} ms)`, async () => {
    const env = configured === 'default' ? {} : { SADDLE_STALL_TIMEOUT_MS: String(stallMs) };
    const namespace = namespaces[1];
    const runtime = await api(namespace);
    const events = new QueueEvents(bullQueueName(namespace), { connection: bullConnection(url) });
    const stalledAt: number[] = [];
    events.on('stalled', () => stalledAt.push(Date.now()));
    const doomed = await startWorker(namespace, env, 2);
    let survivor: ChildProcess | undefined;
    try {
      const services = createServices(runtime, { queue: 'bullmq', pubsub: 'redis', workers: null });
      const experiment = await services.experiments.launch({ preset: 'test-tiny', overrides: { epochs: 100_000 } });
      const runIds = (await runtime.store.runsOf(experiment.id)).map((r) => r.id);
      await waitFor(async () => {
        const runs = await Promise.all(runIds.map((id) => runtime.store.getRun(id)));
        return runs.every((r) => r?.status === 'RUNNING' && r.owner?.endsWith(owner(doomed)));
      }, { what: 'the doomed worker to run both runs', timeoutMs: 60_000 });
      survivor = await startWorker(namespace, env, 2);
      const killedAt = Date.now();
      doomed.kill('SIGKILL');
      await waitFor(async () => {
        const runs = await Promise.all(runIds.map((id) => runtime.store.getRun(id)));
        return runs.every((r) => r?.status === 'RUNNING' && r.attempt === 1 && r.owner?.endsWith(owner(survivor!)));
      }, { what: 'the surviving worker to take both runs over', timeoutMs: stallMs + 20_000, intervalMs: 100 });
      const tookOverMs = Date.now() - killedAt;
      const claimedMs = (await Promise.all(runIds.map((id) => runtime.store.getRun(id)))).map((r) => r!.startedAt! - killedAt);
      console.log(`stall recovery with SADDLE_STALL_TIMEOUT_MS=${stallMs}: both runs taken over ${tookOverMs} ms after the worker was killed (claimed at ${claimedMs.join(', ')} ms; stalled events at ${stalledAt.map((t) => t - killedAt).join(', ')} ms)`);
      // Timers on a loaded 2-core machine run late by some hundreds of ms.
      expect(tookOverMs).toBeLessThan(stallMs + 1000);
    } finally {
      await events.close();
      // Cancelled, so the surviving worker's close does not wait for 100,000 epochs.
      for (const run of await runtime.store.runsWithStatus(['RUNNING', 'QUEUED'])) await runtime.queue.cancel(run.id);
      await waitFor(async () => (await runtime.store.runsWithStatus(['RUNNING'])).length === 0, { what: 'the runs to stop' });
      if (survivor) await stopWorker(survivor);
      await runtime.close();
    }
  }, 120_000);
});
