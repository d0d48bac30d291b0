import { AxisBottom, AxisLeft } from '@visx/axis';
import { GridColumns, GridRows } from '@visx/grid';
import { CHART_THEME } from './palette';
import { formatNumber, formatTicks, tickValues, type AxisScale, type NumericScale } from './scales';

export interface ChartAxesProps {
  /** Horizontal position scale (already ranged to [0, innerWidth]). */
  xScale: NumericScale;
  /** Vertical position scale (already ranged to [innerHeight, 0]). */
  yScale: NumericScale;
  /** Kinds of the scales: log axes get one tick per decade. */
  xKind: AxisScale;
  yKind: AxisScale;
  /** Size of the plotting area, inside the margins. */
  innerWidth: number;
  innerHeight: number;
  /** Axis titles; omitted titles take no space. */
  xLabel?: string;
  yLabel?: string;
  /** Hides the x tick labels (the upper panel of a twin pair shares the lower one's). */
  hideXTickLabels?: boolean;
  /** Draws grid lines (off over a heatmap, where they would cut the cells). */
  grid?: boolean;
  /**
   * Ticks exactly at these x values (e.g. the batch sizes run, on a log axis) instead of the
   * scale's own; one closer than MIN_TICK_GAP px to the previous kept tick is dropped.
   */
  xTickValues?: readonly number[];
}

/** The least distance between two labelled ticks given as values, px. */
const MIN_TICK_GAP = 36;

/** `values` inside the scale's domain, sorted, each at least `gap` px from the previous one kept. */
export function spacedTicks(values: readonly number[], scale: NumericScale, gap = MIN_TICK_GAP): number[] {
  const [a, b] = scale.domain() as [number, number];
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const kept: number[] = [];
  let last = -Infinity;
  for (const value of [...new Set(values)].filter((v) => Number.isFinite(v) && v >= lo && v <= hi).sort((p, q) => p - q)) {
    const at = scale(value) ?? Number.NaN;
    if (!Number.isFinite(at) || Math.abs(at - last) < gap) continue;
    kept.push(value);
    last = at;
  }
  return kept;
}

const tickLabelProps = { fill: CHART_THEME.axis, fontSize: CHART_THEME.fontSize, fontFamily: CHART_THEME.font } as const;

/** An axis title that says its scale when it is not linear: a reader of an exported figure sees no toggle. */
export function axisTitle(label: string | undefined, kind: AxisScale): string | undefined {
  if (label === undefined || label === '') return label;
  if (kind === 'log') return `${label} (log scale)`;
  return kind === 'symlog' ? `${label} (symmetric log scale)` : label;
}

/** Grid, axes and axis titles shared by every chart, so they all read the same. */
export function ChartAxes({ xScale, yScale, xKind, yKind, innerWidth, innerHeight, xLabel, yLabel, hideXTickLabels, grid = true, xTickValues }: ChartAxesProps) {
  const given = xTickValues ? spacedTicks(xTickValues, xScale) : [];
  const xTicks = given.length >= 2 ? given : tickValues(xScale, xKind, Math.max(2, Math.floor(innerWidth / 90)));
  // log axes label decades, which sit closer together than linear ticks can
  const yTicks = tickValues(yScale, yKind, Math.max(2, Math.floor(innerHeight / (yKind === 'log' ? 26 : 45))));
  // Given ticks are values that were run (batch size 1024, 29,034 parameters): labelled in full, never rounded to 1000.
  const exact = (v: number) => (Number.isInteger(v) ? v.toLocaleString('en-US') : formatNumber(v, 6));
  const xText = new Map(xTicks.map((v, i) => [v, given.length >= 2 ? exact(v) : (formatTicks(xTicks)[i] ?? String(v))]));
  const yText = new Map(yTicks.map((v, i) => [v, formatTicks(yTicks)[i] ?? String(v)]));
  const formatX = (value: unknown) => xText.get(Number(value)) ?? String(value);
  const formatY = (value: unknown) => yText.get(Number(value)) ?? String(value);
  return (
    <g className="saddle-axes">
      {grid ? <GridRows scale={yScale} width={innerWidth} tickValues={yTicks} stroke={CHART_THEME.grid} /> : null}
      {grid ? <GridColumns scale={xScale} height={innerHeight} tickValues={xTicks} stroke={CHART_THEME.grid} /> : null}
      <AxisBottom
        top={innerHeight}
        scale={xScale}
        tickValues={xTicks}
        tickFormat={hideXTickLabels ? () => '' : formatX}
        stroke={CHART_THEME.axis}
        tickStroke={CHART_THEME.axis}
        tickLabelProps={() => ({ ...tickLabelProps, textAnchor: 'middle' as const })}
        label={hideXTickLabels ? undefined : axisTitle(xLabel, xKind)}
        labelProps={{ ...tickLabelProps, fill: CHART_THEME.label, fontSize: 12, textAnchor: 'middle' }}
        labelOffset={8}
      />
      <AxisLeft
        scale={yScale}
        tickValues={yTicks}
        tickFormat={formatY}
        stroke={CHART_THEME.axis}
        tickStroke={CHART_THEME.axis}
        tickLabelProps={() => ({ ...tickLabelProps, textAnchor: 'end' as const, dx: -4, dy: 3 })}
        label={axisTitle(yLabel, yKind)}
        labelProps={{ ...tickLabelProps, fill: CHART_THEME.label, fontSize: 12, textAnchor: 'middle' }}
        labelOffset={34}
      />
    </g>
  );
}

/** Space around the plotting area; left leaves room for tick labels like `1.23e-3`. */
export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const DEFAULT_MARGIN: Margin = { top: 12, right: 18, bottom: 42, left: 62 };
