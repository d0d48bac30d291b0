/**
 * Resumable checkpoints of runs: the latest one of each run (a row in `checkpoints`, its bytes in
 * a file under the data directory), and the rewind that makes a restarted run's stored outputs
 * end where its checkpoint does, so each (run, key, step) is stored exactly once.
 */
import type { Kysely } from 'kysely';
import type { DatabaseConfig } from './database.js';
import { rewindBlocks } from './metric-blocks.js';
import { rewindDivergence } from './metric-divergence.js';
import type { Database } from './tables.js';

export interface CheckpointRecord {
  runId: string;
  step: number;
  epoch: number;
  /** Relative to the data directory. */
  path: string;
}

/** Makes `checkpoint` the run's latest; returns the path of the one it replaced (for removal). */
export async function recordCheckpoint(db: Kysely<Database>, checkpoint: CheckpointRecord): Promise<string | undefined> {
  // No transaction around the read and the write: in SQLite a transaction that reads and then
  // writes fails at once ("database is locked", no busy wait) when another process wrote in
  // between. Only the run's owner writes its checkpoint row, so the read cannot go stale.
  const previous = await db.selectFrom('checkpoints').select('path').where('run_id', '=', checkpoint.runId).executeTakeFirst();
  const row = { step: checkpoint.step, epoch: checkpoint.epoch, path: checkpoint.path, created_at: Date.now() };
  await db
    .insertInto('checkpoints')
    .values({ run_id: checkpoint.runId, ...row })
    .onConflict((oc) => oc.column('run_id').doUpdateSet(row))
    .execute();
  return previous && previous.path !== checkpoint.path ? previous.path : undefined;
}

export async function latestCheckpoint(db: Kysely<Database>, runId: string): Promise<CheckpointRecord | undefined> {
  const row = await db.selectFrom('checkpoints').selectAll().where('run_id', '=', runId).executeTakeFirst();
  return row && { runId: row.run_id, step: row.step, epoch: row.epoch, path: row.path };
}

/** Of `runIds`, those that have a checkpoint. */
export async function checkpointedRuns(db: Kysely<Database>, runIds: readonly string[]): Promise<Set<string>> {
  if (runIds.length === 0) return new Set();
  const rows = await db.selectFrom('checkpoints').select('run_id').where('run_id', 'in', runIds).execute();
  return new Set(rows.map((r) => r.run_id));
}

export async function forgetCheckpoint(db: Kysely<Database>, runId: string): Promise<void> {
  await db.deleteFrom('checkpoints').where('run_id', '=', runId).execute();
}

/**
 * Drops what a run stored after `step` (metric points, their blocks and weight artifacts), in one transaction;
 * with `step` null, everything it stored, its checkpoint included (a start from scratch).
 */
export async function rewindRunOutputs(db: Kysely<Database>, dialect: DatabaseConfig['kind'], runId: string, step: number | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (step === null) {
      await trx.deleteFrom('metrics').where('run_id', '=', runId).execute();
      await trx.deleteFrom('metric_blocks').where('run_id', '=', runId).execute();
      await trx.deleteFrom('artifacts').where('run_id', '=', runId).execute();
      await trx.deleteFrom('checkpoints').where('run_id', '=', runId).execute();
      await rewindDivergence(trx, runId, null);
      return;
    }
    await trx.deleteFrom('metrics').where('run_id', '=', runId).where('step', '>', step).execute();
    await rewindBlocks(trx, dialect, runId, step);
    await rewindDivergence(trx, runId, step);
    await trx.deleteFrom('artifacts').where('run_id', '=', runId).where('step', '>', step).execute();
  });
}
