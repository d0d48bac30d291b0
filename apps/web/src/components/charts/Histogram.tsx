'use client';

import { Group } from '@visx/group';
import { useMemo, useState } from 'react';
import { ChartAxes, DEFAULT_MARGIN, type Margin } from './ChartAxes';
import { ChartTooltip } from './ChartTooltip';
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
  color?: string;
  xLabel?: string;
  yLabel?: string;
  margin?: Margin;
}

/** Bars over bin edges (e.g. the Hessian eigenvalue spectrum), with the range and count on hover. */
export function Histogram<Datum>({ width, height, bins, x0, x1, count, yScale: yKind = 'linear', color = seriesColor(0), xLabel, yLabel = 'count', margin = DEFAULT_MARGIN }: HistogramProps<Datum>) {
  const [hover, setHover] = useState<{ index: number; left: number; top: number } | null>(null);
  const innerWidth = Math.max(10, width - margin.left - margin.right);
  const innerHeight = Math.max(10, height - margin.top - margin.bottom);
  const xScale = useMemo(() => makeScale('linear', extentOf(bins.flatMap((b) => [x0(b), x1(b)]), 'linear'), [0, innerWidth], false), [bins, x0, x1, innerWidth]);
  const yScale = useMemo(() => {
    const counts = bins.map(count);
    const [, max] = extentOf(counts, yKind);
    // bars stand on 0 (linear) or on 0.5 (log, so a count of 1 is still visible)
    return makeScale(yKind, yKind === 'log' ? [0.5, Math.max(1, max) * 1.5] : [0, Math.max(1, max)], [innerHeight, 0]);
  }, [bins, count, yKind, innerHeight]);
  const base = yScale(yKind === 'log' ? 0.5 : 0) ?? innerHeight;
  const hovered = hover ? bins[hover.index] : undefined;

  return (
    <div className="chart" style={{ position: 'relative', width }}>
      <svg className="saddle-chart" width={width} height={height} role="img" aria-label="histogram">
        <Group left={margin.left} top={margin.top}>
          <ChartAxes xScale={xScale} yScale={yScale} xKind="linear" yKind={yKind} innerWidth={innerWidth} innerHeight={innerHeight} xLabel={xLabel} yLabel={yLabel} />
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
