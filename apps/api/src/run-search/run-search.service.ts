/**
 * Query.runs: the arguments checked and turned into a RunSearch (store/run-values.ts), the
 * value rows brought up to date, the page read and its runs loaded.
 */
import { LIMITS } from '../common/limits.js';
import { checkRange } from '../common/validate.js';
import { decodeCursor, encodeCursor } from '../common/connection.js';
import { BadInputError } from '../errors.js';
import type { RunRecord } from '../store/records.js';
import { countRuns, searchRunIds, syncRunValues, type ComparisonOp, type FinalValuesOf, type RunColumn, type RunSearch, type RunSort, type ScalarValue, type ValueCondition } from '../store/run-values.js';
import type { Store } from '../store/store.js';
import type { RunFilter, RunOrder } from './run-search.input.js';

const COLUMNS: Record<string, RunColumn> = { createdAt: 'created_at', finishedAt: 'finished_at', key: 'key', status: 'status', experiment: 'experiment_name' };
const ORDER_FIELDS = `createdAt, finishedAt, key, status, experiment, config.<path>, final.<key>`;

export interface RunSearchPage {
  runs: { record: RunRecord; cursor: string }[];
  hasNextPage: boolean;
  search: RunSearch;
}

export class RunSearchService {
  /** One rebuild at a time: concurrent queries wait for it rather than each rebuilding the same runs. */
  private syncing: Promise<number> | undefined;

  constructor(private readonly deps: { store: Store; finalOf: FinalValuesOf }) {}

  async search(args: { filter?: RunFilter | null; orderBy?: RunOrder[] | null; first?: number | null; after?: string | null }): Promise<RunSearchPage> {
    const search = toSearch(args.filter ?? null, args.orderBy ?? null);
    const first = checkRange(args.first ?? LIMITS.runsPageDefault, ['first'], 1, LIMITS.runsPageMax, 'runs page size (first)');
    const offset = args.after ? Number(decodeCursor(args.after, ['number'], 'after')[0]) + 1 : 0;
    await this.sync();
    const { ids, hasMore } = await searchRunIds(this.deps.store, search, offset, first);
    const records = await this.deps.store.runsByIds(ids);
    // A run deleted between the two reads is left out; the cursors keep their places.
    const place = new Map(ids.map((id, i) => [id, offset + i]));
    const runs = records.map((record) => ({ record, cursor: encodeCursor([place.get(record.id) ?? offset]) }));
    return { runs, hasNextPage: hasMore, search };
  }

  count(search: RunSearch): Promise<number> {
    return countRuns(this.deps.store, search);
  }

  /** Brings run_values up to date with the runs (a no-op probe when nothing changed); returns the runs rebuilt. */
  sync(): Promise<number> {
    if (!this.syncing) {
      this.syncing = syncRunValues(this.deps.store, this.deps.finalOf).finally(() => {
        this.syncing = undefined;
      });
    }
    return this.syncing;
  }
}

function toSearch(filter: RunFilter | null, orderBy: RunOrder[] | null): RunSearch {
  const conditions: ValueCondition[] = [
    ...(filter?.config ?? []).map((c, i) => condition('config', c.path, c.op, c.value, ['filter', 'config', i])),
    ...(filter?.final ?? []).map((c, i) => condition('final', c.key, c.op, c.value, ['filter', 'final', i])),
  ];
  const sorts = (orderBy ?? []).map((order, i) => toSort(order, i));
  if (conditions.length > LIMITS.runConditionsMax || sorts.length > LIMITS.runConditionsMax) {
    throw new BadInputError(`at most ${LIMITS.runConditionsMax} conditions and ${LIMITS.runConditionsMax} sort keys`, conditions.length > LIMITS.runConditionsMax ? ['filter'] : ['orderBy'], `≤ ${LIMITS.runConditionsMax}`);
  }
  return {
    conditions,
    orderBy: sorts.length ? sorts : [{ column: 'created_at', direction: 'DESC' }],
    ...(filter?.status?.length && { status: filter.status }),
    ...(filter?.tags?.length && { tags: filter.tags }),
    ...(filter?.preset && { preset: filter.preset }),
    ...(filter?.experiment && { experimentId: filter.experiment }),
    ...(filter?.origin && { origin: filter.origin }),
    ...(filter?.project && { project: filter.project }),
    ...(filter?.text && { text: filter.text }),
    ...(filter?.createdAfter && { createdAfter: filter.createdAfter.getTime() }),
    ...(filter?.createdBefore && { createdBefore: filter.createdBefore.getTime() }),
  };
}

function condition(source: 'config' | 'final', path: string, op: ComparisonOp, value: unknown, at: (string | number)[]): ValueCondition {
  if (!path) throw new BadInputError(`an empty ${source === 'config' ? 'path' : 'key'}`, [...at, source === 'config' ? 'path' : 'key'], source === 'config' ? 'a dotted config path, e.g. optimizer.lr' : 'a final metric key, e.g. test/loss');
  const isScalar = (v: unknown): v is ScalarValue => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
  if (op === 'EXISTS') return { source, path, op, value: null };
  if (op === 'IN') {
    if (!Array.isArray(value) || !value.every(isScalar)) throw new BadInputError('IN needs a list of numbers, strings, booleans or nulls', [...at, 'value'], 'e.g. [0.001, 0.01]');
    return { source, path, op, value };
  }
  if (op === 'CONTAINS' && typeof value !== 'string') throw new BadInputError('CONTAINS needs a string', [...at, 'value'], 'e.g. "mlp"');
  if (!isScalar(value ?? null)) throw new BadInputError(`${op} needs a number, a string, a boolean or null`, [...at, 'value'], 'a JSON scalar');
  if ((op === 'LT' || op === 'LTE' || op === 'GT' || op === 'GTE') && (value === null || value === undefined)) {
    throw new BadInputError(`${op} needs a number or a string to compare with`, [...at, 'value'], 'e.g. 0.001');
  }
  return { source, path, op, value: (value ?? null) as ScalarValue };
}

function toSort(order: RunOrder, i: number): RunSort {
  const direction = order.direction ?? 'ASC';
  const column = COLUMNS[order.field];
  if (column) return { column, direction };
  for (const source of ['config', 'final'] as const) {
    if (order.field.startsWith(`${source}.`) && order.field.length > source.length + 1) return { source, path: order.field.slice(source.length + 1), direction };
  }
  throw new BadInputError(`cannot sort runs by ${JSON.stringify(order.field)}`, ['orderBy', i, 'field'], ORDER_FIELDS);
}
