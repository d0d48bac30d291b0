'use client';

import { Group } from '@visx/group';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { ChartAxes, DEFAULT_MARGIN, type Margin } from './ChartAxes';
import { ChartTooltip } from './ChartTooltip';
import { nextIndex } from './keyboard-cursor';
import { seriesColor } from './palette';
import { extentOf, formatNumber, makeScale, type AxisScale } from './scales';

export interface HistogramProps<Datum> {
  /** Width and height of the SVG, px. */
  width: number;
  height: number;
  /** The bins, in any order. */
  bins: Datum[];
  /** Left and right edge of a bin. */
  x0: (d: Datum) => number;
  x1: (d: Datum) => number;
  /** How many values fell in the bin. */
  count: (d: Datum) => number;
  /** Log counts: a Hessian spectrum has a few outliers beside a bulk near zero. */
  yScale?: AxisScale;
  /** The bins' axis; `symlog` for values of both signs spanning decades (the spectrum with its negative eigenvalues). */
  xScale?: AxisScale;
  color?: string;
  xLabel?: string;
  yLabel?: string;
  margin?: Margin;
}

/** Bars over bin edges (e.g. the Hessian eigenvalue spectrum), with the range and count on hover. */
export function Histogram<Datum>({ width, height, bins, x0, x1, count, yScale: yKind = 'linear', xScale: xKind = 'linear', color = seriesColor(0), xLabel, yLabel = 'count', margin = DEFAULT_MARGIN }: HistogramProps<Datum>) {
  const [hover, setHover] = useState<{ index: number; left: number; top: number } | null>(null);
  const innerWidth = Math.max(10, width - margin.left - margin.right);
  const innerHeight = Math.max(10, height - margin.top - margin.bottom);
  const xScale = useMemo(() => makeScale(xKind, extentOf(bins.flatMap((b) => [x0(b), x1(b)]), xKind), [0, innerWidth], false), [bins, x0, x1, xKind, innerWidth]);
  const yScale = useMemo(() => {
    const counts = bins.map(count);
    const [, max] = extentOf(counts, yKind);
    // bars stand on 0 (linear) or on 0.5 (log, so a count of 1 is still visible)
    return makeScale(yKind, yKind === 'log' ? [0.5, Math.max(1, max) * 1.5] : [0, Math.max(1, max)], [innerHeight, 0]);
  }, [bins, count, yKind, innerHeight]);
  const base = yScale(yKind === 'log' ? 0.5 : 0) ?? innerHeight;
  const hovered = hover ? bins[hover.index] : undefined;

  // The keyboard reads the same tooltip: focus shows the leftmost bin, ← → go through the bins
  // left to right (Shift: a fifth of them), Home/End the ends, Escape hides it.
  const byX = useMemo(() => bins.map((b, index) => ({ b, index })).sort((a, b) => x0(a.b) - x0(b.b)), [bins, x0]);
  function showAt(position: number | null) {
    const at = position === null ? undefined : byX[position];
    if (!at) return setHover(null);
    const c = count(at.b);
    const top = c > 0 ? (yScale(c) ?? base) : base;
    setHover({ index: at.index, left: (((xScale(x0(at.b)) ?? 0) + (xScale(x1(at.b)) ?? 0)) / 2) + margin.left, top: top + margin.top });
  }
  function onKey(event: KeyboardEvent<HTMLDivElement>) {
    const current = hover ? byX.findIndex((v) => v.index === hover.index) : -1;
    const next = nextIndex(event.key, event.shiftKey, current < 0 ? null : current, byX.length);
    if (next === undefined) return;
    event.preventDefault();
    showAt(next);
  }

  return (
    <div
      className="chart"
      style={{ position: 'relative', width }}
      tabIndex={0}
      role="group"
      aria-label={`histogram of ${xLabel ?? 'values'}: ← → read the bins`}
      onFocus={(event) => {
        if (event.target === event.currentTarget) showAt(0);
      }}
      onBlur={() => setHover(null)}
      onKeyDown={onKey}
    >
      <svg className="saddle-chart" width={width} height={height} role="img" aria-label="histogram">
        <Group left={margin.left} top={margin.top}>
          <ChartAxes xScale={xScale} yScale={yScale} xKind={xKind} yKind={yKind} innerWidth={innerWidth} innerHeight={innerHeight} xLabel={xLabel} yLabel={yLabel} />
          {bins.map((b, index) => {
            const left = xScale(x0(b)) ?? 0;
            const right = xScale(x1(b)) ?? 0;
            const c = count(b);
            const top = c > 0 ? (yScale(c) ?? base) : base;
            return (
              <rect
                key={index}
                className="saddle-bar"
                x={left + 0.5}
                y={top}
                width={Math.max(1, right - left - 1)}
                height={Math.max(0, base - top)}
                fill={color}
                fillOpacity={hover?.index === index ? 1 : 0.8}
                onMouseMove={(event) => {
                  const rect = (event.currentTarget.ownerSVGElement ?? event.currentTarget).getBoundingClientRect();
                  setHover({ index, left: event.clientX - rect.left, top: event.clientY - rect.top });
                }}
                onMouseLeave={() => setHover(null)}
              />
            );
          })}
        </Group>
      </svg>
      {hover && hovered !== undefined ? (
        <ChartTooltip left={hover.left} top={hover.top} containerWidth={width}>
          <div className="chart-tooltip-title">
            [{formatNumber(x0(hovered), 4)}, {formatNumber(x1(hovered), 4)})
          </div>
          <div className="chart-tooltip-row">
            <span className="name">{yLabel}</span>
            <span className="value">{count(hovered)}</span>
          </div>
        </ChartTooltip>
      ) : null}
    </div>
  );
}
