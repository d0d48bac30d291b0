/**
 * A stored figure drawn without a browser: SVG (title, axes with ticks and labels — log where the
 * figure's axis says — and a legend), and PNG by rasterising that SVG with resvg. Generic over the
 * engine's figure kinds: each kind is turned into marks (paths, points, bars, cells) in data
 * coordinates, and one layout draws every kind. A figure is one or more panels stacked
 * vertically (a metric figure of two metrics has twin panels, as on the dashboard).
 *
 * Colours and line styles follow the dashboard's rule (the engine's `run-groups`): given the runs
 * of the figure's experiment, one colour per group (model) — the seeds of a group share it, and
 * every figure drawn with the same runs (a report section) gives a model the same colour — or one
 * per run when all are seeds of one group; a dash per value of what varies within a group (a
 * facet, e.g. `target=sgn-sin5pi`); and a compact legend: an entry per colour, then one per style.
 *
 * Every series is one element with `class="series"` and its label in `data-label` (its style in
 * `data-style`), so a reader (or a test) can count them.
 */
import { Resvg } from '@resvg/resvg-js';
import type { AxisSpec, FigureData, XY } from '@saddle/engine';
import { runColours, runStyles, STYLE_DASHES, type GroupedRun } from '@saddle/engine/run-groups';
import { SYMLOG_RELATIVE_CONSTANT } from '@saddle/engine/scales';

export interface RenderableFigure {
  title: string;
  /** One or more panels, drawn top to bottom with a shared legend. */
  panels: { title?: string; data: FigureData; /** A paths or scatter figure's view id (default: its first view). */ view?: string }[];
  /**
   * The runs of the figure's experiment (key, group, effective config): colours go by their groups
   * and line styles by what varies within a group, the same in every figure given the same runs.
   * Without them a series is coloured by its group, else its label, in order of appearance.
   */
  runs?: readonly GroupedRun[];
}

export interface RenderSize {
  /** Pixels; the PNG has exactly this size. Default 800 × 500. */
  width?: number;
  height?: number;
}

// d3's category10: distinct, and familiar from the dashboard.
const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'] as const;
/** The dash of a series marked `dashed` (test curves, ground truth). */
const DASHED = '5 4';
/** Colour of a line style's legend sample (it names a dash, not a colour). */
const STYLE_SAMPLE = '#495057';

/** Viridis stops, for grid values (low = dark). */
const VIRIDIS = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'] as const;

/** Who a mark belongs to: the run (by key) and group it draws, when the figure says. */
interface Owner {
  runKey?: string;
  group?: string;
}

type Mark =
  | ({ kind: 'line'; label: string; points: XY[]; dashed?: boolean; marked?: XY[]; errors?: { x: number; y: number; error: number }[] } & Owner)
  | ({ kind: 'points'; label: string; points: (XY & { marked?: boolean })[] } & Owner)
  | { kind: 'bars'; label: string; bars: { x0: number; x1: number; count: number }[] }
  | { kind: 'cells'; label: string; xs: number[]; ys: number[]; values: number[][] };

interface PanelMarks {
  title?: string;
  x: AxisSpec;
  y: AxisSpec;
  marks: Mark[];
  /** What a ring around a point means (the series' `markedLabel`), for the legend. */
  markedLabels?: string[];
  /** Bars start at y = 0 on a linear axis. */
  includeZeroY?: boolean;
}

