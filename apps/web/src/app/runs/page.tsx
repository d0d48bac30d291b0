'use client';

import { ComparisonOp, ExperimentOrigin, RunStatus, SortDirection, WebPresetsDocument, WebRunsDocument, type WebRunsQuery } from '@saddle/schema';
import { useVirtualizer } from '@tanstack/react-virtual';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { ErrorNotice, LoadingBlock, StatusBadge } from '../../components/StatusBadge';
import { useDocumentTitle } from '../../lib/document-title';
import { errorText } from '../../lib/errors';
import { decodeView, EMPTY_VIEW, encodeView, fromLocalInput, toFilter, toggleSort, toLocalInput, toOrderBy, type Condition, type RunsView, type Scope } from './runs-url';
import styles from './runs.module.css';

type Row = WebRunsQuery['runs']['edges'][number]['node'];

/** Runs per request: large pages keep 10,000 rows to ten requests; the API allows 1000. */
const PAGE = 500;
/** runsById (the compare page's query) takes at most 500 ids. */
const MAX_COMPARE = 500;
const ROW_PX = 34;
const OPS = Object.values(ComparisonOp);
const STATUSES = Object.values(RunStatus);
const ORIGINS: { value: ExperimentOrigin; label: string }[] = [
  { value: ExperimentOrigin.PRESET, label: 'a preset' },
  { value: ExperimentOrigin.SPEC, label: 'a spec (custom / sweep)' },
  { value: ExperimentOrigin.EXTERNAL, label: 'a script (logged)' },
];

export default function RunsPage() {
  useDocumentTitle('Runs');
  return (
    <Suspense fallback={<LoadingBlock height={420} />}>
      <RunsTable />
    </Suspense>
  );
}

