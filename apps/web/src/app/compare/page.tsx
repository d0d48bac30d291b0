'use client';

import { WebComparePickerDocument, WebCompareRunsDocument, type WebCompareRunsQuery } from '@saddle/schema';
import { usePathname, useSearchParams } from 'next/navigation';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { ChartCard } from '../../components/ChartCard';
import { LineChart } from '../../components/charts/LineChart';
import type { Series, SeriesPoint } from '../../components/charts/series';
import { toDrawn } from '../../components/MetricFigure';
import { ErrorNotice, LoadingBlock, StatusBadge } from '../../components/StatusBadge';
import { columnsToPoints } from '../../lib/columns';
import { useDocumentTitle } from '../../lib/document-title';
import { errorText } from '../../lib/errors';
import { configValue } from '../../lib/run-config';
import { seriesCsv } from '../../lib/full-series';
import type { XMode } from '../../lib/metrics';
import { comparePoints, PICKER_PAGE } from './compare-query';

type PickedRun = WebCompareRunsQuery['runsById'][number];

const px = (d: SeriesPoint) => d.x;
const py = (d: SeriesPoint) => d.y;

export default function ComparePage() {
  useDocumentTitle('Compare runs');
  return (
    <Suspense fallback={<LoadingBlock height={420} />}>
      <Compare />
    </Suspense>
  );
}

/**
 * Reads and writes the view's state in the URL, so a comparison can be shared as a link. Written
 * with history.replaceState, which Next's useSearchParams follows: router.replace asked the server
 * for the page again on every toggle (about a second of waiting at 100 runs, bench --profile).
 */
function useUrlState() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  // The state as last written, read by the controls: Next applies a replaceState to
  // useSearchParams in a transition, so a controlled checkbox read from it alone snaps back until
  // that render lands (seen under load). A navigation (the picker's links) still wins.
  const [query, setQuery] = useState(() => searchParams.toString());
  useEffect(() => setQuery(searchParams.toString()), [searchParams]);
  const params = useMemo(() => new URLSearchParams(query), [query]);
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(query);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    setQuery(next.toString());
    window.history.replaceState(null, '', `${pathname}?${next.toString()}`);
  };
  return { params, set };
}

/** The metric drawn when the link names none (or one the runs lack). */
function preferredMetric(keys: readonly string[]): string {
  return keys.find((k) => k === 'train/loss') ?? keys[0] ?? '';
}

