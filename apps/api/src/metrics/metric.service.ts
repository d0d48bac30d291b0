/** Metric series: downsampled and paged reads, and idempotent batched writes from scripts. */
import { LIMITS } from '../common/limits.js';
import { checkRange } from '../common/validate.js';
import { BadInputError, ConflictError, LimitExceededError, NotFoundError } from '../errors.js';
import { publishPoints } from '../pubsub/publish.js';
import type { EventPublisher } from '../pubsub/topics.js';
import { lastOfEach } from '../store/metric-ingest.js';
import type { StoredMetricPoint } from '../store/records.js';
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
  value: number | null;
  wallTime?: number | null;
  epoch?: number | null;
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
   * Validates the whole batch first: either every point is written or none is. Returns how many
   * distinct (key, step) points the batch held: one sent twice is stored (and published) once,
   * the later one winning, as it would had it come in a later batch.
   */
  async log(runId: string, points: PointInput[]): Promise<number> {
    if (points.length > LIMITS.logMetricsBatchMax) throw new LimitExceededError('points per logMetrics batch', LIMITS.logMetricsBatchMax, points.length);
    const run = await this.deps.store.getRun(runId);
    if (!run) throw new NotFoundError('Run', runId);
    if (!run.external) throw new ConflictError(`run ${runId} is trained by Saddle's workers; log to a run made by createRun`);
    const now = Date.now();
    const stored = points.map((p, i): StoredMetricPoint => {
      if (p.key.length === 0 || p.key.length > LIMITS.metricKeyLengthMax || !METRIC_KEY_PATTERN.test(p.key)) {
        throw new BadInputError(`metric key ${JSON.stringify(p.key)} is not allowed`, ['points', i, 'key'], `1–${LIMITS.metricKeyLengthMax} of A–Z a–z 0–9 _ . : / -`);
      }
      if (p.step < 0) throw new BadInputError(`step must be ≥ 0, got ${p.step}`, ['points', i, 'step'], 'an integer ≥ 0');
      if (p.wallTime !== null && p.wallTime !== undefined && !(p.wallTime >= 0)) {
        throw new BadInputError(`wallTime must be milliseconds since the epoch, got ${p.wallTime}`, ['points', i, 'wallTime'], 'a number ≥ 0, or null for now');
      }
      return { key: p.key, step: p.step, value: p.value ?? Number.NaN, wallTime: p.wallTime ?? now, epoch: p.epoch ?? null };
    });
    const unique = lastOfEach(stored);
    await this.deps.store.upsertMetrics(runId, unique);
    publishPoints(this.deps.publisher, run.experimentId, runId, unique);
    return unique.length;
  }
}
