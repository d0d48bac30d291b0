/**
 * Pre-aggregated metric blocks (`metric_blocks`), so a downsampled read of a long series touches
 * one row per 64 steps instead of every point. A block is the points of one (run, key) whose
 * step lies in [block·64, block·64 + 64); its row keeps how many there are, the lowest and the
 * highest finite value with the earliest step holding each — non-finite values (stored as NULL)
 * take no part, exactly as in the bucketing of metric-downsample.ts: a block without a finite
 * value has lo +∞ and hi −∞, both at its first step.
 *
 * Blocks are derived data, kept consistent with `metrics` in the same transaction as every
 * write: an upsert recomputes the blocks its points fall in from the stored points (so a point
 * sent again replaces itself there too, never counting twice), a rewind recomputes the block it
 * cuts through and drops those after it, a delete drops the run's blocks. Migration
 * 0004_metric_blocks built them for stores made before.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DatabaseConfig } from './database.js';
import type { StoredMetricPoint } from './records.js';
import type { Database, MetricBlockRow } from './tables.js';

/**
 * Steps per block. The downsampled read (metric-downsample.ts) reads, for each bucket, the blocks
 * wholly inside it plus, raw, the points of the parts of the ≤ 2 blocks its ends cut: 64 keeps
 * both near 16,000 rows for a 1M-point series at maxPoints 1000 (the migration that built the
 * table holds its own copy).
 */
export const METRIC_BLOCK_STEPS = 64;

type Db = Kysely<Database> | Transaction<Database>;

/**
 * `value` as the bucketing looks for the lowest: NULL (a non-finite value) is +∞, above every
 * finite value, so it is the lowest only where nothing finite is (and then ties at the first step).
 */
export function lowComparable(dialect: DatabaseConfig['kind'], column: RawBuilder<unknown>): RawBuilder<number> {
  const infinity = dialect === 'postgres' ? sql`CAST('Infinity' AS DOUBLE PRECISION)` : sql`9e999`;
  return sql<number>`COALESCE(${column}, ${infinity})`;
}

/** `value` as the bucketing looks for the highest: NULL is −∞, under every finite value. */
export function highComparable(dialect: DatabaseConfig['kind'], column: RawBuilder<unknown>): RawBuilder<number> {
  const minusInfinity = dialect === 'postgres' ? sql`CAST('-Infinity' AS DOUBLE PRECISION)` : sql`-9e999`;
  return sql<number>`COALESCE(${column}, ${minusInfinity})`;
}

/**
 * `FROM` clause joining each row of `outer` to the stored points of its block `block` of `key`,
 * as `m`, each block one index range of the metrics' primary key. SQLite keeps a CROSS JOIN's
 * order, so the range is an index seek; PostgreSQL plans freely, and without statistics (a table
 * just filled) it scanned the whole series for every block (18 s for a 1M-point read), so there
 * the points come from a LATERAL subquery ordered by step with a LIMIT, which only the index
 * answers.
 */
export function blockPoints(dialect: DatabaseConfig['kind'], runId: string, key: RawBuilder<unknown>, block: RawBuilder<unknown>, outer: RawBuilder<unknown>): RawBuilder<unknown> {
  const size = sql.lit(METRIC_BLOCK_STEPS);
  if (dialect === 'postgres') {
    return sql`${outer} CROSS JOIN LATERAL (
        SELECT mm.key, mm.step, mm.value FROM metrics mm
        WHERE mm.run_id = ${runId} AND mm.key = ${key} AND mm.step >= ${block} * ${size} AND mm.step < ${block} * ${size} + ${size}
        ORDER BY mm.step LIMIT ${size}) m`;
  }
  return sql`${outer} CROSS JOIN metrics m WHERE m.run_id = ${runId} AND m.key = ${key} AND m.step >= ${block} * ${size} AND m.step < ${block} * ${size} + ${size}`;
}

/**
 * Recomputes, from the stored points, the blocks of `runId` listed by `touched` (a query of rows
 * `(key, block)`). A listed block without points gets no row (the caller drops a stale one).
 */
async function refreshBlocks(db: Db, dialect: DatabaseConfig['kind'], runId: string, touched: RawBuilder<unknown>): Promise<void> {
  await sql`
    WITH touched(key, block) AS (${touched}),
    pts AS (
      SELECT m.key AS key, t.block AS block, m.step AS step, ${lowComparable(dialect, sql.ref('m.value'))} AS vlo, ${highComparable(dialect, sql.ref('m.value'))} AS vhi
      FROM ${blockPoints(dialect, runId, sql.ref('t.key'), sql.ref('t.block'), sql`touched t`)}
    ),
    ext AS (SELECT key, block, COUNT(*) AS n, MIN(vlo) AS lo, MAX(vhi) AS hi FROM pts GROUP BY key, block)
    INSERT INTO metric_blocks (run_id, key, block, count, lo, lo_step, hi, hi_step)
    SELECT ${runId}, ext.key, ext.block, ext.n, ext.lo, MIN(CASE WHEN pts.vlo = ext.lo THEN pts.step END), ext.hi, MIN(CASE WHEN pts.vhi = ext.hi THEN pts.step END)
    FROM ext JOIN pts ON pts.key = ext.key AND pts.block = ext.block
    WHERE true
    GROUP BY ext.key, ext.block, ext.n, ext.lo, ext.hi
    ON CONFLICT (run_id, key, block) DO UPDATE SET count = excluded.count, lo = excluded.lo, lo_step = excluded.lo_step, hi = excluded.hi, hi_step = excluded.hi_step`.execute(db);
}

