/**
 * What a logged run's table row shows (issue 14): the last value of each series (`Run.final`)
 * and the last step logged (`Run.steps`). A Saddle-trained run has these in its stored end; a
 * script's run has only its points, so they are read from those (the primary key (run, key,
 * step) makes each key's last step an index lookup).
 */
import { nonFiniteName, storedToNumber, type NonFiniteName } from './metric-values.js';
import type { Store } from './store.js';

export interface LastValues {
  /** Key → the value at its largest step; a non-finite one in its spelling ("NaN", "Infinity", "-Infinity"). */
  final: Record<string, number | NonFiniteName>;
  /** The largest step of any series; null when the run has no points. */
  steps: number | null;
}

export async function lastValues(store: Store, runId: string): Promise<LastValues> {
  const rows = await store.db
    .selectFrom('metrics as m')
    .select(['m.key', 'm.step', 'm.value', 'm.nonfinite'])
    .where('m.run_id', '=', runId)
    .where('m.step', '=', (eb) =>
      eb
        .selectFrom('metrics as last')
        .select((inner) => inner.fn.max('last.step').as('step'))
        .whereRef('last.run_id', '=', 'm.run_id')
        .whereRef('last.key', '=', 'm.key'),
    )
    .orderBy('m.key')
    .execute();
  const final: LastValues['final'] = {};
  let steps: number | null = null;
  for (const row of rows) {
    const value = storedToNumber(row.value, row.nonfinite);
    final[row.key] = nonFiniteName(value) ?? value;
    const step = Number(row.step);
    if (steps === null || step > steps) steps = step;
  }
  return { final, steps };
}
