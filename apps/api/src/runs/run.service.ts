/**
 * Runs: reading, cancelling, and the life of an external run logged by a script
 * (`createRun` → `logMetrics`… → `finishRun`; `heartbeat`, `setSummary`, `resumeRun`; a silent
 * one becomes CRASHED).
 */
import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { flattenConfig, type RunStatus } from '@saddle/engine';
import { LIMITS } from '../common/limits.js';
import { checkName, checkTags } from '../common/validate.js';
import { BadInputError, ConflictError, LimitExceededError, NotFoundError } from '../errors.js';
import { settleExperiment } from '../experiments/experiment.lifecycle.js';
import { publishExperimentStatus, publishRunStatus } from '../pubsub/publish.js';
import type { EventPublisher } from '../pubsub/topics.js';
import type { RunQueue } from '../queue/run-queue.js';
import { findExternalExperiment } from '../store/projects.js';
import { FINISH_RUN_STATUSES, isTerminalRunStatus, type RunConfig, type RunRecord } from '../store/records.js';
import { forgetHeartbeat, silentExternalRuns, touchHeartbeat } from '../store/run-liveness.js';
import { lastValuesOfRuns, type LastValues } from '../store/run-summary.js';
import type { Store } from '../store/store.js';

export interface CreateRunRequest {
  name: string;
  experimentId?: string | null;
  experimentName?: string | null;
  project?: string | null;
  group?: string | null;
  config?: Record<string, unknown> | null;
  tags?: string[] | null;
  /** A client-chosen UUID: createRun sent again with it returns the run made the first time. */
  id?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Default of SADDLE_HEARTBEAT_TIMEOUT_S: a logged run silent this long becomes CRASHED. */
export const DEFAULT_HEARTBEAT_TIMEOUT_S = 300;

/** SADDLE_HEARTBEAT_TIMEOUT_S in ms (a positive number of seconds), else the default; anything else stops the server. */
export function heartbeatTimeoutMsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SADDLE_HEARTBEAT_TIMEOUT_S;
  if (raw === undefined || raw === '') return DEFAULT_HEARTBEAT_TIMEOUT_S * 1000;
  const seconds = Number(raw);
  if (!(seconds > 0) || !Number.isFinite(seconds)) {
    throw new Error(`SADDLE_HEARTBEAT_TIMEOUT_S must be a positive number of seconds, got ${JSON.stringify(raw)}; unset it for the default (${DEFAULT_HEARTBEAT_TIMEOUT_S} s)`);
  }
  return seconds * 1000;
}

export class RunService {
  /** Get-or-create of experiments by (project, name), one at a time in this process (see createExternal). */
  private experimentLock: Promise<unknown> = Promise.resolve();

  /**
   * Last values asked for in the same tick are read in one statement (the experiment page's 100
   * runs each resolve `final` and `steps`: one query instead of 100). Batching only, no cache:
   * a logged run's points keep coming, and the next request must see them.
   */
  private readonly lastValuesLoader: DataLoader<string, LastValues>;

  constructor(private readonly deps: { store: Store; queue: RunQueue; publisher: EventPublisher }) {
    this.lastValuesLoader = new DataLoader(
      async (ids) => {
        const found = await lastValuesOfRuns(this.deps.store, ids);
        return ids.map((id) => found.get(id) ?? { final: {}, steps: null });
      },
      { cache: false },
    );
  }

  get(id: string): Promise<RunRecord | undefined> {
    return this.deps.store.getRun(id);
  }

  async require(id: string): Promise<RunRecord> {
    const run = await this.deps.store.getRun(id);
    if (!run) throw new NotFoundError('Run', id);
    return run;
  }

  /** A logged run's last value of each series and its last step (store/run-summary.ts). */
  lastValues(id: string): Promise<LastValues> {
    return this.lastValuesLoader.load(id);
  }

  runsOf(experimentId: string): Promise<RunRecord[]> {
    return this.deps.store.runsOf(experimentId);
  }

