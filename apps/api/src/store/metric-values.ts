/**
 * How a non-finite metric value is written down. A diverging run's NaN or ±Infinity loss is data,
 * but neither JSON nor GraphQL's Float can carry it, and SQLite turns NaN into NULL. So every
 * layer uses one spelling — the strings JavaScript's `String(value)` gives: "NaN", "Infinity",
 * "-Infinity":
 *
 * - on the wire, inside `MetricValue` / `MetricValues` (logMetrics) and in `MetricPoint.nonFinite`
 *   (reads and subscriptions);
 * - in the store, in `metrics.nonfinite`, with `metrics.value` NULL. `value` thus holds finite
 *   numbers only, and SQL's MIN and MAX (the metric blocks, the downsampled reads) pass over the
 *   non-finite points without any special case. A NULL value without a spelling comes from a
 *   store older than the column and reads back as NaN (all it could have been).
 */

export const NON_FINITE_NAMES = ['NaN', 'Infinity', '-Infinity'] as const;
export type NonFiniteName = (typeof NON_FINITE_NAMES)[number];

/** null for a finite number, else its spelling. */
export function nonFiniteName(value: number): NonFiniteName | null {
  if (Number.isFinite(value)) return null;
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? 'Infinity' : '-Infinity';
}

/** The number a spelling stands for; undefined for anything else. */
export function fromNonFiniteName(name: unknown): number | undefined {
  switch (name) {
    case 'NaN':
      return Number.NaN;
    case 'Infinity':
      return Number.POSITIVE_INFINITY;
    case '-Infinity':
      return Number.NEGATIVE_INFINITY;
    default:
      return undefined;
  }
}

/** A stored row's `value` and `nonfinite` back to one number. */
export function storedToNumber(value: number | null, nonfinite: string | null): number {
  if (value !== null) return value;
  return fromNonFiniteName(nonfinite) ?? Number.NaN;
}
