'use client';

import { Group } from '@visx/group';
import { LinePath } from '@visx/shape';
import { useMemo, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { ChartAxes, DEFAULT_MARGIN, type Margin } from './ChartAxes';
import { ChartTooltip } from './ChartTooltip';
import { nextIndex } from './keyboard-cursor';
import { Legend, useLegendToggle, type LegendEntry } from './Legend';
import { seriesColor, viridis } from './palette';
import { pointerIn } from './pointer';
import { extentOf, formatNumber, makeScale } from './scales';
import type { Series } from './series';

export interface PathsChartProps<Datum> {
  /** Width and height of the SVG, px. */
  width: number;
  height: number;
  /** One path per training (e.g. 8 PCA trajectories), points in training order. */
  paths: Series<Datum>[];
  /** Coordinates in the projected plane (PC1, PC2). */
  x: (d: Datum) => number;
  y: (d: Datum) => number;
  /** Epoch of a snapshot: colours the point (viridis, early = dark). */
  epoch: (d: Datum) => number;
  /** Loss at a snapshot, shown on hover when known. */
  loss?: (d: Datum) => number | undefined;
  /** Accuracy at a snapshot, shown on hover when known. */
  accuracy?: (d: Datum) => number | undefined;
  xLabel?: string;
  yLabel?: string;
  margin?: Margin;
}

/**
 * Optimisation paths in a 2-D projection: each training a thin line in its own colour, each
 * snapshot a dot coloured by epoch; hovering a dot tells its run, epoch and loss.
 */
export function PathsChart<Datum>({ width, height, paths, x, y, epoch, loss, accuracy, xLabel, yLabel, margin = DEFAULT_MARGIN }: PathsChartProps<Datum>) {
  const [hidden, toggleHidden] = useLegendToggle();
  const [hover, setHover] = useState<{ path: number; point: number; left: number; top: number } | null>(null);
  const innerWidth = Math.max(10, width - margin.left - margin.right);
  const innerHeight = Math.max(10, height - margin.top - margin.bottom - 22);

  const visible = useMemo(() => paths.map((p, index) => ({ p, index, color: p.color ?? seriesColor(index) })).filter(({ p }) => !hidden.has(p.id)), [paths, hidden]);
  const all = visible.flatMap((v) => v.p.data);
  const xScale = useMemo(() => makeScale('linear', extentOf(all.map(x), 'linear'), [0, innerWidth]), [all, x, innerWidth]);
  const yScale = useMemo(() => makeScale('linear', extentOf(all.map(y), 'linear'), [innerHeight, 0]), [all, y, innerHeight]);
  const [epochMin, epochMax] = extentOf(paths.flatMap((p) => p.data.map(epoch)), 'linear');
  const epochT = (d: Datum) => (epochMax > epochMin ? (epoch(d) - epochMin) / (epochMax - epochMin) : 0);

  const entries: LegendEntry[] = paths.map((p, index) => ({ id: p.id, label: p.label, color: p.color ?? seriesColor(index) }));

  function onMove(event: MouseEvent<SVGRectElement>) {
    const point = pointerIn(event);
    let best: { path: number; point: number } | null = null;
    let bestDistance = 20 ** 2;
    for (const { p, index } of visible) {
      p.data.forEach((d, i) => {
        const dx = (xScale(x(d)) ?? 0) - point.x;
        const dy = (yScale(y(d)) ?? 0) - point.y;
        if (dx * dx + dy * dy < bestDistance) {
          bestDistance = dx * dx + dy * dy;
          best = { path: index, point: i };
        }
      });
    }
    setHover(best ? { ...(best as { path: number; point: number }), left: point.x + margin.left, top: point.y + margin.top } : null);
  }

  // The keyboard reads the same tooltip: focus shows the first path's start, ← → walk along its
  // snapshots (Shift: a fifth of them), Home/End its ends, ↑ ↓ go to the next or previous path
  // at the same snapshot, Escape hides it.
  function showAt(path: number, point: number) {
    const d = paths[path]?.data[point];
    if (d === undefined) return setHover(null);
    setHover({ path, point, left: (xScale(x(d)) ?? 0) + margin.left, top: (yScale(y(d)) ?? 0) + margin.top });
  }
  function onFocus(event: FocusEvent<HTMLDivElement>) {
    const first = visible.find((v) => v.p.data.length > 0);
    if (event.target === event.currentTarget && first) showAt(first.index, 0);
  }
  function onKey(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget) return;
    const withPoints = visible.filter((v) => v.p.data.length > 0);
    const at = hover ? withPoints.findIndex((v) => v.index === hover.path) : -1;
    const current = withPoints[at];
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      const next = withPoints[Math.min(withPoints.length - 1, Math.max(0, at < 0 ? 0 : at + (event.key === 'ArrowDown' ? 1 : -1)))];
      if (!next) return;
      event.preventDefault();
      showAt(next.index, Math.min(next.p.data.length - 1, hover?.point ?? 0));
      return;
    }
    const target = current ?? withPoints[0];
    if (!target) return;
    const next = nextIndex(event.key, event.shiftKey, current ? (hover?.point ?? null) : null, target.p.data.length);
    if (next === undefined) return;
    event.preventDefault();
    if (next === null) setHover(null);
    else showAt(target.index, next);
  }

  const hoveredPath = hover ? paths[hover.path] : undefined;
  const hoveredPoint = hover && hoveredPath ? hoveredPath.data[hover.point] : undefined;
  const hoveredLoss = hoveredPoint !== undefined ? loss?.(hoveredPoint) : undefined;
  const hoveredAccuracy = hoveredPoint !== undefined ? accuracy?.(hoveredPoint) : undefined;
  const gradientId = useMemo(() => `epoch-gradient-${Math.random().toString(36).slice(2, 8)}`, []);

  return (
    <div
      className="chart"
      style={{ position: 'relative', width }}
      tabIndex={0}
      role="group"
      aria-label="optimisation paths: ← → walk along a path's snapshots, ↑ ↓ change path"
      onFocus={onFocus}
      onBlur={(event) => {
        if (event.target === event.currentTarget) setHover(null);
      }}
      onKeyDown={onKey}
    >
      <svg className="saddle-chart" width={width} height={height} role="img" aria-label="optimisation paths">
        <defs>
          <linearGradient id={gradientId}>
            {[0, 0.25, 0.5, 0.75, 1].map((t) => (
              <stop key={t} offset={t} stopColor={viridis(t)} />
            ))}
          </linearGradient>
        </defs>
        <Group left={margin.left} top={margin.top}>
          <ChartAxes xScale={xScale} yScale={yScale} xKind="linear" yKind="linear" innerWidth={innerWidth} innerHeight={innerHeight} xLabel={xLabel} yLabel={yLabel} />
          {visible.map(({ p, color }) => (
            <LinePath<Datum>
              key={p.id}
              className="saddle-path"
              data={p.data}
              x={(d) => xScale(x(d)) ?? 0}
              y={(d) => yScale(y(d)) ?? 0}
              stroke={color}
              strokeWidth={1.5}
              strokeOpacity={0.75}
            />
          ))}
          {visible.map(({ p }) =>
            p.data.map((d, i) => (
              <circle
                key={`${p.id}-${i}`}
                className="saddle-point"
                cx={xScale(x(d)) ?? 0}
                cy={yScale(y(d)) ?? 0}
                r={hover && paths[hover.path] === p && hover.point === i ? 6 : 4}
                fill={viridis(epochT(d))}
                stroke="#fff"
                strokeWidth={0.75}
              />
            )),
          )}
          <rect className="saddle-hit" width={innerWidth} height={innerHeight} fill="transparent" onMouseMove={onMove} onMouseLeave={() => setHover(null)} />
        </Group>
        <Group left={margin.left} top={height - 16}>
          <text x={0} y={9} fontSize={11} fill="#495057">
            epoch {formatNumber(epochMin)}
          </text>
          <rect x={70} y={0} width={Math.min(160, innerWidth / 3)} height={10} fill={`url(#${gradientId})`} rx={2} />
          <text x={76 + Math.min(160, innerWidth / 3)} y={9} fontSize={11} fill="#495057">
            {formatNumber(epochMax)}
          </text>
        </Group>
      </svg>
      {hover && hoveredPath && hoveredPoint !== undefined ? (
        <ChartTooltip left={hover.left} top={hover.top} containerWidth={width}>
          <div className="chart-tooltip-title">{hoveredPath.label}</div>
          <div className="chart-tooltip-row">
            <span className="name">epoch</span>
            <span className="value">{formatNumber(epoch(hoveredPoint), 4)}</span>
          </div>
          {hoveredLoss !== undefined ? (
            <div className="chart-tooltip-row">
              <span className="name">loss</span>
              <span className="value">{formatNumber(hoveredLoss, 4)}</span>
            </div>
          ) : null}
          {hoveredAccuracy !== undefined ? (
            <div className="chart-tooltip-row">
              <span className="name">accuracy</span>
              <span className="value">{formatNumber(hoveredAccuracy, 4)}</span>
            </div>
          ) : null}
        </ChartTooltip>
      ) : null}
      <Legend
        entries={entries}
        hidden={hidden}
        onToggle={toggleHidden}
      />
    </div>
  );
}
