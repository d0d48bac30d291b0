'use client';

import { Group } from '@visx/group';
import { Area, LinePath } from '@visx/shape';
import { useMemo, useState, type MouseEvent } from 'react';
import { ChartAxes, DEFAULT_MARGIN, type Margin } from './ChartAxes';
import { ChartTooltip } from './ChartTooltip';
import { ema } from './ema';
import { Legend, useLegendToggle, type LegendEntry } from './Legend';
import { pointerIn } from './pointer';
import { seriesColor } from './palette';
import { extentOf, formatNumber, isPlottable, makeScale, type AxisScale } from './scales';
import { meanBand, nearestIndex, type BandPoint, type Series } from './series';

export interface LineChartProps<Datum> {
  /** Width of the SVG, px (from `ParentSize` outside). */
  width: number;
  /** Height of the SVG, px; the legend renders below it. */
  height: number;
  /** The lines, each sorted by x. Series of one `group` share a colour (and a band with `bands`). */
  series: Series<Datum>[];
  /** Horizontal value of a datum (step, epoch, seconds, α, ...). */
  x: (d: Datum) => number;
  /** Vertical value of a datum. */
  y: (d: Datum) => number;
  /** Lower envelope of a datum that stands for a bucket (min of its raw points); drawn as a shaded band. */
  yMin?: (d: Datum) => number | undefined;
  /** Upper envelope of a bucket (max of its raw points), so one-step spikes survive downsampling. */
  yMax?: (d: Datum) => number | undefined;
  /** Axis kinds; values a log axis cannot show (≤ 0) are left out of the line, not drawn at 0. */
  xScale?: AxisScale;
  yScale?: AxisScale;
  xLabel?: string;
  yLabel?: string;
  /** Fixed domains (e.g. shared by twin panels); by default the extent of the visible data. */
  xDomain?: [number, number];
  yDomain?: [number, number];
  /** EMA weight in [0, 1): above 0 the smoothed curve is drawn over a faint copy of the raw one. */
  smoothing?: number;
  /** Draws each group with two or more series as its mean line and a mean ± std band. */
  bands?: boolean;
  /** Hides x tick labels and title (upper panel of a twin pair). */
  hideXAxis?: boolean;
  /** Hidden legend ids (series ids, or group names for grouped series); uncontrolled when omitted. */
  hidden?: ReadonlySet<string>;
  /** Called when a legend entry is clicked; required with `hidden`. */
  onToggle?: (id: string) => void;
  /** Shows the legend below the plot (default true). */
  legend?: boolean;
  /** Data drawn with a ring marker on their line (e.g. α where batch norm was patched); the caller says what a marker means. */
  marked?: (d: Datum) => boolean;
  /**
   * Non-finite data (a NaN or ±Infinity loss): the line has a gap there (its y is NaN), and this
   * draws a marker at the top of the plot at the datum's x, titled with what it returns ("NaN").
   * undefined/null for a finite datum.
   */
  nonFinite?: (d: Datum) => string | null | undefined;
  /** Half-length of a datum's error bar (e.g. one standard error over seeds); none where undefined. */
  errorBar?: (d: Datum) => number | undefined;
  margin?: Margin;
}

interface Prepared<Datum> {
  series: Series<Datum>;
  color: string;
  legendId: string;
  /** Smoothed values aligned with `series.data`, or null when smoothing is off. */
  smoothed: number[] | null;
  /** SVG dash pattern, undefined for solid. */
  dash: string | undefined;
}

/** Dashes of the 1st…4th run of a group; later runs (replicas of a sweep) stay solid. */
const GROUP_DASHES = [undefined, '6 3', '2 3', '9 3 2 3'] as const;

interface Hover {
  left: number;
  top: number;
  x: number;
  rows: { id: string; label: string; color: string; value: number; px: number; py: number }[];
}

/**
 * Lines of many runs over one x: log or linear axes, legend toggles, a tooltip with every visible
 * series at the hovered x, optional EMA smoothing (raw curve shadowed under it), optional
 * mean ± std bands per group, and min/max envelopes for downsampled series.
 */
