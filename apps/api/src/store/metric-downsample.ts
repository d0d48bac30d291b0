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
 * - each bucket keeps its lowest and its highest finite point, the earliest step on ties; the
 *   non-finite points (value NULL, metric-values.ts) take no part — coalesced to +∞ for the lowest
 *   and to −∞ for the highest, which no finite value is — and a bucket with no finite value keeps
 *   its first point (a gap with a marker in the dashboard).
 *
 * When the steps are consecutive (the usual case: step = index + first step) the index is the
 * step itself, and each bucket is answered from the pre-aggregated blocks (metric-blocks.ts)
 * wholly inside it plus the points at its two ends, by index range scans (`blockBuckets`) —
 * ~50 rows for each bucket's lowest and as many for its highest, for a 1M-point series at
 * maxPoints 1000, instead of two scans of the million, and no grouping of them. With gaps in the
 * steps, `row_number()` numbers the points and every point is scanned (a block's points would
 * need their index in the series, which the blocks do not keep).
 */
import { sql, type CompiledQuery, type Kysely, type RawBuilder } from 'kysely';
import type { DatabaseConfig } from './database.js';
import { highComparable, lowComparable, METRIC_BLOCK_STEPS } from './metric-blocks.js';
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
  nonfinite: string | null;
}

function checkInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value)) throw new Error(`downsampledSeriesQuery: ${name} must be a safe integer, got ${value}`);
  return value;
}

/**
 * How many points a series has (summed over its blocks: counting a million points takes ~60 ms
 * on SQLite) and its first and last step (one index seek each).
 */
export function seriesStatsQuery(db: Kysely<Database>, runId: string, key: string): CompiledQuery<{ count: number | string | null; first_step: number | null; last_step: number | null }> {
  return sql<{ count: number | string | null; first_step: number | null; last_step: number | null }>`
    SELECT (SELECT SUM(count) FROM metric_blocks WHERE run_id = ${runId} AND key = ${key}) AS count,
           (SELECT MIN(step) FROM metrics WHERE run_id = ${runId} AND key = ${key}) AS first_step,
           (SELECT MAX(step) FROM metrics WHERE run_id = ${runId} AND key = ${key}) AS last_step`.compile(db);
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
  if (consecutive) {
    return sql<MetricPointRow>`
    WITH RECURSIVE ${blockBuckets(dialect, runId, key, n, buckets, first)}
    ${keptPoints(dialect, runId, key)}`.compile(db);
  }
  const bucketOf = (index: RawBuilder<number>): RawBuilder<number> => sql`(${index} * ${sql.lit(buckets)} - 1) / ${sql.lit(n)}`;
  return sql<MetricPointRow>`
    WITH candidates AS (
      SELECT step AS lo_step, ${lowComparable(dialect, sql.ref('value'))} AS lo, step AS hi_step, ${highComparable(dialect, sql.ref('value'))} AS hi
      FROM metrics WHERE run_id = ${runId} AND key = ${key}),
    bucketed AS (SELECT lo_step, lo, hi_step, hi, ${bucketOf(sql`row_number() OVER (ORDER BY lo_step)`)} AS b FROM candidates),
    extremes AS (SELECT b, MIN(lo) AS lo, MAX(hi) AS hi FROM bucketed GROUP BY b),
    picked AS (
      SELECT MIN(CASE WHEN bucketed.lo = extremes.lo THEN bucketed.lo_step END) AS lo_step,
             MIN(CASE WHEN bucketed.hi = extremes.hi THEN bucketed.hi_step END) AS hi_step
      FROM bucketed JOIN extremes ON extremes.b = bucketed.b
      GROUP BY bucketed.b
    )
    ${keptPoints(dialect, runId, key)}`.compile(db);
}

/**
 * The kept points in step order, each one seek of the primary key. PostgreSQL plans without
 * statistics on a table just filled: it joined the kept steps to a scan of the whole series (an
 * 18 s read), and later, with `step = ANY(ARRAY(…))`, chose a bitmap scan of the whole series
 * filtered by the array (3.5 s for 1M points); a LATERAL subquery per kept step on the full key,
 * with a LIMIT so it cannot be flattened into a hash join (which scanned the series again),
 * leaves it nothing to choose but the seek.
 */
