/**
 * A series as columns — one array per field — for `MetricSeries.columns` and `MetricPage.columns`.
 * GraphQL answers `points` field by field, four values per point: 100 runs × 2 series × 2,000
 * points is 1.6 million leaf values and took 4 s of the API's time (bench/dashboard-load.mjs); as
 * one JSON value per series the same answer is serialised in milliseconds.
 */
import type { NonFiniteName } from '../store/metric-values.js';

/** What `columns` holds: equal-length arrays, in step order. */
export interface MetricColumns {
  steps: number[];
  /** Finite values as numbers; a non-finite one spelled as logMetrics takes it: "NaN", "Infinity", "-Infinity". */
  values: (number | NonFiniteName)[];
  /** Milliseconds since the Unix epoch. */
  wallTimes: number[];
  /** null where the epoch is unknown. */
  epochs: (number | null)[];
}

/** The description both `columns` fields carry in the schema. */
export const COLUMNS_DESCRIPTION =
  'The same points as `points`, as columns: { steps: [Int], values: [Float | "NaN" | "Infinity" | "-Infinity"], wallTimes: [Float] (ms since the epoch), epochs: [Float | null] }, equal lengths, in step order. One JSON value per series: much cheaper for the server to answer than `points` when many series are read at once (a chart of 100 runs).';

export function toColumns(points: readonly { step: number; value: number | null; nonFinite: NonFiniteName | null; wallTime: number; epoch: number | null }[]): MetricColumns {
  const columns: MetricColumns = { steps: new Array(points.length), values: new Array(points.length), wallTimes: new Array(points.length), epochs: new Array(points.length) };
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as (typeof points)[number];
    columns.steps[i] = p.step;
    columns.values[i] = p.value ?? p.nonFinite ?? 'NaN';
    columns.wallTimes[i] = p.wallTime;
    columns.epochs[i] = p.epoch;
  }
  return columns;
}
