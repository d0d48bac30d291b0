/**
 * Batched, idempotent metric writes: one transaction per batch, a point (run, key, step) sent
 * again replaces itself, and the blocks its points fall in (metric-blocks.ts) are recomputed in
 * the same transaction. Built for ingest speed (scripts send 10,000 points per logMetrics):
 *
 * - SQLite: multi-row INSERTs of up to 500 rows whose SQL text is built once per row count and
 *   reused (kysely's builder would rebuild a 3,000-parameter AST for every chunk);
 * - PostgreSQL: the whole batch as one INSERT … SELECT FROM unnest(arrays): six parameters,
 *   whatever the batch size (then the block refresh, one statement too).
 */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { DatabaseConfig } from './database.js';
import { refreshBlocksOfPoints } from './metric-blocks.js';
import { recordDivergence } from './metric-divergence.js';
import { nonFiniteName } from './metric-values.js';
import type { StoredMetricPoint } from './records.js';
import { storageWriteError } from './storage-errors.js';
import type { Database } from './tables.js';

/** 500 rows × 7 columns stays far under SQLite's bound-variable limit (32,766). */
const SQLITE_ROWS_PER_STATEMENT = 500;

const UPSERT_TAIL = 'ON CONFLICT (run_id, key, step) DO UPDATE SET value = excluded.value, wall_time = excluded.wall_time, epoch = excluded.epoch, nonfinite = excluded.nonfinite';

const sqliteInsertText = new Map<number, string>();
function sqliteInsert(rows: number): string {
  let text = sqliteInsertText.get(rows);
  if (!text) {
    text = `INSERT INTO metrics (run_id, key, step, value, wall_time, epoch, nonfinite) VALUES ${Array(rows).fill('(?, ?, ?, ?, ?, ?, ?)').join(', ')} ${UPSERT_TAIL}`;
    sqliteInsertText.set(rows, text);
  }
  return text;
}

/** Later points win: within one statement a (key, step) may appear once (PostgreSQL refuses to update a row twice). */
export function lastOfEach(points: readonly StoredMetricPoint[]): StoredMetricPoint[] {
  if (stepsRiseWithinEachKey(points)) return [...points];
  const unique = new Map<string, StoredMetricPoint>();
  for (const p of points) unique.set(`${p.key}\u0000${p.step}`, p);
  return unique.size === points.length ? [...points] : [...unique.values()];
}

/**
 * The usual batch (each series' steps in increasing order) has no duplicate, and telling so
 * needs one number per key rather than a string per point (a quarter of a µs a point).
 */
function stepsRiseWithinEachKey(points: readonly StoredMetricPoint[]): boolean {
  const lastStep = new Map<string, number>();
  for (const p of points) {
    const last = lastStep.get(p.key);
    if (last !== undefined && p.step <= last) return false;
    lastStep.set(p.key, p.step);
  }
  return true;
}

/** `value` keeps finite numbers only; a non-finite one is NULL there and spelled in `nonfinite` (metric-values.ts). */
const storedValue = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** A full disk fails the whole batch (one transaction) with a StorageFullError naming the run. */
export async function upsertMetricRows(db: Kysely<Database>, dialect: DatabaseConfig['kind'], runId: string, points: readonly StoredMetricPoint[]): Promise<void> {
  try {
    await writeMetricRows(db, dialect, runId, points);
  } catch (error) {
    throw storageWriteError(error, `storing metrics of run ${runId}`);
  }
}

async function writeMetricRows(db: Kysely<Database>, dialect: DatabaseConfig['kind'], runId: string, points: readonly StoredMetricPoint[]): Promise<void> {
  if (points.length === 0) return;
  const rows = lastOfEach(points);
  if (dialect === 'postgres') {
    await db.transaction().execute(async (trx) => {
      // One writer per run at a time: two transactions recomputing the same block from the
      // points each can see would otherwise lose each other's points (READ COMMITTED).
      await sql`SELECT pg_advisory_xact_lock(hashtext(${runId}))`.execute(trx);
      await sql`
      INSERT INTO metrics (run_id, key, step, value, wall_time, epoch, nonfinite)
      SELECT ${runId}, t.key, t.step, t.value, t.wall_time, t.epoch, t.nonfinite
      FROM unnest(
        ${rows.map((p) => p.key)}::text[], ${rows.map((p) => p.step)}::integer[], ${rows.map((p) => storedValue(p.value))}::double precision[],
        ${rows.map((p) => p.wallTime)}::double precision[], ${rows.map((p) => p.epoch)}::double precision[], ${rows.map((p) => nonFiniteName(p.value))}::text[]
      ) AS t(key, step, value, wall_time, epoch, nonfinite)
      ${sql.raw(UPSERT_TAIL)}`.execute(trx);
      await refreshBlocksOfPoints(trx, dialect, runId, rows);
      await recordDivergence(trx, runId, rows);
    });
    return;
  }
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < rows.length; start += SQLITE_ROWS_PER_STATEMENT) {
      const chunk = rows.slice(start, start + SQLITE_ROWS_PER_STATEMENT);
      const parameters: unknown[] = [];
      for (const p of chunk) parameters.push(runId, p.key, p.step, storedValue(p.value), p.wallTime, p.epoch, nonFiniteName(p.value));
      await trx.executeQuery(CompiledQuery.raw(sqliteInsert(chunk.length), parameters));
    }
    await refreshBlocksOfPoints(trx, dialect, runId, rows);
    await recordDivergence(trx, runId, rows);
  });
}
