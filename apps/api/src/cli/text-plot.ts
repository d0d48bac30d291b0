/**
 * A metric series as a text plot for the terminal (asciichart): a header with the series' min and
 * max (and their steps), the plot, and the step range under it, all within `width` columns. A
 * series longer than the plot's columns is reduced by the API's own min/max buckets
 * (metrics/downsample.ts), so a one-step spike or dip still shows.
 */
import asciichart from 'asciichart';
import { downsampleMinMax, type SeriesPoint } from '../metrics/downsample.js';

export interface TextPlotOptions {
  /** Columns of every line, labels included. Default 80. */
  width?: number;
  /** Rows of the plot itself (without header and footer). Default 20. */
  height?: number;
  /** The header's name of the series, e.g. `train/loss of run seed0`. */
  title: string;
}

/** y-axis labels: 10 columns wide, so the plot's columns are known before drawing. */
const LABEL_WIDTH = 10;
const formatLabel = (value: number): string => {
  const magnitude = Math.abs(value);
  const text = magnitude !== 0 && (magnitude >= 1e5 || magnitude < 1e-3) ? value.toExponential(2) : value.toPrecision(4);
  return text.padStart(LABEL_WIDTH).slice(-LABEL_WIDTH);
};
const formatValue = (value: number): string => String(Number(value.toPrecision(4)));

export function textPlot(points: readonly SeriesPoint[], options: TextPlotOptions): string {
  const width = options.width ?? 80;
  const height = options.height ?? 20;
  // asciichart draws a label, a space and the axis (┤) before the series' columns.
  const columns = width - LABEL_WIDTH - 2;
  if (!Number.isInteger(width) || columns < 10) throw new Error(`textPlot: width must be an integer ≥ ${LABEL_WIDTH + 12}, got ${width}`);
  if (!Number.isInteger(height) || height < 2) throw new Error(`textPlot: height must be an integer ≥ 2, got ${height}`);
  if (points.length === 0) return `${options.title}: no points\n`;

  const finite = points.filter((p) => Number.isFinite(p.value));
  const nonFinite = points.length - finite.length;
  const first = points[0] as SeriesPoint;
  const last = points[points.length - 1] as SeriesPoint;
  const lines: string[] = [];
  const stepRange = first.step === last.step ? `step ${first.step}` : `steps ${first.step}–${last.step}`;
  lines.push(`${options.title}: ${points.length} point${points.length === 1 ? '' : 's'}, ${stepRange}`);
  if (finite.length === 0) {
    lines.push(`no finite value (${nonFinite} NaN or ±Infinity)`);
    return `${lines.map((l) => l.slice(0, width)).join('\n')}\n`;
  }
  const min = finite.reduce((a, b) => (b.value < a.value ? b : a));
  const max = finite.reduce((a, b) => (b.value > a.value ? b : a));
  lines.push(`min ${formatValue(min.value)} at step ${min.step}, max ${formatValue(max.value)} at step ${max.step}${nonFinite > 0 ? `, ${nonFinite} non-finite` : ''}`);

  // One column per point: a longer series becomes min/max buckets (two points per bucket).
  const shown = points.length > columns ? downsampleMinMax(points, columns) : [...points];
  if (shown.length < points.length) lines.push(`(${points.length} points drawn as the min and max of ${Math.floor(columns / 2)} buckets)`);
  // asciichart skips NaN (a gap); ±Infinity would break its scale.
  const values = shown.map((p) => (Number.isFinite(p.value) ? p.value : Number.NaN));
  const chart = asciichart.plot(values, { height: height - 1, format: formatLabel, padding: ' '.repeat(LABEL_WIDTH) });
  lines.push(...chart.split('\n').map((line) => line.replace(/\s+$/, '')));

  // The step axis: "step" in the label gutter, the first step under the first column, the last under the last.
  const firstStep = String((shown[0] as SeriesPoint).step);
  const lastStep = String((shown[shown.length - 1] as SeriesPoint).step);
  const filler = Math.max(1, shown.length - firstStep.length - lastStep.length);
  lines.push(`${'step'.padStart(LABEL_WIDTH)}  ${firstStep}${shown.length > 1 ? `${' '.repeat(filler)}${lastStep}` : ''}`);
  return `${lines.map((l) => l.slice(0, width)).join('\n')}\n`;
}
