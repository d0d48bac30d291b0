/**
 * A downsampled read that loads the whole series and buckets it with the reference
 * `downsampleMinMax` (metrics/downsample.ts), for the series where the bucketing SQL
 * (metric-downsample.ts) cannot save work: when a bucket spans fewer points than a metric block
 * (64 steps), a bucket boundary cuts nearly every block, the blocks stand for nothing, and the
 * SQL reads every point anyway — and then groups, joins and seeks them again. The experiment
 * page's read (5,000 points to 1,500) measured 9.8 ms a series in that SQL and 3.3 ms for the
 * plain read through better-sqlite3 (a rowid table: each point is an index entry plus a row).
 *
 * On SQLite the read runs on the reader thread and comes back as one buffer of numbers
 * (SqliteReader.numbers): 5,000 row objects took ~4 ms to copy between the threads, which is why
 * an earlier whole read (commit 02b2720) was slower than the SQL.
 */
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import { METRIC_BLOCK_STEPS } from './metric-blocks.js';
import type { StoredMetricPoint } from './records.js';
import type { NumberColumns } from './sqlite-reader.js';
import type { Database } from './tables.js';

/** True when a bucket of `count` points cut into ⌊maxPoints/2⌋ buckets spans fewer points than a block. */
export function bucketsNarrowerThanBlocks(count: number, maxPoints: number): boolean {
  return count < Math.floor(maxPoints / 2) * METRIC_BLOCK_STEPS;
}

/**
 * Every point of one series, in step order, as numbers only: step, value, wall_time, epoch. A
 * non-finite value is stored as NULL with its spelling (metric-values.ts); ±Infinity comes back
 * as SQLite's ±9e999 (±Infinity) and NaN as NULL — which NumberColumns spells NaN.
 */
export function wholeSeriesNumbersQuery(db: Kysely<Database>, runId: string, key: string): CompiledQuery<unknown> {
  return sql`
    SELECT step, COALESCE(value, CASE nonfinite WHEN 'Infinity' THEN 9e999 WHEN '-Infinity' THEN -9e999 END) AS value, wall_time, epoch
    FROM metrics WHERE run_id = ${runId} AND key = ${key} ORDER BY step`.compile(db);
}

/**
 * The points at `indices` of `wholeSeriesNumbersQuery`'s columns (an epoch of NaN was NULL:
 * epochs are integers): only the points a read keeps are built.
 */
export function pointsFromColumnsAt(key: string, columns: NumberColumns, indices: readonly number[]): StoredMetricPoint[] {
  const { length, width, data } = columns;
  if (width !== 4) throw new Error(`pointsFromColumnsAt: expected 4 columns (step, value, wall_time, epoch), got ${width}`);
  const points: StoredMetricPoint[] = new Array<StoredMetricPoint>(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    const epoch = data[3 * length + i] as number;
    points[k] = { key, step: data[i] as number, value: data[length + i] as number, wallTime: data[2 * length + i] as number, epoch: Number.isNaN(epoch) ? null : epoch };
  }
  return points;
}
