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
import { sql, type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool, type Transaction } from 'kysely';
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
export async function syncRunValues(store: Store, finalOf: FinalValuesOf, batchSize = 1000): Promise<number> {
  let rebuilt = 0;
  for (;;) {
    // SQLite is told to use the partial index: with statistics from before a bulk change (or none)
    // its planner may scan all of runs instead, ~80 ms at 100,000 runs on every query.
    const hint = store.dialect === 'sqlite' ? sql.raw('INDEXED BY runs_values_stale') : sql.raw('');
    const { rows: stale } = await sql<{ id: string; config: string; end_state: string | null; external: number; updated_at: number }>`
      SELECT id, config, end_state, external, updated_at FROM runs ${hint}
      WHERE values_indexed_at IS NULL OR values_indexed_at < updated_at LIMIT ${batchSize}`.execute(store.db);
    if (stale.length === 0) {
      if (rebuilt >= ANALYZE_AFTER) await refreshStatistics(store);
      return rebuilt;
    }
    const built = await Promise.all(
      stale.map(async (run) => {
        const end = run.end_state === null ? null : (JSON.parse(run.end_state) as StoredRunEnd);
        const final = end?.final ?? (run.external === 1 ? await finalOf(run.id) : null) ?? {};
        return { run, rows: [...valueRows(run.id, 'config', configValues(run.config)), ...valueRows(run.id, 'final', final)] };
      }),
    );
    await store.db.transaction().execute((trx) => writeRunValues(trx, built.map(({ run, rows }) => ({ id: run.id, updatedAt: run.updated_at, rows }))));
    rebuilt += stale.length;
  }
}

/**
 * After a rebuild this large (a bulk import, the first query after an upgrade) the planner's
 * statistics describe the tables before it: PostgreSQL then scans all of runs for stale ones
 * (the partial index looked full) and guesses run_values' ranges wrong (~50 ms more a query at
 * 100,000 runs), until autovacuum catches up. So they are refreshed at once.
 */
const ANALYZE_AFTER = 5000;

async function refreshStatistics(store: Store): Promise<void> {
  if (store.dialect === 'postgres') await sql`ANALYZE runs, run_values`.execute(store.db);
  else await sql`ANALYZE run_values`.execute(store.db);
}

type ValueRow = Database['run_values'];

