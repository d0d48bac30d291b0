/**
 * Runs across every experiment, filtered and sorted by their config and final metrics (Query.runs).
 *
 * A run's config paths and final metrics are copied into `run_values` (migration 0009), one row
 * per (run, source, path) with the value as a number and as text, indexed by (source, path,
 * value): a condition on a path is an index range, a sort on it an index-ordered join, at any
 * number of runs. The rows are built lazily from what the runs hold: `runs.values_indexed_at` is
 * the `updated_at` they were built from, and `syncRunValues` rebuilds every run changed since
 * (found by a partial index, so a quiet store costs one empty index probe). Every write to a run
 * bumps `updated_at`, so no write path needs to know this table exists.
 */
import { flattenConfig } from '@saddle/engine';
import { sql, type Expression, type ExpressionBuilder, type SqlBool, type Transaction } from 'kysely';
import type { RunStatus } from '@saddle/engine';
import type { StoredRunEnd } from './records.js';
import type { Store } from './store.js';
import type { Database } from './tables.js';

export type ValueSource = 'config' | 'final';

/** How a condition compares a run's value with the given one. */
export type ComparisonOp = 'EQ' | 'NE' | 'LT' | 'LTE' | 'GT' | 'GTE' | 'IN' | 'CONTAINS' | 'EXISTS';

export type ScalarValue = string | number | boolean | null;

export interface ValueCondition {
  source: ValueSource;
  path: string;
  op: ComparisonOp;
  /** A scalar; a list for IN; a string for CONTAINS; ignored by EXISTS. */
  value: ScalarValue | readonly ScalarValue[];
}

export type RunColumn = 'created_at' | 'finished_at' | 'key' | 'status' | 'experiment_name';

export type RunSort = { direction: 'ASC' | 'DESC' } & ({ column: RunColumn } | { source: ValueSource; path: string });

export interface RunSearch {
  conditions: readonly ValueCondition[];
  status?: readonly RunStatus[];
  /** The run's experiment has every one of these tags. */
  tags?: readonly string[];
  preset?: string;
  experimentId?: string;
  origin?: string;
  project?: string;
  /** Case-insensitive substring of the run's key or its experiment's name. */
  text?: string;
  /** Milliseconds since the epoch; createdAfter is exclusive, createdBefore exclusive. */
  createdAfter?: number;
  createdBefore?: number;
  orderBy: readonly RunSort[];
}

/** A run's final metrics when its stored end has none (a logged run: the last value of each series). */
export type FinalValuesOf = (runId: string) => Promise<Record<string, unknown> | null>;

/** Rebuilds the rows of every run changed since its rows were built; returns how many runs it rebuilt. */
export async function syncRunValues(store: Store, finalOf: FinalValuesOf, batchSize = 500): Promise<number> {
  let rebuilt = 0;
  for (;;) {
    const stale = await store.db
      .selectFrom('runs')
      .select(['id', 'config', 'end_state', 'external', 'updated_at'])
      .where((eb) => eb.or([eb('values_indexed_at', 'is', null), eb('values_indexed_at', '<', eb.ref('updated_at'))]))
      .limit(batchSize)
      .execute();
    if (stale.length === 0) return rebuilt;
    const built = await Promise.all(
      stale.map(async (run) => {
        const end = run.end_state === null ? null : (JSON.parse(run.end_state) as StoredRunEnd);
        const final = end?.final ?? (run.external === 1 ? await finalOf(run.id) : null) ?? {};
        return { run, rows: [...valueRows(run.id, 'config', configValues(run.config)), ...valueRows(run.id, 'final', final)] };
      }),
    );
    await store.db.transaction().execute(async (trx) => {
      for (const { run, rows } of built) await writeRunValues(trx, run.id, run.updated_at, rows);
    });
    rebuilt += stale.length;
  }
}

type ValueRow = Database['run_values'];

