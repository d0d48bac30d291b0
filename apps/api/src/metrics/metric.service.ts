/** Metric series: downsampled and paged reads, and idempotent batched writes from scripts. */
import { LIMITS } from '../common/limits.js';
import { checkRange } from '../common/validate.js';
import { BadInputError, ConflictError, LimitExceededError, NotFoundError } from '../errors.js';
import { publishPoints } from '../pubsub/publish.js';
import type { EventPublisher } from '../pubsub/topics.js';
import { lastOfEach } from '../store/metric-ingest.js';
import { isTerminalRunStatus, type StoredMetricPoint } from '../store/records.js';
import { touchHeartbeat } from '../store/run-liveness.js';
import type { Store } from '../store/store.js';

const METRIC_KEY_PATTERN = /^[A-Za-z0-9_.:/-]+$/;

export interface SeriesResult {
  key: string;
  points: StoredMetricPoint[];
  totalPoints: number;
  sampled: boolean;
}

export interface PointInput {
  key: string;
  step: number;
  /** NaN, ±Infinity allowed; null is NaN (older scripts' spelling of any non-finite value). */
  value: number | null;
  wallTime?: number | null;
  epoch?: number | null;
}

/** One series as columns (MetricSeriesInput): point i is (steps[i], values[i], wallTimes?.[i], epochs?.[i]). */
export interface SeriesInput {
  key: string;
  steps: readonly number[];
  values: readonly number[];
  /** null entries: the server's time. */
  wallTimes?: readonly (number | null)[] | null;
  epochs?: readonly (number | null)[] | null;
}

/**
 * Wall times under this are seconds, not milliseconds: 1e11 ms is March 1973, 1e11 s the year
 * 5138, so no real clock reading is ambiguous. At or over WALL_TIME_MS_MAX (the year 5138 in ms)
 * they are micro- or nanoseconds.
 */
export const WALL_TIME_SECONDS_BELOW = 1e11;
export const WALL_TIME_MS_MAX = 1e14;

function checkWallTime(wallTime: number, path: (string | number)[]): number {
  if (wallTime >= WALL_TIME_SECONDS_BELOW && wallTime < WALL_TIME_MS_MAX) return wallTime;
  const field = path.join('.');
  if (wallTime >= 0 && wallTime < WALL_TIME_SECONDS_BELOW) {
    throw new BadInputError(
      `${field} ${wallTime} is seconds since the epoch (Python's time.time()), not milliseconds: send it × 1000 (${Math.round(wallTime * 1000)}), or leave it out for the server's time`,
      path,
      `milliseconds since the epoch, ≥ ${WALL_TIME_SECONDS_BELOW} (1973) and < ${WALL_TIME_MS_MAX}`,
    );
  }
  if (wallTime >= WALL_TIME_MS_MAX) {
    throw new BadInputError(`${field} ${wallTime} is micro- or nanoseconds since the epoch, not milliseconds: divide it by 1,000 or 1,000,000`, path, `milliseconds since the epoch, < ${WALL_TIME_MS_MAX}`);
  }
  throw new BadInputError(`${field} must be milliseconds since the epoch, got ${wallTime}`, path, `milliseconds since the epoch, ≥ ${WALL_TIME_SECONDS_BELOW}, or null for now`);
}

function checkKey(key: string, path: (string | number)[]): void {
  if (key.length === 0 || key.length > LIMITS.metricKeyLengthMax || !METRIC_KEY_PATTERN.test(key)) {
    throw new BadInputError(`metric key ${JSON.stringify(key)} is not allowed`, path, `1–${LIMITS.metricKeyLengthMax} of A–Z a–z 0–9 _ . : / -`);
  }
}

function checkStep(step: number, path: (string | number)[]): void {
  if (step < 0) throw new BadInputError(`${path.join('.')} must be ≥ 0, got ${step}`, path, 'an integer ≥ 0');
}

export class MetricService {
  constructor(private readonly deps: { store: Store; publisher: EventPublisher }) {}

  keys(runId: string): Promise<string[]> {
    return this.deps.store.metricKeys(runId);
  }

