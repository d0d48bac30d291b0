'use client';

import { useMemo } from 'react';
import { DEFAULT_MARGIN } from './ChartAxes';
import { useLegendToggle } from './Legend';
import { LineChart } from './LineChart';
import { extentOf, type AxisScale } from './scales';
import type { Series } from './series';

/** One of the two stacked panels. */
export interface TwinPanelSeries<Datum> {
  /** The lines of this panel (e.g. gradient norm per run). */
  series: Series<Datum>[];
  /** Vertical value of a datum in this panel. */
  y: (d: Datum) => number;
  /** Envelope accessors for downsampled series (see LineChart). */
  yMin?: (d: Datum) => number | undefined;
  yMax?: (d: Datum) => number | undefined;
  yScale?: AxisScale;
  yLabel?: string;
}

export interface TwinPanelProps<Datum> {
  /** Width of both panels, px. */
  width: number;
  /** Total height of both panels, px (split evenly; the legend renders below). */
  height: number;
  /** Horizontal value, shared: both panels get the same x domain so iterations line up. */
  x: (d: Datum) => number;
  xScale?: AxisScale;
  xLabel?: string;
  /** Upper and lower panel, e.g. gradient norm over loss. */
  top: TwinPanelSeries<Datum>;
  bottom: TwinPanelSeries<Datum>;
  /** EMA weight for both panels. */
  smoothing?: number;
  /** A non-finite datum's spelling ("NaN", "Infinity", …), drawn as a marker in its panel (see LineChart). */
  nonFinite?: (d: Datum) => string | null | undefined;
}

/**
 * Two metrics of the same runs stacked with a shared x axis (gradient norm over loss,
 * accuracy under loss). One legend toggles a run in both panels.
 */
export function TwinPanel<Datum>({ width, height, x, xScale = 'linear', xLabel, top, bottom, smoothing, nonFinite }: TwinPanelProps<Datum>) {
  const [hidden, toggle] = useLegendToggle();
  const xDomain = useMemo(
    () => extentOf([...top.series, ...bottom.series].flatMap((s) => s.data.map(x)), xScale),
    [top.series, bottom.series, x, xScale],
  );
  const upperHeight = Math.round(height * 0.47);
  return (
    <div className="twin-panel">
      <LineChart
        width={width}
        height={upperHeight}
        series={top.series}
        x={x}
        y={top.y}
        yMin={top.yMin}
        yMax={top.yMax}
        xScale={xScale}
        yScale={top.yScale}
        yLabel={top.yLabel}
        xDomain={xDomain}
        smoothing={smoothing}
        nonFinite={nonFinite}
        hideXAxis
        hidden={hidden}
        onToggle={toggle}
        legend={false}
        margin={{ ...DEFAULT_MARGIN, bottom: 14 }}
      />
      <LineChart
        width={width}
        height={height - upperHeight}
        series={bottom.series}
        x={x}
        y={bottom.y}
        yMin={bottom.yMin}
        yMax={bottom.yMax}
        xScale={xScale}
        yScale={bottom.yScale}
        xLabel={xLabel}
        yLabel={bottom.yLabel}
        xDomain={xDomain}
        smoothing={smoothing}
        nonFinite={nonFinite}
        hidden={hidden}
        onToggle={toggle}
      />
    </div>
  );
}
