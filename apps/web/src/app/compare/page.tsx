'use client';

import { WebCompareCatalogDocument, WebCompareSeriesDocument, type WebCompareCatalogQuery } from '@saddle/schema';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { ChartCard } from '../../components/ChartCard';
import { LineChart } from '../../components/charts/LineChart';
import type { Series, SeriesPoint } from '../../components/charts/series';
import { toDrawn } from '../../components/MetricFigure';
import { ErrorNotice, LoadingBlock, StatusBadge } from '../../components/StatusBadge';
import { errorText } from '../../lib/errors';
import { seriesCsv } from '../../lib/full-series';
import type { MetricDatum, XMode } from '../../lib/metrics';

type CatalogExperiment = WebCompareCatalogQuery['experiments']['edges'][number]['node'];
type CatalogRun = CatalogExperiment['runs'][number];

const px = (d: SeriesPoint) => d.x;
const py = (d: SeriesPoint) => d.y;
const pMin = (d: SeriesPoint) => d.min;
const pMax = (d: SeriesPoint) => d.max;

export default function ComparePage() {
  return (
    <Suspense fallback={<LoadingBlock height={420} />}>
      <Compare />
    </Suspense>
  );
}

/** Reads and writes the view's state in the URL, so a comparison can be shared as a link. */
function useUrlState() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };
  return { params, set };
}

function Compare() {
  const client = useClient();
  const { params, set } = useUrlState();
  const selected = useMemo(() => (params.get('runs') ?? '').split(',').filter(Boolean), [params]);
  const metric = params.get('metric') ?? '';
  const x = (params.get('x') ?? 'step') as XMode;
  const xLog = params.get('xlog') === '1';
  const yLog = params.get('ylog') === '1';
  const smoothing = Number(params.get('smooth') ?? '0') || 0;
  const groupBy = params.get('group') ?? '';
  const [{ data, fetching, error }] = useQuery({ query: WebCompareCatalogDocument, variables: { first: 100 } });
  const [loaded, setLoaded] = useState<Record<string, MetricDatum[]>>({});
  const [loadError, setLoadError] = useState<string | null>(null);

  const experiments = data?.experiments.edges.map((e) => e.node) ?? [];
  const runsById = useMemo(() => {
    const map = new Map<string, { run: CatalogRun; experiment: CatalogExperiment }>();
    for (const experiment of experiments) for (const run of experiment.runs) map.set(run.id, { run, experiment });
    return map;
  }, [experiments]);
  const chosen = selected.map((id) => runsById.get(id)).filter((v): v is { run: CatalogRun; experiment: CatalogExperiment } => v !== undefined);
  const keys = [...new Set(chosen.flatMap((c) => c.run.metricKeys))].sort();
  const activeMetric = metric && keys.includes(metric) ? metric : (keys.find((k) => k === 'train/loss') ?? keys[0] ?? '');
  const configKeys = [...new Set(chosen.flatMap((c) => Object.keys((c.run.config ?? {}) as Record<string, unknown>)))].sort();

  // Each (run, metric) is fetched once; a ref, not state, so a re-render never starts it twice.
  const requested = useRef(new Set<string>());
  useEffect(() => {
    if (!activeMetric) return;
    for (const c of chosen) {
      const key = `${c.run.id}|${activeMetric}`;
      if (requested.current.has(key)) continue;
      requested.current.add(key);
      void client
        .query(WebCompareSeriesDocument, { id: c.run.id, keys: [activeMetric], maxPoints: 2000 }, { requestPolicy: 'network-only' })
        .toPromise()
        .then((result) => {
          if (result.error) {
            requested.current.delete(key);
            setLoadError(errorText(result.error));
            return;
          }
          setLoaded((previous) => ({ ...previous, [key]: result.data?.run?.metrics[0]?.points ?? [] }));
        });
    }
  }, [client, chosen, activeMetric]);

  const series: Series<SeriesPoint>[] = chosen.map(({ run, experiment }) => {
    const config = (run.config ?? {}) as Record<string, unknown>;
    return {
      id: run.id,
      label: `${experiment.name} / ${run.key}`,
      group: groupBy ? `${groupBy}=${String(config[groupBy] ?? '—')}` : undefined,
      data: toDrawn(loaded[`${run.id}|${activeMetric}`] ?? [], x),
    };
  });

  const toggleRun = (id: string) => set({ runs: (selected.includes(id) ? selected.filter((r) => r !== id) : [...selected, id]).join(',') });

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Compare runs</h1>
          <div className="sub">Pick runs from any experiment and overlay one metric.</div>
        </div>
      </div>
      {error ? <ErrorNotice>{errorText(error)}</ErrorNotice> : null}
      {loadError ? <ErrorNotice>{loadError}</ErrorNotice> : null}
      <div style={{ display: 'grid', gridTemplateColumns: '300px 1fr', gap: 16, alignItems: 'start' }}>
        <section className="card" style={{ maxHeight: '78vh', overflow: 'auto' }} aria-label="Runs to compare">
          <div className="card-head">
            <h2>Runs</h2>
            {selected.length > 0 ? (
              <button type="button" className="small" onClick={() => set({ runs: null })}>
                clear
              </button>
            ) : null}
          </div>
          <div className="card-body">
            {fetching && !data ? <LoadingBlock height={200} /> : null}
            {data && experiments.length === 0 ? <p className="muted">No experiments yet.</p> : null}
            {experiments.map((experiment) => (
              <details key={experiment.id} open={experiment.runs.some((r) => selected.includes(r.id)) || experiments.length <= 3} style={{ marginBottom: 8 }}>
                <summary style={{ cursor: 'pointer', fontWeight: 560 }}>
                  {experiment.name} <StatusBadge status={experiment.status} />
                </summary>
                <div style={{ paddingLeft: 8, marginTop: 4 }}>
                  <button
                    type="button"
                    className="small"
                    style={{ marginBottom: 4 }}
                    onClick={() => set({ runs: [...new Set([...selected, ...experiment.runs.map((r) => r.id)])].join(',') })}
                  >
                    select all
                  </button>
                  {experiment.runs.map((run) => (
                    <label key={run.id} className="row" style={{ gap: 6, fontSize: 13 }}>
                      <input type="checkbox" checked={selected.includes(run.id)} onChange={() => toggleRun(run.id)} />
                      {run.key}
                    </label>
                  ))}
                </div>
              </details>
            ))}
          </div>
        </section>

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
          {chosen.length === 0 ? (
            <div className="card empty">
              <h2>Nothing to compare yet</h2>
              <p>Tick runs on the left (or use “Compare runs” on an experiment). Their {activeMetric || 'metric'} curves are overlaid here.</p>
            </div>
          ) : (
            <ChartCard
              title={`${activeMetric} — ${chosen.length} run${chosen.length === 1 ? '' : 's'}`}
              height={440}
              csv={() => seriesCsv(client, chosen.map((c) => c.run), [activeMetric])}
              caption={groupBy ? `Grouped by ${groupBy}: each group drawn as its mean ± std over runs.` : smoothing > 0 ? 'Raw curves shown faint under the smoothed ones.' : undefined}
            >
              {(width, height) => (
                <LineChart<SeriesPoint>
                  width={width}
                  height={height}
                  series={series}
                  x={px}
                  y={py}
                  yMin={pMin}
                  yMax={pMax}
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
