'use client';

import type { FigureData, XY } from '@saddle/engine';
import { useMemo, useState } from 'react';
import { ChartCard } from '../ChartCard';
import { HeatmapContour } from '../charts/HeatmapContour';
import { Histogram } from '../charts/Histogram';
import { LineChart } from '../charts/LineChart';
import { PathsChart } from '../charts/PathsChart';
import { usePageColors } from '../charts/page-colors';
import { ScatterChart } from '../charts/ScatterChart';
import { formatNumber, SYMLOG_RELATIVE_CONSTANT } from '../charts/scales';
import type { Series } from '../charts/series';
import { figureToCsv } from './figure-csv';

type ScatterPoint = Extract<FigureData, { kind: 'scatter' }>['points'][number];
type PathPoint = Extract<FigureData, { kind: 'paths' }>['views'][number]['paths'][number]['points'][number];
type Bin = Extract<FigureData, { kind: 'histogram' }>['bins'][number];

const px = (d: XY) => d.x;
const py = (d: XY) => d.y;

/** Draws one analysis figure of any kind, with CSV of its full data. */
export function FigureView({ title, data }: { title: string; data: FigureData }) {
  const csv = () => figureToCsv(data);
  switch (data.kind) {
    case 'lines':
      return <LinesFigure title={title} data={data} csv={csv} />;
    case 'scatter':
      return <ScatterFigure title={title} data={data} csv={csv} />;
    case 'paths':
      return <PathsFigure title={title} data={data} csv={csv} />;
    case 'grid':
      return <GridFigure title={title} data={data} csv={csv} />;
    case 'histogram':
      return (
        <ChartCard title={title} csv={csv} caption={data.series}>
          {(width, height) => (
            <Histogram<Bin> width={width} height={height} bins={data.bins} x0={(b) => b.x0} x1={(b) => b.x1} count={(b) => b.count} xLabel={data.x.label} yLabel={data.y.label} yScale={data.y.scale} xScale={data.x.scale} />
          )}
        </ChartCard>
      );
    default: {
      const unknown: never = data;
      return <div className="notice error">Unknown figure kind {JSON.stringify((unknown as { kind?: unknown }).kind)}</div>;
    }
  }
}

interface Part<K extends FigureData['kind']> {
  title: string;
  data: Extract<FigureData, { kind: K }>;
  csv: () => string;
}

type LinePoint = XY & { marked?: boolean; error?: number };

/** At most this many distinct x values make a lines figure one of separate measurements (models, batch sizes). */
const FEW_MEASUREMENTS = 12;

/**
 * How a lines figure marks its x values: a few separate measurements (params vs generalisation,
 * sensitivity vs batch size) are drawn as points, as HW1 plots them, and on a log axis they get
 * ticks exactly where they were taken (64, 256, 1024, not 10², 10³); a dense sweep (interpolation's
 * α) is a plain line on the axis' own ticks.
 */
export function measurementMarks(data: Extract<FigureData, { kind: 'lines' }>): { points: boolean; xTicks: number[] | undefined } {
  const xs = [...new Set(data.series.flatMap((s) => s.points.map((p) => p.x)).filter(Number.isFinite))].sort((a, b) => a - b);
  const few = xs.length > 0 && xs.length <= FEW_MEASUREMENTS;
  return { points: few, xTicks: few && data.x.scale === 'log' ? xs : undefined };
}
const isMarked = (d: LinePoint) => d.marked === true;
const errorOf = (d: LinePoint) => d.error;

