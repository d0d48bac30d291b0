/**
 * `runs.diverged_at_step`: the first step at which any series of the run holds a non-finite value
 * (issue 14: a NaN loss marks the run as diverged there; `Run.divergedAtStep`). Kept beside the
 * points in the same transaction as every write, like the metric blocks, so reading it costs
 * nothing: a batch with a non-finite value lowers it, a rewind past it clears it.
 *
 * It records what was logged, not what is stored now: a non-finite point later replaced by a
 * finite one (the same (key, step) sent again) leaves the mark where it was.
 */
import type { Kysely, Transaction } from 'kysely';
import type { StoredMetricPoint } from './records.js';
import type { Database } from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;

/** After `points` of `runId` were stored: the run's first non-finite step, lowered to theirs. */
export async function recordDivergence(db: Db, runId: string, points: readonly StoredMetricPoint[]): Promise<void> {
  let first: number | undefined;
  for (const p of points) if (!Number.isFinite(p.value) && (first === undefined || p.step < first)) first = p.step;
  if (first === undefined) return;
  await db
    .updateTable('runs')
    .set({ diverged_at_step: first })
    .where('id', '=', runId)
    .where((eb) => eb.or([eb('diverged_at_step', 'is', null), eb('diverged_at_step', '>', first)]))
    .execute();
}

/**
 * After the run's points past `step` were deleted (null: all of them): a mark past `step` goes
 * with them. Every point at or before it is kept, so a mark there still holds.
 */
export async function rewindDivergence(db: Db, runId: string, step: number | null): Promise<void> {
  let query = db.updateTable('runs').set({ diverged_at_step: null }).where('id', '=', runId);
  if (step !== null) query = query.where('diverged_at_step', '>', step);
  await query.execute();
}
