/**
 * Min/max-per-bucket downsampling: split the series (in step order) into ⌊maxPoints/2⌋ buckets
 * of consecutive points and keep each bucket's lowest and highest finite point (the earliest on
 * ties), in step order. Unlike averaging or striding, a one-step spike (or a dip) always survives.
 * Non-finite values (NaN, ±Infinity) are not values to compare: they take no part in a bucket's
 * extremes, so one NaN cannot hide a bucket's real range; a bucket with no finite value keeps its
 * first point, so a diverged stretch shows as non-finite points (the dashboard's gap markers).
 * Where a run first went non-finite is `Run.divergedAtStep`, exact whatever the sampling.
 *
 * This is the definition of what `Run.metrics` returns. Reads compute it inside the database
 * (store/metric-downsample.ts), so a long series is never loaded whole; store.test.ts holds that
 * SQL to this function on random series, on SQLite and PostgreSQL.
 */

export interface SeriesPoint {
  step: number;
  value: number;
}

export function downsampleMinMax<P extends SeriesPoint>(points: readonly P[], maxPoints: number): P[] {
  return downsampleMinMaxIndices(points.length, (i) => (points[i] as P).value, maxPoints).map((i) => points[i] as P);
}

/**
 * The indices (ascending) of the points `downsampleMinMax` keeps of a series of `length` points
 * whose values `valueAt` reads: what a reader holding the series as columns (a Float64Array off
 * SQLite's reader thread) uses to build only the kept points, not one object per point read.
 */
export function downsampleMinMaxIndices(length: number, valueAt: (index: number) => number, maxPoints: number): number[] {
  if (!Number.isInteger(maxPoints) || maxPoints < 2) {
    throw new Error(`downsampleMinMax: maxPoints must be an integer ≥ 2, got ${maxPoints}`);
  }
  if (length <= maxPoints) return Array.from({ length }, (_, i) => i);
  const buckets = Math.floor(maxPoints / 2);
  const out: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * length) / buckets);
    const end = Math.floor(((b + 1) * length) / buckets);
    let lowIndex = start;
    let highIndex = start;
    let low = 0;
    let high = 0;
    let anyFinite = false;
    for (let i = start; i < end; i++) {
      const value = valueAt(i);
      if (!Number.isFinite(value)) continue;
      if (!anyFinite || value > high) {
        highIndex = i;
        high = value;
      }
      if (!anyFinite || value < low) {
        lowIndex = i;
        low = value;
      }
      anyFinite = true;
    }
    const first = Math.min(lowIndex, highIndex);
    const second = Math.max(lowIndex, highIndex);
    out.push(first);
    if (second !== first) out.push(second);
  }
  return out;
}
