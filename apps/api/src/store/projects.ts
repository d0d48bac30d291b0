/**
 * Projects group experiments (`experiments.project`, set by createRun's `project`), and within a
 * project the experiments of logged runs are found by name: a script naming the same experiment
 * three times logs three runs into one experiment.
 */
import type { ExperimentRecord } from './records.js';
import type { Store } from './store.js';

export interface ProjectSummary {
  name: string;
  experiments: number;
  /** When its newest experiment was created (ms since the epoch). */
  lastCreatedAt: number;
}

/** The external experiment of this name in this project (null: no project); the oldest if there are several. */
export async function findExternalExperiment(store: Store, project: string | null, name: string): Promise<ExperimentRecord | undefined> {
  let query = store.db.selectFrom('experiments').select('id').where('origin', '=', 'external').where('name', '=', name);
  query = project === null ? query.where('project', 'is', null) : query.where('project', '=', project);
  const row = await query.orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
  return row ? store.getExperiment(row.id) : undefined;
}

/** Every project with its experiment count, the most recently used first. */
export async function listProjects(store: Store): Promise<ProjectSummary[]> {
  const rows = await store.db
    .selectFrom('experiments')
    .select((eb) => ['project', eb.fn.countAll<number | string>().as('count'), eb.fn.max('created_at').as('last')])
    .where('project', 'is not', null)
    .groupBy('project')
    .execute();
  return rows
    .flatMap((r) => (r.project === null ? [] : [{ name: r.project, experiments: Number(r.count), lastCreatedAt: Number(r.last) }]))
    .sort((a, b) => b.lastCreatedAt - a.lastCreatedAt || a.name.localeCompare(b.name));
}
