import type { FigureData } from '@saddle/engine';
import { toCsv, type CsvCell } from '../charts/export';

/** Every number of an analysis figure as CSV (long format: one row per point). */
export function figureToCsv(data: FigureData): string {
  switch (data.kind) {
    case 'lines':
      return toCsv(
        ['series', 'group', 'run', data.x.label, data.y.label],
        data.series.flatMap((s) => s.points.map((p): CsvCell[] => [s.label, s.group, s.runKey, p.x, p.y])),
      );
    case 'scatter': {
      const metaKeys = [...new Set(data.points.flatMap((p) => Object.keys(p.meta ?? {})))];
      return toCsv(
        ['label', 'run', 'group', 'marked', data.x.label, data.y.label, ...metaKeys],
        data.points.map((p): CsvCell[] => [
          p.label,
          p.runKey,
          p.group,
          p.marked ?? false,
          p.x,
          p.y,
          ...metaKeys.map((k) => {
            const value = p.meta?.[k];
            return Array.isArray(value) ? value.join(' ') : value;
          }),
        ]),
      );
    }
    case 'paths':
      return toCsv(
        ['view', 'path', 'run', 'epoch', data.x.label, data.y.label, 'loss', 'accuracy'],
        data.views.flatMap((view) =>
          view.paths.flatMap((path) => path.points.map((p): CsvCell[] => [view.id, path.label, path.runKey, p.epoch, p.x, p.y, p.loss, p.accuracy])),
        ),
      );
    case 'grid':
      return toCsv(
        [data.x.label, data.y.label, data.valueLabel],
        data.ys.flatMap((yv, j) => data.xs.map((xv, i): CsvCell[] => [xv, yv, data.values[j]?.[i]])),
      );
    case 'histogram':
      return toCsv(['x0', 'x1', 'count'], data.bins.map((b): CsvCell[] => [b.x0, b.x1, b.count]));
    default: {
      const unknown: never = data;
      throw new Error(`figureToCsv: unknown figure kind ${JSON.stringify((unknown as { kind?: unknown }).kind)}`);
    }
  }
}