function Compare() {
  const client = useClient();
  const { params, set } = useUrlState();
  const selected = useMemo(() => (params.get('runs') ?? '').split(',').filter(Boolean), [params]);
  const metricParam = params.get('metric') ?? '';
  const x = (params.get('x') ?? 'step') as XMode;
  const xLog = params.get('xlog') === '1';
  const yLog = params.get('ylog') === '1';
  const smoothing = Number(params.get('smooth') ?? '0') || 0;
  const groupBy = params.get('group') ?? '';
  // Points per series: the chart's width in pixels (a min and a max each), within the cost limit.
  // Read once: a resize redraws the same points rather than asking for all of them again.
  const [viewport] = useState(() => (typeof window === 'undefined' ? 1400 : window.innerWidth));
  const asked = metricParam || 'train/loss';

  // Every picked run and its series in ONE request; smoothing, log axes and grouping only redraw.
  const [{ data, fetching, error }] = useQuery({
    query: WebCompareRunsDocument,
    variables: { ids: selected, keys: [asked], maxPoints: comparePoints(viewport, selected.length) },
    pause: selected.length === 0,
  });
  const picked: PickedRun[] = useMemo(() => (selected.length === 0 ? [] : (data?.runsById ?? [])), [data, selected.length]);
  const keys = useMemo(() => [...new Set(picked.flatMap((r) => r.metricKeys))].sort(), [picked]);
  const activeMetric = keys.includes(asked) ? asked : preferredMetric(keys);
  const configKeys = useMemo(() => [...new Set(picked.flatMap((r) => Object.keys((r.config ?? {}) as Record<string, unknown>)))].sort(), [picked]);
  const missing = data ? selected.filter((id) => !picked.some((r) => r.id === id)) : [];

  // A link without a metric the runs have: ask again for one they do (the only second request).
  useEffect(() => {
    if (data && keys.length > 0 && !keys.includes(asked)) set({ metric: preferredMetric(keys) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, keys, asked]);

  // Converted once per answer (not per smoothing or axis change).
  const drawn = useMemo(
    () =>
      new Map(
        picked.map((run) => {
          const series = run.metrics.find((m) => m.key === activeMetric);
          // already at the chart's pixel resolution: drawn as they came, not bucketed again
          return [run.id, toDrawn(series ? columnsToPoints(series.columns) : [], x, Number.POSITIVE_INFINITY)];
        }),
      ),
    [picked, activeMetric, x],
  );
  const series: Series<SeriesPoint>[] = useMemo(
    () =>
      picked.map((run) => {
        return {
          id: run.id,
          label: `${run.experiment.name} / ${run.key}`,
          // by the effective config: a run without the preset's label still has the spec path it stands for
          group: groupBy ? `${groupBy}=${String(configValue(run.config, groupBy) ?? '—')}` : undefined,
          data: drawn.get(run.id) ?? [],
        };
      }),
    [picked, drawn, groupBy],
  );

  const toggleRun = (id: string) => set({ runs: (selected.includes(id) ? selected.filter((r) => r !== id) : [...selected, id]).join(',') });
  const addRuns = (ids: readonly string[]) => set({ runs: [...new Set([...selected, ...ids])].join(',') });

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Compare runs</h1>
          <div className="sub">Pick runs from any experiment and overlay one metric.</div>
        </div>
      </div>
      {error ? <ErrorNotice>{errorText(error)}</ErrorNotice> : null}
      {missing.length > 0 ? <ErrorNotice>{`${missing.length} run${missing.length === 1 ? '' : 's'} of this link no longer exist${missing.length === 1 ? 's' : ''}: ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}`}</ErrorNotice> : null}
      <div className="compare-layout">
        <RunPicker selected={selected} picked={picked} onToggle={toggleRun} onAdd={addRuns} onClear={() => set({ runs: null })} />

        <div className="stack">
          <section className="card">
            <div className="toolbar-row">
              <label className="field">
                Metric
                <select value={activeMetric} onChange={(e) => set({ metric: e.target.value })} aria-label="Metric">
                  {keys.length === 0 ? <option value="">pick runs first</option> : null}
                  {keys.map((k) => (
                    <option key={k} value={k}>
                      {k}
                    </option>
                  ))}
                </select>
              </label>
              <div className="field">
                x axis
                <div className="segmented" role="group" aria-label="x axis">
                  {(['step', 'epoch', 'wall'] as const).map((mode) => (
                    <button key={mode} type="button" className={x === mode ? 'on' : undefined} onClick={() => set({ x: mode === 'step' ? null : mode })}>
                      {mode === 'wall' ? 'wall time' : mode}
                    </button>
                  ))}
                </div>
              </div>
              <div className="field">
                Scales
                <span className="row" style={{ gap: 10, height: 30 }}>
                  <label className="row" style={{ gap: 4 }}>
                    <input type="checkbox" checked={xLog} onChange={(e) => set({ xlog: e.target.checked ? '1' : null })} /> log x
                  </label>
                  <label className="row" style={{ gap: 4 }}>
                    <input type="checkbox" checked={yLog} onChange={(e) => set({ ylog: e.target.checked ? '1' : null })} /> log y
                  </label>
                </span>
              </div>
              <label className="field">
                Smoothing (EMA) {smoothing.toFixed(2)}
                <input type="range" min={0} max={0.98} step={0.02} value={smoothing} onChange={(e) => set({ smooth: Number(e.target.value) > 0 ? e.target.value : null })} aria-label="Smoothing" />
              </label>
              <label className="field">
                Group by
                <select value={groupBy} onChange={(e) => set({ group: e.target.value || null })} aria-label="Group by">
                  <option value="">each run</option>
                  {configKeys.map((k) => (
                    <option key={k} value={k}>
                      {k}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          </section>
          {selected.length > 0 && fetching && !data ? (
            <LoadingBlock height={440} />
          ) : picked.length === 0 ? (
            <div className="card empty">
              <h2>Nothing to compare yet</h2>
              <p>Tick runs on the left (or use “Compare runs” on an experiment). Their {activeMetric || 'metric'} curves are overlaid here.</p>
            </div>
          ) : (
            <ChartCard
              title={`${activeMetric} — ${picked.length} run${picked.length === 1 ? '' : 's'}`}
              height={440}
              csv={(onProgress) => seriesCsv(client, picked, [activeMetric], onProgress)}
              caption={groupBy ? `Grouped by ${groupBy}: each group drawn as its mean ± std over runs.` : smoothing > 0 ? 'Raw curves shown faint under the smoothed ones.' : undefined}
            >
              {(width, height) => (
                <LineChart<SeriesPoint>
                  width={width}
                  height={height}
                  series={series}
                  x={px}
                  y={py}
                  xScale={xLog ? 'log' : 'linear'}
                  yScale={yLog ? 'log' : 'linear'}
                  xLabel={x === 'wall' ? 'seconds since the run started' : x}
                  yLabel={activeMetric}
                  smoothing={smoothing}
                  bands={Boolean(groupBy)}
                />
              )}
            </ChartCard>
          )}
        </div>
      </div>
    </>
  );
}

interface RunPickerProps {
  selected: readonly string[];
  /** The picked runs as the API answered them (they may belong to experiments on no loaded page). */
  picked: readonly PickedRun[];
  onToggle: (id: string) => void;
  onAdd: (ids: readonly string[]) => void;
  onClear: () => void;
}

/** Experiments a page at a time (newest first) with a search, and the runs already picked. */
function RunPicker({ selected, picked, onToggle, onAdd, onClear }: RunPickerProps) {
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  // Typing waits for a pause before it asks the API.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  useEffect(() => setCursors([null]), [search]);
  return (
    <section className="card compare-picker" aria-label="Runs to compare">
      <div className="card-head">
        <h2>Runs</h2>
        {selected.length > 0 ? (
          <button type="button" className="small" onClick={onClear}>
            clear
          </button>
        ) : null}
      </div>
      <div className="card-body">
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Search experiments" aria-label="Search experiments" style={{ width: '100%', marginBottom: 8 }} />
        {picked.length > 0 ? (
          <details open={picked.length <= 12} style={{ marginBottom: 8 }}>
            <summary style={{ cursor: 'pointer', fontWeight: 560 }}>Picked ({picked.length})</summary>
            <div style={{ paddingLeft: 8, marginTop: 4 }}>
              {picked.map((run) => (
                <label key={run.id} className="row" style={{ gap: 6, fontSize: 13 }}>
                  <input type="checkbox" checked onChange={() => onToggle(run.id)} />
                  {run.experiment.name} / {run.key}
                </label>
              ))}
            </div>
          </details>
        ) : null}
        {cursors.map((after, i) => (
          <PickerPage key={`${search}|${after ?? ''}`} after={after} search={search} last={i === cursors.length - 1} selected={selected} onToggle={onToggle} onAdd={onAdd} onMore={(cursor) => setCursors((list) => [...list, cursor])} />
        ))}
      </div>
    </section>
  );
}

interface PickerPageProps {
  after: string | null;
  search: string;
  /** Only the last loaded page offers the next one. */
  last: boolean;
  selected: readonly string[];
  onToggle: (id: string) => void;
  onAdd: (ids: readonly string[]) => void;
  onMore: (cursor: string) => void;
}

function PickerPage({ after, search, last, selected, onToggle, onAdd, onMore }: PickerPageProps) {
  const [{ data, fetching, error }] = useQuery({ query: WebComparePickerDocument, variables: { first: PICKER_PAGE, after, text: search || null } });
  if (error) return <ErrorNotice>{errorText(error)}</ErrorNotice>;
  if (fetching && !data) return <LoadingBlock height={after ? 60 : 200} />;
  const connection = data?.experiments;
  if (!connection) return null;
  const experiments = connection.edges.map((e) => e.node);
  return (
    <>
      {after === null && experiments.length === 0 ? <p className="muted">{search ? `No experiment matches “${search}”.` : 'No experiments yet.'}</p> : null}
      {after === null && connection.totalCount > 0 ? (
        <p className="muted" style={{ fontSize: 12, margin: '0 0 6px' }}>
          {connection.totalCount.toLocaleString('en-US')} experiment{connection.totalCount === 1 ? '' : 's'}
          {search ? ` matching “${search}”` : ''}
        </p>
      ) : null}
      {experiments.map((experiment) => (
        <details key={experiment.id} open={experiment.runs.some((r) => selected.includes(r.id))} style={{ marginBottom: 8 }} data-experiment={experiment.id}>
          <summary style={{ cursor: 'pointer', fontWeight: 560 }}>
            {experiment.name} <StatusBadge status={experiment.status} />
          </summary>
          <div style={{ paddingLeft: 8, marginTop: 4 }}>
            <button type="button" className="small" style={{ marginBottom: 4 }} onClick={() => onAdd(experiment.runs.map((r) => r.id))}>
              select all
            </button>
            {experiment.runs.map((run) => (
              <label key={run.id} className="row" style={{ gap: 6, fontSize: 13 }}>
                <input type="checkbox" checked={selected.includes(run.id)} onChange={() => onToggle(run.id)} />
                {run.key}
              </label>
            ))}
          </div>
        </details>
      ))}
      {last && connection.pageInfo.hasNextPage && connection.pageInfo.endCursor ? (
        <button type="button" className="small" onClick={() => onMore(connection.pageInfo.endCursor as string)}>
          Load {PICKER_PAGE} more
        </button>
      ) : null}
    </>
  );
}
