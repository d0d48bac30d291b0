/**
 * Runs: reading, cancelling, and the life of an external run logged by a script
 * (`createRun` → `logMetrics`… → `finishRun`).
 */
import { randomUUID } from 'node:crypto';
import type { RunStatus } from '@saddle/engine';
import { checkName, checkTags } from '../common/validate.js';
import { BadInputError, ConflictError, NotFoundError } from '../errors.js';
import { settleExperiment } from '../experiments/experiment.lifecycle.js';
import { publishRunStatus } from '../pubsub/publish.js';
import type { EventPublisher } from '../pubsub/topics.js';
import type { RunQueue } from '../queue/run-queue.js';
import { TERMINAL_RUN_STATUSES, isTerminalRunStatus, type RunConfig, type RunRecord } from '../store/records.js';
import type { Store } from '../store/store.js';

export interface CreateRunRequest {
  name: string;
  experimentId?: string | null;
  experimentName?: string | null;
  group?: string | null;
  config?: Record<string, unknown> | null;
  tags?: string[] | null;
}

export class RunService {
  constructor(private readonly deps: { store: Store; queue: RunQueue; publisher: EventPublisher }) {}

  get(id: string): Promise<RunRecord | undefined> {
    return this.deps.store.getRun(id);
  }

  async require(id: string): Promise<RunRecord> {
    const run = await this.deps.store.getRun(id);
    if (!run) throw new NotFoundError('Run', id);
    return run;
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

  async createExternal(request: CreateRunRequest): Promise<RunRecord> {
    const { store } = this.deps;
    const name = checkName(request.name, ['input', 'name']);
    const group = request.group ? checkName(request.group, ['input', 'group']) : name;
    const config = checkConfig(request.config ?? {}, ['input', 'config']);
    const run = { id: randomUUID(), key: name, group, config, spec: null, external: true, status: 'RUNNING' as const };
    if (request.experimentId) {
      const experiment = await store.getExperiment(request.experimentId);
      if (!experiment) throw new NotFoundError('Experiment', request.experimentId);
      if (experiment.origin !== 'external') {
        throw new BadInputError('scripts may add runs only to experiments of logged runs', ['input', 'experimentId'], 'the id of an experiment created by createRun');
      }
      if ((await store.runsOf(experiment.id)).some((r) => r.key === name)) {
        throw new BadInputError(`experiment already has a run named ${JSON.stringify(name)}`, ['input', 'name'], 'a name unique within the experiment');
      }
      if (request.tags) checkTags(request.tags, ['input', 'tags']);
      await store.addRun(experiment.id, run);
      await this.settle(experiment.id);
    } else {
      const tags = checkTags(request.tags ?? [], ['input', 'tags']);
      const experimentName = request.experimentName ? checkName(request.experimentName, ['input', 'experimentName']) : name;
      await store.createExperiment(
        { id: randomUUID(), name: experimentName, preset: null, scale: null, origin: 'external', spec: {}, status: 'RUNNING', analysisStatus: 'SKIPPED', tags },
        [run],
      );
    }
    return this.require(run.id);
  }

  async finishExternal(id: string, status: RunStatus, error: string | null | undefined): Promise<RunRecord> {
    const run = await this.require(id);
    if (!run.external) throw new ConflictError(`run ${id} is trained by Saddle's workers; only runs made by createRun can be finished by a script (use cancelRun to stop it)`);
    if (!isTerminalRunStatus(status)) {
      throw new BadInputError(`a run cannot be finished as ${status}`, ['status'], TERMINAL_RUN_STATUSES);
    }
    if (isTerminalRunStatus(run.status)) {
      if (run.status === status) return run;
      throw new ConflictError(`run ${id} already ended as ${run.status}`);
    }
    const reason = status === 'SUCCEEDED' ? null : (error ?? status.toLowerCase());
    const progress = status === 'SUCCEEDED' ? 1 : run.progress;
    if (await this.deps.store.transitionRun(id, ['RUNNING', 'QUEUED'], { status, error: reason, progress, finishedAt: Date.now() })) {
      publishRunStatus(this.deps.publisher, run.experimentId, id, status, reason);
      await this.settle(run.experimentId);
    }
    return this.require(id);
  }

  private settle(experimentId: string): Promise<void> {
    const { store, publisher, queue } = this.deps;
    return settleExperiment({ store, publisher, enqueue: (job) => queue.enqueue(job) }, experimentId);
  }
}

function checkConfig(config: Record<string, unknown>, path: (string | number)[]): RunConfig {
  const out: RunConfig = {};
  for (const [key, value] of Object.entries(config)) {
    if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) out[key] = value;
    else throw new BadInputError(`config value ${JSON.stringify(key)} must be a string, a finite number or a boolean`, [...path, key], 'string | number | boolean');
  }
  return out;
}
