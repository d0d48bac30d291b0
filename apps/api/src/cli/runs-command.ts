/**
 * `saddle runs`: Query.runs from the terminal — runs across every experiment, filtered by config
 * paths, final metrics and the run's fields, sorted, as a table (or JSON). Against a data
 * directory's store (the default) or a running server (`--url`), like `saddle list`.
 */
import type { RunStatus } from '@saddle/engine';
import type { Runtime } from '../runtime.js';
import type { Services } from '../context.js';
import type { ComparisonOp } from '../store/run-values.js';
import { CommandError, graphqlRequest } from './experiment-commands.js';
import { openStoreServices } from './store-services.js';

/** One condition as typed: `config.optimizer.lr>=1e-3`, `final.test/loss<0.1`, `status=SUCCEEDED`, `tag=torch`. */
export interface ParsedCondition {
  field: string;
  op: ComparisonOp;
  value: unknown;
}

// Longest first, so `>=` is not read as `>` followed by `=…`.
const OPERATORS: [string, ComparisonOp][] = [
  ['>=', 'GTE'],
  ['<=', 'LTE'],
  ['!=', 'NE'],
  ['~', 'CONTAINS'],
  ['=', 'EQ'],
  ['>', 'GT'],
  ['<', 'LT'],
];

const RUN_FIELDS = ['status', 'tag', 'preset', 'experiment', 'origin', 'project', 'text', 'after', 'before'] as const;
const ORIGINS = { preset: 'PRESET', spec: 'SPEC', external: 'EXTERNAL' } as const;
const STATUSES: readonly RunStatus[] = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'DIVERGED', 'CRASHED'];

/** A value as written: a number, true/false/null, a comma list for `=` on several values, else text. */
function parseValue(text: string): unknown {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  const number = Number(text);
  return text.trim() !== '' && Number.isFinite(number) ? number : text;
}

export function parseCondition(text: string): ParsedCondition {
  for (const [symbol, op] of OPERATORS) {
    const at = text.indexOf(symbol);
    if (at <= 0) continue;
    // the first operator in the text wins: `final.a<b>=c` is a < "b>=c"
    const earlier = OPERATORS.some(([other]) => {
      const i = text.indexOf(other);
      return i > 0 && i < at;
    });
    if (earlier) continue;
    const field = text.slice(0, at).trim();
    const raw = text.slice(at + symbol.length).trim();
    const values = op === 'EQ' && raw.includes(',') ? raw.split(',').map((v) => parseValue(v.trim())) : null;
    return values ? { field, op: 'IN', value: values } : { field, op, value: parseValue(raw) };
  }
  throw new CommandError(`--where ${JSON.stringify(text)}: expected FIELD OP VALUE with OP one of >= <= != ~ = > < (e.g. config.optimizer.lr>=1e-3, final.test/loss<0.1, status=SUCCEEDED)`, 2);
}

/** Query.runs's `filter` from the typed conditions; a field it does not know is refused with the ones it does. */
export function toRunFilter(conditions: readonly ParsedCondition[]): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  const config: unknown[] = [];
  const final: unknown[] = [];
  for (const { field, op, value } of conditions) {
    if (field.startsWith('config.')) config.push({ path: field.slice('config.'.length), op, value });
    else if (field.startsWith('final.')) final.push({ key: field.slice('final.'.length), op, value });
    else if ((RUN_FIELDS as readonly string[]).includes(field)) {
      const wanted = op === 'IN' ? (value as unknown[]) : [value];
      if (op !== 'EQ' && op !== 'IN' && !(field === 'text' && op === 'CONTAINS')) {
        throw new CommandError(`--where ${field}: only = is supported (a comma list for several: status=SUCCEEDED,DIVERGED)${field === 'after' || field === 'before' ? '; dates are after=2026-12-01' : ''}`, 2);
      }
      const texts = wanted.map(String);
      switch (field) {
        case 'status': {
          const bad = texts.find((s) => !STATUSES.includes(s.toUpperCase() as RunStatus));
          if (bad !== undefined) throw new CommandError(`--where status: ${JSON.stringify(bad)} is not a run status (${STATUSES.join(', ')})`, 2);
          filter.status = texts.map((s) => s.toUpperCase());
          break;
        }
        case 'tag':
          filter.tags = [...((filter.tags as string[] | undefined) ?? []), ...texts];
          break;
        case 'origin': {
          const origin = ORIGINS[texts[0] as keyof typeof ORIGINS];
          if (!origin) throw new CommandError(`--where origin: ${JSON.stringify(texts[0])} is not preset, spec or external`, 2);
          filter.origin = origin;
          break;
        }
        case 'after':
        case 'before': {
          const at = new Date(texts[0] ?? '');
          if (Number.isNaN(at.getTime())) throw new CommandError(`--where ${field}: ${JSON.stringify(texts[0])} is not a date (e.g. 2026-12-01 or 2026-12-01T18:00Z)`, 2);
          filter[field === 'after' ? 'createdAfter' : 'createdBefore'] = at.toISOString();
          break;
        }
        default:
          filter[field] = texts[0];
      }
    } else {
      throw new CommandError(`--where ${JSON.stringify(field)}: not a field of a run; use config.<path>, final.<key> or one of ${RUN_FIELDS.join(', ')}`, 2);
    }
  }
  if (config.length > 0) filter.config = config;
  if (final.length > 0) filter.final = final;
  return filter;
}

