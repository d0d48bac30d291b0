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
  if (!Number.isInteger(maxPoints) || maxPoints < 2) {
    throw new Error(`downsampleMinMax: maxPoints must be an integer ≥ 2, got ${maxPoints}`);
  }
  if (points.length <= maxPoints) return [...points];
  const buckets = Math.floor(maxPoints / 2);
  const out: P[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * points.length) / buckets);
    const end = Math.floor(((b + 1) * points.length) / buckets);
    let lowIndex = start;
    let highIndex = start;
    let anyFinite = false;
    for (let i = start; i < end; i++) {
      const value = (points[i] as P).value;
      if (!Number.isFinite(value)) continue;
      if (!anyFinite || value > (points[highIndex] as P).value) highIndex = i;
      if (!anyFinite || value < (points[lowIndex] as P).value) lowIndex = i;
      anyFinite = true;
    }
    const first = Math.min(lowIndex, highIndex);
    const second = Math.max(lowIndex, highIndex);
    out.push(points[first] as P);
    if (second !== first) out.push(points[second] as P);
  }
  return out;
}