export function LineChart<Datum>({
  width,
  height,
  series,
  x,
  y,
  yMin,
  yMax,
  xScale: xKind = 'linear',
  yScale: yKind = 'linear',
  xLabel,
  yLabel,
  xDomain,
  yDomain,
  smoothing = 0,
  bands = false,
  hideXAxis = false,
  hidden: hiddenProp,
  onToggle,
  legend = true,
  marked,
  nonFinite,
  errorBar,
  margin = DEFAULT_MARGIN,
}: LineChartProps<Datum>) {
  const [hiddenState, toggleState] = useLegendToggle();
  const hidden = hiddenProp ?? hiddenState;
  const toggle = onToggle ?? toggleState;
  const [hover, setHover] = useState<Hover | null>(null);

  const innerWidth = Math.max(10, width - margin.left - margin.right);
  const innerHeight = Math.max(10, height - margin.top - margin.bottom);

  // Colours follow groups in order of first appearance, so a family keeps its colour as runs stream in.
  const { prepared, legendEntries } = useMemo(() => {
    const groupColor = new Map<string, string>();
    const memberCount = new Map<string, number>();
    const entries: LegendEntry[] = [];
    const list: Prepared<Datum>[] = series.map((s) => {
      const legendId = s.group ?? s.id;
      let color = groupColor.get(legendId);
      if (!color) {
        color = s.color ?? seriesColor(groupColor.size);
        groupColor.set(legendId, color);
        entries.push({ id: legendId, label: s.group ?? s.label, color, dashed: s.dashed });
      }
      const smoothed = smoothing > 0 ? ema(s.data.map(y), smoothing) : null;
      // Runs sharing a colour are told apart by dash (tooltips name them), up to four per group.
      const indexInGroup = (memberCount.get(legendId) ?? 0) + 1;
      memberCount.set(legendId, indexInGroup);
      const dash = s.dashed ? '5 4' : GROUP_DASHES[indexInGroup - 1];
      return { series: s, color: s.color ?? color, legendId, smoothed, dash };
    });
    return { prepared: list, legendEntries: entries };
  }, [series, y, smoothing]);

  const visible = useMemo(() => prepared.filter((p) => !hidden.has(p.legendId)), [prepared, hidden]);

  const groupBands = useMemo(() => {
    if (!bands) return [];
    const byGroup = new Map<string, Prepared<Datum>[]>();
    for (const p of visible) {
      if (!p.series.group) continue;
      const list = byGroup.get(p.series.group) ?? [];
      list.push(p);
      byGroup.set(p.series.group, list);
    }
    return [...byGroup.entries()]
      .filter(([, members]) => members.length >= 2)
      .map(([group, members]) => ({
        group,
        color: members[0]?.color ?? seriesColor(0),
        // With smoothing on, the band summarises the smoothed curves the reader sees.
        points: meanBand(
          members.map((m) => ({ ...m.series, data: m.series.data.map((d, i) => ({ x: x(d), y: m.smoothed?.[i] ?? y(d) })) })),
          (d) => d.x,
          (d) => d.y,
        ),
      }));
  }, [bands, visible, x, y]);

  const xScale = useMemo(() => {
    const domain = xDomain ?? extentOf(visible.flatMap((p) => p.series.data.map(x)), xKind);
    return makeScale(xKind, domain, [0, innerWidth], false);
  }, [xDomain, visible, x, xKind, innerWidth]);

  const yScale = useMemo(() => {
    if (yDomain) return makeScale(yKind, yDomain, [innerHeight, 0]);
    const values: number[] = [];
    for (const p of visible) {
      for (const d of p.series.data) {
        values.push(y(d));
        const lo = yMin?.(d);
        const hi = yMax?.(d);
        if (lo !== undefined) values.push(lo);
        if (hi !== undefined) values.push(hi);
      }
    }
    for (const band of groupBands) for (const b of band.points) values.push(b.lower, b.upper);
    return makeScale(yKind, extentOf(values, yKind), [innerHeight, 0]);
  }, [yDomain, visible, y, yMin, yMax, groupBands, yKind, innerHeight]);

  const px = (d: Datum) => xScale(x(d)) ?? 0;
  const definedX = (d: Datum) => isPlottable(x(d), xKind);
  const bandedGroups = new Set(groupBands.map((b) => b.group));

  function onMove(event: MouseEvent<SVGRectElement>) {
    const point = pointerIn(event);
    const target = xScale.invert(point.x);
    const rows: Hover['rows'] = [];
    for (const p of visible) {
      const i = nearestIndex(p.series.data, x, target);
      const d = p.series.data[i];
      if (d === undefined) continue;
      const value = p.smoothed?.[i] ?? y(d);
      if (!isPlottable(value, yKind)) continue;
      rows.push({ id: p.series.id, label: p.series.label, color: p.color, value, px: px(d), py: yScale(value) ?? 0 });
    }
    const nearest = rows.length > 0 ? xScale.invert(rows[0]?.px ?? 0) : target;
    setHover({ left: point.x + margin.left, top: point.y + margin.top, x: nearest, rows });
  }

  return (
    <div className="chart" style={{ position: 'relative', width }}>
      <svg className="saddle-chart" width={width} height={height} role="img" aria-label={yLabel ? `${yLabel} vs ${xLabel ?? 'x'}` : 'line chart'}>
        <Group left={margin.left} top={margin.top}>
          <ChartAxes
            xScale={xScale}
            yScale={yScale}
            xKind={xKind}
            yKind={yKind}
            innerWidth={innerWidth}
            innerHeight={innerHeight}
            xLabel={xLabel}
            yLabel={yLabel}
            hideXTickLabels={hideXAxis}
          />
          {groupBands.map((band) => (
            <Area<BandPoint>
              key={`band-${band.group}`}
              className="saddle-band"
              data={band.points}
              x={(b) => xScale(b.x) ?? 0}
              y0={(b) => yScale(b.lower) ?? 0}
              y1={(b) => yScale(b.upper) ?? 0}
              defined={(b) => isPlottable(b.x, xKind) && isPlottable(b.lower, yKind) && isPlottable(b.upper, yKind)}
              fill={band.color}
              fillOpacity={0.16}
            />
          ))}
          {yMin && yMax
            ? visible.map((p) => (
                <Area<Datum>
                  key={`envelope-${p.series.id}`}
                  className="saddle-envelope"
                  data={p.series.data}
                  x={px}
                  y0={(d) => yScale(yMin(d) ?? y(d)) ?? 0}
                  y1={(d) => yScale(yMax(d) ?? y(d)) ?? 0}
                  defined={(d) => definedX(d) && isPlottable(yMin(d) ?? y(d), yKind) && isPlottable(yMax(d) ?? y(d), yKind)}
                  fill={p.color}
                  fillOpacity={0.14}
                />
              ))
            : null}
          {visible.map((p) => {
            const inBand = p.series.group !== undefined && bandedGroups.has(p.series.group);
            const raw = (
              <LinePath<Datum>
                key={`raw-${p.series.id}`}
                className={p.smoothed ? 'saddle-line-raw' : 'saddle-line'}
                data={p.series.data}
                x={px}
                y={(d) => yScale(y(d)) ?? 0}
                defined={(d) => definedX(d) && isPlottable(y(d), yKind)}
                stroke={p.color}
                strokeWidth={p.smoothed || inBand ? 1 : 1.75}
                strokeOpacity={p.smoothed ? 0.22 : inBand ? 0.35 : 1}
                strokeDasharray={inBand ? undefined : p.dash}
                data-series={p.series.id}
              />
            );
            if (!p.smoothed) return raw;
            const smoothed = p.smoothed;
            const indexed = p.series.data.map((d, i) => ({ d, v: smoothed[i] ?? Number.NaN }));
            return [
              raw,
              <LinePath<{ d: Datum; v: number }>
                key={`smooth-${p.series.id}`}
                className="saddle-line"
                data={indexed}
                x={(e) => px(e.d)}
                y={(e) => yScale(e.v) ?? 0}
                defined={(e) => definedX(e.d) && isPlottable(e.v, yKind)}
                stroke={p.color}
                strokeWidth={inBand ? 1 : 1.75}
                strokeOpacity={inBand ? 0.35 : 1}
                strokeDasharray={inBand ? undefined : p.dash}
                data-series={p.series.id}
              />,
            ];
          })}
          {errorBar
            ? visible.flatMap((p) =>
                p.series.data.flatMap((d, i) => {
                  const half = errorBar(d);
                  const value = y(d);
                  if (half === undefined || !Number.isFinite(half) || !definedX(d) || !isPlottable(value, yKind)) return [];
                  // On a log axis a bar reaching 0 or below is cut at the axis' bottom.
                  const top = yScale(value + half) ?? 0;
                  const low = value - half;
                  const bottom = isPlottable(low, yKind) ? (yScale(low) ?? innerHeight) : innerHeight;
                  const cx = px(d);
                  return [
                    <path
                      key={`error-${p.series.id}-${i}`}
                      className="saddle-error-bar"
                      d={`M${cx - 3},${top}H${cx + 3}M${cx},${top}V${bottom}M${cx - 3},${bottom}H${cx + 3}`}
                      stroke={p.color}
                      strokeWidth={1.25}
                      fill="none"
                      data-series={p.series.id}
                    />,
                  ];
                }),
              )
            : null}
          {marked
            ? visible.flatMap((p) =>
                p.series.data
                  .filter((d) => marked(d) && definedX(d) && isPlottable(y(d), yKind))
                  .map((d, i) => (
                    <circle
                      key={`marker-${p.series.id}-${i}`}
                      className="saddle-marker"
                      cx={px(d)}
                      cy={yScale(y(d)) ?? 0}
                      r={4.5}
                      fill="#fff"
                      stroke={p.color}
                      strokeWidth={2}
                      data-series={p.series.id}
                    />
                  )),
              )
            : null}
          {nonFinite
            ? visible.flatMap((p) =>
                p.series.data.flatMap((d, i) => {
                  const label = nonFinite(d);
                  if (!label || !definedX(d)) return [];
                  // A value no axis can place: a downward triangle on the plot's top edge, in the series' colour.
                  return [
                    <path key={`nonfinite-${p.series.id}-${i}`} className="saddle-nonfinite" d={`M${px(d) - 4},0 h8 l-4,7 z`} fill={p.color} data-series={p.series.id}>
                      <title>{`${p.series.label}: ${label} at x = ${x(d)}`}</title>
                    </path>,
                  ];
                }),
              )
            : null}
          {groupBands.map((band) => (
            <LinePath<BandPoint>
              key={`mean-${band.group}`}
              className="saddle-mean"
              data={band.points}
              x={(b) => xScale(b.x) ?? 0}
              y={(b) => yScale(b.mean) ?? 0}
              defined={(b) => isPlottable(b.x, xKind) && isPlottable(b.mean, yKind)}
              stroke={band.color}
              strokeWidth={2.25}
            />
          ))}
          {hover ? (
            <g className="saddle-hover" pointerEvents="none">
              <line x1={hover.rows[0]?.px ?? 0} x2={hover.rows[0]?.px ?? 0} y1={0} y2={innerHeight} stroke="#adb5bd" strokeDasharray="3 3" />
              {hover.rows.map((row) => (
                <circle key={row.id} cx={row.px} cy={row.py} r={3.5} fill={row.color} stroke="#fff" strokeWidth={1.5} />
              ))}
            </g>
          ) : null}
          <rect
            className="saddle-hit"
            width={innerWidth}
            height={innerHeight}
            fill="transparent"
            onMouseMove={onMove}
            onMouseLeave={() => setHover(null)}
          />
        </Group>
      </svg>
      {hover && hover.rows.length > 0 ? (
        <ChartTooltip left={hover.left} top={hover.top} containerWidth={width}>
          <div className="chart-tooltip-title">
            {xLabel ?? 'x'} = {formatNumber(hover.x, 4)}
          </div>
          {hover.rows.slice(0, 12).map((row) => (
            <div key={row.id} className="chart-tooltip-row">
              <span className="swatch" style={{ background: row.color }} />
              <span className="name">{row.label}</span>
              <span className="value">{formatNumber(row.value, 4)}</span>
            </div>
          ))}
          {hover.rows.length > 12 ? <div className="chart-tooltip-more">+{hover.rows.length - 12} more</div> : null}
        </ChartTooltip>
      ) : null}
      {legend && legendEntries.length > 1 ? <Legend entries={legendEntries} hidden={hidden} onToggle={toggle} /> : null}
    </div>
  );
}
