import { scaleLinear, scaleLog, scaleSymlog } from '@visx/scale';
import { SYMLOG_RELATIVE_CONSTANT } from '@saddle/engine/scales';

/**
 * `symlog`: sign(v)·log(1 + |v|/c), linear within ±c, for values of both signs spanning decades
 * (a Hessian spectrum); c = SYMLOG_RELATIVE_CONSTANT × the domain's largest |v|, as the engine bins it.
 */
export type AxisScale = 'linear' | 'log' | 'symlog';

/** The engine's constant: a symlog axis resolves four decades below its largest |v| (binned by the engine the same way). */
export { SYMLOG_RELATIVE_CONSTANT };

/** A numeric position scale, linear, log or symlog: each is callable, invertible and gives ticks. */
export type NumericScale = ReturnType<typeof scaleLinear<number>> | ReturnType<typeof scaleLog<number>> | ReturnType<typeof scaleSymlog<number>>;

/** Whether `value` can be placed on an axis of this kind (a log axis has no place for ≤ 0). */
export function isPlottable(value: number, kind: AxisScale): boolean {
  return Number.isFinite(value) && (kind !== 'log' || value > 0);
}

/**
 * [min, max] of the plottable values, widened when degenerate so a scale never collapses to a
 * point (one point, or a flat line, still draws in the middle). Falls back to [0, 1] / [1, 10].
 */
export function extentOf(values: Iterable<number>, kind: AxisScale): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (!isPlottable(value, kind)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (min > max) return kind === 'log' ? [1, 10] : [0, 1];
  if (min === max) {
    if (kind === 'log') return [min / 2, max * 2];
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    return [min - pad, max + pad];
  }
  return [min, max];
}

/**
 * `extentOf` of every value `each` passes to `add`, without collecting them into an array: a
 * chart of 100 runs × 2,000 points built a 200,000-value array for an axis on every change of
 * its scale (the y extent's memo was ~50 ms of a log-y toggle's script at 100 runs, CPU profile).
 */
export function extentOfEach(kind: AxisScale, each: (add: (value: number) => void) => void): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  each((value) => {
    if (!isPlottable(value, kind)) return;
    if (value < min) min = value;
    if (value > max) max = value;
  });
  // the least and greatest plottable values have the extent of all of them (none: both ±Infinity, not plottable)
  return extentOf([min, max], kind);
}

/** Builds a scale for a plottable domain onto a pixel range; `nice` rounds linear domains to ticks. */
export function makeScale(kind: AxisScale, domain: [number, number], range: [number, number], nice = true): NumericScale {
  if (kind === 'log') {
    const lo = domain[0] > 0 ? domain[0] : 1e-12;
    const hi = domain[1] > lo ? domain[1] : lo * 10;
    return scaleLog<number>({ domain: [lo, hi], range, clamp: true });
  }
  if (kind === 'symlog') {
    const maxAbs = Math.max(Math.abs(domain[0]), Math.abs(domain[1]));
    return scaleSymlog<number>({ domain, range, constant: maxAbs > 0 ? SYMLOG_RELATIVE_CONSTANT * maxAbs : 1 });
  }
  return scaleLinear<number>({ domain, range, nice });
}

/** Compact tick and tooltip numbers: 0.00123 → 1.23e-3, 12345 → 12.3k, 0.5 → 0.5. */
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e6 || abs < 1e-2) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
    return `${Number(mantissa)}e${Number(exponent)}`;
  }
  if (abs >= 1e4) return `${Number((value / 1e3).toPrecision(digits))}k`;
  return String(Number(value.toPrecision(digits)));
}