/** The marks of one figure kind. The switch is exhaustive: a new kind fails to compile here. */
function marksOf(data: FigureData, viewId?: string): Omit<PanelMarks, 'title'> {
  switch (data.kind) {
    case 'lines':
      return {
        x: data.x,
        y: data.y,
        markedLabels: data.series.filter((s) => s.points.some((p) => p.marked)).map((s) => s.markedLabel ?? 'marked point'),
        marks: data.series.map((s) => ({
          kind: 'line' as const,
          label: s.label,
          ...(s.runKey !== undefined && { runKey: s.runKey }),
          ...(s.group !== undefined && { group: s.group }),
          points: s.points,
          ...(s.dashed && { dashed: true }),
          marked: s.points.filter((p) => p.marked),
          errors: s.points.filter((p): p is XY & { error: number } => typeof p.error === 'number' && Number.isFinite(p.error)),
        })),
      };
    case 'scatter': {
      // Another view reads each point's y from its meta (e.g. the minimal ratio over the non-flat eigenvalues).
      const view = viewId === undefined ? undefined : data.views?.find((v) => v.id === viewId);
      if (viewId !== undefined && !view) throw new Error(`renderFigureSvg: no view ${JSON.stringify(viewId)}; views: ${(data.views ?? []).map((v) => v.id).join(', ') || '(none)'}`);
      if (view) {
        const points = data.points.map((p) => ({ ...p, y: typeof p.meta?.[view.metaKey] === 'number' ? (p.meta[view.metaKey] as number) : Number.NaN }));
        return marksOf({ ...data, y: view.y, points, views: [] });
      }
      // One mark per group (a run's group, e.g. the model), so a 100-run scatter has a short legend.
      const groups = new Map<string, (XY & { marked?: boolean })[]>();
      for (const p of data.points) {
        const key = p.group ?? 'points';
        groups.set(key, [...(groups.get(key) ?? []), p]);
      }
      // The figure's title says what a marked point is (e.g. ‖∇L‖ did not reach the threshold).
      return { x: data.x, y: data.y, ...(data.points.some((p) => p.marked) && { markedLabels: [data.markedLabel ?? 'marked: see the title'] }), marks: [...groups].map(([label, points]) => ({ kind: 'points' as const, label, group: label, points })) };
    }
    case 'paths': {
      // By default the first view, the one the figure's axes describe (the whole model).
      const view = viewId === undefined ? data.views[0] : data.views.find((v) => v.id === viewId);
      if (!view) throw new Error(`renderFigureSvg: no view ${JSON.stringify(viewId)}; views: ${data.views.map((v) => v.id).join(', ')}`);
      return { x: data.x, y: data.y, marks: (view?.paths ?? []).map((p) => ({ kind: 'line' as const, label: p.label, ...(p.runKey !== undefined && { runKey: p.runKey }), points: p.points })) };
    }
    case 'grid':
      return {
        x: data.x,
        y: data.y,
        marks: [
          { kind: 'cells', label: data.valueLabel, xs: data.xs, ys: data.ys, values: data.values },
          ...(data.path ? [{ kind: 'line' as const, label: 'trajectory', points: data.path }] : []),
        ],
      };
    case 'histogram':
      return { x: data.x, y: data.y, includeZeroY: true, marks: [{ kind: 'bars', label: data.series ?? 'count', bars: data.bins }] };
    default: {
      const unknown: never = data;
      throw new Error(`renderFigureSvg: unknown figure kind ${JSON.stringify((unknown as { kind: unknown }).kind)}`);
    }
  }
}

// ---- scales and ticks ------------------------------------------------------------------------

interface Scale {
  (value: number): number;
  ticks: number[];
  format: (value: number) => string;
  /** Whether a value can be placed (positive on a log axis, finite). */
  accepts: (value: number) => boolean;
}

function extent(values: number[], log: boolean, includeZero: boolean): [number, number] {
  const usable = values.filter((v) => Number.isFinite(v) && (!log || v > 0));
  if (includeZero && !log) usable.push(0);
  if (usable.length === 0) return log ? [1, 10] : [0, 1];
  let lo = Math.min(...usable);
  let hi = Math.max(...usable);
  if (lo === hi) {
    if (log) [lo, hi] = [lo / 10, hi * 10];
    else [lo, hi] = [lo - (Math.abs(lo) || 1), hi + (Math.abs(hi) || 1)];
  }
  return [lo, hi];
}

function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

function formatTick(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-3) return value.toExponential(0).replace('e+', 'e');
  return String(Number(value.toPrecision(4)));
}

