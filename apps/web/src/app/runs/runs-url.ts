import { ComparisonOp, ExperimentOrigin, RunStatus, SortDirection, type RunFilter, type RunOrder } from '@saddle/schema';

/**
 * The runs table's state as URL search params, so a view (columns, sort, filters) is a link:
 *   cols=config.optimizer.lr,final.test/loss   the columns, in order
 *   sort=final.test/loss:asc,key:desc          Query.runs' orderBy fields, first to last
 *   f=config.optimizer.lr~GT~0.001             one param per condition: scope.path ~ op ~ value
 *   q=sinc                                     the text search
 *   status=FAILED,DIVERGED                     any of these run statuses
 *   tags=lr,best                               the experiment has every one of these tags
 *   preset=fit-function  exp=<experiment id>  origin=EXTERNAL
 *   after=2026-12-01T10:00:00.000Z  before=…   created after / before these instants (ISO, UTC)
 * `~` separates a condition's parts because config paths and metric keys use `.` and `/`.
 */

export type Scope = 'config' | 'final';
export interface Condition {
  scope: Scope;
  path: string;
  op: ComparisonOp;
  /** As typed: parsed into a number, boolean, null or list when the filter is sent. */
  value: string;
}
export interface Sort {
  field: string;
  direction: SortDirection;
}
export interface RunsView {
  columns: string[];
  sort: Sort[];
  conditions: Condition[];
  text: string;
  /** Any of these statuses; empty: every status. */
  status: RunStatus[];
  /** The run's experiment has every one of these tags. */
  tags: string[];
  /** A preset id; '' for any. */
  preset: string;
  /** An experiment id; '' for any. */
  experiment: string;
  origin: ExperimentOrigin | '';
  /** ISO instants (UTC), kept in the URL as such so a link means the same in every time zone; '' for none. */
  createdAfter: string;
  createdBefore: string;
}

/** The view with nothing chosen: every run, newest first. */
export const EMPTY_VIEW: RunsView = { columns: [], sort: [], conditions: [], text: '', status: [], tags: [], preset: '', experiment: '', origin: '', createdAfter: '', createdBefore: '' };

const OPS = new Set<string>(Object.values(ComparisonOp));
const STATUSES = new Set<string>(Object.values(RunStatus));
const ORIGINS = new Set<string>(Object.values(ExperimentOrigin));
const SEP = '~';

export function parseCondition(raw: string): Condition | null {
  const [target = '', op = '', ...rest] = raw.split(SEP);
  const dot = target.indexOf('.');
  const scope = target.slice(0, dot);
  const path = target.slice(dot + 1);
  if (dot < 1 || !path || (scope !== 'config' && scope !== 'final') || !OPS.has(op)) return null;
  return { scope, path, op: op as ComparisonOp, value: rest.join(SEP) };
}

export function formatCondition(c: Condition): string {
  return `${c.scope}.${c.path}${SEP}${c.op}${SEP}${c.value}`;
}

function parseSort(raw: string): Sort[] {
  return raw
    .split(',')
    .filter(Boolean)
    .map((part) => {
      const colon = part.lastIndexOf(':');
      const dir = colon > 0 ? part.slice(colon + 1) : '';
      if (dir === 'asc' || dir === 'desc') return { field: part.slice(0, colon), direction: dir === 'asc' ? SortDirection.ASC : SortDirection.DESC };
      return { field: part, direction: SortDirection.ASC };
    });
}