function cell(value: unknown): string {
  if (value === undefined) return '';
  // Four significant digits, trailing zeros dropped (0.3, 0.41); exponents for the very small or large.
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : Math.abs(value) < 1e-3 || Math.abs(value) >= 1e5 ? value.toExponential(3) : String(Number(value.toPrecision(4)));
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function columnValue(row: Row, column: string): unknown {
  const dot = column.indexOf('.');
  const scope = column.slice(0, dot);
  const path = column.slice(dot + 1);
  if (scope === 'config') return row.config[path];
  if (scope === 'final') return row.final?.[path];
  return undefined;
}

/** Runs are read a page at a time with the connection's cursor, more as the table nears its end. */
function usePagedRuns(view: RunsView) {
  const client = useClient();
  const [rows, setRows] = useState<Row[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState('');
  const [loading, setLoading] = useState(false);
  const cursor = useRef<{ after: string | null; more: boolean; busy: boolean; generation: number }>({ after: null, more: true, busy: false, generation: 0 });
  const filter = useMemo(() => toFilter(view), [view]);
  const orderBy = useMemo(() => toOrderBy(view), [view]);
  const key = JSON.stringify([filter, orderBy]);

  const loadMore = useCallback(async () => {
    const state = cursor.current;
    if (state.busy || !state.more) return;
    state.busy = true;
    const generation = state.generation;
    setLoading(true);
    const result = await client.query(WebRunsDocument, { filter, orderBy, first: PAGE, after: state.after }, { requestPolicy: 'network-only' }).toPromise();
    // A filter or sort changed while this page was in flight: its rows belong to the old view.
    if (generation !== cursor.current.generation) return;
    state.busy = false;
    setLoading(false);
    if (result.error || !result.data) {
      setError(result.error ? errorText(result.error) : 'No data came back.');
      state.more = false;
      return;
    }
    const page = result.data.runs;
    state.after = page.pageInfo.endCursor ?? null;
    state.more = page.pageInfo.hasNextPage;
    setTotal(page.totalCount);
    setRows((previous) => [...previous, ...page.edges.map((e) => e.node)]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key]);

  useEffect(() => {
    cursor.current = { after: null, more: true, busy: false, generation: cursor.current.generation + 1 };
    setRows([]);
    setTotal(null);
    setError('');
    void loadMore();
  }, [loadMore]);

  return { rows, total, error, loading, loadMore, hasMore: () => cursor.current.more };
}

function RunsTable() {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const view = useMemo(() => decodeView(new URLSearchParams(params.toString())), [params]);
  // history.replaceState, which useSearchParams follows, rather than router.replace (a server round trip).
  const setView = (next: RunsView) => {
    const query = encodeView(next).toString();
    window.history.replaceState(null, '', query ? `${pathname}?${query}` : pathname);
  };
  const { rows, total, error, loading, loadMore, hasMore } = usePagedRuns(view);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());

  // The keys the loaded runs have, to choose columns and filter paths from.
  const known = useMemo(() => {
    const config = new Set<string>();
    const final = new Set<string>();
    for (const row of rows.slice(0, 2000)) {
      for (const k of Object.keys(row.config)) config.add(k);
      for (const k of Object.keys(row.final ?? {})) final.add(k);
    }
    return { config: [...config].sort(), final: [...final].sort() };
  }, [rows]);
  const columns = view.columns.length ? view.columns : [...known.config.slice(0, 4).map((k) => `config.${k}`), ...known.final.slice(0, 3).map((k) => `final.${k}`)];

  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 20 });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (lastIndex >= rows.length - 100 && hasMore()) void loadMore();
  }, [lastIndex, rows.length, hasMore, loadMore]);

  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const sortOf = (field: string) => view.sort.find((s) => s.field === field);
  const header = (field: string, label: string, numeric = false) => {
    const sort = sortOf(field);
    const rank = view.sort.findIndex((s) => s.field === field);
    return (
      <th key={field} className={numeric ? 'num' : undefined} aria-sort={sort ? (sort.direction === SortDirection.ASC ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className={styles.sortButton} onClick={() => setView({ ...view, sort: toggleSort(view.sort, field) })} title={`Sort by ${label}`}>
          {label}
          {sort ? ` ${sort.direction === SortDirection.ASC ? '▲' : '▼'}${view.sort.length > 1 ? rank + 1 : ''}` : ''}
        </button>
      </th>
    );
  };
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;
  const width = columns.length + 4;
  const tooMany = selected.size > MAX_COMPARE;

  return (
    <div className={styles.page}>
      <div className="page-head">
        <div>
          <h1>Runs</h1>
          <div className="sub" data-testid="runs-count">
            {total === null ? 'Loading…' : `${total.toLocaleString('en-US')} run${total === 1 ? '' : 's'} · ${rows.length.toLocaleString('en-US')} loaded`}
          </div>
        </div>
        <div className="row">
          <span>{selected.size ? `${selected.size} selected` : 'Select runs to compare'}</span>
          {selected.size ? (
            <button type="button" onClick={() => setSelected(new Set())}>
              Clear
            </button>
          ) : null}
          <button type="button" className="primary" disabled={selected.size === 0 || tooMany} title={tooMany ? `Compare takes at most ${MAX_COMPARE} runs` : undefined} onClick={() => router.push(`/compare?runs=${[...selected].join(',')}`)}>
            Compare {selected.size || ''}
          </button>
        </div>
      </div>
      <FilterBuilder view={view} known={known} onApply={setView} />
      <ColumnPicker known={known} columns={columns} onChange={(cols) => setView({ ...view, columns: cols })} />
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      <div ref={scroller} className={`card ${styles.scroller}`} data-testid="runs-scroller">
        <table className={`data ${styles.table}`} aria-label="Runs" aria-rowcount={total ?? -1}>
          <thead>
            <tr>
              <th aria-label="Select" className={styles.pick} />
              {header('key', 'Run')}
              {header('experiment', 'Experiment')}
              {header('status', 'Status')}
              {columns.map((c) => header(c, c, true))}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={width} style={{ height: padTop, padding: 0, border: 0 }} />
              </tr>
            ) : null}
            {items.map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <tr key={row.id} data-index={item.index} data-run={row.id} style={{ height: ROW_PX }}>
                  <td className={styles.pick}>
                    <input type="checkbox" aria-label={`Select ${row.experiment.name} / ${row.key}`} checked={selected.has(row.id)} onChange={() => toggle(row.id)} />
                  </td>
                  <td className={styles.key}>
                    <Link href={`/runs/${row.id}`}>{row.key}</Link>
                  </td>
                  <td className={styles.key}>
                    <Link href={`/experiments/${row.experiment.id}`}>{row.experiment.name}</Link>
                  </td>
                  <td>
                    <StatusBadge status={row.status} />
                  </td>
                  {columns.map((c) => (
                    <td key={c} className="num">
                      {cell(columnValue(row, c))}
                    </td>
                  ))}
                </tr>
              );
            })}
            {padBottom > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={width} style={{ height: padBottom, padding: 0, border: 0 }} />
              </tr>
            ) : null}
          </tbody>
        </table>
        {!loading && total === 0 ? <p className={styles.empty}>No runs match. Loosen a condition or clear the filter.</p> : null}
        {loading ? <p className={styles.empty}>Loading runs…</p> : null}
      </div>
    </div>
  );
}

interface Known {
  config: string[];
  final: string[];
}

/** What the filter form edits: every part of the view but its columns and sort. */
type Draft = Omit<RunsView, 'columns' | 'sort'>;

function draftOf(view: RunsView): Draft {
  const { columns: _columns, sort: _sort, ...draft } = view;
  return draft;
}

