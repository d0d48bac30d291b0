'use client';

import { Group } from '@visx/group';
import { useMemo, useState, type FocusEvent, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { ChartAxes, DEFAULT_MARGIN, type Margin } from './ChartAxes';
import { ChartTooltip } from './ChartTooltip';
import { nextIndex } from './keyboard-cursor';
import { Legend, useLegendToggle, type LegendEntry } from './Legend';
import { seriesColor } from './palette';
import { pointerIn } from './pointer';
import { extentOf, formatNumber, isPlottable, makeScale, type AxisScale } from './scales';

export interface ScatterChartProps<Datum> {
  /** Width and height of the SVG, px. */
  width: number;
  height: number;
  /** The points. */
  data: Datum[];
  /** Position accessors. */
  x: (d: Datum) => number;
  y: (d: Datum) => number;
  /** Colour family of a point (e.g. `train`/`test`, or a config value); one legend entry each. */
  group?: (d: Datum) => string | undefined;
  /** A group's colour from outside (the page's assignment); groups it leaves undefined take the palette's free colours. */
  groupColor?: (group: string) => string | undefined;
  /** A point to emphasise (ringed, drawn on top): e.g. the run whose spectrum is shown. */
  marked?: (d: Datum) => boolean;
  /**
   * Points the data itself sets apart (e.g. a run whose ‖∇L‖ never reached the threshold): drawn
   * hollow, in their group's colour, with a legend entry of their own that says `flaggedLabel`.
   */
  flagged?: (d: Datum) => boolean;
  /** What a hollow point means, in the legend (default "flagged"). */
  flaggedLabel?: string;
  /** Stable key of a point (React key, `data-key` attribute for tests). */
  pointKey?: (d: Datum, index: number) => string;
  /** Tooltip content for a hovered point; a default shows x and y. */
  renderTooltip?: (d: Datum) => ReactNode;
  /** Clicking a point selects it (e.g. to show its eigenvalue histogram). */
  onSelect?: (d: Datum) => void;
  xScale?: AxisScale;
  yScale?: AxisScale;
  xLabel?: string;
  yLabel?: string;
  /** Joins points of each group in x order (params vs generalization reads as lines). */
  connect?: boolean;
  margin?: Margin;
}

/** Widens a domain by 6% on each side (in log space on a log axis). */
function padded([lo, hi]: [number, number], kind: AxisScale): [number, number] {
  if (kind === 'log') {
    const factor = (hi / lo) ** 0.06;
    return [lo / factor, hi * factor];
  }
  const pad = (hi - lo) * 0.06;
  return [lo - pad, hi + pad];
}

/** Legend id of the flagged points' entry (toggling it hides them). */
export const FLAGGED_LEGEND_ID = '\u0000flagged';

/** Points with hover details, groups as colours with legend toggles, marked points ringed and flagged points hollow. */
export function ScatterChart<Datum>({
  width,
  height,
  data,
  x,
  y,
  group,
  groupColor,
  marked,
  flagged,
  flaggedLabel = 'flagged',
  pointKey,
  renderTooltip,
  onSelect,
  xScale: xKind = 'linear',
  yScale: yKind = 'linear',
  xLabel,
  yLabel,
  connect = false,
  margin = DEFAULT_MARGIN,
}: ScatterChartProps<Datum>) {
  const [hidden, toggleHidden] = useLegendToggle();
  const [hover, setHover] = useState<{ index: number; left: number; top: number } | null>(null);
  const innerWidth = Math.max(10, width - margin.left - margin.right);
  const innerHeight = Math.max(10, height - margin.top - margin.bottom);

  const { colorOf, entries } = useMemo(() => {
    const colors = new Map<string, string>();
    const list: LegendEntry[] = [];
    let next = 0;
    for (const d of data) {
      const g = group?.(d);
      if (g === undefined || colors.has(g)) continue;
      const color = groupColor?.(g) ?? seriesColor(next++);
      colors.set(g, color);
      list.push({ id: g, label: g, color });
    }
    if (flagged && data.some(flagged)) list.push({ id: FLAGGED_LEGEND_ID, label: flaggedLabel, color: '#495057', marker: 'hollow' });
    return { colorOf: (d: Datum) => colors.get(group?.(d) ?? '') ?? seriesColor(0), entries: list };
  }, [data, group, groupColor, flagged, flaggedLabel]);

  const visible = useMemo(
    () =>
      data
        .map((d, index) => ({ d, index }))
        .filter(({ d }) => !hidden.has(group?.(d) ?? '') && !(hidden.has(FLAGGED_LEGEND_ID) && flagged?.(d) === true) && isPlottable(x(d), xKind) && isPlottable(y(d), yKind)),
    [data, hidden, group, flagged, x, y, xKind, yKind],
  );
  // Padded domains: a point at the extreme should sit inside the plot, not on the axis.
  const xScale = useMemo(() => makeScale(xKind, padded(extentOf(visible.map((v) => x(v.d)), xKind), xKind), [0, innerWidth]), [visible, x, xKind, innerWidth]);
  const yScale = useMemo(() => makeScale(yKind, padded(extentOf(visible.map((v) => y(v.d)), yKind), yKind), [innerHeight, 0]), [visible, y, yKind, innerHeight]);

  const lines = useMemo(() => {
    if (!connect) return [];
    const byGroup = new Map<string, Datum[]>();
    for (const { d } of visible) {
      const g = group?.(d) ?? '';
      byGroup.set(g, [...(byGroup.get(g) ?? []), d]);
    }
    return [...byGroup.entries()].map(([g, members]) => ({
      g,
      color: members[0] === undefined ? seriesColor(0) : colorOf(members[0]),
      d: members
        .slice()
        .sort((a, b) => x(a) - x(b))
        .map((m, i) => `${i === 0 ? 'M' : 'L'}${xScale(x(m)) ?? 0},${yScale(y(m)) ?? 0}`)
        .join(''),
    }));
  }, [connect, visible, group, colorOf, x, y, xScale, yScale]);

  function onMove(event: MouseEvent<SVGRectElement>) {
    const point = pointerIn(event);
    let best = -1;
    let bestDistance = 24 ** 2; // only points within 24 px answer
    for (const { d, index } of visible) {
      const dx = (xScale(x(d)) ?? 0) - point.x;
      const dy = (yScale(y(d)) ?? 0) - point.y;
      const distance = dx * dx + dy * dy;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = index;
      }
    }
    setHover(best < 0 ? null : { index: best, left: point.x + margin.left, top: point.y + margin.top });
  }

  // The keyboard reads the same tooltip: focus shows the leftmost point, ← → (or ↑ ↓) go through
  // the points in x order (Shift: a fifth of them), Home/End the ends, Enter selects, Escape hides.
  const byX = useMemo(() => visible.slice().sort((a, b) => x(a.d) - x(b.d) || y(a.d) - y(b.d)), [visible, x, y]);
  function showAt(position: number | null) {
    const at = position === null ? undefined : byX[position];
    if (!at) return setHover(null);
    setHover({ index: at.index, left: (xScale(x(at.d)) ?? 0) + margin.left, top: (yScale(y(at.d)) ?? 0) + margin.top });
  }
  function onFocus(event: FocusEvent<HTMLDivElement>) {
    if (event.target === event.currentTarget) showAt(0);
  }
  function onKey(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget) return;
    const current = hover ? byX.findIndex((v) => v.index === hover.index) : -1;
    if ((event.key === 'Enter' || event.key === ' ') && hovered !== undefined && onSelect) {
      event.preventDefault();
      onSelect(hovered);
      return;
    }
    const next = nextIndex(event.key, event.shiftKey, current < 0 ? null : current, byX.length);
    if (next === undefined) return;
    event.preventDefault();
    showAt(next);
  }

  const hovered = hover ? data[hover.index] : undefined;
  const ordered = marked ? [...visible.filter((v) => !marked(v.d)), ...visible.filter((v) => marked(v.d))] : visible;

  return (
    <div
      className="chart"
      style={{ position: 'relative', width }}
      tabIndex={0}
      role="group"
      aria-label={`${yLabel ? `${yLabel} vs ${xLabel ?? 'x'}` : 'scatter chart'}: ← → read the points${onSelect ? ', Enter selects' : ''}`}
      onFocus={onFocus}
      onBlur={(event) => {
        if (event.target === event.currentTarget) setHover(null);
      }}
      onKeyDown={onKey}
    >
      <svg className="saddle-chart" width={width} height={height} role="img" aria-label={yLabel ? `${yLabel} vs ${xLabel ?? 'x'}` : 'scatter chart'}>
        <Group left={margin.left} top={margin.top}>
          <ChartAxes xScale={xScale} yScale={yScale} xKind={xKind} yKind={yKind} innerWidth={innerWidth} innerHeight={innerHeight} xLabel={xLabel} yLabel={yLabel} />
          {lines.map((line) => (
            <path key={line.g} className="saddle-connect" d={line.d} fill="none" stroke={line.color} strokeWidth={1.25} strokeOpacity={0.6} />
          ))}
          {ordered.map(({ d, index }) => {
            const isMarked = marked?.(d) ?? false;
            const isFlagged = flagged?.(d) ?? false;
            const isHovered = hover?.index === index;
            const className = ['saddle-point', isMarked ? 'marked' : '', isFlagged ? 'flagged' : ''].filter(Boolean).join(' ');
            return (
              <circle
                key={pointKey ? pointKey(d, index) : index}
                className={className}
                data-key={pointKey ? pointKey(d, index) : String(index)}
                cx={xScale(x(d)) ?? 0}
                cy={yScale(y(d)) ?? 0}
                r={isMarked || isHovered ? 5.5 : isFlagged ? 4.25 : 3.75}
                // hollow: a ring in the group's colour (a selected one keeps its dark outline around it)
                fill={isFlagged ? '#fff' : colorOf(d)}
                fillOpacity={isFlagged ? 1 : isMarked ? 1 : 0.72}
                stroke={isMarked ? '#212529' : isFlagged ? colorOf(d) : '#fff'}
                strokeWidth={isMarked ? 1.75 : isFlagged ? 2 : 0.75}
              >
                {isFlagged ? <title>{flaggedLabel}</title> : null}
              </circle>
            );
          })}
          <rect
            className="saddle-hit"
            width={innerWidth}
            height={innerHeight}
            fill="transparent"
            style={{ cursor: hovered && onSelect ? 'pointer' : undefined }}
            onMouseMove={onMove}
            onMouseLeave={() => setHover(null)}
            onClick={() => {
              if (hovered !== undefined && onSelect) onSelect(hovered);
            }}
          />
        </Group>
      </svg>
      {hover && hovered !== undefined ? (
        <ChartTooltip left={hover.left} top={hover.top} containerWidth={width}>
          {renderTooltip ? (
            renderTooltip(hovered)
          ) : (
            <>
              <div className="chart-tooltip-row">
                <span className="name">{xLabel ?? 'x'}</span>
                <span className="value">{formatNumber(x(hovered), 4)}</span>
              </div>
              <div className="chart-tooltip-row">
                <span className="name">{yLabel ?? 'y'}</span>
                <span className="value">{formatNumber(y(hovered), 4)}</span>
              </div>
            </>
          )}
        </ChartTooltip>
      ) : null}
      {entries.length > 0 ? (
        <Legend
          entries={entries}
          hidden={hidden}
          onToggle={toggleHidden}
        />
      ) : null}
    </div>
  );
}
