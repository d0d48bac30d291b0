/**
 * Suites: the whole HW1 catalogue as one launch (`saddle run hw1`, `launchSuite`). A suite is one
 * experiment per report section, launched through ExperimentService (so each is validated,
 * stored and queued like any other, and shows in the experiments list), plus the record that
 * groups them. Its status, progress and ETA are derived from its experiments on every read:
 * nothing to keep in step.
 */
import { randomUUID } from 'node:crypto';
import type { Scale } from '@saddle/engine';
import { LIMITS } from '../common/limits.js';
import { checkRange, checkTags } from '../common/validate.js';
import { BadInputError, NotFoundError } from '../errors.js';
import type { ExperimentService } from '../experiments/experiment.service.js';
import { expectedTime } from '../presets/expected-time.js';
import type { ExperimentRecord, ExperimentStatus, SuiteRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { HW1_SECTIONS } from './sections.js';

/** The suites there are, by name: each a list of presets in report order. */
export const SUITES: Readonly<Record<string, readonly string[]>> = { hw1: HW1_SECTIONS.map((section) => section.preset) };

export interface LaunchSuiteRequest {
  suite?: string | null;
  scale?: Scale | null;
  data?: 'mnist' | 'cifar10' | null;
  tags?: string[] | null;
}

export interface SuiteState {
  status: ExperimentStatus;
  /** Fraction done in [0, 1], each experiment weighted by its expected time. */
  progress: number;
  /** Expected seconds left (Σ expected time × fraction left); null once every experiment ended. */
  etaSeconds: number | null;
  /** When the last experiment ended; null while any runs. */
  finishedAt: number | null;
  experiments: ExperimentRecord[];
}

export class SuiteService {
  constructor(private readonly deps: { store: Store; experiments: ExperimentService }) {}

  get(id: string): Promise<SuiteRecord | undefined> {
    return this.deps.store.getSuite(id);
  }

  async require(id: string): Promise<SuiteRecord> {
    const suite = await this.deps.store.getSuite(id);
    if (!suite) throw new NotFoundError('Suite', id);
    return suite;
  }

  list(first?: number | null): Promise<SuiteRecord[]> {
    return this.deps.store.listSuites(checkRange(first ?? LIMITS.experimentsPageDefault, ['first'], 1, LIMITS.experimentsPageMax, 'suites page size (first)'));
  }

  /** Launches every preset of the suite at the scale, then stores the suite over them. */
  async launch(request: LaunchSuiteRequest): Promise<SuiteRecord> {
    const name = request.suite ?? 'hw1';
    const presets = SUITES[name];
    if (!presets) throw new BadInputError(`unknown suite ${JSON.stringify(name)}`, ['input', 'suite'], Object.keys(SUITES));
    const scale = request.scale ?? 'quick';
    const tags = checkTags(request.tags ?? [], ['input', 'tags']);
    const id = randomUUID();
    const experimentIds: string[] = [];
    for (const preset of presets) {
      const experiment = await this.deps.experiments.launch({ preset, scale, ...(request.data && { data: request.data }), tags });
      experimentIds.push(experiment.id);
    }
    await this.deps.store.createSuite({ id, name: `${name.toUpperCase()} suite (${scale})`, suite: name, scale, tags }, experimentIds);
    return this.require(id);
  }

  /** Cancels every experiment of the suite that has not ended. */
  async cancel(id: string): Promise<SuiteRecord> {
    const suite = await this.require(id);
    for (const experimentId of suite.experimentIds) await this.deps.experiments.cancel(experimentId);
    return suite;
  }

  async state(suite: SuiteRecord): Promise<SuiteState> {
    const experiments: ExperimentRecord[] = [];
    for (const experimentId of suite.experimentIds) {
      const experiment = await this.deps.store.getExperiment(experimentId);
      if (experiment) experiments.push(experiment);
    }
    let done = 0;
    let total = 0;
    let left = 0;
    for (const experiment of experiments) {
      const progress = await this.deps.experiments.progress(experiment.id);
      // Without an expected time (a custom preset) an experiment counts as one second.
      const seconds = (experiment.preset && experiment.scale && (await expectedTime(this.deps.store, experiment.preset, experiment.scale as Scale))?.seconds) || 1;
      total += seconds;
      done += seconds * progress;
      left += seconds * (1 - progress);
    }
    const status = suiteStatus(experiments.map((e) => e.status));
    const ended = !isLive(status);
    const finishedAt = ended && experiments.length > 0 ? Math.max(...experiments.map((e) => e.finishedAt ?? e.updatedAt)) : null;
    return { status, progress: total === 0 ? 1 : done / total, etaSeconds: ended ? null : left, finishedAt, experiments };
  }
}

function isLive(status: ExperimentStatus): boolean {
  return status === 'QUEUED' || status === 'RUNNING' || status === 'ANALYZING';
}

/**
 * QUEUED while no experiment has started, RUNNING while any is queued, running or analysing,
 * then FAILED if any failed, CANCELLED if any was cancelled, else SUCCEEDED.
 */
export function suiteStatus(statuses: readonly ExperimentStatus[]): ExperimentStatus {
  if (statuses.length > 0 && statuses.every((s) => s === 'QUEUED')) return 'QUEUED';
  if (statuses.some(isLive)) return 'RUNNING';
  if (statuses.some((s) => s === 'FAILED')) return 'FAILED';
  if (statuses.some((s) => s === 'CANCELLED')) return 'CANCELLED';
  return 'SUCCEEDED';
}
