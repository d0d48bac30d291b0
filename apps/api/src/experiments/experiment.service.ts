/**
 * Experiments: launching (validating everything before anything is stored), listing, tagging,
 * notes, cancelling and deleting.
 */
import { randomUUID } from 'node:crypto';
import { decodeCursor, encodeCursor } from '../common/connection.js';
import { LIMITS } from '../common/limits.js';
import { checkName, checkRange, checkTags } from '../common/validate.js';
import { SpecError, validateRunSpec, type PresetRun, type RunSpec } from '../engine.js';
import { BadInputError, LimitExceededError, NotFoundError } from '../errors.js';
import type { PresetCatalogue } from '../presets/catalogue.js';
import { publishExperimentStatus } from '../pubsub/publish.js';
import type { EventPublisher } from '../pubsub/topics.js';
import type { RunQueue } from '../queue/run-queue.js';
import { removeRunArtifacts } from '../store/artifact-files.js';
import { isTerminalRunStatus, type ExperimentRecord, type LaunchSpec } from '../store/records.js';
import type { ExperimentFilter, NewRun, Store } from '../store/store.js';
import type { RunService } from '../runs/run.service.js';
import type { Scale } from '@saddle/engine';
import { expectedTime, type ExpectedTime } from '../presets/expected-time.js';

export interface LaunchRequest {
  preset?: string | null;
  scale?: Scale | null;
  data?: 'mnist' | 'cifar10' | null;
  overrides?: Record<string, unknown> | null;
  spec?: Record<string, unknown> | null;
  name?: string | null;
  tags?: string[] | null;
}

/** Largest sweep one launch may create (the biggest HW1 preset has 100 runs). */
export const MAX_RUNS_PER_EXPERIMENT = 1000;

export class ExperimentService {
  constructor(
    private readonly deps: { store: Store; queue: RunQueue; publisher: EventPublisher; catalogue: PresetCatalogue; dataDir: string; runs: RunService },
  ) {}

  get(id: string): Promise<ExperimentRecord | undefined> {
    return this.deps.store.getExperiment(id);
  }

  /** How long a launch of the preset at this scale is expected to take (see presets/expected-time.ts). */
  expectedTime(presetId: string, scale: Scale): Promise<ExpectedTime | null> {
    return expectedTime(this.deps.store, presetId, scale);
  }

  async require(id: string): Promise<ExperimentRecord> {
    const experiment = await this.deps.store.getExperiment(id);
    if (!experiment) throw new NotFoundError('Experiment', id);
    return experiment;
  }

