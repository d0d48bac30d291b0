'use client';

import { useMemo, useState } from 'react';
import { ChartCard, type ChartCardProps } from './ChartCard';
import { LineChart } from './charts/LineChart';
import { MetricTable, metricTableRows } from './charts/MetricTable';
import type { AxisScale } from './charts/scales';
import { bucketize, type Series, type SeriesPoint } from './charts/series';
import { TwinPanel } from './charts/TwinPanel';
import { nonFiniteOf, xOf, yOf, type MetricDatum, type RunSeries, type XMode } from '../lib/metrics';

/** One run's live series, as a metric figure needs them. */
export interface FigureRun {
  id: string;
  /** Legend label (the run's key within its experiment). */
  label: string;
  /** Curve family: runs of a group share a colour and a legend entry, and can be drawn as mean ± std. */
  group?: string;
  /** The line style of the run (e.g. `target=sgn-sin5pi`): explained in the legend, never averaged across. */
  style?: string;
  /** Its colour from the page's assignment (the same in every figure of the page). */
  color?: string;
  /** Mean ± std family when it is not the group (runs drawn in a colour each that are still replicas). */
  band?: string;
  series: RunSeries;
}

/** More points than this per series are drawn as min/max buckets (spikes survive as the envelope). */
const DRAW_LIMIT = 1500;

/**
 * A series in chart form: x by the chosen mode, y with nulls as NaN, series longer than `limit`
 * bucketed (pass Infinity for points the API already downsampled to the chart's pixels).
 */
export function toDrawn(points: readonly MetricDatum[], mode: XMode, limit = DRAW_LIMIT): SeriesPoint[] {
  const origin = points[0]?.wallTime ?? 0;
  const x = xOf(mode, origin);
  const drawn = points
    .map((p): SeriesPoint => {
      const nonFinite = nonFiniteOf(p);
      return nonFinite ? { x: x(p), y: yOf(p), nonFinite } : { x: x(p), y: yOf(p) };
    })
    .filter((p) => !Number.isNaN(p.x));
  if (mode !== 'step') drawn.sort((a, b) => a.x - b.x);
  return drawn.length > limit ? bucketize(drawn, Math.floor(limit / 2)) : drawn;
}

const px = (d: SeriesPoint) => d.x;
const py = (d: SeriesPoint) => d.y;
const pMin = (d: SeriesPoint) => d.min;
const pMax = (d: SeriesPoint) => d.max;
const pNonFinite = (d: SeriesPoint) => d.nonFinite;

export interface MetricFigureProps {
  title: string;
  /** Metric keys, one panel each (two are stacked as twin panels with a shared x). */
  metrics: string[];
  runs: FigureRun[];
  x: XMode;
  yScale: AxisScale;
  /** Full-data CSV of these runs and keys (from the API, unsampled), with its progress (ChartCard). */
  csv?: ChartCardProps['csv'];
  /** Shown when no run has points yet. */
  waiting?: string;
}

const AXIS_LABEL: Record<XMode, string> = { step: 'step', epoch: 'epoch', wall: 'seconds' };

/**
 * Two metrics that are one quantity on two splits (`train/loss`, `test/loss`): HW1 draws them on
 * one axis, told apart by line style, so the gap between them is read off directly. Returns the
 * quantity and the two splits; null for anything else (gradient norm and loss keep twin panels).
 */
export function splitsOfOneQuantity(metrics: readonly string[]): { quantity: string; splits: [string, string] } | null {
  if (metrics.length !== 2) return null;
  const parts = metrics.map((key) => {
    const slash = key.indexOf('/');
    return slash > 0 ? { split: key.slice(0, slash), quantity: key.slice(slash + 1) } : null;
  });
  const [a, b] = parts;
  if (!a || !b || a.quantity !== b.quantity || a.split === b.split || a.quantity === '') return null;
  return { quantity: a.quantity, splits: [a.split, b.split] };
}