  async series(runId: string, keys: string[] | null | undefined, maxPoints: number | null | undefined): Promise<SeriesResult[]> {
    const limit = checkRange(maxPoints ?? LIMITS.maxPointsDefault, ['maxPoints'], 2, LIMITS.maxPointsMax, 'maxPoints');
    // A key asked for twice is read once (the cost limit prices distinct keys too).
    const wanted = keys ? [...new Set(keys)] : await this.deps.store.metricKeys(runId);
    if (wanted.length > LIMITS.seriesPerRequestMax) throw new LimitExceededError('series per request (keys)', LIMITS.seriesPerRequestMax, wanted.length);
    // Bucketed inside the database (store/metric-downsample.ts, the semantics of downsample.ts):
    // only the kept points are loaded, and on SQLite the scan runs off the API's thread.
    return Promise.all(
      wanted.map(async (key) => {
        const { points, totalPoints } = await this.deps.store.metricSeriesDownsampled(runId, key, limit);
        return { key, points, totalPoints, sampled: points.length < totalPoints };
      }),
    );
  }

  async page(runId: string, key: string, afterStep: number | null | undefined, first: number | null | undefined) {
    const size = checkRange(first ?? LIMITS.metricPageDefault, ['first'], 1, LIMITS.metricPageMax, 'metric page size (first)');
    const { points, hasMore } = await this.deps.store.metricPage(runId, key, afterStep ?? null, size);
    return { key, points, hasMore, lastStep: points.length > 0 ? (points[points.length - 1] as StoredMetricPoint).step : null };
  }

  /**
   * Validates the whole batch first: either every point is written or none is. `points` and
   * `series` may come together; at most LIMITS.logMetricsBatchMax points in all. Returns how many
   * distinct (key, step) points the batch held: one sent twice is stored (and published) once,
   * the later one winning (series after points), as it would had it come in a later batch.
   *
   * Refused: a run Saddle's workers train, and a finished run (CONFLICT) — a resumed run is
   * RUNNING again and takes points.
   */
  async log(runId: string, points: readonly PointInput[] | null | undefined, series?: readonly SeriesInput[] | null): Promise<number> {
    let count = points?.length ?? 0;
    for (const s of series ?? []) count += s.steps.length;
    if (count > LIMITS.logMetricsBatchMax) throw new LimitExceededError('points per logMetrics batch', LIMITS.logMetricsBatchMax, count);
    const run = await this.deps.store.getRun(runId);
    if (!run) throw new NotFoundError('Run', runId);
    if (!run.external) throw new ConflictError(`run ${runId} is trained by Saddle's workers; log to a run made by createRun`);
    if (isTerminalRunStatus(run.status)) {
      throw new ConflictError(`run ${runId} is ${run.status}: a finished run takes no more points; resumeRun(id: "${runId}") first to log into it, or log to a new run (createRun)`);
    }
    const stored = [...fromPoints(points ?? [], Date.now()), ...fromSeries(series ?? [], Date.now())];
    const unique = lastOfEach(stored);
    await this.deps.store.upsertMetrics(runId, unique);
    // Logging is a heartbeat: the run is not CRASHED while its script logs (runs/run-liveness.ts).
    await touchHeartbeat(this.deps.store, runId);
    publishPoints(this.deps.publisher, run.experimentId, runId, unique);
    return unique.length;
  }
}

function fromPoints(points: readonly PointInput[], now: number): StoredMetricPoint[] {
  return points.map((p, i): StoredMetricPoint => {
    checkKey(p.key, ['points', i, 'key']);
    checkStep(p.step, ['points', i, 'step']);
    const wallTime = p.wallTime === null || p.wallTime === undefined ? now : checkWallTime(p.wallTime, ['points', i, 'wallTime']);
    return { key: p.key, step: p.step, value: p.value ?? Number.NaN, wallTime, epoch: p.epoch ?? null };
  });
}

function fromSeries(series: readonly SeriesInput[], now: number): StoredMetricPoint[] {
  const out: StoredMetricPoint[] = [];
  series.forEach((s, si) => {
    checkKey(s.key, ['series', si, 'key']);
    const n = s.steps.length;
    const sameLength = (field: 'values' | 'wallTimes' | 'epochs', length: number) => {
      if (length !== n) throw new BadInputError(`series[${si}].${field} has ${length} entries for ${n} steps`, ['series', si, field], `one entry per step (${n})`);
    };
    sameLength('values', s.values.length);
    if (s.wallTimes) sameLength('wallTimes', s.wallTimes.length);
    if (s.epochs) sameLength('epochs', s.epochs.length);
    for (let i = 0; i < n; i++) {
      const step = s.steps[i] as number;
      checkStep(step, ['series', si, 'steps', i]);
      const given = s.wallTimes?.[i];
      const wallTime = given === null || given === undefined ? now : checkWallTime(given, ['series', si, 'wallTimes', i]);
      out.push({ key: s.key, step, value: s.values[i] as number, wallTime, epoch: s.epochs?.[i] ?? null });
    }
  });
  return out;
}