  /**
   * A waiting run is cancelled at once; a running one is asked to stop (its worker ends it as
   * CANCELLED within a step); an ended one is returned as it is.
   */
  async cancel(id: string): Promise<RunRecord> {
    const { store, queue, publisher } = this.deps;
    const run = await this.require(id);
    if (isTerminalRunStatus(run.status)) return run;
    if (run.status === 'RUNNING' && !run.external) {
      await queue.cancel(id);
      return this.require(id);
    }
    const from: RunStatus[] = run.external ? ['RUNNING', 'QUEUED'] : ['QUEUED'];
    if (await store.transitionRun(id, from, { status: 'CANCELLED', error: 'cancelled by request', finishedAt: Date.now(), owner: null })) {
      await queue.cancel(id);
      publishRunStatus(publisher, run.experimentId, id, 'CANCELLED', 'cancelled by request');
      await this.settle(run.experimentId);
    }
    return this.require(id);
  }

  /**
   * A new RUNNING run of a script. Its experiment: `experimentId`; else the external experiment
   * named `experimentName` in `project` (created by the first such call: the same name three
   * times is one experiment); else a new experiment of its own, named after the run. A name
   * already taken in a found experiment gets a suffix (`name-2`, `name-3`, …), as a script run
   * again under the same name is a new run.
   */
  async createExternal(request: CreateRunRequest): Promise<RunRecord> {
    if (request.id === undefined || request.id === null) return this.createExternalRun(request, randomUUID());
    // Idempotent by the client's id: a retry whose answer was lost, or a spooled createRun
    // replayed, finds the run the first request made instead of making a second one.
    const id = request.id;
    if (!UUID.test(id)) throw new BadInputError('a run id must be a UUID', ['input', 'id'], 'a UUID the client generates, e.g. crypto.randomUUID() or uuid.uuid4(); or no id');
    const existing = await this.deps.store.getRun(id);
    if (existing) return this.sameExternalRun(existing);
    try {
      return await this.createExternalRun(request, id);
    } catch (error) {
      // two copies of one request at once: the second insert of the id fails, and the first's run is the answer
      const raced = await this.deps.store.getRun(id);
      if (raced) return this.sameExternalRun(raced);
      throw error;
    }
  }

  private sameExternalRun(run: RunRecord): RunRecord {
    if (!run.external) throw new ConflictError(`run id ${run.id} belongs to a run Saddle trains; a script's createRun needs a new UUID`);
    return run;
  }

  private async createExternalRun(request: CreateRunRequest, id: string): Promise<RunRecord> {
    const { store } = this.deps;
    const name = checkName(request.name, ['input', 'name']);
    const group = request.group ? checkName(request.group, ['input', 'group']) : name;
    const rawConfig = request.config ?? {};
    const config = checkConfig(rawConfig, ['input', 'config']);
    const project = request.project ? checkName(request.project, ['input', 'project']) : null;
    const run = { id, key: name, group, config, rawConfig, spec: null, external: true, status: 'RUNNING' as const };
    if (!request.experimentId && request.experimentName) {
      const experimentName = checkName(request.experimentName, ['input', 'experimentName']);
      const tags = checkTags(request.tags ?? [], ['input', 'tags']);
      // Find-or-create must not interleave with itself, or two first calls make two experiments.
      // This serialises one process; API replicas on one PostgreSQL may still race (rare: two
      // scripts starting the same new experiment within milliseconds on different replicas).
      const done = this.experimentLock.then(async () => {
        const found = await findExternalExperiment(store, project, experimentName);
        if (found) {
          // only the keys name, name-2, … are read: the cost does not grow with the experiment's runs
          const taken = new Set(await store.runKeysLike(found.id, name));
          let key = name;
          for (let n = 2; taken.has(key); n++) key = `${name}-${n}`;
          await store.addRun(found.id, { ...run, key });
          // Tags given again are kept; new ones are added to the experiment's.
          const current = (await store.tagsOf([found.id])).get(found.id) ?? [];
          const merged = [...new Set([...current, ...tags])];
          if (merged.length > current.length) await store.setTags(found.id, checkTags(merged, ['input', 'tags']));
          await this.markRunning(found.id);
        } else {
          await store.createExperiment(
            { id: randomUUID(), name: experimentName, project, preset: null, scale: null, origin: 'external', spec: {}, status: 'RUNNING', analysisStatus: 'SKIPPED', tags },
            [run],
          );
        }
      });
      this.experimentLock = done.catch(() => undefined);
      await done;
      return this.require(run.id);
    }
    if (request.experimentId) {
      const experiment = await store.getExperiment(request.experimentId);
      if (!experiment) throw new NotFoundError('Experiment', request.experimentId);
      if (experiment.origin !== 'external') {
        throw new BadInputError('scripts may add runs only to experiments of logged runs', ['input', 'experimentId'], 'the id of an experiment created by createRun');
      }
      if ((await store.runKeysLike(experiment.id, name)).includes(name)) {
        throw new BadInputError(`experiment already has a run named ${JSON.stringify(name)}`, ['input', 'name'], 'a name unique within the experiment');
      }
      if (request.tags) checkTags(request.tags, ['input', 'tags']);
      await store.addRun(experiment.id, run);
      await this.markRunning(experiment.id);
    } else {
      const tags = checkTags(request.tags ?? [], ['input', 'tags']);
      await store.createExperiment(
        { id: randomUUID(), name, project, preset: null, scale: null, origin: 'external', spec: {}, status: 'RUNNING', analysisStatus: 'SKIPPED', tags },
        [run],
      );
    }
    return this.require(run.id);
  }

