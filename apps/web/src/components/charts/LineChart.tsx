'use client';

import { Group } from '@visx/group';
import { Area, LinePath } from '@visx/shape';
import { useLayoutEffect, useMemo, useRef, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
// the 1st, 2nd, … line style's dash (`Series.style`; the first solid), the same as the report's renderer draws
import { STYLE_DASHES } from '@saddle/engine/run-groups';
import { dashArray, strokeLine, traceEnvelope, tracePolyline } from './canvas-lines';
import { ChartAxes, DEFAULT_MARGIN, type Margin } from './ChartAxes';
import { ema } from './ema';
import { Legend, useLegendToggle, type LegendEntry } from './Legend';
import { pointerIn } from './pointer';
import { seriesColor } from './palette';
import { extentOfEach, formatNumber, isPlottable, makeScale, type AxisScale } from './scales';
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
  /** Draws a filled dot at every datum: lines through a few separate measurements (one per model or batch size), as HW1 plots them. */
  points?: boolean;
  /** x tick positions (e.g. exactly the batch sizes run); the axis' own ticks when omitted. */
  xTicks?: readonly number[];
  margin?: Margin;
  /**
   * Where lines and envelopes are drawn: SVG paths, or one canvas over the plot (axes, bands and
   * legend stay SVG/HTML). Default `auto`: canvas above CANVAS_POINTS visible points or
   * CANVAS_SERIES visible series, where re-rendering SVG paths costs more than a frame.
   */
  render?: 'auto' | 'svg' | 'canvas';
}

/** The mean ± std family of a series: its band key, else its group within its style; none for an ungrouped series. */
function bandKeyOf<Datum>(s: Series<Datum>): string | undefined {
  if (s.band !== undefined) return s.style === undefined ? s.band : `${s.band}\u0000${s.style}`;
  if (s.group === undefined) return undefined;
  return s.style === undefined ? s.group : `${s.group}\u0000${s.style}`;
}

/** Above this many visible points (or series) `auto` draws on canvas. */
export const CANVAS_POINTS = 20_000;
export const CANVAS_SERIES = 40;

interface Prepared<Datum> {
  series: Series<Datum>;
  color: string;
  legendId: string;
  /** Smoothed values aligned with `series.data`, or null when smoothing is off. */
  smoothed: number[] | null;
  /** SVG dash pattern, undefined for solid. */
  dash: string | undefined;
}

/** The dash of a series marked `dashed` (test curves, ground truth). */
const DASHED = '5 4';
/** Legend ids of style entries (a click hides every series of that style). */
const styleLegendId = (style: string) => `\u0000style:${style}`;
/** Colour of a band whose members are drawn in different colours (seeds of one model, a colour each). */
const MIXED_BAND_COLOR = '#495057';

interface HoverRow {
  id: string;
  label: string;
  color: string;
  value: number;
  px: number;
  py: number;
}

