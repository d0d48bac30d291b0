/**
 * Heartbeats of runs that scripts log (issue 14): `runs.heartbeat_at` is when the script last
 * sent anything. The API turns a RUNNING external run that has been silent for longer than the
 * timeout into CRASHED (runs/run-liveness.ts); being in the store, the verdict survives restarts.
 */
import type { Store } from './store.js';

/**
 * Throttle: a run's heartbeat is written at most once per this many ms by one process, so a
 * script logging many small batches costs one UPDATE a second, not one per batch.
 */
const HEARTBEAT_WRITE_INTERVAL_MS = 1000;
const lastWritten = new WeakMap<Store, Map<string, number>>();

/** Records that the script of an external RUNNING run was heard from (no-op for any other run). */
export async function touchHeartbeat(store: Store, runId: string, now = Date.now()): Promise<void> {
  let written = lastWritten.get(store);
  if (!written) {
    written = new Map();
    lastWritten.set(store, written);
  }
  const last = written.get(runId);
  if (last !== undefined && now - last < HEARTBEAT_WRITE_INTERVAL_MS) return;
  written.set(runId, now);
  // Bounded memory: forget runs not heard from for a while (their next touch writes again).
  if (written.size > 10_000) for (const [id, at] of written) if (now - at > HEARTBEAT_WRITE_INTERVAL_MS) written.delete(id);
  await store.db.updateTable('runs').set({ heartbeat_at: now }).where('id', '=', runId).where('external', '=', 1).where('status', '=', 'RUNNING').execute();
}

/** Forgets the throttle's note of a run, so its next touch is written (after a resume). */
export function forgetHeartbeat(store: Store, runId: string): void {
  lastWritten.get(store)?.delete(runId);
}

/** Ids and last heartbeats of RUNNING external runs not heard from since `before` (ms since the epoch). */
export async function silentExternalRuns(store: Store, before: number): Promise<{ id: string; heartbeatAt: number }[]> {
  const rows = await store.db
    .selectFrom('runs')
    .select(['id', 'heartbeat_at', 'updated_at'])
    .where('external', '=', 1)
    .where('status', '=', 'RUNNING')
    // Runs created before heartbeats were stored have none: their last update stands in.
    .where((eb) => eb(eb.fn.coalesce('heartbeat_at', 'updated_at'), '<', before))
    .execute();
  return rows.map((r) => ({ id: r.id, heartbeatAt: r.heartbeat_at ?? r.updated_at }));
}