  async list(args: { first?: number | null; after?: string | null; filter?: { [K in keyof ExperimentFilter]?: ExperimentFilter[K] | null } | null }) {
    const first = checkRange(args.first ?? LIMITS.experimentsPageDefault, ['first'], 1, LIMITS.experimentsPageMax, 'experiments page size (first)');
    let after: { createdAt: number; id: string } | undefined;
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, ['number', 'string'], 'after') as [number, string];
      after = { createdAt, id };
    }
    const filter = args.filter ?? {};
    const page = await this.deps.store.listExperiments({
      first,
      ...(after && { after }),
      filter: {
        ...(filter.status && { status: filter.status }),
        ...(filter.preset && { preset: filter.preset }),
        ...(filter.tag && { tag: filter.tag }),
        ...(filter.text && { text: filter.text }),
      },
    });
    return { ...page, cursorOf: (e: ExperimentRecord) => encodeCursor([e.createdAt, e.id]) };
  }

  async tagsOf(id: string): Promise<string[]> {
    return (await this.deps.store.tagsOf([id])).get(id) ?? [];
  }

  /** Fraction done in [0, 1]: the runs' progress, and the analyses' when there are any. */
  async progress(id: string): Promise<number> {
    const record = await this.require(id);
    const runs = await this.deps.store.runsOf(id);
    const parts = runs.map((r) => (isTerminalRunStatus(r.status) ? 1 : r.progress));
    if (record.origin === 'preset' && record.analysisStatus !== 'SKIPPED') {
      parts.push(record.analysisStatus === 'SUCCEEDED' || record.analysisStatus === 'FAILED' ? 1 : record.analysisProgress);
    }
    return parts.length === 0 ? 0 : parts.reduce((a, b) => a + b, 0) / parts.length;
  }

  figuresOf(id: string) {
    return this.deps.store.figuresOf(id);
  }

  async launch(request: LaunchRequest): Promise<ExperimentRecord> {
    const tags = checkTags(request.tags ?? [], ['input', 'tags']);
    if (request.preset && request.spec) {
      throw new BadInputError('give either a preset or a spec, not both', ['input', 'spec'], 'exactly one of input.preset and input.spec');
    }
    const scale = request.scale ?? 'quick';
    let launch: LaunchSpec;
    let runs: PresetRun[];
    let name: string;
    if (request.preset) {
      const preset = this.deps.catalogue.get(request.preset);
      if (!preset) {
        throw new BadInputError(`unknown preset ${JSON.stringify(request.preset)}`, ['input', 'preset'], this.deps.catalogue.list().map((p) => p.id));
      }
      launch = {
        preset: preset.id,
        scale,
        ...(request.data && { data: request.data }),
        ...(request.overrides && { overrides: request.overrides }),
      };
      try {
        runs = preset.runs({ scale, ...(request.data && { data: request.data }), ...(request.overrides && { overrides: request.overrides }) });
      } catch (error) {
        throw specToInputError(error, ['input', 'overrides']);
      }
      if (runs.length > MAX_RUNS_PER_EXPERIMENT) throw new LimitExceededError('runs per experiment', MAX_RUNS_PER_EXPERIMENT, runs.length);
      runs = runs.map((run) => {
        try {
          return { ...run, spec: validateRunSpec(run.spec) };
        } catch (error) {
          throw specToInputError(error, ['input', 'overrides'], `run ${run.key}: `);
        }
      });
      name = request.name ? checkName(request.name, ['input', 'name']) : `${preset.title} (${scale})`;
    } else if (request.spec) {
      let spec: RunSpec;
      try {
        spec = validateRunSpec(request.spec);
      } catch (error) {
        throw specToInputError(error, ['input', 'spec']);
      }
      launch = { run: spec };
      runs = [{ key: 'run', group: spec.model.name, config: {}, spec }];
      name = request.name ? checkName(request.name, ['input', 'name']) : `${spec.model.name} run`;
    } else {
      throw new BadInputError('give a preset (or a spec) to launch', ['input', 'preset'], this.deps.catalogue.list().map((p) => p.id));
    }

    const id = randomUUID();
    const newRuns: NewRun[] = runs.map((run) => ({
      id: randomUUID(),
      key: run.key,
      group: run.group,
      config: run.config,
      spec: run.spec,
      external: false,
      status: 'QUEUED',
    }));
    await this.deps.store.createExperiment(
      {
        id,
        name,
        preset: launch.preset ?? null,
        scale: launch.preset ? scale : null,
        origin: launch.preset ? 'preset' : 'spec',
        spec: launch,
        status: 'QUEUED',
        analysisStatus: launch.preset ? 'PENDING' : 'SKIPPED',
        tags,
      },
      newRuns,
    );
    publishExperimentStatus(this.deps.publisher, id, 'QUEUED');
    for (const run of newRuns) await this.deps.queue.enqueue({ kind: 'train', runId: run.id });
    return (await this.deps.store.getExperiment(id)) as ExperimentRecord;
  }

  async cancel(id: string): Promise<ExperimentRecord> {
    await this.require(id);
    for (const run of await this.deps.store.runsOf(id)) {
      if (!isTerminalRunStatus(run.status)) await this.deps.runs.cancel(run.id);
    }
    return this.require(id);
  }

  async setTags(id: string, tags: string[]): Promise<ExperimentRecord> {
    await this.require(id);
    await this.deps.store.setTags(id, checkTags(tags, ['tags']));
    return this.require(id);
  }

  async setNotes(id: string, notes: string): Promise<ExperimentRecord> {
    await this.require(id);
    if (notes.length > LIMITS.notesLengthMax) throw new LimitExceededError('notes length', LIMITS.notesLengthMax, notes.length);
    await this.deps.store.updateExperiment(id, { notes });
    return this.require(id);
  }

  /** Cancels whatever still runs, then removes the experiment, its runs, points, figures and weight files. */
  async delete(id: string): Promise<string> {
    await this.require(id);
    const runs = await this.deps.store.runsOf(id);
    for (const run of runs) {
      if (!isTerminalRunStatus(run.status) && !run.external) await this.deps.queue.cancel(run.id);
    }
    await this.deps.store.deleteExperiment(id);
    for (const run of runs) removeRunArtifacts(this.deps.dataDir, run.id);
    return id;
  }
}

/** Turns the engine's spec errors (and a preset's own errors) into BAD_USER_INPUT with the field's path. */
export function specToInputError(error: unknown, prefix: (string | number)[], messagePrefix = ''): Error {
  if (error instanceof SpecError) {
    return new BadInputError(`${messagePrefix}${error.message}`, [...prefix, ...splitSpecPath(error.path)], error.detail);
  }
  if (error instanceof Error) return new BadInputError(`${messagePrefix}${error.message}`, prefix);
  return new BadInputError(`${messagePrefix}${String(error)}`, prefix);
}

/** `model.layers[1].units` → ['model', 'layers', 1, 'units']. */
export function splitSpecPath(path: string): (string | number)[] {
  return path
    .split(/\.|\[|\]/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
