/**
 * Experiments: launching (validating everything before anything is stored), listing, tagging,
 * notes, cancelling and deleting.
 */
import { DatasetNotFoundError, type DatasetService } from '../datasets/dataset.service.js';
import { randomUUID } from 'node:crypto';
import { decodeCursor, encodeCursor } from '../common/connection.js';
import { etaSeconds } from '../common/eta.js';
import { LIMITS } from '../common/limits.js';
import { checkName, checkRange, checkTags } from '../common/validate.js';
import {
  applySpecOverrides,
  checkDataAvailable,
  checkDataOption,
  effectiveConfig,
  expandSweep,
  SpecError,
  SweepError,
  validateRunSpec,
  validateSweep,
  withSeeds,
  type PresetRun,
  type RunSpec,
  type SweepSpec,
} from '../engine.js';
import { BadInputError, LimitExceededError, NotFoundError } from '../errors.js';
import type { PresetCatalogue } from '../presets/catalogue.js';
import { publishExperimentStatus } from '../pubsub/publish.js';
import type { EventPublisher } from '../pubsub/topics.js';
import type { RunQueue } from '../queue/run-queue.js';
import { removeRunArtifacts } from '../store/artifact-files.js';
import { listProjects, type ProjectSummary } from '../store/projects.js';
import { isTerminalRunStatus, type ExperimentRecord, type LaunchSpec } from '../store/records.js';
import type { ExperimentFilter, NewRun, Store } from '../store/store.js';
import type { RunService } from '../runs/run.service.js';
import type { PresetDataset, Scale } from '@saddle/engine';
import { expectedTime, type ExpectedTime } from '../presets/expected-time.js';

export interface LaunchRequest {
  preset?: string | null;
  scale?: Scale | null;
  data?: 'mnist' | 'cifar10' | null;
  /** A registered dataset's name, for a classification preset (instead of `data`). */
  dataset?: string | null;
  overrides?: Record<string, unknown> | null;
  spec?: Record<string, unknown> | null;
  /** With `spec`: a sweep over its paths (the GraphQL SweepInput, or the engine's SweepSpec). */
  sweep?: { method: string; parameters: Record<string, unknown>; seeds?: number | null; samples?: number | null; seed?: number | null } | null;
  /** With `spec`: trainings of it (or of each sweep point). */
  seeds?: number | null;
  name?: string | null;
  tags?: string[] | null;
}

/** Largest sweep one launch may create (the biggest HW1 preset has 100 runs). */
export const MAX_RUNS_PER_EXPERIMENT = 1000;

export class ExperimentService {
  constructor(
    private readonly deps: { store: Store; queue: RunQueue; publisher: EventPublisher; catalogue: PresetCatalogue; dataDir: string; runs: RunService; datasets?: DatasetService },
  ) {}