function makeScale(axis: AxisSpec, values: number[], range: [number, number], includeZero = false): Scale {
  const log = axis.scale === 'log';
  const [lo, hi] = extent(values, log, includeZero);
  const [r0, r1] = range;
  if (log) {
    const l0 = Math.log10(lo);
    const l1 = Math.log10(hi);
    const first = Math.floor(l0);
    const last = Math.ceil(l1);
    // Whole decades, thinned to at most 8 labels on a wide span.
    const every = Math.max(1, Math.ceil((last - first + 1) / 8));
    const ticks: number[] = [];
    for (let k = first; k <= last; k += every) ticks.push(10 ** k);
    const d0 = Math.min(l0, first);
    const d1 = Math.max(l1, last);
    const scale = ((v: number) => r0 + ((Math.log10(v) - d0) / (d1 - d0)) * (r1 - r0)) as Scale;
    scale.ticks = ticks;
    scale.format = (v) => `1e${Math.round(Math.log10(v))}`;
    scale.accepts = (v) => Number.isFinite(v) && v > 0;
    return scale;
  }
  if (axis.scale === 'symlog') return symlogScale(lo, hi, range);
  const step = niceStep(hi - lo, 5);
  const d0 = Math.floor(lo / step) * step;
  const d1 = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let t = d0; t <= d1 + step / 2; t += step) ticks.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  const scale = ((v: number) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0)) as Scale;
  scale.ticks = ticks;
  scale.format = formatTick;
  scale.accepts = Number.isFinite;
  return scale;
}

/**
 * sign(v)·log10(1 + |v|/c), c = SYMLOG_RELATIVE_CONSTANT × the largest |v| (the engine bins a
 * symlog histogram in the same space): linear near 0, logarithmic beyond c, both signs. Ticked at
 * 0 and at the decades on each side, at most 5 a side (a side within the linear core: at its end),
 * none closer than 24 px to another.
 */
function symlogScale(lo: number, hi: number, [r0, r1]: [number, number]): Scale {
  const largest = Math.max(Math.abs(lo), Math.abs(hi));
  const c = SYMLOG_RELATIVE_CONSTANT * largest || 1;
  const t = (v: number) => Math.sign(v) * Math.log10(1 + Math.abs(v) / c);
  const [t0, t1] = [t(lo), t(hi)];
  const ticks: number[] = lo <= 0 && hi >= 0 ? [0] : [];
  for (const sign of [-1, 1]) {
    const end = sign < 0 ? -lo : hi;
    if (end <= 0) continue;
    const decades: number[] = [];
    for (let k = Math.ceil(Math.log10(c)); 10 ** k <= end; k++) decades.push(10 ** k);
    const every = Math.max(1, Math.ceil(decades.length / 5));
    // the largest decades are kept: the linear core near 0 is one tick's worth
    for (let i = decades.length - 1; i >= 0; i -= every) ticks.push(sign * decades[i]!);
    // a side whose values all lie in the linear core (small negative eigenvalues) is ticked at its end
    if (decades.length === 0) ticks.push(sign * end);
  }
  const scale = ((v: number) => r0 + ((t(v) - t0) / (t1 - t0 || 1)) * (r1 - r0)) as Scale;
  // Labels that would overlap are dropped: 0 first kept, then the largest magnitudes.
  const kept: number[] = [];
  for (const v of [...ticks].sort((a, b) => (a === 0 ? -1 : b === 0 ? 1 : Math.abs(b) - Math.abs(a)))) {
    if (kept.every((k) => Math.abs(scale(k) - scale(v)) >= 24)) kept.push(v);
  }
  scale.ticks = kept.sort((a, b) => a - b);
  scale.format = formatTick;
  scale.accepts = Number.isFinite;
  return scale;
}

// ---- SVG -------------------------------------------------------------------------------------

const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
const num = (v: number): string => (Math.round(v * 100) / 100).toString();

function xsOf(mark: Mark): number[] {
  switch (mark.kind) {
    case 'line':
    case 'points':
      return mark.points.map((p) => p.x);
    case 'bars':
      return mark.bars.flatMap((b) => [b.x0, b.x1]);
    case 'cells':
      // The cells' edges, so the outer cells lie inside the axes.
      return edges(mark.xs);
  }
}

function ysOf(mark: Mark): number[] {
  switch (mark.kind) {
    case 'line':
      return [...mark.points.map((p) => p.y), ...(mark.errors ?? []).flatMap((e) => [e.y - e.error, e.y + e.error])];
    case 'points':
      return mark.points.map((p) => p.y);
    case 'bars':
      return mark.bars.map((b) => b.count);
    case 'cells':
      return edges(mark.ys);
  }
}

