/**
 * Analyses asked for on one run or a pair of runs (`analyzeRun`, `analyzeRuns`; issue 13): one
 * row each, with the same lifecycle as an experiment's analysis — QUEUED, claimed RUNNING by
 * exactly one owner, then SUCCEEDED / FAILED / CANCELLED with its figures — so the one analysis
 * job claims and stores both (worker/analyze-job.ts).
 */
import type { FigureData } from '@saddle/engine';
import type { Store } from './store.js';
import type { RunAnalysisTable } from './tables.js';

export type RunAnalysisStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

/** SUCCEEDED, FAILED and CANCELLED are for good: nothing changes an ended analysis. */
export function isEndedRunAnalysis(status: RunAnalysisStatus): boolean {
  switch (status) {
    case 'QUEUED':
    case 'RUNNING':
      return false;
    case 'SUCCEEDED':
    case 'FAILED':
    case 'CANCELLED':
      return true;
    default: {
      const unreachable: never = status;
      throw new Error(`isEndedRunAnalysis: unknown status ${String(unreachable)}`);
    }
  }
}

export interface RunAnalysisFigure {
  id: string;
  title: string;
  data: FigureData;
}

export interface RunAnalysisRecord {
  id: string;
  /** The analysed run, first of a pair. */
  runId: string;
  /** The second run of a pair (interpolation); null for one run. */
  otherRunId: string | null;
  kind: string;
  options: Record<string, unknown>;
  status: RunAnalysisStatus;
  progress: number;
  owner: string | null;
  error: string | null;
  figures: RunAnalysisFigure[];
  summary: Record<string, unknown> | null;
  createdAt: number;
  finishedAt: number | null;
}

export async function createRunAnalysis(store: Store, analysis: Pick<RunAnalysisRecord, 'id' | 'runId' | 'otherRunId' | 'kind' | 'options'>): Promise<RunAnalysisRecord> {
  const now = Date.now();
  await store.db
    .insertInto('run_analyses')
    .values({
      id: analysis.id,
      run_id: analysis.runId,
      other_run_id: analysis.otherRunId,
      kind: analysis.kind,
      options: JSON.stringify(analysis.options),
      status: 'QUEUED',
      progress: 0,
      owner: null,
      error: null,
      figures: '[]',
      summary: null,
      created_at: now,
      finished_at: null,
    })
    .execute();
  const created = await getRunAnalysis(store, analysis.id);
  if (!created) throw new Error(`createRunAnalysis: ${analysis.id} was not stored`);
  return created;
}

export async function getRunAnalysis(store: Store, id: string): Promise<RunAnalysisRecord | undefined> {
  const row = await store.db.selectFrom('run_analyses').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

/** A run's analyses (as the first or second run of a pair), newest first. */
export async function runAnalysesOf(store: Store, runId: string): Promise<RunAnalysisRecord[]> {
  const rows = await store.db
    .selectFrom('run_analyses')
    .selectAll()
    .where((eb) => eb.or([eb('run_id', '=', runId), eb('other_run_id', '=', runId)]))
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toRecord);
}

/** QUEUED → RUNNING under `owner`; false when another process claimed it first, or it was cancelled. */
export async function claimRunAnalysis(store: Store, id: string, owner: string): Promise<boolean> {
  const result = await store.db.updateTable('run_analyses').set({ status: 'RUNNING', owner, progress: 0 }).where('id', '=', id).where('status', '=', 'QUEUED').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Stores the fraction done; false when `owner` no longer holds it RUNNING (cancelled, or taken over): the worker then stops. */
export async function setRunAnalysisProgress(store: Store, id: string, owner: string, progress: number): Promise<boolean> {
  const result = await store.db.updateTable('run_analyses').set({ progress }).where('id', '=', id).where('status', '=', 'RUNNING').where('owner', '=', owner).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ends a RUNNING analysis held by `owner`; false, and nothing written, when it no longer is (cancelled, or taken over). */
export async function finishRunAnalysis(
  store: Store,
  id: string,
  owner: string,
  end: { status: 'SUCCEEDED' | 'FAILED'; figures?: RunAnalysisFigure[]; summary?: Record<string, unknown>; error?: string },
): Promise<boolean> {
  const result = await store.db
    .updateTable('run_analyses')
    .set({
      status: end.status,
      owner: null,
      error: end.error ?? null,
      finished_at: Date.now(),
      ...(end.status === 'SUCCEEDED' && { progress: 1 }),
      ...(end.figures && { figures: JSON.stringify(end.figures) }),
      ...(end.summary && { summary: JSON.stringify(end.summary) }),
    })
    .where('id', '=', id)
    .where('status', '=', 'RUNNING')
    .where('owner', '=', owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** QUEUED or RUNNING → CANCELLED; false when it had already ended. Its owner sees it and stops (cancelledRunAnalysis). */
export async function cancelRunAnalysis(store: Store, id: string): Promise<boolean> {
  const result = await store.db
    .updateTable('run_analyses')
    .set({ status: 'CANCELLED', owner: null, finished_at: Date.now(), error: 'cancelled' })
    .where('id', '=', id)
    .where('status', 'in', ['QUEUED', 'RUNNING'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** QUEUED and RUNNING analyses: recovery enqueues the first and re-queues those of dead owners. */
export async function runningOrQueuedRunAnalyses(store: Store): Promise<RunAnalysisRecord[]> {
  const rows = await store.db.selectFrom('run_analyses').selectAll().where('status', 'in', ['QUEUED', 'RUNNING']).execute();
  return rows.map(toRecord);
}

/** RUNNING → QUEUED while `owner` (seen dead) still holds it. */
export async function requeueRunAnalysis(store: Store, id: string, owner: string | null): Promise<boolean> {
  const result = await store.db
    .updateTable('run_analyses')
    .set({ status: 'QUEUED', owner: null })
    .where('id', '=', id)
    .where('status', '=', 'RUNNING')
    .where((eb) => (owner === null ? eb('owner', 'is', null) : eb('owner', '=', owner)))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function toRecord(row: RunAnalysisTable): RunAnalysisRecord {
  return {
    id: row.id,
    runId: row.run_id,
    otherRunId: row.other_run_id,
    kind: row.kind,
    options: JSON.parse(row.options) as Record<string, unknown>,
    status: row.status as RunAnalysisStatus,
    progress: Number(row.progress),
    owner: row.owner,
    error: row.error,
    figures: JSON.parse(row.figures) as RunAnalysisFigure[],
    summary: row.summary === null ? null : (JSON.parse(row.summary) as Record<string, unknown>),
    createdAt: Number(row.created_at),
    finishedAt: row.finished_at === null ? null : Number(row.finished_at),
  };
}
