/**
 * What a run's artifacts are, as the API lists and serves them: weight files (`artifacts`: the
 * final weights and snapshots, written by a worker or uploaded by a script) and any other file a
 * script uploaded (`run_files`).
 */
import type { Store } from './store.js';

export interface RunFileRecord {
  runId: string;
  name: string;
  /** Relative to the data directory. */
  path: string;
  size: number;
  sha256: string;
  contentType: string;
  createdAt: number;
}

export interface WeightFileRecord {
  id: string;
  runId: string;
  kind: 'final' | 'snapshot';
  step: number;
  epoch: number;
  path: string;
  thetaLength: number;
  stateLength: number;
  createdAt: number;
}

export async function runFilesOf(store: Store, runId: string): Promise<RunFileRecord[]> {
  const rows = await store.db.selectFrom('run_files').selectAll().where('run_id', '=', runId).orderBy('name').execute();
  return rows.map(toRunFile);
}

export async function getRunFile(store: Store, runId: string, name: string): Promise<RunFileRecord | undefined> {
  const row = await store.db.selectFrom('run_files').selectAll().where('run_id', '=', runId).where('name', '=', name).executeTakeFirst();
  return row && toRunFile(row);
}

/** Records an uploaded file; one uploaded again under the same name replaces the old record. */
export async function putRunFile(store: Store, file: Omit<RunFileRecord, 'createdAt'>): Promise<void> {
  const row = { run_id: file.runId, name: file.name, path: file.path, size: file.size, sha256: file.sha256, content_type: file.contentType, created_at: Date.now() };
  await store.db
    .insertInto('run_files')
    .values(row)
    .onConflict((oc) => oc.columns(['run_id', 'name']).doUpdateSet({ path: row.path, size: row.size, sha256: row.sha256, content_type: row.content_type, created_at: row.created_at }))
    .execute();
}

export async function weightFilesOf(store: Store, runId: string): Promise<WeightFileRecord[]> {
  const rows = await store.db.selectFrom('artifacts').selectAll().where('run_id', '=', runId).orderBy('kind').orderBy('step').execute();
  return rows.map((r) => ({
    id: r.id,
    runId: r.run_id,
    kind: r.kind === 'final' ? 'final' : 'snapshot',
    step: Number(r.step),
    epoch: r.epoch,
    path: r.path,
    thetaLength: Number(r.theta_length),
    stateLength: Number(r.state_length),
    createdAt: r.created_at,
  }));
}

/** Makes these the run's final weights (one row per run): the previous final row, if any, is replaced. */
export async function replaceFinalWeights(store: Store, weights: Omit<WeightFileRecord, 'createdAt' | 'kind'>): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('artifacts').where('run_id', '=', weights.runId).where('kind', '=', 'final').execute();
    await trx
      .insertInto('artifacts')
      .values({
        id: weights.id,
        run_id: weights.runId,
        kind: 'final',
        step: weights.step,
        epoch: weights.epoch,
        path: weights.path,
        theta_length: weights.thetaLength,
        state_length: weights.stateLength,
        created_at: Date.now(),
      })
      .execute();
  });
}

function toRunFile(row: { run_id: string; name: string; path: string; size: number; sha256: string; content_type: string; created_at: number }): RunFileRecord {
  return { runId: row.run_id, name: row.name, path: row.path, size: Number(row.size), sha256: row.sha256, contentType: row.content_type, createdAt: row.created_at };
}
