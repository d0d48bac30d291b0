/** Metric points as the API sends them, and how the dashboard keeps live series up to date. */

export interface MetricDatum {
  step: number;
  /** null (or absent) when the value was not finite (a divergence): drawn as a gap. */
  value?: number | null;
  /** Milliseconds since the Unix epoch. */
  wallTime: number;
  epoch?: number | null;
  /** "NaN", "Infinity" or "-Infinity" when the value was not finite (the API's MetricPoint.nonFinite); null otherwise. */
  nonFinite?: string | null;
}

/** What the horizontal axis counts. */
export type XMode = 'step' | 'epoch' | 'wall';

/**
 * The x of a point: its step, its epoch (falling back to the step when unknown), or seconds since
 * the first point of its series (`origin`), so runs started at different times line up.
 */
export function xOf(mode: XMode, origin: number): (d: MetricDatum) => number {
  switch (mode) {
    case 'step':
      return (d) => d.step;
    case 'epoch':
      return (d) => d.epoch ?? Number.NaN;
    case 'wall':
      return (d) => (d.wallTime - origin) / 1000;
    default: {
      const unknown: never = mode;
      throw new Error(`xOf: unknown x mode ${String(unknown)}`);
    }
  }
}

/** y of a point; a null (non-finite) value becomes NaN, which charts leave out. */
export const yOf = (d: MetricDatum): number => d.value ?? Number.NaN;

/**
 * What a non-finite point was ("NaN", "Infinity", "-Infinity"), for the chart's gap marker;
 * undefined for a finite one. A null value without a spelling (a query that did not ask for
 * `nonFinite`) is still not finite: "not finite".
 */
export function nonFiniteOf(d: MetricDatum): string | undefined {
  if (d.nonFinite) return d.nonFinite;
  return d.value === null ? 'not finite' : undefined;
}

/**
 * Merges streamed points into a series sorted by step. A point at a step already present replaces
 * it (the store is idempotent per (run, key, step), and so is this), so a resent batch changes nothing.
 */
export function mergePoints(existing: readonly MetricDatum[], incoming: readonly MetricDatum[]): MetricDatum[] {
  if (incoming.length === 0) return existing as MetricDatum[];
  const last = existing[existing.length - 1];
  const sortedIncoming = [...incoming].sort((a, b) => a.step - b.step);
  const firstIncoming = sortedIncoming[0];
  // The common case while training: every new point is after the last one.
  if (last === undefined || (firstIncoming !== undefined && firstIncoming.step > last.step && isStrictlyIncreasing(sortedIncoming))) {
    return [...existing, ...sortedIncoming];
  }
  const byStep = new Map<number, MetricDatum>();
  for (const p of existing) byStep.set(p.step, p);
  for (const p of sortedIncoming) byStep.set(p.step, p);
  return [...byStep.values()].sort((a, b) => a.step - b.step);
}

function isStrictlyIncreasing(points: readonly MetricDatum[]): boolean {
  for (let i = 1; i < points.length; i++) if ((points[i] as MetricDatum).step <= (points[i - 1] as MetricDatum).step) return false;
  return true;
}

/** Series of one run by metric key. */
export type RunSeries = Record<string, MetricDatum[]>;

/** Adds a batch of keyed points (one subscription event) to a run's series, returning a new object. */
export function addBatch(series: RunSeries, points: readonly (MetricDatum & { key: string })[]): RunSeries {
  const byKey = new Map<string, MetricDatum[]>();
  for (const { key, ...point } of points) {
    const list = byKey.get(key) ?? [];
    list.push(point);
    byKey.set(key, list);
  }
  const next: RunSeries = { ...series };
  for (const [key, list] of byKey) next[key] = mergePoints(series[key] ?? [], list);
  return next;
}
