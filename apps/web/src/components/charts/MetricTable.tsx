import { formatNumber } from './scales';
import { xOf, type MetricDatum, type XMode } from '../../lib/metrics';

/** One run's metric as a row of the chart's data-table alternative. */
export interface MetricTableRow {
  run: string;
  metric: string;
  points: number;
  /** x of the last point (step, epoch or seconds), NaN when it has none. */
  lastX: number;
  /** The last point's value: null when it was not finite (named by `lastNonFinite`). */
  last: number | null;
  lastNonFinite: string | null;
  /** Over the finite values; null when there are none. */
  min: number | null;
  max: number | null;
}

/**
 * The numbers behind a metric chart, one row per run and metric: what a screen reader (or a
 * reader who wants the exact value) gets instead of the drawing. Last = the last point loaded, not
 * a drawn bucket's min or max.
 */
export function metricTableRows(runs: readonly { label: string; series: Record<string, readonly MetricDatum[]> }[], metrics: readonly string[], mode: XMode): MetricTableRow[] {
  const rows: MetricTableRow[] = [];
  for (const metric of metrics) {
    for (const run of runs) {
      const points = run.series[metric] ?? [];
      const lastPoint = points.at(-1);
      if (!lastPoint) continue;
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (const p of points) {
        if (typeof p.value === 'number' && Number.isFinite(p.value)) {
          min = Math.min(min, p.value);
          max = Math.max(max, p.value);
        }
      }
      const finite = typeof lastPoint.value === 'number' && Number.isFinite(lastPoint.value);
      rows.push({
        run: run.label,
        metric,
        points: points.length,
        lastX: xOf(mode, points[0]?.wallTime ?? 0)(lastPoint),
        last: finite ? (lastPoint.value ?? null) : null,
        lastNonFinite: finite ? null : (lastPoint.nonFinite ?? 'NaN'),
        min: min <= max ? min : null,
        max: min <= max ? max : null,
      });
    }
  }
  return rows;
}

const X_HEADING: Record<XMode, string> = { step: 'Last step', epoch: 'Last epoch', wall: 'Last time (s)' };

/** The data-table alternative of a metric chart (ChartCard shows it under "Data table"). */
export function MetricTable({ title, rows, x }: { title: string; rows: readonly MetricTableRow[]; x: XMode }) {
  if (rows.length === 0) return <p className="muted">No points yet.</p>;
  const value = (v: number | null) => (v === null ? '—' : formatNumber(v, 4));
  return (
    <table className="data" aria-label={`${title}: data`}>
      <thead>
        <tr>
          <th>Run</th>
          <th>Metric</th>
          <th className="num">Points</th>
          <th className="num">{X_HEADING[x]}</th>
          <th className="num">Last value</th>
          <th className="num">Min</th>
          <th className="num">Max</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.metric}\u0000${row.run}`}>
            <td>{row.run}</td>
            <td>{row.metric}</td>
            <td className="num">{row.points}</td>
            <td className="num">{Number.isNaN(row.lastX) ? '—' : formatNumber(row.lastX, 4)}</td>
            <td className="num">{row.lastNonFinite ?? value(row.last)}</td>
            <td className="num">{value(row.min)}</td>
            <td className="num">{value(row.max)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
