/**
 * The data of a preset's `metric-lines` figures from its runs' metric series, for callers that
 * hold the series in memory (the local runner, a result document). The dashboard draws the same
 * figures live from the store instead.
 */
import type { Figure, FigureData, FigureSpec, RunArtifacts, XY } from './types.js';

type MetricFigureSpec = Extract<FigureSpec, { kind: 'metric-lines' }>;
type LineSeries = Extract<FigureData, { kind: 'lines' }>['series'][number];

/** One `lines` figure per metric of a metric-lines spec (`${spec.id}/${metric}`), a series per run. */
export function metricFigures(spec: MetricFigureSpec, runs: readonly RunArtifacts[]): Figure[] {
  return spec.metrics.map((metric) => {
    const series: LineSeries[] = runs.map((run) => {
      const points: XY[] = [];
      for (const point of run.metrics ?? []) {
        if (point.key !== metric) continue;
        const x = spec.x === 'epoch' ? point.epoch : point.step;
        if (x === undefined) continue;
        points.push({ x, y: point.value });
      }
      points.sort((a, b) => a.x - b.x);
      return { label: run.key, group: run.group, runKey: run.key, dashed: metric.startsWith('test/'), points };
    });
    return {
      id: spec.metrics.length === 1 ? spec.id : `${spec.id}/${metric}`,
      title: spec.metrics.length === 1 ? spec.title : `${spec.title}: ${metric}`,
      data: {
        kind: 'lines',
        x: { label: spec.x, scale: 'linear' },
        y: { label: metric, scale: spec.yScale },
        series,
      },
    };
  });
}