/** `--sort final.test/loss` (ascending) or `--sort -final.test/loss` (descending), repeatable. */
export function toRunOrder(sorts: readonly string[]): { field: string; direction: 'ASC' | 'DESC' }[] {
  return sorts.map((sort) => (sort.startsWith('-') ? { field: sort.slice(1), direction: 'DESC' as const } : { field: sort, direction: 'ASC' as const }));
}

export interface FoundRun {
  id: string;
  key: string;
  status: string;
  experiment: { id: string; name: string };
  config: Record<string, unknown>;
  /** Last values; a non-finite one is its spelling ("NaN", "Infinity"), as Run.final gives it. */
  final: Record<string, number | string> | null;
}

interface RunsBackend {
  search(filter: Record<string, unknown>, orderBy: { field: string; direction: string }[], first: number): Promise<{ runs: FoundRun[]; totalCount: number }>;
}

const RUNS_QUERY = `query ($filter: RunFilter, $orderBy: [RunOrder!], $first: Int) {
  runs(filter: $filter, orderBy: $orderBy, first: $first) { totalCount edges { node { id key status config final experiment { id name } } } }
}`;

function urlRunsBackend(url: string, token: string | undefined): RunsBackend {
  const request = graphqlRequest(url, token);
  return {
    async search(filter, orderBy, first) {
      const data = await request<{ runs: { totalCount: number; edges: { node: FoundRun }[] } }>(RUNS_QUERY, { filter, orderBy, first });
      return { runs: data.runs.edges.map((e) => e.node), totalCount: data.runs.totalCount };
    },
  };
}

function storeRunsBackend(runtime: Runtime, services: Services): RunsBackend {
  return {
    async search(filter, orderBy, first) {
      // the same service and checks as Query.runs (the GraphQL input types are plain objects here)
      const page = await services.runSearch.search({ filter: filter as never, orderBy: orderBy as never, first });
      const names = new Map<string, string>();
      const runs: FoundRun[] = [];
      for (const { record } of page.runs) {
        if (!names.has(record.experimentId)) names.set(record.experimentId, (await runtime.store.getExperiment(record.experimentId))?.name ?? '');
        const final = !record.external && record.end ? record.end.final : (await services.runs.lastValues(record.id)).final;
        runs.push({ id: record.id, key: record.key, status: record.status, experiment: { id: record.experimentId, name: names.get(record.experimentId) ?? '' }, config: record.config, final });
      }
      return { runs, totalCount: await services.runSearch.count(page.search) };
    },
  };
}

/** The columns worth showing: the config paths and final keys the query names, else the finals the runs have. */
function columnsOf(conditions: readonly ParsedCondition[], sorts: readonly string[], runs: readonly FoundRun[]): string[] {
  const named = [...conditions.map((c) => c.field), ...sorts.map((s) => s.replace(/^-/, ''))].filter((f) => f.startsWith('config.') || f.startsWith('final.'));
  if (named.length > 0) return [...new Set(named)];
  const finals = new Set(runs.flatMap((r) => Object.keys(r.final ?? {})));
  return [...finals].sort().slice(0, 4).map((k) => `final.${k}`);
}

function cell(run: FoundRun, column: string): string {
  const value = column.startsWith('config.') ? run.config[column.slice('config.'.length)] : run.final?.[column.slice('final.'.length)];
  if (value === undefined || value === null) return '-';
  return typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toPrecision(4)) : String(value);
}

export function runsText(runs: readonly FoundRun[], totalCount: number, columns: readonly string[]): string {
  if (runs.length === 0) return 'no runs match\n';
  const header = ['run', 'experiment', 'key', 'status', ...columns];
  const rows = runs.map((r) => [r.id, r.experiment.name, r.key, r.status, ...columns.map((c) => cell(r, c))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (row: readonly string[]) => row.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  const more = totalCount > runs.length ? `(${runs.length} of ${totalCount}; --first ${Math.min(totalCount, 1000)} for more)\n` : '';
  return `${[line(header), ...rows.map(line)].join('\n')}\n${more}`;
}

export interface RunsCommandOptions {
  where: string[];
  sort: string[];
  first: number;
  json?: boolean;
  url?: string;
  dataDir?: string;
}

export async function runsCommand(options: RunsCommandOptions, io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream }): Promise<number> {
  let close = async (): Promise<void> => {};
  try {
    const conditions = options.where.map(parseCondition);
    const filter = toRunFilter(conditions);
    const orderBy = toRunOrder(options.sort);
    let backend: RunsBackend;
    if (options.url) backend = urlRunsBackend(options.url, process.env.SADDLE_TOKEN);
    else {
      const opened = await openStoreServices(options.dataDir);
      close = opened.close;
      backend = storeRunsBackend(opened.runtime, opened.services);
    }
    const { runs, totalCount } = await backend.search(filter, orderBy, options.first);
    if (options.json) io.out.write(`${JSON.stringify({ totalCount, runs }, null, 2)}\n`);
    else io.out.write(runsText(runs, totalCount, columnsOf(conditions, options.sort, runs)));
    return 0;
  } catch (error) {
    if (error instanceof CommandError) {
      io.err.write(`saddle runs: ${error.message}\n`);
      return error.exitCode;
    }
    const { SaddleError } = await import('../errors.js');
    if (error instanceof SaddleError && error.extensions.code === 'BAD_USER_INPUT') {
      const allowed = error.extensions.allowed;
      io.err.write(`saddle runs: ${error.message}${allowed !== undefined ? ` (allowed: ${Array.isArray(allowed) ? allowed.join(', ') : String(allowed)})` : ''}\n`);
      return 2;
    }
    throw error;
  } finally {
    await close();
  }
}
