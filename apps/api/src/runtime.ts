/**
 * Everything a Saddle process needs to run experiments, wired once: the store, the pub/sub, the
 * run queue with its workers, the catalogue. `saddle serve` puts a GraphQL server in front of
 * it; `saddle run` drives it directly. Both pick the embedded or the scale-out pieces from the
 * same configuration.
 */
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { settleExperiment } from './experiments/experiment.lifecycle.js';
import { openCatalogue, presetModulesFromEnv, type ReloadableCatalogue } from './presets/catalogue.js';
import { publishRunStatus } from './pubsub/publish.js';
import { createMemoryPubSub, createRedisPubSub, type SaddlePubSub } from './pubsub/pubsub.js';
import { LocalRunQueue, type JobOutcome } from './queue/local-queue.js';
import { recoverOrphans, restartOrFail } from './queue/recovery.js';
import type { Job, RunQueue } from './queue/run-queue.js';
import { databaseConfigFromEnv, type DatabaseConfig } from './store/database.js';
import { Store } from './store/store.js';
import { failAnalysis, failRunAnalysisJob } from './worker/analyze-job.js';

export interface RuntimeConfig {
  /** Where the SQLite file and weight artifacts live. Default `SADDLE_DATA_DIR`, else `./.saddle`. */
  dataDir?: string;
  /** Default: `SADDLE_DATABASE_URL` (PostgreSQL), else SQLite at `<dataDir>/saddle.db`. */
  database?: DatabaseConfig;
  /** Redis for pub/sub and the BullMQ queue. Default `SADDLE_REDIS_URL`; unset = in-memory + local workers. */
  redisUrl?: string;
  /** Local worker processes. Default `SADDLE_WORKERS`, else one per core. */
  workers?: number;
  /** Extra preset modules (see presets/catalogue.ts). Default `SADDLE_PRESET_MODULES`. */
  presetModules?: string[];
  /** Prefix of the Redis queue and channels, so deployments can share one Redis. Default `saddle`. */
  redisNamespace?: string;
  /** Re-queue or fail runs orphaned by a dead process when starting. Default true. */
  recover?: boolean;
}

export interface Runtime {
  dataDir: string;
  /** Set in scale-out mode: where the queue and the pub/sub live. */
  redis?: { url: string; namespace: string };
  store: Store;
  pubsub: SaddlePubSub;
  queue: RunQueue;
  catalogue: ReloadableCatalogue;
  /** `host:pid` of this process, recorded on the runs its workers take. */
  owner: string;
  close(): Promise<void>;
}

export function resolveDataDir(dataDir?: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(dataDir ?? env.SADDLE_DATA_DIR ?? '.saddle');
}

export async function createRuntime(config: RuntimeConfig = {}): Promise<Runtime> {
  const dataDir = resolveDataDir(config.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const database = config.database ?? databaseConfigFromEnv(dataDir);
  const presetModules = config.presetModules ?? presetModulesFromEnv();
  const catalogue = await openCatalogue(presetModules);
  const store = await Store.open(database);
  const redisUrl = config.redisUrl ?? process.env.SADDLE_REDIS_URL;
  const namespace = config.redisNamespace ?? process.env.SADDLE_REDIS_NAMESPACE ?? 'saddle';
  const pubsub = redisUrl ? createRedisPubSub({ url: redisUrl, prefix: `${namespace}:` }) : createMemoryPubSub();
  const owner = `${hostname()}:${process.pid}`;

  let queue: RunQueue;
  const onJobEnd = (job: Job, outcome: JobOutcome) => handleJobEnd({ store, pubsub, queue, dataDir, owner }, job, outcome);
  if (redisUrl) {
    const { BullRunQueue } = await import('./queue/bull-queue.js');
    queue = new BullRunQueue({ url: redisUrl, namespace });
  } else {
    queue = new LocalRunQueue({
      ...(config.workers !== undefined && { workers: config.workers }),
      worker: { dataDir, database, presetModules, owner },
      publisher: pubsub,
      onJobEnd,
    });
  }
  const runtime: Runtime = {
    dataDir,
    ...(redisUrl && { redis: { url: redisUrl, namespace } }),
    store,
    pubsub,
    queue,
    catalogue,
    owner,
    async close() {
      await queue.close();
      await pubsub.close();
      await store.close();
    },
  };
  if (config.recover ?? true) await recoverOrphans(runtime);
  return runtime;
}

/**
 * After a job, in the process that owns the queue: a run whose worker process died starts over
 * (up to MAX_RUN_ATTEMPTS starts, as BullMQ mode retries a stalled job), a failed training fails
 * its run with the reason (if the worker could not); then the experiment is settled.
 */
export async function handleJobEnd(
  deps: { store: Store; pubsub: SaddlePubSub; queue: RunQueue; dataDir: string; owner: string },
  job: Job,
  outcome: JobOutcome,
): Promise<void> {
  const { store, pubsub } = deps;
  const failure = outcome.kind === 'done' ? outcome.error : outcome.reason;
  switch (job.kind) {
    case 'train': {
      const run = await store.getRun(job.runId);
      if (!run) return;
      if (outcome.kind === 'orphaned') {
        if (run.status === 'RUNNING') await restartOrFail(deps, run, `the worker training it with other runs died (${outcome.reason})`);
      } else if (outcome.kind === 'crashed' && run.status === 'RUNNING') {
        await restartOrFail(deps, run, outcome.reason);
      } else if (failure) {
        // Crashed before it claimed the run (e.g. the worker could not start): retrying would loop.
        const error = outcome.kind === 'crashed' ? failure : `the worker failed: ${failure.split('\n')[0]}`;
        if (await store.transitionRun(run.id, ['RUNNING', 'QUEUED'], { status: 'FAILED', error, owner: null, finishedAt: Date.now() })) {
          publishRunStatus(pubsub, run.experimentId, run.id, 'FAILED', error);
        }
      }
      await settleExperiment({ store, publisher: pubsub, enqueue: (j) => deps.queue.enqueue(j) }, run.experimentId);
      return;
    }
    case 'analyze':
      // This process's workers hold its analyses under its own owner (see WorkerConfig.owner).
      if (failure && job.analysisId) await failRunAnalysisJob({ store, publisher: pubsub, owner: deps.owner }, job, `analysis failed: ${failure.split('\n')[0]}`);
      else if (failure) await failAnalysis({ store, publisher: pubsub, owner: deps.owner }, job.experimentId, `analysis failed: ${failure.split('\n')[0]}`);
      return;
    default: {
      const unreachable: never = job;
      throw new Error(`handleJobEnd: unknown job ${JSON.stringify(unreachable)}`);
    }
  }
}