  /**
   * An experiment of logged runs that just gained a RUNNING run is RUNNING (what settling it
   * would conclude, without reading its other runs: adding a run costs the same at 10,000 runs).
   */
  private async markRunning(experimentId: string): Promise<void> {
    const experiment = await this.deps.store.getExperiment(experimentId);
    if (!experiment || experiment.status === 'RUNNING') return;
    await this.deps.store.updateExperiment(experimentId, { status: 'RUNNING', finishedAt: null });
    publishExperimentStatus(this.deps.publisher, experimentId, 'RUNNING');
  }

  async finishExternal(id: string, status: RunStatus, error: string | null | undefined): Promise<RunRecord> {
    const run = await this.requireExternal(id, 'finished by a script (use cancelRun to stop it)');
    if (!FINISH_RUN_STATUSES.includes(status)) {
      throw new BadInputError(`a run cannot be finished as ${status}`, ['status'], FINISH_RUN_STATUSES);
    }
    // A CRASHED run was only the server's guess (its script went quiet): the script's own word wins.
    if (isTerminalRunStatus(run.status) && run.status !== 'CRASHED') {
      if (run.status === status) return run;
      throw new ConflictError(`run ${id} already ended as ${run.status}; resumeRun(id: "${id}") first to log into it and finish it again`);
    }
    const reason = status === 'SUCCEEDED' ? null : (error ?? status.toLowerCase());
    const progress = status === 'SUCCEEDED' ? 1 : run.progress;
    if (await this.deps.store.transitionRun(id, ['RUNNING', 'QUEUED', 'CRASHED'], { status, error: reason, progress, finishedAt: Date.now() })) {
      publishRunStatus(this.deps.publisher, run.experimentId, id, status, reason);
      await this.settle(run.experimentId);
    }
    return this.require(id);
  }

  /**
   * The script of a RUNNING run is alive: postpones its CRASHED verdict. A CRASHED or ended run
   * is refused (CONFLICT) — the script resumes it first, so a run nobody watches does not look live.
   */
  async heartbeat(id: string): Promise<RunRecord> {
    const run = await this.requireExternal(id, 'sent heartbeats (its worker keeps it alive)');
    if (run.status !== 'RUNNING') {
      throw new ConflictError(`run ${id} is ${run.status}, not RUNNING; resumeRun(id: "${id}") to continue it`);
    }
    forgetHeartbeat(this.deps.store, id);
    await touchHeartbeat(this.deps.store, id);
    return this.require(id);
  }