/** A preset's `metric-lines` figure: one line per run, updated as points stream in. */
export function MetricFigure({ title, metrics, runs, x, yScale, csv, waiting }: MetricFigureProps) {
  const [bands, setBands] = useState(false);
  const [smoothing, setSmoothing] = useState(0);
  const panels = useMemo(
    () =>
      metrics.map((key) => ({
        key,
        series: runs
          .map(
            (run): Series<SeriesPoint> => ({
              id: run.id,
              label: run.label,
              ...(run.group !== undefined && { group: run.group }),
              ...(run.style !== undefined && { style: run.style }),
              ...(run.color !== undefined && { color: run.color }),
              ...(run.band !== undefined && { band: run.band }),
              data: toDrawn(run.series[key] ?? [], x),
            }),
          )
          .filter((s) => s.data.length > 0),
      })),
    [metrics, runs, x],
  );
  // train/X and test/X on one axis, a line style per split (unless the runs already use styles).
  const oneAxis = useMemo(() => {
    const splits = splitsOfOneQuantity(metrics);
    if (!splits || runs.some((r) => r.style !== undefined)) return null;
    const series = panels.flatMap((panel, k) =>
      // A run's two splits are one legend entry (its group, else the run): the line styles say which is which.
      panel.series.map((s): Series<SeriesPoint> => ({ ...s, id: `${s.id}\u0000${panel.key}`, label: `${s.label} ${panel.key}`, group: s.group ?? s.label, style: splits.splits[k] ?? panel.key })),
    );
    return { quantity: splits.quantity, series };
  }, [metrics, runs, panels]);
  const tableRows = useMemo(() => metricTableRows(runs, metrics, x), [runs, metrics, x]);
  // Mean ± std is offered when some family (group or band, within one line style) has two runs or more.
  const families = runs.flatMap((r) => {
    const family = r.band ?? r.group;
    return family === undefined ? [] : [`${family}\u0000${r.style ?? ''}`];
  });
  const canBand = new Set(families).size < families.length;
  const points = panels.reduce((n, p) => n + p.series.reduce((m, s) => m + s.data.length, 0), 0);
  const bucketed = panels.some((p) => p.series.some((s) => s.data.some((d) => d.max !== undefined)));
  const height = metrics.length === 2 && !oneAxis ? 440 : 300;
  const controls = (
    <>
      {canBand ? (
        <label className="row muted" style={{ gap: 4, fontSize: 12 }}>
          <input type="checkbox" checked={bands} onChange={(e) => setBands(e.target.checked)} /> mean ± std
        </label>
      ) : null}
      <label className="row muted" style={{ gap: 4, fontSize: 12 }} title="Exponential moving average; the raw curve stays faint underneath">
        smooth
        <input type="range" min={0} max={0.98} step={0.02} value={smoothing} onChange={(e) => setSmoothing(Number(e.target.value))} style={{ width: 70 }} />
      </label>
    </>
  );
  return (
    <ChartCard
      title={title}
      csv={csv}
      controls={controls}
      height={height}
      dataTable={<MetricTable title={title} rows={tableRows} x={x} />}
      caption={
        points === 0
          ? (waiting ?? 'Waiting for the first points…')
          : `${runs.length} run${runs.length === 1 ? '' : 's'} · ${points.toLocaleString('en-US')} points drawn${bucketed ? ' (long series as min/max buckets: the shaded envelope keeps spikes)' : ''}`
      }
    >
      {(width, h) => {
        const [first, second] = panels;
        if (oneAxis) {
          return (
            <LineChart<SeriesPoint>
              width={width}
              height={h}
              series={oneAxis.series}
              x={px}
              y={py}
              yMin={pMin}
              yMax={pMax}
              nonFinite={pNonFinite}
              xScale="linear"
              yScale={yScale}
              xLabel={AXIS_LABEL[x]}
              yLabel={oneAxis.quantity}
              bands={bands}
              smoothing={smoothing}
            />
          );
        }
        if (panels.length === 2 && first && second) {
          return (
            <TwinPanel<SeriesPoint>
              width={width}
              height={h}
              x={px}
              xLabel={AXIS_LABEL[x]}
              smoothing={smoothing}
              nonFinite={pNonFinite}
              top={{ series: first.series, y: py, yMin: pMin, yMax: pMax, yScale, yLabel: first.key }}
              bottom={{ series: second.series, y: py, yMin: pMin, yMax: pMax, yScale, yLabel: second.key }}
            />
          );
        }
        return (
          <div className="stack" style={{ gap: 4 }}>
            {panels.map((panel) => (
              <LineChart<SeriesPoint>
                key={panel.key}
                width={width}
                height={panels.length > 2 ? 220 : h}
                series={panel.series}
                x={px}
                y={py}
                yMin={pMin}
                yMax={pMax}
                nonFinite={pNonFinite}
                xScale="linear"
                yScale={yScale}
                xLabel={AXIS_LABEL[x]}
                yLabel={panel.key}
                bands={bands}
                smoothing={smoothing}
              />
            ))}
          </div>
        );
      }}
    </ChartCard>
  );
}