/** Conditions and fields are edited as a draft and applied together, so each keystroke is not a query. */
function FilterBuilder({ view, known, onApply }: { view: RunsView; known: Known; onApply: (view: RunsView) => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(view));
  // Tags as typed ("lr, best"); split on apply.
  const [tagsText, setTagsText] = useState(view.tags.join(', '));
  const [{ data: presets }] = useQuery({ query: WebPresetsDocument });
  const applied = JSON.stringify(draftOf(view));
  useEffect(() => {
    setDraft(draftOf(view));
    setTagsText(view.tags.join(', '));
    // Follows the URL (back/forward, a pasted link), not every render's new array.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [applied]);
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const update = (i: number, change: Partial<Condition>) => set({ conditions: draft.conditions.map((c, j) => (j === i ? { ...c, ...change } : c)) });
  const toggleStatus = (status: RunStatus) => set({ status: draft.status.includes(status) ? draft.status.filter((s) => s !== status) : [...draft.status, status] });
  const tags = tagsText.split(',').map((t) => t.trim()).filter(Boolean);
  const anything = applied !== JSON.stringify(draftOf(EMPTY_VIEW));
  return (
    <form
      className={`card ${styles.filters}`}
      aria-label="Filter runs"
      onSubmit={(e) => {
        e.preventDefault();
        onApply({ ...view, ...draft, conditions: draft.conditions.filter((c) => c.path.trim()), text: draft.text.trim(), tags, preset: draft.preset.trim(), experiment: draft.experiment.trim() });
      }}
    >
      <datalist id="runs-config-keys">
        {known.config.map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      <datalist id="runs-final-keys">
        {known.final.map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      <datalist id="runs-presets">
        {(presets?.presets ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </datalist>
      <input type="search" aria-label="Search runs" placeholder="Run or experiment name" value={draft.text} onChange={(e) => set({ text: e.target.value })} />
      <fieldset className={styles.statuses}>
        <legend>Status</legend>
        {STATUSES.map((status) => (
          <label key={status}>
            <input type="checkbox" checked={draft.status.includes(status)} onChange={() => toggleStatus(status)} />
            {status.toLowerCase()}
          </label>
        ))}
      </fieldset>
      <div className={styles.fields}>
        <label>
          Tags
          <input placeholder="all of: lr, best" value={tagsText} onChange={(e) => setTagsText(e.target.value)} />
        </label>
        <label>
          Preset
          <input placeholder="any preset" list="runs-presets" value={draft.preset} onChange={(e) => set({ preset: e.target.value })} />
        </label>
        <label>
          Experiment id
          <input placeholder="any experiment" value={draft.experiment} onChange={(e) => set({ experiment: e.target.value })} />
        </label>
        <label>
          Launched from
          <select value={draft.origin} onChange={(e) => set({ origin: e.target.value as Draft['origin'] })}>
            <option value="">anything</option>
            {ORIGINS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Created after
          <input type="datetime-local" value={toLocalInput(draft.createdAfter)} onChange={(e) => set({ createdAfter: fromLocalInput(e.target.value) })} />
        </label>
        <label>
          Created before
          <input type="datetime-local" value={toLocalInput(draft.createdBefore)} onChange={(e) => set({ createdBefore: fromLocalInput(e.target.value) })} />
        </label>
      </div>
      {draft.conditions.map((c, i) => (
        <div className={styles.condition} key={i} role="group" aria-label={`Condition ${i + 1}`}>
          <select aria-label="Scope" value={c.scope} onChange={(e) => update(i, { scope: e.target.value as Scope })}>
            <option value="config">config</option>
            <option value="final">final metric</option>
          </select>
          <input aria-label="Path" placeholder={c.scope === 'config' ? 'optimizer.lr' : 'test/loss'} list={c.scope === 'config' ? 'runs-config-keys' : 'runs-final-keys'} value={c.path} onChange={(e) => update(i, { path: e.target.value })} />
          <select aria-label="Operator" value={c.op} onChange={(e) => update(i, { op: e.target.value as ComparisonOp })}>
            {OPS.map((op) => (
              <option key={op} value={op}>
                {op}
              </option>
            ))}
          </select>
          <input aria-label="Value" placeholder={c.op === ComparisonOp.IN ? 'a,b,c' : 'value'} disabled={c.op === ComparisonOp.EXISTS} value={c.value} onChange={(e) => update(i, { value: e.target.value })} />
          <button type="button" aria-label={`Remove condition ${i + 1}`} onClick={() => set({ conditions: draft.conditions.filter((_, j) => j !== i) })}>
            ×
          </button>
        </div>
      ))}
      <div className="row">
        <button type="button" onClick={() => set({ conditions: [...draft.conditions, { scope: 'config', path: '', op: ComparisonOp.EQ, value: '' }] })}>
          Add condition
        </button>
        <button type="submit" className="primary">
          Apply
        </button>
        {anything ? (
          <button type="button" onClick={() => onApply({ ...view, ...draftOf(EMPTY_VIEW) })}>
            Clear filter
          </button>
        ) : null}
      </div>
    </form>
  );
}

function ColumnPicker({ known, columns, onChange }: { known: Known; columns: string[]; onChange: (columns: string[]) => void }) {
  const all = [...known.config.map((k) => `config.${k}`), ...known.final.map((k) => `final.${k}`), ...columns];
  const options = [...new Set(all)];
  return (
    <details className={styles.columns}>
      <summary>Columns ({columns.length})</summary>
      <div className={styles.columnList}>
        {options.map((c) => (
          <label key={c}>
            <input type="checkbox" checked={columns.includes(c)} onChange={() => onChange(columns.includes(c) ? columns.filter((x) => x !== c) : [...columns, c])} />
            {c}
          </label>
        ))}
      </div>
    </details>
  );
}