function keptPoints(dialect: DatabaseConfig['kind'], runId: string, key: string): RawBuilder<unknown> {
  if (dialect === 'postgres') {
    return sql`
    SELECT m.step, m.value, m.wall_time, m.epoch, m.nonfinite
    FROM (SELECT lo_step AS step FROM picked UNION SELECT hi_step FROM picked) kept
    CROSS JOIN LATERAL (SELECT step, value, wall_time, epoch, nonfinite FROM metrics WHERE run_id = ${runId} AND key = ${key} AND step = kept.step LIMIT 1) m
    ORDER BY m.step`;
  }
  return sql`
    SELECT step, value, wall_time, epoch, nonfinite FROM metrics
    WHERE run_id = ${runId} AND key = ${key} AND step IN (SELECT lo_step FROM picked UNION SELECT hi_step FROM picked)
    ORDER BY step`;
}

/**
 * With consecutive steps, bucket b holds the steps [s, e) with s = first + ⌊b·n/B⌋ and
 * e = first + ⌊(b+1)·n/B⌋, and splits into three index ranges: the points of its first, partly
 * covered block, [s, min(e, 64·a)) with a = ⌈s/64⌉; the blocks wholly inside it, [a, z) with
 * z = ⌊e/64⌋ (metric-blocks.ts: each block's earliest lowest and earliest highest stand for all
 * of its points); and the points of its last, partly covered block, [max(s, 64·max(a, z)), e).
 * Each bucket's lowest is then the first of those candidates ordered by (value, step) — one
 * correlated subquery with ORDER BY … LIMIT 1, a top-1 sort of ~30 block rows and the ≤ 126
 * points at its two ends — and its highest the same by (value descending, step): exactly the
 * extremes, ties and non-finite handling of the whole series, with no grouping or join of the
 * candidates (which took most of the statement: ~39,000 rows grouped, joined to their bucket's
 * extremes and grouped again, 45 ms for 1M points on SQLite; this is ~20 ms).
 *
 * An end part's block is read first (one seek per end, `lb` and `rb`): where that block's
 * earliest lowest (highest) lies inside the part, it is the part's earliest lowest (highest) —
 * nothing earlier in the block ties or beats it — and the part's points are not read (~51 rows a
 * subquery instead of ~78; docs/performance.md, "API under load").
 *
 * Both dialects plan the subqueries as per-bucket index range scans of the two primary keys
 * (EXPLAIN QUERY PLAN / EXPLAIN ANALYZE; PostgreSQL without statistics too: the ranges are
 * bounded on the whole key, and each subquery's LIMIT keeps it from being flattened).
 */
