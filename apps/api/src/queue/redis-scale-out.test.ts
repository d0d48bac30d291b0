/**
 * Scale-out mode against the local Redis: pub/sub across two "replicas", and a preset trained
 * by a BullMQ worker (`saddle worker`'s code) with its events reaching another process's
 * subscribers through Redis.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisPubSub } from '../pubsub/pubsub.js';
import { Topic, type ExperimentEventPayload } from '../pubsub/topics.js';
import { createRuntime } from '../runtime.js';
import { createServices } from '../server.js';
import { tempDir, TINY_PRESET_MODULE, waitFor } from '../test-utils/temp.js';
import { startBullWorker } from '../worker/bull-worker.js';
import { bullQueueName } from './bull-queue.js';

const url = process.env.SADDLE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const namespace = `saddle-test-${randomUUID().slice(0, 8)}`;
const dir = tempDir();
afterAll(async () => {
  dir.remove();
  // Leave the shared Redis as we found it.
  const redis = new Redis(url);
  const keys = await redis.keys(`bull:${bullQueueName(namespace)}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

describe('Redis pub/sub', () => {
  it('delivers an event published by one replica to a subscriber of another', async () => {
    const publisherReplica = createRedisPubSub({ url, prefix: `${namespace}:` });
    const subscriberReplica = createRedisPubSub({ url, prefix: `${namespace}:` });
    try {
      const iterator = subscriberReplica.subscribe(Topic.RunEvents, 'run-1')[Symbol.asyncIterator]();
      const next = iterator.next();
      await new Promise((resolve) => setTimeout(resolve, 200)); // SUBSCRIBE reaches Redis
      publisherReplica.publish(Topic.RunEvents, 'run-2', { type: 'PROGRESS', runId: 'run-2', experimentId: 'e', progress: 0.1 });
      publisherReplica.publish(Topic.RunEvents, 'run-1', { type: 'PROGRESS', runId: 'run-1', experimentId: 'e', progress: 0.5 });
      expect((await next).value).toEqual({ type: 'PROGRESS', runId: 'run-1', experimentId: 'e', progress: 0.5 });
      await iterator.return?.();
    } finally {
      await Promise.all([publisherReplica.close(), subscriberReplica.close()]);
    }
  });
});

describe('BullMQ queue with a separate worker', () => {
  it('trains a preset through Redis and publishes its events to the API’s subscribers', async () => {
    const api = await createRuntime({ dataDir: dir.path, redisUrl: url, redisNamespace: namespace, presetModules: [TINY_PRESET_MODULE] });
    const worker = await startBullWorker({ url, store: api.store, dataDir: api.dataDir, catalogue: api.catalogue, namespace });
    try {
      const services = createServices(api, { queue: 'bullmq', pubsub: 'redis', workers: null });
      const experiment = await services.experiments.launch({ preset: 'test-tiny', overrides: { epochs: 2 } });
      const seen: ExperimentEventPayload[] = [];
      const follow = (async () => {
        for await (const event of api.pubsub.subscribe(Topic.ExperimentEvents, experiment.id) as AsyncIterable<ExperimentEventPayload>) {
          seen.push(event);
          if (event.type === 'STATUS' && event.status === 'SUCCEEDED') break;
        }
      })();
      const done = await waitFor(async () => {
        const current = await api.store.getExperiment(experiment.id);
        return current && ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(current.status) && current;
      }, { what: 'the experiment to end', timeoutMs: 60_000 });
      expect(done).toMatchObject({ status: 'SUCCEEDED', analysisStatus: 'SUCCEEDED' });
      expect((await api.store.figuresOf(experiment.id)).map((f) => f.id)).toEqual(['final-loss']);
      await waitFor(async () => seen.some((e) => e.type === 'STATUS' && e.status === 'SUCCEEDED'), { what: 'the SUCCEEDED event' });
      await follow;
      expect(seen.some((e) => e.type === 'METRICS' && (e.points?.length ?? 0) > 0)).toBe(true);
      await api.queue.idle();
    } finally {
      await worker.close();
      await api.close();
    }
  });

  it('restarts a run that a vanished worker left RUNNING when its job comes round again', async () => {
    const api = await createRuntime({ dataDir: dir.path, redisUrl: url, redisNamespace: namespace, presetModules: [TINY_PRESET_MODULE] });
    try {
      const services = createServices(api, { queue: 'bullmq', pubsub: 'redis', workers: null });
      const experiment = await services.experiments.launch({ preset: 'test-tiny', overrides: { epochs: 1 } });
      const [orphan] = await api.store.runsOf(experiment.id);
      // As if a worker on another machine had claimed it and died (its job then stalls back to the queue).
      await api.store.updateRun(orphan!.id, { status: 'RUNNING', owner: 'vanished-host:4242' });
      const worker = await startBullWorker({ url, store: api.store, dataDir: api.dataDir, catalogue: api.catalogue, namespace });
      try {
        const done = await waitFor(async () => {
          const current = await api.store.getExperiment(experiment.id);
          return current && ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(current.status) && current;
        }, { what: 'the experiment to end', timeoutMs: 60_000 });
        expect(done.status).toBe('SUCCEEDED');
        expect(await api.store.getRun(orphan!.id)).toMatchObject({ status: 'SUCCEEDED', attempt: 1 });
      } finally {
        await worker.close();
      }
    } finally {
      await api.close();
    }
  });
});