function LinesFigure({ title, data, csv }: Part<'lines'>) {
  const colors = usePageColors();
  const series = useMemo<Series<LinePoint>[]>(
    () =>
      data.series.map((s, i) => {
        // a run's colour on this page (the same in the loss curves); a series of no run (ground truth) takes a free one
        const color = (s.runKey !== undefined ? colors?.run(s.runKey) : undefined) ?? (s.group !== undefined ? colors?.group(s.group) : undefined);
        return { id: `${i}:${s.label}`, label: s.label, group: s.group, dashed: s.dashed, ...(color !== undefined && { color }), data: [...s.points].sort((a, b) => a.x - b.x) };
      }),
    [data, colors],
  );
  const groups = new Set(data.series.map((s) => s.group).filter(Boolean));
  const marks = useMemo(() => measurementMarks(data), [data]);
  const [bands, setBands] = useState(false);
  const canBand = groups.size > 0 && groups.size < data.series.length;
  // What a ring marker means, once per distinct explanation (e.g. a clamped batch-norm variance).
  const markedLabels = [...new Set(data.series.filter((s) => s.points.some(isMarked)).map((s) => s.markedLabel ?? 'marked point'))];
  return (
    <ChartCard
      title={title}
      csv={csv}
      caption={markedLabels.length > 0 ? `○ ${markedLabels.join('; ')}` : undefined}
      controls={
        canBand ? (
          <label className="row muted" style={{ gap: 4, fontSize: 12 }}>
            <input type="checkbox" checked={bands} onChange={(e) => setBands(e.target.checked)} /> mean ± std
          </label>
        ) : null
      }
    >
      {(width, height) => (
        <LineChart<LinePoint> width={width} height={height} series={series} x={px} y={py} xScale={data.x.scale} yScale={data.y.scale} xLabel={data.x.label} yLabel={data.y.label} bands={bands} marked={isMarked} errorBar={errorOf} points={marks.points} xTicks={marks.xTicks} />
      )}
    </ChartCard>
  );
}

function ScatterFigure({ title, data, csv }: Part<'scatter'>) {
  const colors = usePageColors();
  const [selected, setSelected] = useState<ScatterPoint | null>(() => data.points.find((p) => p.marked) ?? null);
  // Definitions of y to switch between (e.g. the minimal ratio over all or over non-flat eigenvalues).
  const views = data.views ?? [];
  const [viewId, setViewId] = useState(views[0]?.id ?? '');
  const view = views.find((v) => v.id === viewId) ?? views[0];
  const yAxis = view?.y ?? data.y;
  const points = useMemo<ScatterPoint[]>(() => {
    if (!view) return data.points;
    // A point whose meta has no finite value for this view (e.g. every direction flat) is left out, and counted.
    return data.points.flatMap((p) => {
      const value = p.meta?.[view.metaKey];
      return typeof value === 'number' && Number.isFinite(value) ? [{ ...p, y: value }] : [];
    });
  }, [data.points, view]);
  const missing = data.points.length - points.length;
  // A point may carry a spectrum (e.g. the Hessian eigenvalues of that run): show it when selected.
  const spectrumKey = selected?.meta ? Object.keys(selected.meta).find((k) => Array.isArray(selected.meta?.[k])) : undefined;
  const spectrum = spectrumKey && selected?.meta ? (selected.meta[spectrumKey] as number[]) : null;
  // Symmetric log, as the preset's pooled spectrum: its negative eigenvalues show beside the outliers.
  const bins = useMemo(() => (spectrum ? binValues(spectrum, 30, 'symlog') : []), [spectrum]);
  return (
    <div className={spectrum ? 'grid-2' : undefined}>
      <ChartCard
        title={title}
        csv={csv}
        caption={`${view ? `y: ${view.label} · ` : ''}${points.length} points${missing > 0 ? ` (${missing} without a value here)` : ''} · click a point to inspect it`}
        controls={
          views.length > 1 ? (
            <div className="segmented" role="group" aria-label="Definition">
              {views.map((v) => (
                <button key={v.id} type="button" className={v.id === view?.id ? 'on' : undefined} onClick={() => setViewId(v.id)}>
                  {v.label}
                </button>
              ))}
            </div>
          ) : null
        }
      >
        {(width, height) => (
          <ScatterChart<ScatterPoint>
            width={width}
            height={height}
            data={points}
            x={px}
            y={py}
            group={(d) => d.group}
            groupColor={colors ? (g) => colors.group(g) : undefined}
            marked={(d) => selected !== null && (d.runKey !== undefined ? d.runKey === selected.runKey : d === selected)}
            // the points the analysis marks (minimal-ratio: ‖∇L‖ never reached the threshold) are hollow, named in the legend
            flagged={(d) => d.marked === true}
            flaggedLabel={data.markedLabel ?? 'marked by the analysis'}
            pointKey={(d, i) => d.runKey ?? d.label ?? String(i)}
            xScale={data.x.scale}
            yScale={yAxis.scale}
            xLabel={data.x.label}
            yLabel={yAxis.label}
            onSelect={setSelected}
            renderTooltip={(d) => (
              <>
                <div className="chart-tooltip-title">{d.label ?? d.runKey ?? 'point'}</div>
                <div className="chart-tooltip-row">
                  <span className="name">{data.x.label}</span>
                  <span className="value">{formatNumber(d.x, 4)}</span>
                </div>
                <div className="chart-tooltip-row">
                  <span className="name">{yAxis.label}</span>
                  <span className="value">{formatNumber(d.y, 4)}</span>
                </div>
                {Object.entries(d.meta ?? {})
                  .filter(([, v]) => !Array.isArray(v))
                  .slice(0, 6)
                  .map(([k, v]) => (
                    <div key={k} className="chart-tooltip-row">
                      <span className="name">{k}</span>
                      <span className="value">{typeof v === 'number' ? formatNumber(v, 4) : String(v)}</span>
                    </div>
                  ))}
              </>
            )}
          />
        )}
      </ChartCard>
      {spectrum && selected ? (
        <ChartCard title={`${spectrumKey} of ${selected.label ?? selected.runKey ?? 'selected point'}`} caption={`${spectrum.length} values`}>
          {(width, height) => <Histogram<Bin> width={width} height={height} bins={bins} x0={(b) => b.x0} x1={(b) => b.x1} count={(b) => b.count} xLabel={spectrumKey} yScale="log" xScale="symlog" />}
        </ChartCard>
      ) : null}
    </div>
  );
}