/** Rows a tooltip lists; the rest are counted ("+88 more"). */
const TOOLTIP_ROWS = 12;
const SVG_NS = 'http://www.w3.org/2000/svg';

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
  points = false,
  xTicks,
  margin = DEFAULT_MARGIN,
  render: renderMode = 'auto',
}: LineChartProps<Datum>) {
  const [hiddenState, toggleState] = useLegendToggle();
  const hidden = hiddenProp ?? hiddenState;
  const toggle = onToggle ?? toggleState;
  const rootRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const hoverRef = useRef<SVGGElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const drawVersion = useRef(0);

  const innerWidth = Math.max(10, width - margin.left - margin.right);
  const innerHeight = Math.max(10, height - margin.top - margin.bottom);

  // Colours follow groups in order of first appearance, so a family keeps its colour as runs stream
  // in; a series' own colour (a page-wide assignment) wins, and the palette skips the colours those take.
  const { prepared, legendEntries } = useMemo(() => {
    const taken = new Set(series.flatMap((s) => (s.color ? [s.color] : [])));
    const free = Array.from({ length: 10 }, (_, i) => seriesColor(i)).filter((c) => !taken.has(c));
    const groupColor = new Map<string, string>();
    const styles = [...new Set(series.flatMap((s) => (s.style === undefined ? [] : [s.style])))];
    const styleDash = (style: string | undefined) => (style === undefined || styles.length < 2 ? undefined : STYLE_DASHES[styles.indexOf(style) % STYLE_DASHES.length]);
    const entries: LegendEntry[] = [];
    const list: Prepared<Datum>[] = series.map((s) => {
      const legendId = s.group ?? s.id;
      let color = groupColor.get(legendId);
      if (!color) {
        color = s.color ?? free[groupColor.size % Math.max(1, free.length)] ?? seriesColor(groupColor.size);
        groupColor.set(legendId, color);
        // A family's swatch is solid when styles tell its lines apart (their own entries explain the dashes).
        entries.push({ id: legendId, label: s.group ?? s.label, color, dashed: s.dashed && styles.length < 2 });
      }
      const smoothed = smoothing > 0 ? ema(s.data.map(y), smoothing) : null;
      // Runs of one family are replicas: one colour, one line style. Dashes mean `dashed` or a style, both in the legend.
      const dash = s.dashed ? DASHED : styleDash(s.style);
      return { series: s, color: s.color ?? color, legendId, smoothed, dash };
    });
    if (styles.length >= 2) {
      for (const style of styles) entries.push({ id: styleLegendId(style), label: style, color: MIXED_BAND_COLOR, dash: styleDash(style) ?? '', dashed: styleDash(style) !== undefined });
    }
    return { prepared: list, legendEntries: entries };
  }, [series, y, smoothing]);

  const visible = useMemo(
    () => prepared.filter((p) => !hidden.has(p.legendId) && !(p.series.style !== undefined && hidden.has(styleLegendId(p.series.style)))),
    [prepared, hidden],
  );

  const groupBands = useMemo(() => {
    if (!bands) return [];
    const byGroup = new Map<string, Prepared<Datum>[]>();
    for (const p of visible) {
      const key = bandKeyOf(p.series);
      if (key === undefined) continue;
      const list = byGroup.get(key) ?? [];
      list.push(p);
      byGroup.set(key, list);
    }
    return [...byGroup.entries()]
      .filter(([, members]) => members.length >= 2)
      .map(([group, members]) => ({
        group,
        color: new Set(members.map((m) => m.color)).size === 1 ? (members[0]?.color ?? seriesColor(0)) : MIXED_BAND_COLOR,
        dash: members[0]?.dash,
        // With smoothing on, the band summarises the smoothed curves the reader sees; on a log
        // axis it is the geometric mean ×/÷ std, which the axis can always draw.
        points: meanBand(
          members.map((m) => ({ ...m.series, data: m.series.data.map((d, i) => ({ x: x(d), y: m.smoothed?.[i] ?? y(d) })) })),
          (d) => d.x,
          (d) => d.y,
          { log: yKind === 'log' },
        ),
      }));
  }, [bands, visible, x, y, yKind]);

  const xScale = useMemo(() => {
    const domain =
      xDomain ??
      extentOfEach(xKind, (add) => {
        for (const p of visible) for (const d of p.series.data) add(x(d));
      });
    return makeScale(xKind, domain, [0, innerWidth], false);
  }, [xDomain, visible, x, xKind, innerWidth]);

  const yScale = useMemo(() => {
    if (yDomain) return makeScale(yKind, yDomain, [innerHeight, 0]);
    const domain = extentOfEach(yKind, (add) => {
      for (const p of visible) {
        for (const d of p.series.data) {
          add(y(d));
          const lo = yMin?.(d);
          const hi = yMax?.(d);
          if (lo !== undefined) add(lo);
          if (hi !== undefined) add(hi);
        }
      }
      for (const band of groupBands) {
        for (const b of band.points) {
          add(b.lower);
          add(b.upper);
        }
      }
    });
    return makeScale(yKind, domain, [innerHeight, 0]);
  }, [yDomain, visible, y, yMin, yMax, groupBands, yKind, innerHeight]);

  const px = (d: Datum) => xScale(x(d)) ?? 0;
  const definedX = (d: Datum) => isPlottable(x(d), xKind);
  const bandedGroups = new Set(groupBands.map((b) => b.group));
  const inBandOf = (s: Series<Datum>) => {
    const key = bandKeyOf(s);
    return key !== undefined && bandedGroups.has(key);
  };

  const pointCount = visible.reduce((n, p) => n + p.series.data.length, 0);
  const onCanvas = renderMode === 'canvas' || (renderMode === 'auto' && (pointCount > CANVAS_POINTS || visible.length > CANVAS_SERIES));

  // Canvas lines are drawn after each commit, before the browser paints (so never a frame late).
  useLayoutEffect(() => {
    const root = rootRef.current;
    const canvas = canvasRef.current;
    if (!root) return;
    if (!onCanvas || !canvas) {
      delete root.dataset.linesDrawn;
      return;
    }
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(innerWidth * ratio);
    canvas.height = Math.round(innerHeight * ratio);
    const context = canvas.getContext('2d');
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, innerWidth, innerHeight);
    context.save();
    context.beginPath();
    context.rect(0, 0, innerWidth, innerHeight);
    context.clip();
    context.lineJoin = 'round';
    // At one device pixel per CSS pixel, wide lines are drawn as 1-px hairlines (canvas-lines.ts).
    const hairlines = ratio === 1;
    const yPx = (v: number) => yScale(v) ?? Number.NaN;
    if (yMin && yMax) {
      for (const p of visible) {
        // A series with no bucket (no datum has a min or max) has an envelope of no area: skipped.
        if (!p.series.data.some((d) => yMin(d) !== undefined || yMax(d) !== undefined)) continue;
        context.beginPath();
        traceEnvelope(context, p.series.data, px, (d) => yPx(yMax(d) ?? y(d)), (d) => yPx(yMin(d) ?? y(d)), (d) => definedX(d) && isPlottable(yMin(d) ?? y(d), yKind) && isPlottable(yMax(d) ?? y(d), yKind));
        context.globalAlpha = 0.14;
        context.fillStyle = p.color;
        context.fill();
      }
    }
    let drawn = 0;
    for (const p of visible) {
      const inBand = inBandOf(p.series);
      const stroke = (values: (d: Datum, i: number) => number, width: number, alpha: number) => {
        context.globalAlpha = alpha;
        context.strokeStyle = p.color;
        context.setLineDash(inBand ? [] : dashArray(p.dash));
        strokeLine(context, (sink) => tracePolyline(sink, p.series.data, px, (d, i) => yPx(values(d, i)), definedX), width, hairlines);
      };
      const plottable = (v: number) => (isPlottable(v, yKind) ? v : Number.NaN);
      if (p.smoothed) {
        const smoothed = p.smoothed;
        stroke((d) => plottable(y(d)), 1, 0.22);
        stroke((_, i) => plottable(smoothed[i] ?? Number.NaN), inBand ? 1 : 1.75, inBand ? 0.35 : 1);
      } else {
        stroke((d) => plottable(y(d)), inBand ? 1 : 1.75, inBand ? 0.35 : 1);
      }
      drawn++;
    }
    context.setLineDash([]);
    for (const band of groupBands) {
      context.beginPath();
      tracePolyline(context, band.points, (b) => xScale(b.x) ?? Number.NaN, (b) => yPx(b.mean), (b) => isPlottable(b.x, xKind) && isPlottable(b.mean, yKind));
      context.globalAlpha = 1;
      context.lineWidth = 2.25;
      context.strokeStyle = band.color;
      context.setLineDash(dashArray(band.dash));
      context.stroke();
    }
    context.restore();
    drawVersion.current += 1;
    root.dataset.linesDrawn = String(drawn);
    root.dataset.drawVersion = String(drawVersion.current);
  });

  // Hover is painted straight into the DOM on the next animation frame: a mouse move re-renders
  // nothing in React (with 100 runs a render of the chart took most of a second).
  const view = useRef({ visible, xScale, yScale, px });
  view.current = { visible, xScale, yScale, px };
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const frame = useRef<number | null>(null);

  function paintHover() {
    frame.current = null;
    const layer = hoverRef.current;
    const tooltip = tooltipRef.current;
    const at = pointer.current;
    if (!layer || !tooltip) return;
    layer.replaceChildren();
    tooltip.replaceChildren();
    tooltip.hidden = true;
    if (!at) return;
    const { visible: shown, xScale: xs, yScale: ys, px: toPx } = view.current;
    const target = xs.invert(at.x);
    const rows: HoverRow[] = [];
    for (const p of shown) {
      const i = nearestIndex(p.series.data, x, target);
      const d = p.series.data[i];
      if (d === undefined) continue;
      const value = p.smoothed?.[i] ?? y(d);
      if (!isPlottable(value, yKind)) continue;
      rows.push({ id: p.series.id, label: p.series.label, color: p.color, value, px: toPx(d), py: ys(value) ?? 0 });
    }
    const first = rows[0];
    if (!first) return;
    const doc = layer.ownerDocument;
    const rule = doc.createElementNS(SVG_NS, 'line');
    for (const [name, value] of [['x1', first.px], ['x2', first.px], ['y1', 0], ['y2', innerHeight], ['stroke', '#adb5bd'], ['stroke-dasharray', '3 3']] as const) rule.setAttribute(name, String(value));
    layer.appendChild(rule);
    for (const row of rows) {
      const dot = doc.createElementNS(SVG_NS, 'circle');
      for (const [name, value] of [['cx', row.px], ['cy', row.py], ['r', 3.5], ['fill', row.color], ['stroke', '#fff'], ['stroke-width', 1.5]] as const) dot.setAttribute(name, String(value));
      layer.appendChild(dot);
    }
    const left = at.x + margin.left;
    const flip = left > width * 0.6;
    tooltip.style.top = `${at.y + margin.top + 12}px`;
    tooltip.style.left = flip ? '' : `${left + 14}px`;
    tooltip.style.right = flip ? `${width - left + 14}px` : '';
    const title = doc.createElement('div');
    title.className = 'chart-tooltip-title';
    title.textContent = `${xLabel ?? 'x'} = ${formatNumber(xs.invert(first.px), 4)}`;
    tooltip.appendChild(title);
    for (const row of rows.slice(0, TOOLTIP_ROWS)) {
      const line = doc.createElement('div');
      line.className = 'chart-tooltip-row';
      const swatch = doc.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = row.color;
      const name = doc.createElement('span');
      name.className = 'name';
      name.textContent = row.label;
      const value = doc.createElement('span');
      value.className = 'value';
      value.textContent = formatNumber(row.value, 4);
      line.append(swatch, name, value);
      tooltip.appendChild(line);
    }
    if (rows.length > TOOLTIP_ROWS) {
      const more = doc.createElement('div');
      more.className = 'chart-tooltip-more';
      more.textContent = `+${rows.length - TOOLTIP_ROWS} more`;
      tooltip.appendChild(more);
    }
    tooltip.hidden = false;
  }

  function schedule() {
    if (frame.current === null) frame.current = requestAnimationFrame(paintHover);
  }
  function onMove(event: MouseEvent<SVGRectElement>) {
    pointer.current = pointerIn(event);
    schedule();
  }
  function onLeave() {
    pointer.current = null;
    schedule();
  }
  // The keyboard reads the same tooltip: focus shows the latest x, ← → step a 40th of the width
  // (Shift: a fifth), Home/End jump to the ends, Escape hides it.
  function onFocus(event: FocusEvent<HTMLDivElement>) {
    // the chart itself, not a legend button inside it
    if (event.target !== event.currentTarget) return;
    pointer.current = { x: innerWidth, y: innerHeight / 2 };
    schedule();
  }
  function onKey(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget) return;
    const step = innerWidth / (event.shiftKey ? 5 : 40);
    const at = pointer.current?.x ?? innerWidth;
    const next = { ArrowLeft: at - step, ArrowRight: at + step, Home: 0, End: innerWidth }[event.key];
    if (event.key === 'Escape') pointer.current = null;
    else if (next !== undefined) pointer.current = { x: Math.min(innerWidth, Math.max(0, next)), y: innerHeight / 2 };
    else return;
    event.preventDefault();
    schedule();
  }

  // A re-render (new data, toggled series) moves the lines under a shown tooltip: repaint it.
  useLayoutEffect(() => {
    if (pointer.current) schedule();
  });
  useLayoutEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  return (
    <div
      ref={rootRef}
      className="chart"
      style={{ position: 'relative', width }}
      tabIndex={0}
      role="group"
      aria-label={`${yLabel ? `${yLabel} vs ${xLabel ?? 'x'}` : 'line chart'}: ← → read the values`}
      onFocus={onFocus}
      onBlur={(event) => {
        if (event.target === event.currentTarget) onLeave();
      }}
      onKeyDown={onKey}
    >
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
            xTickValues={xTicks}
          />
          {groupBands.map((band) => (
            <Area<BandPoint>
              key={`band-${band.group}`}
              className="saddle-band"
              data={band.points}
              x={(b) => xScale(b.x) ?? 0}
              y1={(b) => yScale(b.upper) ?? 0}
              // a lower edge the axis cannot show is cut at the plot's bottom: the band runs as far as its mean line
              y0={(b) => (isPlottable(b.lower, yKind) ? (yScale(b.lower) ?? innerHeight) : innerHeight)}
              defined={(b) => isPlottable(b.x, xKind) && isPlottable(b.mean, yKind) && isPlottable(b.upper, yKind)}
              fill={band.color}
              fillOpacity={0.16}
            />
          ))}
          {yMin && yMax && !onCanvas
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
          {(onCanvas ? [] : visible).map((p) => {
            const inBand = inBandOf(p.series);
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
          {points
            ? visible.flatMap((p) =>
                p.series.data
                  .filter((d) => definedX(d) && isPlottable(y(d), yKind))
                  .map((d, i) => <circle key={`point-${p.series.id}-${i}`} className="saddle-point" cx={px(d)} cy={yScale(y(d)) ?? 0} r={3.5} fill={p.color} stroke="#fff" strokeWidth={1} data-series={p.series.id} />),
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
          {(onCanvas ? [] : groupBands).map((band) => (
            <LinePath<BandPoint>
              key={`mean-${band.group}`}
              className="saddle-mean"
              data={band.points}
              x={(b) => xScale(b.x) ?? 0}
              y={(b) => yScale(b.mean) ?? 0}
              defined={(b) => isPlottable(b.x, xKind) && isPlottable(b.mean, yKind)}
              stroke={band.color}
              strokeWidth={2.25}
              strokeDasharray={band.dash}
            />
          ))}
          <rect
            className="saddle-hit"
            width={innerWidth}
            height={innerHeight}
            fill="transparent"
            onMouseMove={onMove}
            onMouseLeave={onLeave}
          />
        </Group>
      </svg>
      {onCanvas ? (
        <canvas
          ref={canvasRef}
          className="saddle-lines-canvas"
          aria-hidden="true"
          style={{ position: 'absolute', left: margin.left, top: margin.top, width: innerWidth, height: innerHeight, pointerEvents: 'none' }}
        />
      ) : null}
      <svg className="saddle-overlay" width={width} height={height} aria-hidden="true" style={{ position: 'absolute', left: 0, top: 0, pointerEvents: 'none' }}>
        <g ref={hoverRef} className="saddle-hover" transform={`translate(${margin.left},${margin.top})`} />
      </svg>
      <div ref={tooltipRef} className="chart-tooltip" role="tooltip" aria-live="polite" hidden style={{ position: 'absolute', pointerEvents: 'none' }} />
      {legend && legendEntries.length > 0 ? <Legend entries={legendEntries} hidden={hidden} onToggle={toggle} /> : null}
    </div>
  );
}
