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
  /** Draws the line dashed (e.g. test curves beside solid train curves, or ground truth): its legend entry shows the dash. */
  dashed?: boolean;
  /**
   * A second dimension drawn as the line's style (e.g. `target=sgn-sin5pi` beside `target=sinc5`
   * in one colour per model): series of one style share a dash (the first style solid), the
   * legend has an entry per style saying what its dash means, and mean ± std never averages
   * across styles.
   */
  style?: string;
  /**
   * Series with the same band key are averaged into one mean ± std (default: the group, within
   * one style). Lets runs drawn in a colour each (seeds of one model) still share a band.
   */
  band?: string;
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

export interface MeanBandOptions {
  /**
   * Average log10 of the values (for a log axis): the band is the geometric mean ×/÷ the geometric
   * std, so it never reaches 0 or below where a log axis cannot draw it (an arithmetic mean − std
   * of losses spanning decades did, and the band stopped short of its mean line). Values ≤ 0 are
   * left out.
   */
  log?: boolean;
}

/**
 * Mean ± std (population) across series, at every x any of them has. A series contributes at an x
 * inside its own x range: its value there, linearly interpolated between its neighbouring points
 * when it has none at exactly that x, so runs logged at x values that do not line up (buckets,
 * wall time, different eval steps) average into a smooth curve instead of a sawtooth of partial
 * means. Past a series' last x it no longer contributes (an x only some runs reached uses those).
 */
export function meanBand<Datum>(series: readonly Series<Datum>[], x: (d: Datum) => number, y: (d: Datum) => number, options: MeanBandOptions = {}): BandPoint[] {
  const log = options.log === true;
  const curves: { xs: number[]; vs: number[] }[] = [];
  const all = new Set<number>();
  for (const s of series) {
    const points: [number, number][] = [];
    for (const d of s.data) {
      const px = x(d);
      const value = y(d);
      if (!Number.isFinite(px) || !Number.isFinite(value) || (log && value <= 0)) continue;
      points.push([px, log ? Math.log10(value) : value]);
    }
    if (points.length === 0) continue;
    points.sort((a, b) => a[0] - b[0]);
    curves.push({ xs: points.map((p) => p[0]), vs: points.map((p) => p[1]) });
    for (const [px] of points) all.add(px);
  }
  const back = (v: number) => (log ? 10 ** v : v);
  return [...all]
    .sort((a, b) => a - b)
    .flatMap((at) => {
      const values: number[] = [];
      for (const curve of curves) {
        const value = interpolateAt(curve.xs, curve.vs, at);
        if (value !== undefined) values.push(value);
      }
      if (values.length === 0) return [];
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
      const std = Math.sqrt(variance);
      return [{ x: at, mean: back(mean), lower: back(mean - std), upper: back(mean + std), n: values.length }];
    });
}

/** The value of a sorted curve at x: exact at one of its xs (the last of equal ones), linear between two, undefined outside its range. */
function interpolateAt(xs: readonly number[], vs: readonly number[], at: number): number | undefined {
  const n = xs.length;
  const first = xs[0];
  const last = xs[n - 1];
  if (first === undefined || last === undefined || at < first || at > last) return undefined;
  // the first index whose x is > at
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) <= at) lo = mid + 1;
    else hi = mid;
  }
  const right = lo;
  const left = right - 1;
  const xl = xs[left] as number;
  const vl = vs[left] as number;
  if (xl === at || right >= n) return vl;
  const xr = xs[right] as number;
  const vr = vs[right] as number;
  return vl + ((vr - vl) * (at - xl)) / (xr - xl);
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