async function writeRunValues(trx: Transaction<Database>, runId: string, updatedAt: number, rows: ValueRow[]): Promise<void> {
  await trx.deleteFrom('run_values').where('run_id', '=', runId).execute();
  // 5 columns a row: 150 rows stay under SQLite's default 999 bound parameters.
  for (let i = 0; i < rows.length; i += 150) await trx.insertInto('run_values').values(rows.slice(i, i + 150)).execute();
  // Not through updateRun: that would bump updated_at and make the run stale again. A write that
  // lands between the read above and this one leaves updated_at newer, so the run stays stale.
  await trx.updateTable('runs').set({ values_indexed_at: updatedAt }).where('id', '=', runId).where('updated_at', '=', updatedAt).execute();
}

function configValues(json: string): Record<string, unknown> {
  const config = JSON.parse(json) as Record<string, unknown>;
  try {
    // Stored configs are flat already (dotted paths); an older nested one is flattened the same way.
    return flattenConfig(config);
  } catch {
    return config;
  }
}

function valueRows(runId: string, source: ValueSource, values: Record<string, unknown>): ValueRow[] {
  const rows: ValueRow[] = [];
  for (const [path, value] of Object.entries(values)) {
    if (typeof value === 'number') rows.push({ run_id: runId, source, path, num: Number.isFinite(value) ? value : null, str: Number.isFinite(value) ? null : String(value) });
    else if (typeof value === 'boolean') rows.push({ run_id: runId, source, path, num: value ? 1 : 0, str: String(value) });
    else if (typeof value === 'string') rows.push({ run_id: runId, source, path, num: null, str: value });
    else if (value === null) rows.push({ run_id: runId, source, path, num: null, str: null });
    // Empty lists and objects (what flattening leaves of them) hold nothing to compare.
  }
  return rows;
}

type SearchBuilder = ExpressionBuilder<Database & { r: Database['runs']; e: Database['experiments'] }, 'r' | 'e'>;

/** The page of run ids `search` selects, in its order, from `offset`; one more than `limit` tells whether more follow. */
export async function searchRunIds(store: Store, search: RunSearch, offset: number, limit: number): Promise<{ ids: string[]; hasMore: boolean }> {
  let query = store.db
    .selectFrom('runs as r')
    .innerJoin('experiments as e', 'e.id', 'r.experiment_id')
    .select('r.id')
    .where((eb) => searchWhere(eb as unknown as SearchBuilder, search));
  for (const [i, sort] of search.orderBy.entries()) {
    const direction = sort.direction === 'ASC' ? 'asc' : 'desc';
    if ('column' in sort) {
      const column = sort.column === 'experiment_name' ? sql.ref('e.name') : sql.ref(`r.${sort.column}`);
      // Nulls last in both directions and both dialects (SQLite puts them first, PostgreSQL last, ascending).
      query = query.orderBy(sql`(${column} IS NULL)`).orderBy(column, direction);
    } else {
      const alias = `s${i}`;
      query = query
        // One join per sort key, each under an alias of its own (kysely cannot type a computed alias).
        .leftJoin(`run_values as ${alias}` as 'run_values', (join) =>
          join.on(sql<SqlBool>`${sql.ref(`${alias}.run_id`)} = r.id AND ${sql.ref(`${alias}.source`)} = ${sort.source} AND ${sql.ref(`${alias}.path`)} = ${sort.path}`),
        )
        // Numbers before texts, absent (and null) values last; within each, by the value.
        .orderBy(sql`(${sql.ref(`${alias}.num`)} IS NULL)`)
        .orderBy(sql.ref(`${alias}.num`), direction)
        .orderBy(sql`(${sql.ref(`${alias}.str`)} IS NULL)`)
        .orderBy(sql.ref(`${alias}.str`), direction);
    }
  }
  const rows = await query.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').offset(offset).limit(limit + 1).execute();
  return { ids: rows.slice(0, limit).map((row) => row.id), hasMore: rows.length > limit };
}