  /** A registered dataset as a preset takes it (name, shape, classes); refused, with what is registered, when there is none. */
  private presetDataset(name: string): PresetDataset {
    const registered = this.deps.datasets?.list().map((d) => d.name) ?? [];
    const meta = this.deps.datasets?.get(name);
    if (!meta) throw new BadInputError(new DatasetNotFoundError(name, registered).message, ['input', 'dataset'], registered);
    return { name: meta.name, inputShape: meta.inputShape, numClasses: meta.numClasses };
  }

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
        ...(filter.project && { project: filter.project }),
        ...(filter.tag && { tag: filter.tag }),
        ...(filter.text && { text: filter.text }),
      },
    });
    return { ...page, cursorOf: (e: ExperimentRecord) => encodeCursor([e.createdAt, e.id]) };
  }

  /** Every project that has experiments (store/projects.ts). */
  projects(): Promise<ProjectSummary[]> {
    return listProjects(this.deps.store);
  }

  async tagsOf(id: string): Promise<string[]> {
    return (await this.deps.store.tagsOf([id])).get(id) ?? [];
  }

  /**
   * Fraction done in [0, 1]: the runs' progress, and the analyses' when there are any. While the
   * experiment is live a run that ended counts as done (its part of the wait is over); once the
   * experiment ended short (cancelled, failed) a run that did not succeed counts as far as it got,
   * so a cancelled experiment's bar shows how much of it was done, not a full bar.
   */
  async progress(id: string): Promise<number> {
    const record = await this.require(id);
    const runs = await this.deps.store.runsOf(id);
    const endedShort = record.status === 'CANCELLED' || record.status === 'FAILED';
    const parts = runs.map((r) => (isTerminalRunStatus(r.status) ? (endedShort && r.status !== 'SUCCEEDED' ? r.progress : 1) : r.progress));
    if (record.origin === 'preset' && record.analysisStatus !== 'SKIPPED') {
      parts.push(record.analysisStatus === 'SUCCEEDED' || record.analysisStatus === 'FAILED' ? 1 : record.analysisProgress);
    }
    return parts.length === 0 ? 0 : parts.reduce((a, b) => a + b, 0) / parts.length;
  }

  /**
   * Seconds left at the rate so far (common/eta.ts): the time since its first run started × what
   * is left of `progress` / what is done; null once it ended, while nothing has started or moved.
   */
  async etaSeconds(id: string, now = Date.now()): Promise<number | null> {
    const record = await this.require(id);
    if (record.status !== 'QUEUED' && record.status !== 'RUNNING' && record.status !== 'ANALYZING') return null;
    const starts = (await this.deps.store.runsOf(id)).flatMap((r) => (r.startedAt === null ? [] : [r.startedAt]));
    if (starts.length === 0) return null;
    return etaSeconds(await this.progress(id), Math.min(...starts), now) ?? null;
  }

  figuresOf(id: string) {
    return this.deps.store.figuresOf(id);
  }

  async launch(request: LaunchRequest): Promise<ExperimentRecord> {
    const tags = checkTags(request.tags ?? [], ['input', 'tags']);
    if (request.preset && request.spec) {
      throw new BadInputError('give either a preset or a spec, not both', ['input', 'spec'], 'exactly one of input.preset and input.spec');
    }
    for (const field of ['sweep', 'seeds'] as const) {
      if (request[field] != null && !request.spec) {
        throw new BadInputError(`input.${field} goes with a spec launch (input.spec); a preset has its own knobs (overrides, e.g. { "seeds": 3 })`, ['input', field]);
      }
    }
    if (request.spec && request.data) {
      throw new BadInputError('input.data is for presets; with a spec, give the data in it (spec.data, e.g. { "kind": "cifar10" })', ['input', 'data']);
    }
    if (request.spec && request.dataset) {
      throw new BadInputError(`input.dataset is for presets; with a spec, give the dataset in it (spec.data: { "kind": "dataset", "name": ${JSON.stringify(request.dataset)} })`, ['input', 'dataset']);
    }
    if (request.data && request.dataset) {
      throw new BadInputError(`give either input.data (${request.data}) or input.dataset (${request.dataset}), not both`, ['input', 'dataset']);
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
      const dataset = request.dataset ? this.presetDataset(request.dataset) : undefined;
      launch = {
        preset: preset.id,
        scale,
        ...(request.data && { data: request.data }),
        ...(dataset && { dataset: dataset.name }),
        ...(request.overrides && { overrides: request.overrides }),
      };
      try {
        runs = preset.runs({ scale, ...(request.data && { data: request.data }), ...(dataset && { dataset }), ...(request.overrides && { overrides: request.overrides }) });
      } catch (error) {
        // A dataset that does not fit the preset (a regression set, a table for CNNs) is the dataset's fault.
        if (dataset && /dataset '/.test(error instanceof Error ? error.message : '')) throw new BadInputError((error as Error).message, ['input', 'dataset']);
        throw specToInputError(error, ['input', 'overrides']);
      }
      if (runs.length === 0) {
        // Nothing would ever run or settle: the experiment would stay QUEUED forever.
        throw new BadInputError(`preset '${preset.id}' made no runs with these options; check its knobs (e.g. a list knob left empty)`, request.overrides ? ['input', 'overrides'] : ['input', 'preset']);
      }
      try {
        checkDataOption(preset.id, request.data ?? undefined, runs, dataset?.name);
      } catch (error) {
        throw specToInputError(error, dataset ? ['input', 'dataset'] : ['input', 'data']);
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
      // A registered dataset's shape and classes come from the registry, so the spec validates as written.
      const spec = request.spec;
      const completed = this.deps.datasets && spec.data !== undefined ? { ...spec, data: this.deps.datasets.completeData(spec.data, ['input', 'spec', 'data']) } : spec;
      ({ launch, runs } = specLaunch({ ...request, spec: completed }));
      if (runs.length > MAX_RUNS_PER_EXPERIMENT) throw new LimitExceededError('runs per experiment', MAX_RUNS_PER_EXPERIMENT, runs.length);
      const model = launch.run!.model.name;
      name = request.name ? checkName(request.name, ['input', 'name']) : launch.sweep ? `${model} sweep over ${Object.keys(launch.sweep.parameters).join(', ')}` : `${model} run`;
    } else {
      throw new BadInputError('give a preset (or a spec) to launch', ['input', 'preset'], this.deps.catalogue.list().map((p) => p.id));
    }
    // Data a worker would not find fails the launch here, with the fix, not each run in a worker.
    const checked = new Set<string>();
    for (const run of runs) {
      const key = JSON.stringify(run.spec.data);
      if (checked.has(key)) continue;
      checked.add(key);
      try {
        checkDataAvailable(run.spec.data, this.deps.datasets ? { ...process.env, SADDLE_DATASETS_DIR: this.deps.datasets.dir } : process.env);
      } catch (error) {
        throw new BadInputError(`run ${run.key}: ${error instanceof Error ? error.message : String(error)}`, request.spec ? ['input', 'spec', 'data'] : request.dataset ? ['input', 'dataset'] : ['input', 'data']);
      }
    }
    // What a run trains with, flattened (optimizer.lr, model.name, …), for every launch and preset module alike.
    runs = runs.map((run) => ({ ...run, config: effectiveConfig(run.config, run.spec) }));

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
        // A sweep's figures are its analysis (sweepFigures); a single spec run has none.
        analysisStatus: launch.preset || launch.sweep ? 'PENDING' : 'SKIPPED',
        tags,
      },
      newRuns,
    );
    publishExperimentStatus(this.deps.publisher, id, 'QUEUED');
    for (const run of newRuns) await this.deps.queue.enqueue({ kind: 'train', runId: run.id });
    return (await this.deps.store.getExperiment(id)) as ExperimentRecord;
  }

  /**
   * Cancels every run that has not ended. The whole experiment is stopped, so its analysis is
   * marked SKIPPED first (settleExperiment then analyses nothing) — unlike cancelRun on one run,
   * after which the others' figures are still drawn.
   */
  async cancel(id: string): Promise<ExperimentRecord> {
    const experiment = await this.require(id);
    const runs = await this.deps.store.runsOf(id);
    const live = runs.filter((run) => !isTerminalRunStatus(run.status));
    if (live.length > 0 && experiment.analysisStatus === 'PENDING') await this.deps.store.updateExperiment(id, { analysisStatus: 'SKIPPED' });
    for (const run of live) await this.deps.runs.cancel(run.id);
    return this.require(id);
  }

  /** Renames the experiment: 1–200 characters once trimmed, else BAD_USER_INPUT on `name`. */
  async rename(id: string, name: string): Promise<ExperimentRecord> {
    await this.require(id);
    await this.deps.store.updateExperiment(id, { name: checkName(name, ['name']) });
    return this.require(id);
  }

  /**
   * Launches what the experiment launched again, as a new experiment: the same preset, scale,
   * data and overrides, or the same spec, sweep and seeds (launchInputOf), with its tags. Its
   * name: `name` if given, else the original's with ` (re-run)`. A script's runs (origin
   * external) were not launched here and cannot be re-run: BAD_USER_INPUT.
   */
  async rerun(id: string, name?: string | null): Promise<ExperimentRecord> {
    const experiment = await this.require(id);
    const request = launchRequestOf(experiment);
    if (!request) throw new BadInputError(`experiment ${JSON.stringify(experiment.name)} holds runs logged by scripts; run the script again instead`, ['id']);
    const tags = await this.tagsOf(id);
    return this.launch({ ...request, name: name != null ? checkName(name, ['name']) : rerunName(experiment.name), tags });
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

/**
 * What launches the experiment again, in the service's terms (lower-case scale and data, the
 * sweep as stored): the preset with its scale, data and overrides, or the spec (its overrides
 * already applied) with its sweep and seeds. null for a script's runs (origin external).
 */
export function launchRequestOf(experiment: ExperimentRecord): LaunchRequest | null {
  const launch = experiment.spec;
  if (experiment.origin === 'preset' && launch.preset) {
    // A registered dataset (input.dataset) where the store records one.
    const dataset = (launch as { dataset?: unknown }).dataset;
    return {
      preset: launch.preset,
      ...(launch.scale && { scale: launch.scale }),
      ...((launch.data === 'mnist' || launch.data === 'cifar10') && { data: launch.data }),
      ...(typeof dataset === 'string' && { dataset }),
      ...(launch.dataset && { dataset: launch.dataset }),
      ...(launch.overrides && { overrides: launch.overrides }),
    };
  }
  if (experiment.origin === 'spec' && launch.run) {
    return {
      spec: launch.run as unknown as Record<string, unknown>,
      ...(launch.sweep && { sweep: { ...launch.sweep, method: launch.sweep.method.toUpperCase(), parameters: launch.sweep.parameters as Record<string, unknown> } }),
      ...(launch.seeds !== undefined && { seeds: launch.seeds }),
    };
  }
  return null;
}

/**
 * The same as launchExperiment's input (GraphQL enum names: scale QUICK, data MNIST, method
 * GRID), so a client can edit it and launch it: what "Clone and edit" starts from.
 */
export function launchInputOf(experiment: ExperimentRecord): Record<string, unknown> | null {
  const request = launchRequestOf(experiment);
  if (!request) return null;
  return {
    ...request,
    ...(request.scale && { scale: request.scale.toUpperCase() }),
    ...(request.data && { data: request.data.toUpperCase() }),
  };
}

/** `loss sweep` → `loss sweep (re-run)`; a re-run's re-run keeps one suffix. */
export function rerunName(name: string): string {
  const base = name.replace(/ \(re-run\)$/, '');
  const suffix = ' (re-run)';
  return `${base.slice(0, LIMITS.nameLengthMax - suffix.length)}${suffix}`;
}

/**
 * The runs of a spec launch: the spec with `overrides` applied (dotted paths, as for a preset),
 * then `seeds` copies of it, or of every point of `sweep`. Every error names its input field.
 */
export function specLaunch(request: LaunchRequest): { launch: LaunchSpec; runs: PresetRun[] } {
  let spec: RunSpec;
  try {
    spec = validateRunSpec(request.spec);
  } catch (error) {
    throw specToInputError(error, ['input', 'spec']);
  }
  if (request.overrides) {
    try {
      spec = validateRunSpec(applySpecOverrides(spec, request.overrides, 'spec overrides'));
    } catch (error) {
      throw specToInputError(error, ['input', 'overrides']);
    }
  }
  const sweepSeeds = request.sweep?.seeds ?? null;
  if (request.seeds != null && sweepSeeds != null && request.seeds !== sweepSeeds) {
    throw new BadInputError(`input.seeds (${request.seeds}) and input.sweep.seeds (${sweepSeeds}) disagree; give one of them`, ['input', 'seeds']);
  }
  const seeds = request.seeds ?? sweepSeeds ?? 1;
  const sweepInput = {
    method: request.sweep?.method ?? 'GRID',
    parameters: request.sweep?.parameters ?? {},
    seeds,
    ...(request.sweep?.samples != null && { samples: request.sweep.samples }),
    ...(request.sweep?.seed != null && { seed: request.sweep.seed }),
  };
  if (!request.sweep) {
    // No sweep: the spec itself, `seeds` times (a sweep of no parameters).
    if (!Number.isInteger(seeds) || seeds < 1 || seeds > MAX_RUNS_PER_EXPERIMENT) {
      throw new BadInputError(`input.seeds must be an integer from 1 to ${MAX_RUNS_PER_EXPERIMENT}, got ${seeds}`, ['input', 'seeds']);
    }
    const runs = withSeeds([{ key: 'run', group: spec.model.name, config: {}, spec }], seeds);
    return { launch: { run: spec, ...(seeds > 1 && { seeds }) }, runs };
  }
  let sweep: SweepSpec;
  let runs: PresetRun[];
  try {
    sweep = validateSweep(sweepInput);
    runs = expandSweep(spec, sweep);
  } catch (error) {
    if (error instanceof SweepError) {
      // The seeds may have come in as input.seeds: name the field the user wrote.
      const path = error.path[0] === 'seeds' && request.seeds != null ? ['input', 'seeds'] : ['input', 'sweep', ...error.path];
      throw new BadInputError(error.message, path);
    }
    throw specToInputError(error, ['input', 'sweep']);
  }
  return { launch: { run: spec, sweep }, runs };
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
