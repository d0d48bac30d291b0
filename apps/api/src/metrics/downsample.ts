/**
 * Min/max-per-bucket downsampling: split the series (in step order) into ⌊maxPoints/2⌋ buckets
 * of consecutive points and keep each bucket's lowest and highest point, in step order. Unlike
 * averaging or striding, a one-step spike (or a dip) always survives. A non-finite value counts
 * as the highest of its bucket, so a divergence is never sampled away.
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
    for (let i = start; i < end; i++) {
      const value = (points[i] as P).value;
      const high = (points[highIndex] as P).value;
      const low = (points[lowIndex] as P).value;
      if (!Number.isFinite(value)) {
        if (Number.isFinite(high)) highIndex = i;
        continue;
      }
      if (Number.isFinite(high) && value > high) highIndex = i;
      if (!Number.isFinite(low) || value < low) lowIndex = i;
    }
    const first = Math.min(lowIndex, highIndex);
    const second = Math.max(lowIndex, highIndex);
    out.push(points[first] as P);
    if (second !== first) out.push(points[second] as P);
  }
  return out;
}
