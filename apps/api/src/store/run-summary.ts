/**
 * What a logged run's table row shows (issue 14): the last value of each series (`Run.final`)
 * and the last step logged (`Run.steps`). A Saddle-trained run has these in its stored end; a
 * script's run has only its points, so they are read from those.
 *
 * Many runs are read in one statement (an experiment page of 100 logged runs asks for all of
 * them at once, RunService batches them): the run's keys come from `metric_blocks` (a few dozen
 * rows a series, kept in the same transaction as the points, metric-blocks.ts), and each key's
 * last point is one seek of the primary key (run, key, step). The per-run query this replaced
 * visited every point of the run with a correlated MAX per point: ~12 ms a run at 10,000 points.
 */
import { sql } from 'kysely';
import { nonFiniteName, storedToNumber, type NonFiniteName } from './metric-values.js';
import type { Store } from './store.js';

export interface LastValues {
  /** Key → the value at its largest step; a non-finite one in its spelling ("NaN", "Infinity", "-Infinity"). */
  final: Record<string, number | NonFiniteName>;
  /** The largest step of any series; null when the run has no points. */
  steps: number | null;
}

/** Run ids per statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
const RUNS_PER_STATEMENT = 500;

interface LastPointRow {
  run_id: string;
  key: string;
  step: number | string;
  value: number | null;
  nonfinite: string | null;
}

export async function lastValues(store: Store, runId: string): Promise<LastValues> {
  return (await lastValuesOfRuns(store, [runId])).get(runId) ?? { final: {}, steps: null };
}

/** The last values of each of `runIds` (every id gets an entry; one without points: `{ final: {}, steps: null }`). */
export async function lastValuesOfRuns(store: Store, runIds: readonly string[]): Promise<Map<string, LastValues>> {
  const result = new Map<string, LastValues>();
  const ids = [...new Set(runIds)];
  for (const id of ids) result.set(id, { final: {}, steps: null });
  for (let start = 0; start < ids.length; start += RUNS_PER_STATEMENT) {
    const chunk = ids.slice(start, start + RUNS_PER_STATEMENT);
    const series = sql`SELECT DISTINCT run_id, key FROM metric_blocks WHERE run_id IN (${sql.join(chunk)})`;
    // PostgreSQL plans freely (and without statistics on a table just filled, badly): a LATERAL
    // subquery ordered by step with a LIMIT leaves it only the backward index seek. SQLite keeps
    // a CROSS JOIN's order, so each series' MAX(step) is a seek of the primary key.
    const query =
      store.dialect === 'postgres'
        ? sql<LastPointRow>`
          WITH series AS (${series})
          SELECT s.run_id, s.key, m.step, m.value, m.nonfinite FROM series s
          CROSS JOIN LATERAL (SELECT step, value, nonfinite FROM metrics WHERE run_id = s.run_id AND key = s.key ORDER BY step DESC LIMIT 1) m`
        : sql<LastPointRow>`
          WITH series AS (${series})
          SELECT s.run_id, s.key, m.step, m.value, m.nonfinite FROM series s
          CROSS JOIN metrics m WHERE m.run_id = s.run_id AND m.key = s.key
            AND m.step = (SELECT MAX(l.step) FROM metrics l WHERE l.run_id = s.run_id AND l.key = s.key)`;
    const { rows } = await query.execute(store.db);
    // Keys in order, as the per-run read returned them (JSON objects keep insertion order).
    rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const row of rows) {
      const values = result.get(row.run_id);
      if (!values) continue;
      const value = storedToNumber(row.value, row.nonfinite);
      values.final[row.key] = nonFiniteName(value) ?? value;
      const step = Number(row.step);
      if (values.steps === null || step > values.steps) values.steps = step;
    }
  }
  return result;
}