/** Replaces the rows of a batch of runs: one delete, a few multi-row inserts and one update, whatever the batch's size. */
async function writeRunValues(trx: Transaction<Database>, runs: { id: string; updatedAt: number; rows: ValueRow[] }[]): Promise<void> {
  const ids = runs.map((run) => run.id);
  await trx.deleteFrom('run_values').where('run_id', 'in', ids).execute();
  const rows = runs.flatMap((run) => run.rows);
  // 5 parameters a row: 2,000 rows stay under both dialects' bound-parameter limits.
  for (let i = 0; i < rows.length; i += 2000) await trx.insertInto('run_values').values(rows.slice(i, i + 2000)).execute();
  // Marked built at the updated_at they were read at: a write that landed since left updated_at
  // newer, and that run stays stale for the next sync. Not through updateRun, which would bump it.
  const seen = sql.join(runs.map((run) => sql`(${run.id}, CAST(${run.updatedAt} AS DOUBLE PRECISION))`));
  await sql`WITH seen(id, updated_at) AS (VALUES ${seen})
    UPDATE runs SET values_indexed_at = seen.updated_at FROM seen WHERE runs.id = seen.id AND runs.updated_at = seen.updated_at`.execute(trx);
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

type SearchQuery = SelectQueryBuilder<Database & { r: Database['runs']; e: Database['experiments'] }, 'r' | 'e', { id: string }>;

/**
 * The page of run ids `search` selects, in its order, from `offset`; one more than `limit` tells
 * whether more follow.
 *
 * Sorted by a config or final value first, the runs come in three segments: those with a numeric
 * value, those with a text value, those without one. Each segment is read from its own index
 * range in order (`run_values_num` / `_str`, scanning until the page is full), not by sorting
 * every match: at 100,000 runs a first page reads a few hundred index entries. A later segment is
 * read only when the page reaches into it (then the earlier ones are counted for its offset).
 */
export async function searchRunIds(store: Store, search: RunSearch, offset: number, limit: number): Promise<{ ids: string[]; hasMore: boolean }> {
  const [lead, ...rest] = search.orderBy;
  if (!lead || 'column' in lead) {
    const rows = await ordered(base(store, search), search.orderBy).offset(offset).limit(limit + 1).execute();
    return { ids: rows.slice(0, limit).map((row) => row.id), hasMore: rows.length > limit };
  }
  const direction = lead.direction === 'ASC' ? 'asc' : 'desc';
  // FROM the sort's index range CROSS JOIN runs: SQLite then keeps that order of the loops (its
  // documented way to fix a join order), reading the index in sort order and stopping when the
  // page is full. Left to itself it drove the query from runs_status for `status: [SUCCEEDED]`
  // (9 in 10 runs) and sorted every match: 220 ms instead of 10 at 100,000 runs. PostgreSQL
  // plans a CROSS JOIN with its WHERE as any inner join.
  const withValue = (column: 'num' | 'str') =>
    (
      store.db
        .selectFrom('run_values as lead')
        .crossJoin('runs as r')
        .innerJoin('experiments as e', 'e.id', 'r.experiment_id')
        .select('r.id')
        .whereRef('lead.run_id', '=', 'r.id')
        .where((eb) => searchWhere(eb as unknown as SearchBuilder, search)) as unknown as SelectQueryBuilder<Database & { r: Database['runs']; e: Database['experiments']; lead: Database['run_values'] }, 'r' | 'e' | 'lead', { id: string }>
    )
      .where('lead.source', '=', lead.source)
      .where('lead.path', '=', lead.path)
      .where(`lead.${column}`, 'is not', null)
      .where((eb) => (column === 'str' ? eb('lead.num', 'is', null) : eb.lit(true)));
  const segments: { query: SearchQuery; order: (q: SearchQuery) => SearchQuery }[] = [
    { query: withValue('num'), order: (q) => q.orderBy(sql.ref('lead.num'), direction) },
    { query: withValue('str'), order: (q) => q.orderBy(sql.ref('lead.str'), direction) },
    {
      query: base(store, search).where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('run_values as lead')
              .select(sql`1`.as('one'))
              .whereRef('lead.run_id', '=', 'r.id')
              .where('lead.source', '=', lead.source)
              .where('lead.path', '=', lead.path)
              .where((inner) => inner.or([inner('lead.num', 'is not', null), inner('lead.str', 'is not', null)])),
          ),
        ),
      ),
      order: (q) => q,
    },
  ];
  const ids: string[] = [];
  let skip = offset;
  for (const segment of segments) {
    const wanted = limit + 1 - ids.length;
    const rows = await ordered(segment.order(segment.query), rest).offset(skip).limit(wanted).execute();
    ids.push(...rows.map((row) => row.id));
    if (ids.length > limit) break;
    // This segment ran out: the next one starts after what of the offset this one did not hold.
    if (skip > 0) {
      const held = rows.length > 0 ? skip + rows.length : await countOf(segment.query);
      skip = Math.max(0, skip - (held - rows.length));
    }
  }
  return { ids: ids.slice(0, limit), hasMore: ids.length > limit };
}

/** The runs `search` selects, unordered, as `r` joined with its experiment `e`. */
function base(store: Store, search: RunSearch): SearchQuery {
  return store.db
    .selectFrom('runs as r')
    .innerJoin('experiments as e', 'e.id', 'r.experiment_id')
    .select('r.id')
    .where((eb) => searchWhere(eb as unknown as SearchBuilder, search));
}

/** Adds `sorts` (then newest first, then id, so every order is total and pages are stable). */
function ordered(query: SearchQuery, sorts: readonly RunSort[]): SearchQuery {
  for (const [i, sort] of sorts.entries()) {
    const direction = sort.direction === 'ASC' ? 'asc' : 'desc';
    if ('column' in sort) {
      const column = sort.column === 'experiment_name' ? sql.ref('e.name') : sql.ref(`r.${sort.column}`);
      // finished_at is the one nullable column: nulls last in both directions and both dialects.
      // The others stay bare so an index on them (runs_created_at) can give the order.
      if (sort.column === 'finished_at') query = query.orderBy(sql`(${column} IS NULL)`);
      query = query.orderBy(column, direction);
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
        .orderBy(sql.ref(`${alias}.str`), direction) as unknown as SearchQuery;
    }
  }
  // A repeated ORDER BY term makes SQLite give up the index order (a full sort: 45 ms at 100,000 runs).
  const byCreation = sorts.some((sort) => 'column' in sort && sort.column === 'created_at');
  return (byCreation ? query : query.orderBy('r.created_at', 'desc')).orderBy('r.id', 'desc');
}

async function countOf(query: SearchQuery): Promise<number> {
  const row = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number((row as unknown as { count: number | string }).count);
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