  /**
   * Makes an ended or CRASHED logged run RUNNING again (e.g. a script restarted after it was
   * killed): logging and finishRun work again, `error` and `finishedAt` are cleared, and its
   * experiment is RUNNING while it is. A RUNNING run is returned as it is.
   */
  async resume(id: string): Promise<RunRecord> {
    const { store, publisher } = this.deps;
    const run = await this.requireExternal(id, 'resumed by a script (Saddle restarts its own runs)');
    if (run.status === 'RUNNING') return run;
    const now = Date.now();
    if (await store.transitionRun(id, [run.status], { status: 'RUNNING', error: null, finishedAt: null, heartbeatAt: now })) {
      forgetHeartbeat(store, id);
      publishRunStatus(publisher, run.experimentId, id, 'RUNNING', null);
      await this.settle(run.experimentId);
    }
    return this.require(id);
  }

  /**
   * Merges values into a logged run's summary (wandb's `run.summary`): each key given replaces
   * its value, a key given as null is removed, others are kept. Allowed after the run ended.
   */
  async setSummary(id: string, summary: Record<string, unknown>): Promise<RunRecord> {
    const run = await this.requireExternal(id, 'given a summary by a script (its final metrics are its summary)');
    const bytes = Buffer.byteLength(JSON.stringify(summary));
    if (bytes > LIMITS.summaryBytesMax) throw new LimitExceededError('a run summary (bytes of JSON)', LIMITS.summaryBytesMax, bytes);
    const merged: Record<string, unknown> = { ...(run.summaryValues ?? {}) };
    for (const [key, value] of Object.entries(summary)) {
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    const total = Buffer.byteLength(JSON.stringify(merged));
    if (total > LIMITS.summaryBytesMax) throw new LimitExceededError('a run summary (bytes of JSON, after merging)', LIMITS.summaryBytesMax, total);
    await this.deps.store.updateRun(id, { summaryValues: merged });
    await touchHeartbeat(this.deps.store, id);
    return this.require(id);
  }

  /**
   * Turns every RUNNING logged run not heard from for `timeoutMs` into CRASHED; returns their
   * ids. `aliveSince` is when this process started watching: a script cannot have reached a
   * server that was down, so no run is judged before the timeout has passed since then too.
   */
  async detectCrashes(timeoutMs: number, aliveSince: number, now = Date.now()): Promise<string[]> {
    if (now - aliveSince < timeoutMs) return [];
    const { store, publisher } = this.deps;
    const crashed: string[] = [];
    for (const silent of await silentExternalRuns(store, now - timeoutMs)) {
      const error = `no heartbeat for ${Math.round((now - silent.heartbeatAt) / 1000)} s (the timeout is ${timeoutMs / 1000} s; last heard ${new Date(silent.heartbeatAt).toISOString()}): the script died or lost the server; resumeRun to continue it`;
      if (await store.transitionRun(silent.id, ['RUNNING'], { status: 'CRASHED', error, finishedAt: now })) {
        const run = await store.getRun(silent.id);
        if (!run) continue;
        crashed.push(run.id);
        publishRunStatus(publisher, run.experimentId, run.id, 'CRASHED', error);
        await this.settle(run.experimentId);
      }
    }
    return crashed;
  }

  private async requireExternal(id: string, what: string): Promise<RunRecord> {
    const run = await this.require(id);
    if (!run.external) throw new ConflictError(`run ${id} is trained by Saddle's workers; only runs made by createRun can be ${what}`);
    return run;
  }

  private settle(experimentId: string): Promise<void> {
    const { store, publisher, queue } = this.deps;
    return settleExperiment({ store, publisher, enqueue: (job) => queue.enqueue(job) }, experimentId);
  }
}

/** Any JSON object (nested lists and objects, null), flattened to dotted paths; bounded in size. */
function checkConfig(config: Record<string, unknown>, path: (string | number)[]): RunConfig {
  const bytes = Buffer.byteLength(JSON.stringify(config));
  if (bytes > LIMITS.configBytesMax) throw new LimitExceededError('a run config (bytes of JSON)', LIMITS.configBytesMax, bytes);
  try {
    return flattenConfig(config);
  } catch (error) {
    throw new BadInputError(error instanceof Error ? error.message.replace(/^flattenConfig: /, 'config: ') : String(error), path, 'a JSON object: values null, booleans, numbers, strings, lists or objects');
  }
}
