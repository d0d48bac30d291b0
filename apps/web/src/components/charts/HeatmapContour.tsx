'use client';

import { Group } from '@visx/group';
import { contours } from 'd3-contour';
import { useId, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { ChartAxes, type Margin } from './ChartAxes';
import { ChartTooltip } from './ChartTooltip';
import { nextCell, type GridCell } from './keyboard-cursor';
import { viridis } from './palette';
import { pointerIn } from './pointer';
import { formatNumber, makeScale, type NumericScale } from './scales';
import { nearestIndex } from './series';

export interface HeatmapContourProps<Datum> {
  /** Width and height of the SVG, px. */
  width: number;
  height: number;
  /** Grid coordinates along x and y, each sorted ascending (need not be evenly spaced). */
  xs: number[];
  ys: number[];
  /** values[j][i] is the value at (xs[i], ys[j]), e.g. the loss on a 2-D slice of weight space. */
  values: number[][];
  /** What a value is, for the colour bar and tooltip (e.g. `train loss`). */
  valueLabel?: string;
  /** Colours and contour levels on log10 of the values: losses span decades near a minimum. */
  logValues?: boolean;
  /** Number of contour levels. */
  levels?: number;
  /** Trajectory drawn over the landscape (projected training path), in order. */
  path?: Datum[];
  /** Position of a trajectory point in grid coordinates. */
  x?: (d: Datum) => number;
  y?: (d: Datum) => number;
  xLabel?: string;
  yLabel?: string;
  margin?: Margin;
}

// The right margin holds the colour bar, its tick labels and its title.
const HEATMAP_MARGIN: Margin = { top: 12, right: 96, bottom: 42, left: 62 };

/** Cell edges: midpoints between neighbours, the ends extended by half a step. */
function edges(coords: number[]): number[] {
  if (coords.length === 1) {
    const c = coords[0] ?? 0;
    return [c - 0.5, c + 0.5];
  }
  const out: number[] = [];
  for (let i = 0; i <= coords.length; i++) {
    const prev = coords[Math.max(0, i - 1)] ?? 0;
    const next = coords[Math.min(coords.length - 1, i)] ?? 0;
    if (i === 0) out.push(next - ((coords[1] ?? next) - next) / 2);
    else if (i === coords.length) out.push(prev + (prev - (coords[coords.length - 2] ?? prev)) / 2);
    else out.push((prev + next) / 2);
  }
  return out;
}

/** The grid coordinates with one more step beyond each end (the padded grid's, see `contourPaths`). */
export function padCoords(coords: number[]): number[] {
  const first = coords[0] ?? 0;
  const last = coords[coords.length - 1] ?? first;
  const lowStep = coords.length > 1 ? (coords[1] ?? first) - first : 1;
  const highStep = coords.length > 1 ? last - (coords[coords.length - 2] ?? last) : 1;
  return [first - lowStep, ...coords, last + highStep];
}

/**
 * d3-contour places value index i at coordinate i + 0.5 of a [0, n] grid; this maps such a
 * coordinate back to data space by interpolating the (possibly uneven) grid coordinates.
 */
export function gridToData(coords: number[], c: number): number {
  const index = Math.min(coords.length - 1, Math.max(0, c - 0.5));
  const lo = Math.floor(index);
  const hi = Math.min(coords.length - 1, lo + 1);
  const a = coords[lo] ?? 0;
  const b = coords[hi] ?? a;
  return a + (b - a) * (index - lo);
}

/** A 2-D grid as a heatmap with contour lines on top and an optional trajectory over both. */
export function HeatmapContour<Datum>({
  width,
  height,
  xs,
  ys,
  values,
  valueLabel = 'value',
  logValues = false,
  levels = 12,
  path,
  x,
  y,
  xLabel,
  yLabel,
  margin = HEATMAP_MARGIN,
}: HeatmapContourProps<Datum>) {
  const [hover, setHover] = useState<{ i: number; j: number; left: number; top: number } | null>(null);
  const innerWidth = Math.max(10, width - margin.left - margin.right);
  const innerHeight = Math.max(10, height - margin.top - margin.bottom);
  const xEdges = useMemo(() => edges(xs), [xs]);
  const yEdges = useMemo(() => edges(ys), [ys]);
  const xScale: NumericScale = useMemo(() => makeScale('linear', [xEdges[0] ?? 0, xEdges[xEdges.length - 1] ?? 1], [0, innerWidth], false), [xEdges, innerWidth]);
  const yScale: NumericScale = useMemo(() => makeScale('linear', [yEdges[0] ?? 0, yEdges[yEdges.length - 1] ?? 1], [innerHeight, 0], false), [yEdges, innerHeight]);

  const { flat, lo, hi } = useMemo(() => {
    const transform = (v: number) => (logValues ? Math.log10(Math.max(v, 1e-30)) : v);
    const list: number[] = [];
    let min = Infinity;
    let max = -Infinity;
    for (let j = 0; j < ys.length; j++) {
      for (let i = 0; i < xs.length; i++) {
        const v = transform(values[j]?.[i] ?? Number.NaN);
        list.push(v);
        if (Number.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    if (!(max > min)) max = min + 1;
    return { flat: list, lo: min, hi: max };
  }, [values, xs.length, ys.length, logValues]);

  const color = (v: number) => (Number.isFinite(v) ? viridis((v - lo) / (hi - lo)) : '#f1f3f5');

  // d3-contour closes every level's polygon along the grid's border, which drew white lines half a
  // cell inside the heatmap's edges. The grid is padded with a copy of its edge values (no level
  // crosses between a cell and its copy), so those closing segments lie on the padded border, a
  // step beyond the data, and the clip at the cells' outer edges leaves only the real isolines.
  const contourPaths = useMemo(() => {
    if (xs.length < 2 || ys.length < 2) return [];
    const thresholds = Array.from({ length: levels }, (_, k) => lo + ((k + 0.5) * (hi - lo)) / levels);
    const width = xs.length + 2;
    const height = ys.length + 2;
    const padded: number[] = [];
    for (let j = 0; j < height; j++) {
      const row = Math.min(ys.length - 1, Math.max(0, j - 1));
      for (let i = 0; i < width; i++) {
        const v = flat[row * xs.length + Math.min(xs.length - 1, Math.max(0, i - 1))] ?? Number.NaN;
        padded.push(Number.isFinite(v) ? v : hi);
      }
    }
    const xsPadded = padCoords(xs);
    const ysPadded = padCoords(ys);
    const generator = contours().size([width, height]).thresholds(thresholds);
    return generator(padded).map((polygon) => ({
      value: polygon.value,
      d: polygon.coordinates
        .flatMap((rings) =>
          rings.map(
            (ring) =>
              `${ring
                .map((point, k) => `${k === 0 ? 'M' : 'L'}${(xScale(gridToData(xsPadded, point[0] ?? 0)) ?? 0).toFixed(2)},${(yScale(gridToData(ysPadded, point[1] ?? 0)) ?? 0).toFixed(2)}`)
                .join('')}Z`,
          ),
        )
        .join(''),
    }));
  }, [xs, ys, flat, lo, hi, levels, xScale, yScale]);

  function onMove(event: MouseEvent<SVGRectElement>) {
    const point = pointerIn(event);
    const i = nearestIndex(xs, (v) => v, xScale.invert(point.x));
    const j = nearestIndex(ys, (v) => v, yScale.invert(point.y));
    setHover({ i, j, left: point.x + margin.left, top: point.y + margin.top });
  }

  // The keyboard reads the same tooltip: focus shows the middle cell, ← → move along x, ↑ ↓
  // along y (Shift: a fifth of the grid), Home/End the row's ends, Escape hides it.
  function showCell(cell: GridCell | null) {
    if (!cell) return setHover(null);
    const left = (xScale(xs[cell.i] ?? 0) ?? 0) + margin.left;
    const top = (yScale(ys[cell.j] ?? 0) ?? 0) + margin.top;
    setHover({ ...cell, left, top });
  }
  function onKey(event: KeyboardEvent<HTMLDivElement>) {
    const next = nextCell(event.key, event.shiftKey, hover ? { i: hover.i, j: hover.j } : null, xs.length, ys.length);
    if (next === undefined) return;
    event.preventDefault();
    showCell(next);
  }

  const trajectory = path && x && y ? path.map((d) => ({ px: xScale(x(d)) ?? 0, py: yScale(y(d)) ?? 0 })) : [];
  const barHeight = innerHeight;
  const clipId = `heatmap-clip-${useId().replace(/:/g, '')}`;
  const cellsLeft = xScale(xEdges[0] ?? 0) ?? 0;
  const cellsRight = xScale(xEdges[xEdges.length - 1] ?? 0) ?? innerWidth;
  const cellsTop = yScale(yEdges[yEdges.length - 1] ?? 0) ?? 0;
  const cellsBottom = yScale(yEdges[0] ?? 0) ?? innerHeight;
  const barTitle = `${valueLabel}${logValues ? ' (log colour)' : ''}`;
  const hoverValue = hover ? values[hover.j]?.[hover.i] : undefined;

  return (
    <div
      className="chart"
      style={{ position: 'relative', width }}
      tabIndex={0}
      role="group"
      aria-label={`${valueLabel} over ${xLabel ?? 'x'} and ${yLabel ?? 'y'}: arrow keys read the cells`}
      onFocus={(event) => {
        if (event.target === event.currentTarget && xs.length > 0 && ys.length > 0) showCell({ i: Math.floor((xs.length - 1) / 2), j: Math.floor((ys.length - 1) / 2) });
      }}
      onBlur={() => setHover(null)}
      onKeyDown={onKey}
    >
      <svg className="saddle-chart" width={width} height={height} role="img" aria-label={`${valueLabel} landscape`}>
        <Group left={margin.left} top={margin.top}>
          <g className="saddle-cells">
            {ys.map((_, j) =>
              xs.map((__, i) => {
                const x0 = xScale(xEdges[i] ?? 0) ?? 0;
                const x1 = xScale(xEdges[i + 1] ?? 0) ?? 0;
                const y0 = yScale(yEdges[j + 1] ?? 0) ?? 0;
                const y1 = yScale(yEdges[j] ?? 0) ?? 0;
                return (
                  <rect
                    key={`${i}-${j}`}
                    className="saddle-cell"
                    x={x0}
                    y={y0}
                    width={Math.max(0, x1 - x0) + 0.5}
                    height={Math.max(0, y1 - y0) + 0.5}
                    fill={color(flat[j * xs.length + i] ?? Number.NaN)}
                  />
                );
              }),
            )}
          </g>
          <clipPath id={clipId}>
            <rect x={cellsLeft} y={cellsTop} width={Math.max(0, cellsRight - cellsLeft)} height={Math.max(0, cellsBottom - cellsTop)} />
          </clipPath>
          <g clipPath={`url(#${clipId})`}>
            {contourPaths.map((c) => (
              <path key={c.value} className="saddle-contour" d={c.d} fill="none" stroke="#ffffff" strokeOpacity={0.55} strokeWidth={0.9} />
            ))}
          </g>
          <ChartAxes xScale={xScale} yScale={yScale} xKind="linear" yKind="linear" innerWidth={innerWidth} innerHeight={innerHeight} xLabel={xLabel} yLabel={yLabel} grid={false} />
          {trajectory.length > 0 ? (
            <g className="saddle-trajectory">
              <path d={trajectory.map((p, k) => `${k === 0 ? 'M' : 'L'}${p.px},${p.py}`).join('')} fill="none" stroke="#ffffff" strokeWidth={3.5} strokeOpacity={0.9} />
              <path d={trajectory.map((p, k) => `${k === 0 ? 'M' : 'L'}${p.px},${p.py}`).join('')} fill="none" stroke="#e8590c" strokeWidth={1.75} />
              {trajectory.map((p, k) => (
                <circle key={k} className="saddle-trajectory-point" cx={p.px} cy={p.py} r={k === trajectory.length - 1 ? 5 : 2.75} fill={k === trajectory.length - 1 ? '#e8590c' : '#fff'} stroke="#e8590c" strokeWidth={1.25} />
              ))}
            </g>
          ) : null}
          <rect className="saddle-hit" width={innerWidth} height={innerHeight} fill="transparent" onMouseMove={onMove} onMouseLeave={() => setHover(null)} />
        </Group>
        <Group left={width - margin.right + 14} top={margin.top} className="saddle-colorbar">
          {Array.from({ length: 40 }, (_, k) => (
            <rect key={k} x={0} y={(barHeight * (39 - k)) / 40} width={12} height={barHeight / 40 + 0.5} fill={viridis(k / 39)} />
          ))}
          {[0, 0.5, 1].map((t) => (
            <text key={t} x={16} y={barHeight * (1 - t) + 4} fontSize={10} fill="#495057">
              {formatNumber(logValues ? 10 ** (lo + t * (hi - lo)) : lo + t * (hi - lo))}
            </text>
          ))}
          {/* What the colours mean, read bottom to top beside the bar (an exported figure has no tooltip). */}
          <text className="saddle-colorbar-title" transform={`translate(${margin.right - 20}, ${barHeight / 2}) rotate(-90)`} textAnchor="middle" fontSize={11} fill="#495057">
            {barTitle}
          </text>
        </Group>
      </svg>
      {hover && hoverValue !== undefined ? (
        <ChartTooltip left={hover.left} top={hover.top} containerWidth={width}>
          <div className="chart-tooltip-row">
            <span className="name">{xLabel ?? 'x'}</span>
            <span className="value">{formatNumber(xs[hover.i] ?? Number.NaN, 3)}</span>
          </div>
          <div className="chart-tooltip-row">
            <span className="name">{yLabel ?? 'y'}</span>
            <span className="value">{formatNumber(ys[hover.j] ?? Number.NaN, 3)}</span>
          </div>
          <div className="chart-tooltip-row">
            <span className="name">{valueLabel}</span>
            <span className="value">{formatNumber(hoverValue, 4)}</span>
          </div>
        </ChartTooltip>
      ) : null}
    </div>
  );
}