/** Cell edges around sorted centres: half-way between neighbours, half a step beyond the ends. */
function edges(centres: number[]): number[] {
  if (centres.length === 1) {
    const c = centres[0] as number;
    return [c - 0.5, c + 0.5];
  }
  const out: number[] = [];
  for (let i = 0; i <= centres.length; i++) {
    const previous = centres[Math.max(0, i - 1)] as number;
    const next = centres[Math.min(centres.length - 1, i)] as number;
    if (i === 0) out.push(next - ((centres[1] as number) - next) / 2);
    else if (i === centres.length) out.push(previous + (previous - (centres[centres.length - 2] as number)) / 2);
    else out.push((previous + next) / 2);
  }
  return out;
}

function viridis(t: number): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 1));
  const position = clamped * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(position));
  const f = position - i;
  const parse = (hex: string) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
  const a = parse(VIRIDIS[i] as string);
  const b = parse(VIRIDIS[i + 1] as string);
  return `rgb(${a.map((v, k) => Math.round(v + f * ((b[k] as number) - v))).join(',')})`;
}

/** A polyline's `d`, broken where a point cannot be placed (NaN, or ≤ 0 on a log axis). */
function pathData(points: XY[], sx: Scale, sy: Scale): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!sx.accepts(p.x) || !sy.accepts(p.y)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${num(sx(p.x))},${num(sy(p.y))}`;
    pen = true;
  }
  return d;
}

function wrap(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A legend entry: a colour swatch (a group, a run, a series of no run), or a line sample (a line style). */
interface LegendEntry {
  label: string;
  colour: string;
  /** Drawn as a line with this dash (a style's entry, or a dashed series when no styles tell lines apart). */
  dash?: string;
}

interface Styling {
  colourOf(mark: Mark): string;
  dashOf(mark: Mark): string | undefined;
  styleOf(mark: Mark): string | undefined;
  entries: LegendEntry[];
}

/**
 * Colours, dashes and legend of a figure's marks. With the experiment's runs: a run's colour is
 * its group's (or its own, when the runs are seeds of one group), as the engine's `runColours`
 * assigns it over all the runs — so every figure given the same runs agrees — and its dash is its
 * line style's; the legend has one entry per group (or run) and one per style. A mark of no known
 * run or group (ground truth, a landscape's trajectory) takes a colour the runs do not use, else
 * one this figure does not draw.
 */
function styling(panels: readonly PanelMarks[], runs: readonly GroupedRun[] | undefined): Styling {
  const known = runs !== undefined && runs.length > 0 ? runs : undefined;
  const colours = known ? runColours(known, PALETTE) : undefined;
  const styles = known ? runStyles(known) : new Map<string, string>();
  const groupOfRun = new Map((known ?? []).map((r) => [r.key, r.group] as const));
  const marks = panels.flatMap((p) => p.marks.filter((m) => m.kind !== 'cells'));
  const styleOf = (mark: Mark): string | undefined => (mark.kind === 'line' && mark.runKey !== undefined ? styles.get(mark.runKey) : undefined);
  const drawnStyles = [...new Set(marks.flatMap((m) => styleOf(m) ?? []))];
  const styled = drawnStyles.length >= 2;
  const styleDash = (style: string | undefined): string | undefined => (style === undefined || !styled ? undefined : STYLE_DASHES[drawnStyles.indexOf(style) % STYLE_DASHES.length]);

  // The legend entry of a mark: its group when the page colours by group, its run's key when each
  // run has a colour, else its group or label (in order of appearance).
  const entryOf = (mark: Mark): { key: string; label: string; colour?: string } => {
    if (mark.kind === 'line' || mark.kind === 'points') {
      const runGroup = mark.runKey !== undefined ? groupOfRun.get(mark.runKey) : undefined;
      if (colours && mark.runKey !== undefined && runGroup !== undefined) {
        const colour = colours.run(mark.runKey);
        return colours.byGroup ? { key: `group:${runGroup}`, label: runGroup, ...(colour && { colour }) } : { key: `run:${mark.runKey}`, label: mark.label, ...(colour && { colour }) };
      }
      const groupColour = mark.group !== undefined ? colours?.group(mark.group) : undefined;
      if (mark.group !== undefined && groupColour !== undefined) return { key: `group:${mark.group}`, label: mark.group, colour: groupColour };
      if (mark.group !== undefined) return { key: `group:${mark.group}`, label: mark.group };
    }
    return { key: `label:${mark.label}`, label: mark.label };
  };

  // A mark of no run takes a colour no run has, else one no mark of this figure has (a sweep of
  // ten models uses the whole palette, and a figure of train vs test over it draws none of them).
  const taken = new Set(marks.flatMap((m) => entryOf(m).colour ?? []));
  const free = [...PALETTE.filter((c) => !colours?.used.has(c)), ...PALETTE.filter((c) => colours?.used.has(c) && !taken.has(c))];
  const colourOfKey = new Map<string, string>();
  const entries: LegendEntry[] = [];
  let nextFree = 0;
  for (const mark of marks) {
    const entry = entryOf(mark);
    if (colourOfKey.has(entry.key)) continue;
    const colour = entry.colour ?? free[nextFree++ % Math.max(1, free.length)] ?? (PALETTE[0] as string);
    colourOfKey.set(entry.key, colour);
    // A swatch shows a dashed series' dash only when no styles tell the lines apart (their entries explain the dashes).
    const dashed = mark.kind === 'line' && mark.dashed === true && !styled;
    entries.push({ label: entry.label, colour, ...(dashed && { dash: DASHED }) });
  }
  if (styled) for (const style of drawnStyles) entries.push({ label: style, colour: STYLE_SAMPLE, dash: styleDash(style) ?? '' });
  return {
    colourOf: (mark) => colourOfKey.get(entryOf(mark).key) ?? '#000',
    dashOf: (mark) => (mark.kind === 'line' ? (mark.dashed ? DASHED : styleDash(styleOf(mark))) : undefined),
    styleOf,
    entries,
  };
}

/** The SVG document of a figure. */
export function renderFigureSvg(figure: RenderableFigure, size: RenderSize = {}): string {
  const width = size.width ?? 800;
  const height = size.height ?? 500;
  if (figure.panels.length === 0) throw new Error(`renderFigureSvg: figure "${figure.title}" has no panels to draw`);
  const panels: PanelMarks[] = figure.panels.map((p) => ({ ...(p.title && { title: p.title }), ...marksOf(p.data, p.view) }));

  // Legend: a colour per group (or run), shared by the panels, then a dash per line style.
  const style = styling(panels, figure.runs);
  const labels = style.entries;
  const markedLabels = [...new Set(panels.flatMap((p) => p.markedLabels ?? []))];
  const cellMarks = panels.flatMap((p) => p.marks.filter((m): m is Extract<Mark, { kind: 'cells' }> => m.kind === 'cells'));
  const legendWidth = labels.length > 0 || cellMarks.length > 0 ? Math.min(200, Math.max(110, width * 0.22)) : 0;

  // A long title (the minimal ratio's states its definition) wraps at word boundaries.
  const titleLines = wrap(figure.title, Math.max(20, Math.floor(width / 9.5)));
  const titleHeight = 14 + 20 * titleLines.length;
  const margin = { left: 70, right: 16 + legendWidth, bottom: 46 };
  const panelHeight = (height - titleHeight) / panels.length;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<title>${escapeXml(figure.title)}</title>`,
    `<text class="title" x="${num(width / 2)}" y="22" font-size="16" font-weight="bold" text-anchor="middle">${titleLines.map((line, i) => `<tspan x="${num(width / 2)}" dy="${i === 0 ? 0 : 20}">${escapeXml(line)}</tspan>`).join('')}</text>`,
  ];

  panels.forEach((panel, index) => {
    const top = titleHeight + index * panelHeight + (panel.title ? 18 : 4);
    const bottom = titleHeight + (index + 1) * panelHeight - margin.bottom;
    const left = margin.left;
    const right = width - margin.right;
    const sx = makeScale(panel.x, panel.marks.flatMap(xsOf), [left, right]);
    const sy = makeScale(panel.y, panel.marks.flatMap(ysOf), [bottom, top], panel.includeZeroY);
    if (panel.title) out.push(`<text x="${num((left + right) / 2)}" y="${num(top - 5)}" font-size="12" text-anchor="middle">${escapeXml(panel.title)}</text>`);

    // Grid lines and ticks.
    out.push('<g class="axes" font-size="11" fill="#333">');
    for (const t of sx.ticks) {
      const x = sx(t);
      out.push(`<line x1="${num(x)}" y1="${num(top)}" x2="${num(x)}" y2="${num(bottom)}" stroke="#eee"/><line x1="${num(x)}" y1="${num(bottom)}" x2="${num(x)}" y2="${num(bottom + 5)}" stroke="#333"/><text x="${num(x)}" y="${num(bottom + 17)}" text-anchor="middle">${escapeXml(sx.format(t))}</text>`);
    }
    for (const t of sy.ticks) {
      const y = sy(t);
      out.push(`<line x1="${num(left)}" y1="${num(y)}" x2="${num(right)}" y2="${num(y)}" stroke="#eee"/><line x1="${num(left - 5)}" y1="${num(y)}" x2="${num(left)}" y2="${num(y)}" stroke="#333"/><text x="${num(left - 8)}" y="${num(y + 4)}" text-anchor="end">${escapeXml(sy.format(t))}</text>`);
    }
    out.push(`<rect x="${num(left)}" y="${num(top)}" width="${num(right - left)}" height="${num(bottom - top)}" fill="none" stroke="#333"/>`);
    const scaleNote = (scale: AxisSpec['scale']) => (scale === 'log' ? ' (log)' : scale === 'symlog' ? ' (symmetric log)' : '');
    const xLabel = `${panel.x.label}${scaleNote(panel.x.scale)}`;
    const yLabel = `${panel.y.label}${scaleNote(panel.y.scale)}`;
    out.push(`<text class="x-label" x="${num((left + right) / 2)}" y="${num(bottom + 36)}" font-size="12" text-anchor="middle">${escapeXml(xLabel)}</text>`);
    out.push(`<text class="y-label" transform="translate(16,${num((top + bottom) / 2)}) rotate(-90)" font-size="12" text-anchor="middle">${escapeXml(yLabel)}</text>`);
    out.push('</g>');

    // Marks, clipped to the plot area.
    const clip = `plot-${index}`;
    out.push(`<clipPath id="${clip}"><rect x="${num(left)}" y="${num(top)}" width="${num(right - left)}" height="${num(bottom - top)}"/></clipPath><g clip-path="url(#${clip})">`);
    // Cells first, so lines and points lie over a landscape.
    for (const mark of [...panel.marks].sort((a, b) => Number(b.kind === 'cells') - Number(a.kind === 'cells'))) {
      const stroke = style.colourOf(mark);
      const markStyle = style.styleOf(mark);
      const data = `class="series" data-label="${escapeXml(mark.label)}"${markStyle !== undefined ? ` data-style="${escapeXml(markStyle)}"` : ''}`;
      const dash = style.dashOf(mark);
      switch (mark.kind) {
        case 'line': {
          const extras = [
            ...(mark.errors ?? [])
              .filter((e) => sx.accepts(e.x) && sy.accepts(e.y - e.error) && sy.accepts(e.y + e.error))
              .map((e) => `<line x1="${num(sx(e.x))}" y1="${num(sy(e.y - e.error))}" x2="${num(sx(e.x))}" y2="${num(sy(e.y + e.error))}" stroke="${stroke}"/>`),
            ...(mark.marked ?? []).filter((p) => sx.accepts(p.x) && sy.accepts(p.y)).map((p) => `<circle class="marked" cx="${num(sx(p.x))}" cy="${num(sy(p.y))}" r="4.5" fill="#fff" stroke="${stroke}" stroke-width="1.8"/>`),
          ];
          out.push(`<path ${data} d="${pathData(mark.points, sx, sy)}" fill="none" stroke="${stroke}" stroke-width="1.6"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
          if (extras.length > 0) out.push(`<g>${extras.join('')}</g>`);
          break;
        }
        case 'points':
          out.push(`<g ${data} fill="${stroke}" fill-opacity="0.8">${mark.points.filter((p) => sx.accepts(p.x) && sy.accepts(p.y)).map((p) => (p.marked ? `<circle class="marked" cx="${num(sx(p.x))}" cy="${num(sy(p.y))}" r="4.5" fill="#fff" stroke="${stroke}" stroke-width="1.8"/>` : `<circle cx="${num(sx(p.x))}" cy="${num(sy(p.y))}" r="3.5"/>`)).join('')}</g>`);
          break;
        case 'bars': {
          const base = sy.accepts(0) ? sy(0) : bottom;
          out.push(`<g ${data} fill="${stroke}" fill-opacity="0.75">${mark.bars.filter((b) => sx.accepts(b.x0) && sx.accepts(b.x1) && sy.accepts(b.count)).map((b) => `<rect x="${num(sx(b.x0))}" y="${num(sy(b.count))}" width="${num(Math.max(0.5, sx(b.x1) - sx(b.x0) - 1))}" height="${num(Math.max(0, base - sy(b.count)))}"/>`).join('')}</g>`);
          break;
        }
        case 'cells': {
          const finite = mark.values.flat().filter(Number.isFinite);
          const lo = Math.min(...finite);
          const hi = Math.max(...finite);
          const xe = edges(mark.xs);
          const ye = edges(mark.ys);
          const rects: string[] = [];
          mark.values.forEach((row, j) =>
            row.forEach((value, i) => {
              const x0 = sx(xe[i] as number);
              const x1 = sx(xe[i + 1] as number);
              const y0 = sy(ye[j] as number);
              const y1 = sy(ye[j + 1] as number);
              rects.push(`<rect x="${num(Math.min(x0, x1))}" y="${num(Math.min(y0, y1))}" width="${num(Math.abs(x1 - x0) + 0.5)}" height="${num(Math.abs(y1 - y0) + 0.5)}" fill="${viridis((value - lo) / (hi - lo || 1))}"/>`);
            }),
          );
          out.push(`<g ${data}>${rects.join('')}</g>`);
          break;
        }
      }
    }
    out.push('</g>');
  });

  // Legend on the right: a swatch per series, then a colour bar per grid.
  if (legendWidth > 0) {
    const x = width - legendWidth;
    const maxEntries = Math.max(1, Math.floor((height - titleHeight - 90) / 16));
    const shown = labels.slice(0, maxEntries);
    out.push(`<g class="legend" font-size="11">`);
    shown.forEach((entry, i) => {
      const y = titleHeight + 16 + i * 16;
      const sample =
        entry.dash !== undefined
          ? `<line class="legend-line" x1="${num(x)}" y1="${num(y - 4)}" x2="${num(x + 16)}" y2="${num(y - 4)}" stroke="${entry.colour}" stroke-width="2"${entry.dash ? ` stroke-dasharray="${entry.dash}"` : ''}/>`
          : `<rect x="${num(x)}" y="${num(y - 9)}" width="14" height="10" fill="${entry.colour}"/>`;
      const label = entry.label;
      out.push(`${sample}<text x="${num(x + 20)}" y="${num(y)}">${escapeXml(label.length > 26 ? `${label.slice(0, 25)}…` : label)}</text>`);
    });
    if (labels.length > shown.length) out.push(`<text x="${num(x + 20)}" y="${num(titleHeight + 16 + shown.length * 16)}">… ${labels.length - shown.length} more</text>`);
    markedLabels.forEach((label, i) => {
      const y = titleHeight + 16 + (Math.min(labels.length, maxEntries + 1) + i) * 16;
      out.push(`<circle cx="${num(x + 7)}" cy="${num(y - 4)}" r="4.5" fill="#fff" stroke="#333" stroke-width="1.8"/><text x="${num(x + 20)}" y="${num(y)}">${escapeXml(label.length > 26 ? `${label.slice(0, 25)}…` : label)}</text>`);
    });
    cellMarks.forEach((mark, k) => {
      const finite = mark.values.flat().filter(Number.isFinite);
      const y = titleHeight + 24 + (Math.min(labels.length, maxEntries + 1) + markedLabels.length + k * 4) * 16;
      const stops = VIRIDIS.map((c, i) => `<stop offset="${i / (VIRIDIS.length - 1)}" stop-color="${c}"/>`).join('');
      out.push(`<text x="${num(x)}" y="${num(y)}">${escapeXml(mark.label)}</text>`);
      out.push(`<defs><linearGradient id="bar-${k}">${stops}</linearGradient></defs><rect x="${num(x)}" y="${num(y + 5)}" width="${num(legendWidth - 24)}" height="10" fill="url(#bar-${k})"/>`);
      out.push(`<text x="${num(x)}" y="${num(y + 28)}">${escapeXml(formatTick(Math.min(...finite)))}</text><text x="${num(width - 24)}" y="${num(y + 28)}" text-anchor="end">${escapeXml(formatTick(Math.max(...finite)))}</text>`);
    });
    out.push('</g>');
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** The SVG rasterised at its own size (system fonts for the text). */
export function svgToPng(svg: string): Buffer {
  return new Resvg(svg, { font: { loadSystemFonts: true }, background: '#ffffff' }).render().asPng();
}