/** Equal-width bins over the values' range; `symlog`: equal width on a symlog axis (c = SYMLOG_RELATIVE_CONSTANT × max |v|). */
export function binValues(values: readonly number[], count: number, kind: 'linear' | 'symlog' = 'linear'): Bin[] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [];
  if (kind === 'symlog') {
    const maxAbs = Math.max(...finite.map(Math.abs));
    const c = SYMLOG_RELATIVE_CONSTANT * (maxAbs || 1);
    const forward = (v: number) => Math.sign(v) * Math.log10(1 + Math.abs(v) / c);
    const inverse = (t: number) => Math.sign(t) * c * (10 ** Math.abs(t) - 1);
    const min = Math.min(...finite);
    const max = Math.max(...finite);
    if (min === max) return [{ x0: min, x1: max, count: finite.length }];
    const lo = forward(min);
    const step = (forward(max) - lo) / count;
    const bins: Bin[] = Array.from({ length: count }, (_, i) => ({ x0: i === 0 ? min : inverse(lo + i * step), x1: i === count - 1 ? max : inverse(lo + (i + 1) * step), count: 0 }));
    for (const v of finite) {
      const bin = bins[Math.min(count - 1, Math.floor((forward(v) - lo) / step))];
      if (bin) bin.count += 1;
    }
    return bins;
  }
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const width = hi > lo ? (hi - lo) / count : 1;
  const bins: Bin[] = Array.from({ length: hi > lo ? count : 1 }, (_, i) => ({ x0: lo + i * width, x1: lo + (i + 1) * width, count: 0 }));
  for (const v of finite) {
    const bin = bins[Math.min(bins.length - 1, Math.floor((v - lo) / width))];
    if (bin) bin.count += 1;
  }
  return bins;
}