/**
 * After points of `runId` were upserted (inside the same transaction): their blocks, recomputed.
 * `points` hold each (key, step) once. A block the batch fills (all 64 steps) holds exactly the
 * batch's points whatever was stored before, so its row is computed here and written as is; only
 * the partly filled ones (a batch's first and last block of each key, usually) are recomputed
 * from the stored points — at 10,000 points a batch that is ~2 of ~158 blocks, and ingest spends
 * a fraction of the time a full recompute took (1.3 µs instead of 3.9 µs a point).
 */
export async function refreshBlocksOfPoints(db: Db, dialect: DatabaseConfig['kind'], runId: string, points: readonly StoredMetricPoint[]): Promise<void> {
  const blocks = new Map<string, Omit<MetricBlockRow, 'run_id'>>();
  for (const p of points) {
    const block = Math.floor(p.step / METRIC_BLOCK_STEPS);
    const finite = Number.isFinite(p.value);
    const vlo = finite ? p.value : Number.POSITIVE_INFINITY;
    const vhi = finite ? p.value : Number.NEGATIVE_INFINITY;
    const id = `${p.key}\u0000${block}`;
    const row = blocks.get(id);
    if (!row) {
      blocks.set(id, { key: p.key, block, count: 1, lo: vlo, lo_step: p.step, hi: vhi, hi_step: p.step });
      continue;
    }
    row.count++;
    // Earliest step on ties, as the SQL's MIN(CASE WHEN v = lo THEN step END).
    if (vlo < row.lo || (vlo === row.lo && p.step < row.lo_step)) [row.lo, row.lo_step] = [vlo, p.step];
    if (vhi > row.hi || (vhi === row.hi && p.step < row.hi_step)) [row.hi, row.hi_step] = [vhi, p.step];
  }
  const full: MetricBlockRow[] = [];
  const partial: { key: string; block: number }[] = [];
  for (const row of blocks.values()) {
    if (row.count === METRIC_BLOCK_STEPS) full.push({ run_id: runId, ...row });
    else partial.push({ key: row.key, block: row.block });
  }
  for (let start = 0; start < full.length; start += BLOCK_ROWS_PER_STATEMENT) {
    await db
      .insertInto('metric_blocks')
      .values(full.slice(start, start + BLOCK_ROWS_PER_STATEMENT))
      .onConflict((oc) =>
        oc.columns(['run_id', 'key', 'block']).doUpdateSet((eb) => ({
          count: eb.ref('excluded.count'),
          lo: eb.ref('excluded.lo'),
          lo_step: eb.ref('excluded.lo_step'),
          hi: eb.ref('excluded.hi'),
          hi_step: eb.ref('excluded.hi_step'),
        })),
      )
      .execute();
  }
  if (partial.length === 0) return;
  const touched =
    dialect === 'postgres'
      ? sql`SELECT * FROM unnest(${partial.map((b) => b.key)}::text[], ${partial.map((b) => b.block)}::integer[])`
      : sql`SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(${JSON.stringify(partial.map((b) => [b.key, b.block]))})`;
  await refreshBlocks(db, dialect, runId, touched);
}

/** 1,000 rows × 8 columns: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const BLOCK_ROWS_PER_STATEMENT = 1_000;

/**
 * After the points of `runId` past `step` were deleted (inside the same transaction): the block
 * holding `step` recomputed (or dropped when nothing is left in it), the blocks after it dropped.
 */
export async function rewindBlocks(db: Db, dialect: DatabaseConfig['kind'], runId: string, step: number): Promise<void> {
  if (!Number.isSafeInteger(step)) throw new Error(`rewindBlocks: step must be a safe integer, got ${step}`);
  const cut = Math.floor(step / METRIC_BLOCK_STEPS);
  await db.deleteFrom('metric_blocks').where('run_id', '=', runId).where('block', '>', cut).execute();
  const touched = sql`SELECT key, block FROM metric_blocks WHERE run_id = ${runId} AND block = ${sql.lit(cut)}`;
  await refreshBlocks(db, dialect, runId, touched);
  const size = sql.lit(METRIC_BLOCK_STEPS);
  await sql`
    DELETE FROM metric_blocks WHERE run_id = ${runId} AND block = ${sql.lit(cut)}
      AND NOT EXISTS (SELECT 1 FROM metrics m WHERE m.run_id = ${runId} AND m.key = metric_blocks.key AND m.step >= ${sql.lit(cut * METRIC_BLOCK_STEPS)} AND m.step < ${sql.lit(cut * METRIC_BLOCK_STEPS)} + ${size})`.execute(db);
}