function blockBuckets(dialect: DatabaseConfig['kind'], runId: string, key: string, n: number, buckets: number, first: number): RawBuilder<unknown> {
  const size = sql.lit(METRIC_BLOCK_STEPS);
  const least = (a: RawBuilder<unknown>, b: RawBuilder<unknown>): RawBuilder<unknown> => sql`CASE WHEN ${a} < ${b} THEN ${a} ELSE ${b} END`;
  const greatest = (a: RawBuilder<unknown>, b: RawBuilder<unknown>): RawBuilder<unknown> => sql`CASE WHEN ${a} > ${b} THEN ${a} ELSE ${b} END`;
  // The block a bucket's end part lies in, as `alias` (one primary-key seek; no row when absent).
  const endBlock = (alias: string, block: RawBuilder<unknown>): RawBuilder<unknown> =>
    dialect === 'postgres'
      ? sql`LEFT JOIN LATERAL (SELECT lo, lo_step, hi, hi_step FROM metric_blocks WHERE run_id = ${runId} AND key = ${key} AND block = ${block} LIMIT 1) ${sql.raw(alias)} ON true`
      : sql`LEFT JOIN metric_blocks ${sql.raw(alias)} ON ${sql.raw(alias)}.run_id = ${runId} AND ${sql.raw(alias)}.key = ${key} AND ${sql.raw(alias)}.block = ${block}`;
  // Where an end part's block holds its extreme inside the part, that step and value answer the
  // part: the block's earliest lowest lies in it, so nothing earlier in the block ties or beats it.
  const inside = (step: string, from: string, to: string): RawBuilder<unknown> => sql`CASE WHEN ${sql.ref(step)} >= ${sql.ref(from)} AND ${sql.ref(step)} < ${sql.ref(to)} THEN 1 ELSE 0 END`;
  const candidates = (comparable: RawBuilder<number>, extreme: 'lo' | 'hi'): RawBuilder<unknown> => {
    const [l, r] = [sql.ref(`bk.l_${extreme}`), sql.ref(`bk.r_${extreme}`)];
    const [lStep, rStep, lOk, rOk] = [sql.ref(`bk.l_${extreme}_step`), sql.ref(`bk.r_${extreme}_step`), sql.ref(`bk.l_${extreme}_ok`), sql.ref(`bk.r_${extreme}_ok`)];
    return sql`
        SELECT ${lStep} AS s, ${l} AS v WHERE ${lOk} = 1
        UNION ALL SELECT step, ${comparable} FROM metrics WHERE run_id = ${runId} AND key = ${key} AND step >= bk.s AND step < bk.l_end AND ${lOk} = 0
        UNION ALL SELECT ${sql.ref(`${extreme}_step`)}, ${sql.ref(extreme)} FROM metric_blocks WHERE run_id = ${runId} AND key = ${key} AND block >= bk.a AND block < bk.z
        UNION ALL SELECT ${rStep}, ${r} WHERE ${rOk} = 1
        UNION ALL SELECT step, ${comparable} FROM metrics WHERE run_id = ${runId} AND key = ${key} AND step >= bk.r_start AND step < bk.e AND ${rOk} = 0`;
  };
  return sql`
    bounds(b) AS (SELECT 0 UNION ALL SELECT b + 1 FROM bounds WHERE b + 1 < ${sql.lit(buckets)}),
    ends AS (SELECT ${sql.lit(first)} + CAST(b AS BIGINT) * ${sql.lit(n)} / ${sql.lit(buckets)} AS s, ${sql.lit(first)} + CAST(b + 1 AS BIGINT) * ${sql.lit(n)} / ${sql.lit(buckets)} AS e FROM bounds),
    whole AS (SELECT s, e, (s + ${sql.lit(METRIC_BLOCK_STEPS - 1)}) / ${size} AS a, e / ${size} AS z FROM ends),
    parts AS (SELECT s, e, a, z, ${least(sql.ref('e'), sql`a * ${size}`)} AS l_end, ${greatest(sql.ref('s'), sql`${greatest(sql.ref('z'), sql.ref('a'))} * ${size}`)} AS r_start FROM whole),
    bk AS (
      SELECT p.s, p.e, p.a, p.z, p.l_end, p.r_start,
             lb.lo AS l_lo, lb.lo_step AS l_lo_step, ${inside('lb.lo_step', 'p.s', 'p.l_end')} AS l_lo_ok,
             lb.hi AS l_hi, lb.hi_step AS l_hi_step, ${inside('lb.hi_step', 'p.s', 'p.l_end')} AS l_hi_ok,
             rb.lo AS r_lo, rb.lo_step AS r_lo_step, ${inside('rb.lo_step', 'p.r_start', 'p.e')} AS r_lo_ok,
             rb.hi AS r_hi, rb.hi_step AS r_hi_step, ${inside('rb.hi_step', 'p.r_start', 'p.e')} AS r_hi_ok
      FROM parts p ${endBlock('lb', sql`p.s / ${size}`)} ${endBlock('rb', sql`p.r_start / ${size}`)}
    ),
    picked AS (
      SELECT (SELECT c.s FROM (${candidates(lowComparable(dialect, sql.ref('value')), 'lo')}) c ORDER BY c.v, c.s LIMIT 1) AS lo_step,
             (SELECT c.s FROM (${candidates(highComparable(dialect, sql.ref('value')), 'hi')}) c ORDER BY c.v DESC, c.s LIMIT 1) AS hi_step
      FROM bk
    )`;
}

/** Every point of a short series (≤ maxPoints), in step order: nothing to sample. */
export function wholeSeriesQuery(db: Kysely<Database>, runId: string, key: string): CompiledQuery<MetricPointRow> {
  return db.selectFrom('metrics').select(['step', 'value', 'wall_time', 'epoch', 'nonfinite']).where('run_id', '=', runId).where('key', '=', key).orderBy('step').compile();
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