/** Ticks for an axis: log axes get at most one label per decade so labels never collide. */
export function tickValues(scale: NumericScale, kind: AxisScale, count: number): number[] {
  if (kind === 'linear') return scale.ticks(count);
  if (kind === 'symlog') return symlogTicks(scale.domain() as [number, number], count);
  const [lo, hi] = scale.domain() as [number, number];
  const first = Math.floor(Math.log10(lo));
  const last = Math.ceil(Math.log10(hi));
  const decades: number[] = [];
  const stride = Math.max(1, Math.ceil((last - first + 1) / count));
  for (let e = first; e <= last; e += stride) {
    const v = Number(`1e${e}`); // exact, unlike 10 ** -4
    if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) decades.push(v);
  }
  if (decades.length >= 3) return decades;
  // Under three decades: 1-2-5 steps, so a narrow log axis still has enough labels to read.
  const within = (multipliers: readonly number[]) => {
    const out: number[] = [];
    for (let e = first; e <= last; e++) {
      for (const m of multipliers) {
        const v = Number(`${m}e${e}`);
        if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push(v);
      }
    }
    return out;
  };
  const steps = within([1, 2, 5]);
  if (steps.length >= 3) return steps;
  // Under a decade (0.57 … 2.2): every integer multiple, thinned to `count`.
  const fine = within([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const fineStride = Math.ceil(fine.length / count);
  return fine.length >= 2 ? fine.filter((_, i) => i % fineStride === 0) : scale.ticks(count);
}

/**
 * Ticks of a symlog axis: 0 and ±1, ±10, … decades down to the linear zone (c × 10), every
 * `stride`-th decade so at most `count` labels fit, the outermost decades kept.
 */
export function symlogTicks(domain: [number, number], count: number): number[] {
  const [lo, hi] = domain[0] <= domain[1] ? domain : [domain[1], domain[0]];
  const maxAbs = Math.max(Math.abs(lo), Math.abs(hi));
  if (!(maxAbs > 0)) return [0];
  const floor = Math.log10(SYMLOG_RELATIVE_CONSTANT * maxAbs * 10);
  const decades: number[] = [];
  for (let e = Math.ceil(floor); e <= Math.floor(Math.log10(maxAbs)); e++) decades.push(Number(`1e${e}`));
  const sides = (lo < 0 ? 1 : 0) + (hi > 0 ? 1 : 0);
  const stride = Math.max(1, Math.ceil((decades.length * Math.max(1, sides) + 1) / Math.max(2, count)));
  const kept = decades.filter((_, i) => (decades.length - 1 - i) % stride === 0);
  const ticks = [...kept.filter((v) => -v >= lo).map((v) => -v).reverse(), ...(lo <= 0 && hi >= 0 ? [0] : []), ...kept.filter((v) => v <= hi)];
  // Negatives all within the linear zone (a spectrum's few small negative eigenvalues) get no decade:
  // label the least value itself when its side takes a visible share (≥ 3%) of the axis.
  const c = SYMLOG_RELATIVE_CONSTANT * maxAbs;
  const at = (v: number) => Math.sign(v) * Math.log1p(Math.abs(v) / c);
  if (lo < 0 && !ticks.some((v) => v < 0) && (at(0) - at(lo)) / (at(hi) - at(lo)) >= 0.03) ticks.unshift(Number(lo.toPrecision(2)) >= lo ? Number(lo.toPrecision(2)) : lo);
  return ticks.length >= 2 ? ticks : [lo, hi];
}

/**
 * Labels for a set of ticks with just enough significant digits to tell neighbours apart
 * (0.1990, 0.1995, 0.2000 rather than 0.199, 0.2, 0.2).
 */
export function formatTicks(values: readonly number[]): string[] {
  const finite = values.filter(Number.isFinite);
  let step = Infinity;
  for (let i = 1; i < finite.length; i++) step = Math.min(step, Math.abs((finite[i] as number) - (finite[i - 1] as number)));
  const maxAbs = Math.max(0, ...finite.map(Math.abs));
  const digits = Number.isFinite(step) && step > 0 && maxAbs > 0 ? Math.min(8, Math.max(2, Math.ceil(Math.log10(maxAbs / step)) + 1)) : 3;
  return values.map((v) => formatNumber(v, digits));
}