/** How many runs `search` selects. */
export async function countRuns(store: Store, search: RunSearch): Promise<number> {
  const row = await store.db
    .selectFrom('runs as r')
    .innerJoin('experiments as e', 'e.id', 'r.experiment_id')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where((eb) => searchWhere(eb as unknown as SearchBuilder, search))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

function searchWhere(eb: SearchBuilder, search: RunSearch): Expression<SqlBool> {
  const terms: Expression<SqlBool>[] = [];
  if (search.status?.length) terms.push(eb('r.status', 'in', [...search.status]));
  if (search.preset !== undefined) terms.push(eb('e.preset', '=', search.preset));
  if (search.experimentId !== undefined) terms.push(eb('r.experiment_id', '=', search.experimentId));
  if (search.origin !== undefined) terms.push(eb('e.origin', '=', search.origin));
  if (search.project !== undefined) terms.push(eb('e.project', '=', search.project));
  if (search.createdAfter !== undefined) terms.push(eb('r.created_at', '>', search.createdAfter));
  if (search.createdBefore !== undefined) terms.push(eb('r.created_at', '<', search.createdBefore));
  if (search.text) {
    const pattern = `%${search.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    terms.push(eb.or([sql<SqlBool>`lower(r.key) LIKE ${pattern} ESCAPE '\\'`, sql<SqlBool>`lower(e.name) LIKE ${pattern} ESCAPE '\\'`]));
  }
  for (const tag of search.tags ?? []) {
    terms.push(eb.exists(eb.selectFrom('experiment_tags as t').select(sql`1`.as('one')).whereRef('t.experiment_id', '=', 'e.id').where('t.tag', '=', tag)));
  }
  for (const condition of search.conditions) {
    terms.push(
      eb.exists(
        eb
          .selectFrom('run_values as v')
          .select(sql`1`.as('one'))
          .whereRef('v.run_id', '=', 'r.id')
          .where('v.source', '=', condition.source)
          .where('v.path', '=', condition.path)
          .where((inner) => valuePredicate(inner as unknown as ExpressionBuilder<{ v: Database['run_values'] }, 'v'>, condition)),
      ),
    );
  }
  return eb.and(terms);
}

const SQL_OPS = { EQ: '=', NE: '<>', LT: '<', LTE: '<=', GT: '>', GTE: '>=' } as const;

function valuePredicate(eb: ExpressionBuilder<{ v: Database['run_values'] }, 'v'>, condition: ValueCondition): Expression<SqlBool> {
  const { op, value } = condition;
  switch (op) {
    case 'EXISTS':
      return sql<SqlBool>`1 = 1`;
    case 'CONTAINS': {
      const pattern = `%${String(value).toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return sql<SqlBool>`lower(v.str) LIKE ${pattern} ESCAPE '\\'`;
    }
    case 'IN': {
      const values = Array.isArray(value) ? value : [value];
      const numbers = values.filter((v): v is number | boolean => typeof v === 'number' || typeof v === 'boolean').map(Number);
      const strings = values.filter((v): v is string => typeof v === 'string');
      const terms: Expression<SqlBool>[] = [];
      if (numbers.length) terms.push(eb('v.num', 'in', numbers));
      if (strings.length) terms.push(eb('v.str', 'in', strings));
      if (values.includes(null)) terms.push(eb.and([eb('v.num', 'is', null), eb('v.str', 'is', null)]));
      return terms.length ? eb.or(terms) : sql<SqlBool>`1 = 0`;
    }
    case 'EQ':
    case 'NE':
    case 'LT':
    case 'LTE':
    case 'GT':
    case 'GTE': {
      const sqlOp = SQL_OPS[op];
      if (value === null) {
        const isNull = eb.and([eb('v.num', 'is', null), eb('v.str', 'is', null)]);
        return op === 'NE' ? eb.not(isNull) : isNull;
      }
      if (typeof value === 'number' || typeof value === 'boolean') return eb('v.num', sqlOp, Number(value));
      if (typeof value === 'string') return eb('v.str', sqlOp, value);
      return sql<SqlBool>`1 = 0`;
    }
    default: {
      const unknown: never = op;
      throw new Error(`valuePredicate: unknown op ${String(unknown)}`);
    }
  }
}
