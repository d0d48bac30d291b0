/**
 * Series types shared by the line charts, and the two reductions they need: min/max buckets
 * (so a long series can be drawn from a few hundred points without losing its spikes) and
 * mean ± standard deviation across the runs of a group.
 */

/** One drawn point. `min`/`max` are set when the point stands for a bucket of raw points. */
export interface SeriesPoint {
  x: number;
  y: number;
  /** Smallest raw value in the bucket: drawn as the lower envelope. */
  min?: number;
  /** Largest raw value in the bucket: drawn as the upper envelope, so a one-step spike stays visible. */
  max?: number;
  /** Set for a non-finite value ("NaN", "Infinity", "-Infinity"; y is then NaN): a gap with a marker (LineChart's `nonFinite`). */
  nonFinite?: string;
}

/** A named sequence of data, one line in a chart. */
export interface Series<Datum> {
  /** Stable identity (run id + metric key): legend toggles and colours follow it. */
  id: string;
  /** Text in the legend and tooltip. */
  label: string;
  /** Series with the same group form one family: one colour, and one mean ± band when bands are on. */
  group?: string;
  /** Overrides the palette colour. */
  color?: string;
  /** Draws the line dashed (e.g. test curves beside solid train curves, or ground truth). */
  dashed?: boolean;
  /** Sorted by x. */
  data: Datum[];
}

/**
 * Reduces sorted points to at most `buckets` points: each bucket becomes its mean x, the value of
 * its last point (what a live curve ends on), and the min and max of its raw values. Series that
 * are already short come back unchanged.
 */
export function bucketize(points: readonly SeriesPoint[], buckets: number): SeriesPoint[] {
  if (!(Number.isInteger(buckets) && buckets >= 1)) {
    throw new Error(`bucketize: buckets must be a positive integer, got ${buckets}`);
  }
  if (points.length <= buckets) return points.slice();
  const out: SeriesPoint[] = [];
  const size = points.length / buckets;
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const end = Math.floor((b + 1) * size);
    let sumX = 0;
    let lo = Infinity;
    let hi = -Infinity;
    let nonFinite: string | undefined;
    for (let i = start; i < end; i++) {
      const p = points[i] as SeriesPoint;
      sumX += p.x;
      // The bucket keeps the first non-finite value it holds, so its marker survives bucketing.
      nonFinite ??= p.nonFinite;
      const pLo = p.min ?? p.y;
      const pHi = p.max ?? p.y;
      if (pLo < lo) lo = pLo;
      if (pHi > hi) hi = pHi;
    }
    const last = points[end - 1] as SeriesPoint;
    out.push({ x: sumX / (end - start), y: last.y, min: lo, max: hi, ...(nonFinite !== undefined && { nonFinite }) });
  }
  return out;
}

/** One x of a group's band: mean and mean ± one standard deviation over the runs that have this x. */
export interface BandPoint {
  x: number;
  mean: number;
  lower: number;
  upper: number;
  /** How many runs contributed (a band of one run has zero width). */
  n: number;
}

/**
 * Mean ± std (population) across series at equal x. Runs of one group log at the same steps, so
 * exact-x alignment is what they need; an x that only some runs reached uses those runs.
 */
export function meanBand<Datum>(series: readonly Series<Datum>[], x: (d: Datum) => number, y: (d: Datum) => number): BandPoint[] {
  const byX = new Map<number, number[]>();
  for (const s of series) {
    for (const d of s.data) {
      const value = y(d);
      if (!Number.isFinite(value)) continue;
      const key = x(d);
      const list = byX.get(key);
      if (list) list.push(value);
      else byX.set(key, [value]);
    }
  }
  return [...byX.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([key, values]) => {
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
      const std = Math.sqrt(variance);
      return { x: key, mean, lower: mean - std, upper: mean + std, n: values.length };
    });
}

/** Index of the datum whose x is nearest to `target` in data sorted by x (binary search). */
export function nearestIndex<Datum>(data: readonly Datum[], x: (d: Datum) => number, target: number): number {
  if (data.length === 0) return -1;
  let lo = 0;
  let hi = data.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x(data[mid] as Datum) < target) lo = mid;
    else hi = mid;
  }
  const dLo = Math.abs(x(data[lo] as Datum) - target);
  const dHi = Math.abs(x(data[hi] as Datum) - target);
  return dHi < dLo ? hi : lo;
}