function PathsFigure({ title, data, csv }: Part<'paths'>) {
  const colors = usePageColors();
  const [viewId, setViewId] = useState(data.views[0]?.id ?? '');
  const view = data.views.find((v) => v.id === viewId) ?? data.views[0];
  const paths = useMemo<Series<PathPoint>[]>(
    () =>
      view
        ? view.paths.map((p, i) => {
            const color = p.runKey !== undefined ? colors?.run(p.runKey) : undefined;
            return { id: `${i}:${p.label}`, label: p.label, ...(color !== undefined && { color }), data: p.points };
          })
        : [],
    [view, colors],
  );
  // Each view labels its own PCA's explained variance (a layer's plane is not the whole model's).
  const explained = view?.explainedVariance ?? data.explainedVariance;
  const variance = (i: number) => (explained[i] !== undefined ? ` (${(100 * (explained[i] ?? 0)).toFixed(1)}% var.)` : '');
  return (
    <ChartCard
      title={title}
      csv={csv}
      height={400}
      controls={
        data.views.length > 1 ? (
          <div className="segmented" role="group" aria-label="View">
            {data.views.map((v) => (
              <button key={v.id} type="button" className={v.id === view?.id ? 'on' : undefined} onClick={() => setViewId(v.id)}>
                {v.label}
              </button>
            ))}
          </div>
        ) : null
      }
    >
      {(width, height) => (
        <PathsChart<PathPoint>
          width={width}
          height={height}
          paths={paths}
          x={px}
          y={py}
          epoch={(d) => d.epoch}
          loss={(d) => d.loss}
          accuracy={(d) => d.accuracy}
          xLabel={`${data.x.label}${variance(0)}`}
          yLabel={`${data.y.label}${variance(1)}`}
        />
      )}
    </ChartCard>
  );
}

function GridFigure({ title, data, csv }: Part<'grid'>) {
  const flat = data.values.flat().filter(Number.isFinite);
  const positive = flat.length > 0 && flat.every((v) => v > 0);
  const spansDecades = positive && Math.max(...flat) / Math.min(...flat) > 100;
  const [logValues, setLogValues] = useState(spansDecades);
  const slices = useMemo<Series<XY>[]>(() => (data.slices ?? []).map((s, i) => ({ id: `${i}:${s.label}`, label: s.label, data: s.points })), [data]);
  return (
    <div className={slices.length > 0 ? 'grid-2' : undefined}>
      <ChartCard
        title={title}
        csv={csv}
        height={420}
        controls={
          positive ? (
            <label className="row muted" style={{ gap: 4, fontSize: 12 }}>
              <input type="checkbox" checked={logValues} onChange={(e) => setLogValues(e.target.checked)} /> log colour
            </label>
          ) : null
        }
        caption={data.path ? `${data.xs.length}×${data.ys.length} grid · orange: the training trajectory projected on the plane (filled dot = end)` : `${data.xs.length}×${data.ys.length} grid`}
      >
        {(width, height) => (
          <HeatmapContour<XY & { epoch?: number }>
            width={width}
            height={height}
            xs={data.xs}
            ys={data.ys}
            values={data.values}
            valueLabel={data.valueLabel}
            logValues={logValues}
            path={data.path}
            x={px}
            y={py}
            xLabel={data.x.label}
            yLabel={data.y.label}
          />
        )}
      </ChartCard>
      {slices.length > 0 ? (
        <ChartCard title={`${title}: 1-D slices`} height={420}>
          {(width, height) => <LineChart<XY> width={width} height={height} series={slices} x={px} y={py} xLabel="distance along direction" yLabel={data.valueLabel} yScale={positive ? 'log' : 'linear'} />}
        </ChartCard>
      ) : null}
    </div>
  );
}