/** Unknown or malformed parts of a hand-edited link are dropped rather than sent to the API. */
export function decodeView(params: URLSearchParams): RunsView {
  const list = (name: string) => (params.get(name) ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  const origin = params.get('origin') ?? '';
  return {
    columns: list('cols'),
    sort: parseSort(params.get('sort') ?? ''),
    conditions: params.getAll('f').flatMap((raw) => parseCondition(raw) ?? []),
    text: params.get('q') ?? '',
    status: list('status').filter((s): s is RunStatus => STATUSES.has(s)),
    tags: list('tags'),
    preset: params.get('preset') ?? '',
    experiment: params.get('exp') ?? '',
    origin: ORIGINS.has(origin) ? (origin as ExperimentOrigin) : '',
    createdAfter: instant(params.get('after')),
    createdBefore: instant(params.get('before')),
  };
}

/** A link's instant as ISO (UTC), or '' when it is not one. */
function instant(raw: string | null): string {
  if (!raw) return '';
  const time = Date.parse(raw);
  return Number.isFinite(time) ? new Date(time).toISOString() : '';
}

/** An ISO instant as a `datetime-local` input shows it, in the browser's time zone (minutes). */
export function toLocalInput(iso: string): string {
  const time = Date.parse(iso);
  if (!iso || !Number.isFinite(time)) return '';
  const local = new Date(time - new Date(time).getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A `datetime-local` input's value (the browser's time zone) as an ISO instant; '' when empty or invalid. */
export function fromLocalInput(local: string): string {
  if (!local) return '';
  // Without an offset, Date reads a date-time string as local time.
  const time = new Date(local).getTime();
  return Number.isFinite(time) ? new Date(time).toISOString() : '';
}

export function encodeView(view: RunsView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.columns.length) params.set('cols', view.columns.join(','));
  if (view.sort.length) params.set('sort', view.sort.map((s) => `${s.field}:${s.direction === SortDirection.DESC ? 'desc' : 'asc'}`).join(','));
  for (const c of view.conditions) params.append('f', formatCondition(c));
  if (view.text) params.set('q', view.text);
  if (view.status.length) params.set('status', view.status.join(','));
  if (view.tags.length) params.set('tags', view.tags.join(','));
  if (view.preset) params.set('preset', view.preset);
  if (view.experiment) params.set('exp', view.experiment);
  if (view.origin) params.set('origin', view.origin);
  if (view.createdAfter) params.set('after', view.createdAfter);
  if (view.createdBefore) params.set('before', view.createdBefore);
  return params;
}

/** A typed value as the API compares it: numbers as numbers, true/false, null, else the text. */
export function parseValue(raw: string): unknown {
  const text = raw.trim();
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  if (text !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

/** The API's filter for a view: IN takes a comma-separated list, EXISTS no value; empty fields are left out. */
export function toFilter(view: RunsView): RunFilter {
  const condition = (c: Condition) => ({
    op: c.op,
    value: c.op === ComparisonOp.EXISTS ? null : c.op === ComparisonOp.IN ? c.value.split(',').map(parseValue) : parseValue(c.value),
  });
  const config = view.conditions.filter((c) => c.scope === 'config').map((c) => ({ path: c.path, ...condition(c) }));
  const final = view.conditions.filter((c) => c.scope === 'final').map((c) => ({ key: c.path, ...condition(c) }));
  return {
    ...(config.length ? { config } : {}),
    ...(final.length ? { final } : {}),
    ...(view.text ? { text: view.text } : {}),
    ...(view.status.length ? { status: view.status } : {}),
    ...(view.tags.length ? { tags: view.tags } : {}),
    ...(view.preset ? { preset: view.preset } : {}),
    ...(view.experiment ? { experiment: view.experiment } : {}),
    ...(view.origin ? { origin: view.origin } : {}),
    ...(view.createdAfter ? { createdAfter: view.createdAfter } : {}),
    ...(view.createdBefore ? { createdBefore: view.createdBefore } : {}),
  };
}

export function toOrderBy(view: RunsView): RunOrder[] | undefined {
  return view.sort.length ? view.sort.map((s) => ({ field: s.field, direction: s.direction })) : undefined;
}

/**
 * A header click: an unsorted column becomes the first key ascending, ascending turns descending,
 * descending drops it; the other keys stay behind it as tie-breakers.
 */
export function toggleSort(sort: readonly Sort[], field: string): Sort[] {
  const current = sort.find((s) => s.field === field);
  const others = sort.filter((s) => s.field !== field);
  if (!current) return [{ field, direction: SortDirection.ASC }, ...others];
  if (current.direction === SortDirection.ASC) return [{ field, direction: SortDirection.DESC }, ...others];
  return others;
}
