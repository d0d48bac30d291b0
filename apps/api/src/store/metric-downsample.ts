/**
 * Min/max-per-bucket downsampling as one SQL statement, so a million-point series is reduced
 * where it is stored and only the kept rows (at most maxPoints) leave the database. It computes
 * exactly what `downsampleMinMax` (metrics/downsample.ts, the reference semantics) computes on
 * the whole series — store.test.ts checks the two agree on random series with spikes, ties and
 * non-finite values, on SQLite and PostgreSQL:
 *
 * - the n points in step order fall into B = ⌊maxPoints/2⌋ buckets of consecutive points, bucket
 *   b holding indices [⌊b·n/B⌋, ⌊(b+1)·n/B⌋); equivalently the point at 1-based index r is in
 *   bucket ⌊(r·B − 1)/n⌋, which SQL computes per row with integer division;
 * - each bucket keeps its lowest and its highest point, the earliest step on ties; a non-finite
 *   value (stored as NULL) counts as the highest (coalesced to +∞; +∞ itself is never stored, it
 *   is NULL too), and a bucket with no finite value keeps its first point as the lowest.
 *
 * When the steps are consecutive (the usual case: step = index + first step) the index is the
 * step itself and no window function (a sort) is needed; otherwise `row_number()` numbers them.
 */
import { sql, type CompiledQuery, type Kysely, type RawBuilder } from 'kysely';
import type { DatabaseConfig } from './database.js';
import type { Database } from './tables.js';

export interface SeriesStats {
  count: number;
  firstStep: number;
  lastStep: number;
}

export interface MetricPointRow {
  step: number;
  value: number | null;
  wall_time: number;
  epoch: number | null;
}

function checkInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value)) throw new Error(`downsampledSeriesQuery: ${name} must be a safe integer, got ${value}`);
  return value;
}

export function seriesStatsQuery(db: Kysely<Database>, runId: string, key: string): CompiledQuery<{ count: number | string; first_step: number | null; last_step: number | null }> {
  return db
    .selectFrom('metrics')
    .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.min<number | null>('step').as('first_step'), eb.fn.max<number | null>('step').as('last_step')])
    .where('run_id', '=', runId)
    .where('key', '=', key)
    .compile();
}

/** The kept points of one series with `stats.count` > `maxPoints` ≥ 2, in step order. */
export function downsampledSeriesQuery(
  db: Kysely<Database>,
  dialect: DatabaseConfig['kind'],
  runId: string,
  key: string,
  stats: SeriesStats,
  maxPoints: number,
): CompiledQuery<MetricPointRow> {
  const n = checkInteger('count', stats.count);
  const buckets = checkInteger('buckets', Math.floor(maxPoints / 2));
  const first = checkInteger('firstStep', stats.firstStep);
  checkInteger('lastStep', stats.lastStep);
  // Integers are inlined (validated above): better-sqlite3 binds JS numbers as REAL, and a REAL
  // operand would turn the bucket's integer division into a fractional one.
  const consecutive = stats.lastStep - stats.firstStep + 1 === n;
  const index: RawBuilder<number> = consecutive ? sql`(CAST(step AS BIGINT) - ${sql.lit(first)} + 1)` : sql`row_number() OVER (ORDER BY step)`;
  const infinity = dialect === 'postgres' ? sql`CAST('Infinity' AS DOUBLE PRECISION)` : sql`9e999`;
  return sql<MetricPointRow>`
    WITH bucketed AS (
      SELECT step, COALESCE(value, ${infinity}) AS v, (${index} * ${sql.lit(buckets)} - 1) / ${sql.lit(n)} AS b
      FROM metrics WHERE run_id = ${runId} AND key = ${key}
    ),
    extremes AS (SELECT b, MIN(v) AS lo, MAX(v) AS hi FROM bucketed GROUP BY b),
    picked AS (
      SELECT MIN(CASE WHEN bucketed.v = extremes.lo THEN bucketed.step END) AS lo_step,
             MIN(CASE WHEN bucketed.v = extremes.hi THEN bucketed.step END) AS hi_step
      FROM bucketed JOIN extremes ON extremes.b = bucketed.b
      GROUP BY bucketed.b
    )
    SELECT step, value, wall_time, epoch FROM metrics
    WHERE run_id = ${runId} AND key = ${key}
      AND step IN (SELECT lo_step FROM picked UNION SELECT hi_step FROM picked)
    ORDER BY step`.compile(db);
}

/** Every point of a short series (≤ maxPoints), in step order: nothing to sample. */
export function wholeSeriesQuery(db: Kysely<Database>, runId: string, key: string): CompiledQuery<MetricPointRow> {
  return db.selectFrom('metrics').select(['step', 'value', 'wall_time', 'epoch']).where('run_id', '=', runId).where('key', '=', key).orderBy('step').compile();
}

/**
 * Distinct keys of a run by skipping through the primary key (run_id, key, step): one index seek
 * per key instead of a scan of every point, in both dialects.
 */
export function metricKeysQuery(db: Kysely<Database>, runId: string): CompiledQuery<{ key: string | null }> {
  return sql<{ key: string | null }>`
    WITH RECURSIVE found(key) AS (
      SELECT MIN(key) FROM metrics WHERE run_id = ${runId}
      UNION ALL
      SELECT (SELECT MIN(m.key) FROM metrics m WHERE m.run_id = ${runId} AND m.key > found.key) FROM found WHERE found.key IS NOT NULL
    )
    SELECT key FROM found WHERE key IS NOT NULL ORDER BY key`.compile(db);
}
