/**
 * Sweeps over any knob of a run spec: `{ method: 'grid' | 'random', parameters: { <spec path>:
 * { values: [...] } | { min, max, log?, count? } }, seeds, samples?, seed? }` expands a base
 * spec into one run per point (and per seed), keyed by its swept values (`optimizer.lr=0.001`),
 * each validated like a preset's runs, so a bad value fails before anything is queued. The
 * generic figure of a sweep (`sweepFigures`) is every final metric against every swept
 * parameter, mean ± standard deviation over the seeds.
 */
import { validateRunSpec } from '../config.validate.js';
import type { RunSpec } from '../config.js';
import { mean, standardDeviation } from '../findings/stats.js';
import { Rng } from '../util/rng.js';
import { applySpecOverrides } from './overrides.js';
import { effectiveConfig } from './effective-config.js';
import { withSeeds } from './common.js';
import type { Figure, FigureData, PresetRun, RunArtifacts } from './types.js';

export type SweepValue = number | string | boolean;

/** The values of one swept path: a list, or a numeric range. */
export interface SweepParameter {
  /** The values to take, e.g. `[1e-4, 1e-3, 1e-2]`, zoo model names, `['sgd', 'adam']`. */
  values?: SweepValue[];
  /** A range [min, max]. GRID takes `count` points from min to max (both included); RANDOM draws from it. */
  min?: number;
  max?: number;
  /** Space the range's points (or draws) evenly in log10, for scales such as a learning rate. Default false. */
  log?: boolean;
  /** GRID: points of the range (≥ 2). Default 5. */
  count?: number;
  /** Round every point of the range to a whole number (batch sizes, widths). Default false. */
  integer?: boolean;
}

export type SweepMethod = 'grid' | 'random';

export interface SweepSpec {
  /** `grid`: every combination of every parameter's values. `random`: `samples` points drawn from them. */
  method: SweepMethod;
  /** Dotted run-spec paths (as `--set` takes them) → their values. */
  parameters: Record<string, SweepParameter>;
  /** Trainings of every point, from the base spec's seed to seed + seeds − 1. Default 1. */
  seeds?: number;
  /** RANDOM: the points drawn. Default 8. */
  samples?: number;
  /** RANDOM: seeds the draws, so a sweep is the same every time it is launched. Default 0. */
  seed?: number;
}

/** A sweep that cannot be expanded; `path` is the field's path in the sweep input, e.g. ['parameters', 'optimizer.lr', 'min']. */
export class SweepError extends Error {
  override readonly name = 'SweepError';
  constructor(
    readonly path: (string | number)[],
    readonly detail: string,
  ) {
    super(`invalid sweep${path.length > 0 ? ` at '${path.join('.')}'` : ''}: ${detail}`);
  }
}

/** Most runs one sweep may expand to (points × seeds). */
export const MAX_SWEEP_RUNS = 1000;
const DEFAULT_COUNT = 5;
const DEFAULT_SAMPLES = 8;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

/** Checks the shape of a sweep input (from JSON) and fills its defaults; throws {@link SweepError}. */
export function validateSweep(input: unknown): Required<Omit<SweepSpec, 'samples' | 'seed'>> & Pick<SweepSpec, 'samples' | 'seed'> {
  const fail = (path: (string | number)[], detail: string): never => {
    throw new SweepError(path, detail);
  };
  if (!isRecord(input)) return fail([], `expected an object { method, parameters, seeds }, got ${show(input)}`);
  for (const key of Object.keys(input)) {
    if (!['method', 'parameters', 'seeds', 'samples', 'seed'].includes(key)) fail([key], 'unknown field; allowed fields are method, parameters, seeds, samples, seed');
  }
  const method = typeof input.method === 'string' ? input.method.toLowerCase() : input.method;
  if (method !== 'grid' && method !== 'random') fail(['method'], `must be GRID or RANDOM, got ${show(input.method)}`);
  const seeds = input.seeds ?? 1;
  if (typeof seeds !== 'number' || !Number.isInteger(seeds) || seeds < 1 || seeds > MAX_SWEEP_RUNS) fail(['seeds'], `must be an integer from 1 to ${MAX_SWEEP_RUNS}, got ${show(seeds)}`);
  if (input.samples !== undefined && method !== 'random') fail(['samples'], 'is for RANDOM sweeps only (GRID takes every combination)');
  const samples = method === 'random' ? (input.samples ?? DEFAULT_SAMPLES) : undefined;
  if (samples !== undefined && (typeof samples !== 'number' || !Number.isInteger(samples) || samples < 1)) fail(['samples'], `must be a positive integer, got ${show(samples)}`);
  if (input.seed !== undefined && (typeof input.seed !== 'number' || !Number.isInteger(input.seed) || input.seed < 0)) fail(['seed'], `must be a non-negative integer, got ${show(input.seed)}`);
  if (!isRecord(input.parameters) || Object.keys(input.parameters).length === 0) {
    fail(['parameters'], `must be an object of at least one spec path → { values: [...] } or { min, max, log, count }, e.g. { "optimizer.lr": { "values": [1e-4, 1e-3] } }; got ${show(input.parameters)}`);
  }
  const parameters: Record<string, SweepParameter> = {};
  for (const [path, raw] of Object.entries(input.parameters as Record<string, unknown>)) {
    const at = (field?: string): (string | number)[] => (field === undefined ? ['parameters', path] : ['parameters', path, field]);
    if (path === 'seed' && seeds !== 1) fail(at(), 'sweeping the seed and giving seeds > 1 both vary it; use one of the two');
    if (!isRecord(raw)) {
      fail(at(), `must be { values: [...] } or { min, max, log, count }, got ${show(raw)}`);
      continue;
    }
    for (const key of Object.keys(raw)) {
      if (!['values', 'min', 'max', 'log', 'count', 'integer'].includes(key)) fail(at(key), 'unknown field; allowed fields are values, or min, max, log, count, integer');
    }
    if (raw.values !== undefined) {
      if (raw.min !== undefined || raw.max !== undefined || raw.count !== undefined || raw.log !== undefined) fail(at(), 'give either values or a range (min, max, log, count), not both');
      if (!Array.isArray(raw.values) || raw.values.length === 0) fail(at('values'), `must be a non-empty list, got ${show(raw.values)}`);
      const values = raw.values as unknown[];
      values.forEach((value, i) => {
        if (!(typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' || typeof value === 'boolean')) {
          fail([...at('values'), i], `must be a finite number, a string or a boolean, got ${show(value)}`);
        }
      });
      if (new Set(values.map(show)).size !== values.length) fail(at('values'), `lists a value twice: ${show(values)}`);
      parameters[path] = { values: values as SweepValue[] };
      continue;
    }
    const finite = (field: 'min' | 'max'): number => {
      const value = raw[field];
      return typeof value === 'number' && Number.isFinite(value) ? value : fail(at(field), `must be a finite number (or give values instead), got ${show(value)}`);
    };
    const min = finite('min');
    const max = finite('max');
    if (!(min < max)) fail(at('max'), `must be greater than min (${min}), got ${max}`);
    const log = raw.log ?? false;
    if (typeof log !== 'boolean') fail(at('log'), `must be true or false, got ${show(log)}`);
    if (log && min <= 0) fail(at('min'), `must be positive for a log range, got ${min}`);
    const integer = raw.integer ?? false;
    if (typeof integer !== 'boolean') fail(at('integer'), `must be true or false, got ${show(integer)}`);
    if (raw.count !== undefined && method === 'random') fail(at('count'), 'is for GRID sweeps; a RANDOM sweep draws `samples` points');
    const count = raw.count ?? DEFAULT_COUNT;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 2) fail(at('count'), `must be an integer ≥ 2 (the range's two ends and the points between), got ${show(count)}`);
    parameters[path] = { min, max, log: log as boolean, count: count as number, integer: integer as boolean };
  }
  return {
    method: method as SweepMethod,
    parameters,
    seeds: seeds as number,
    ...(samples !== undefined && { samples: samples as number }),
    ...(input.seed !== undefined && { seed: input.seed as number }),
  };
}

/** The points of a range: `count` evenly spaced from min to max (in log10 when `log`), rounded when `integer`. */
export function rangePoints(parameter: Required<Pick<SweepParameter, 'min' | 'max' | 'count'>> & SweepParameter): number[] {
  const { min, max, count, log = false, integer = false } = parameter;
  const points = Array.from({ length: count }, (_, i) => {
    const t = i / (count - 1);
    // Written so the ends are exact: 10^log10(1e-4) is 1.0000000000000005e-4 otherwise.
    const value = i === 0 ? min : i === count - 1 ? max : log ? 10 ** (Math.log10(min) + t * (Math.log10(max) - Math.log10(min))) : min + t * (max - min);
    return integer ? Math.round(value) : roundTo15(value);
  });
  return [...new Set(points)];
}

/** 15 significant digits: keeps 1e-3 from printing as 0.0010000000000000002 in keys and axes. */
function roundTo15(value: number): number {
  return Number(value.toPrecision(15));
}

/** The sweep's points: every combination (GRID) or `samples` seeded draws (RANDOM), each path → value. */
export function sweepPoints(sweep: ReturnType<typeof validateSweep>): Record<string, SweepValue>[] {
  const entries = Object.entries(sweep.parameters);
  if (sweep.method === 'grid') {
    let points: Record<string, SweepValue>[] = [{}];
    for (const [path, parameter] of entries) {
      const values = parameter.values ?? rangePoints(parameter as Parameters<typeof rangePoints>[0]);
      points = points.flatMap((point) => values.map((value) => ({ ...point, [path]: value })));
    }
    return points;
  }
  const rng = new Rng(sweep.seed ?? 0);
  return Array.from({ length: sweep.samples ?? DEFAULT_SAMPLES }, () => {
    const point: Record<string, SweepValue> = {};
    for (const [path, parameter] of entries) {
      if (parameter.values) {
        point[path] = parameter.values[rng.int(parameter.values.length)]!;
        continue;
      }
      const { min = 0, max = 1, log = false, integer = false } = parameter;
      const value = log ? 10 ** rng.uniform(Math.log10(min), Math.log10(max)) : rng.uniform(min, max);
      point[path] = integer ? Math.round(value) : roundTo15(value);
    }
    return point;
  });
}

/** `optimizer.lr=0.001,batchSize=64`: a run's key from its swept values, in the sweep's order of paths. */
export function sweepKey(point: Record<string, SweepValue>): string {
  return Object.entries(point)
    .map(([path, value]) => `${path}=${String(value)}`)
    .join(',');
}

/**
 * The runs of a sweep over `base` (a run spec as users write it): one per point and seed, each
 * spec the base with the point's values applied (as `--set` applies them: a zoo name for
 * `model`, a kind swaps in that kind's defaults) and validated. A point's seeds share its key as
 * their group (one curve family, pooled in the figure); copy s of a point is keyed `<key>/seed<s>`.
 */
export function expandSweep(base: unknown, sweepInput: unknown): PresetRun[] {
  const sweep = validateSweep(sweepInput);
  const spec = validateRunSpec(base, 'sweep base spec');
  const points = sweepPoints(sweep);
  const total = points.length * sweep.seeds;
  if (total > MAX_SWEEP_RUNS) {
    throw new SweepError(['parameters'], `expands to ${points.length} points × ${sweep.seeds} seeds = ${total} runs; at most ${MAX_SWEEP_RUNS} are allowed (fewer values, or a RANDOM sweep with fewer samples)`);
  }
  const seen = new Set<string>();
  const runs: PresetRun[] = [];
  for (const point of points) {
    const key = sweepKey(point);
    // A RANDOM draw may repeat a point of a small discrete space; it is one run, not two.
    if (seen.has(key)) continue;
    seen.add(key);
    let next: RunSpec;
    try {
      next = validateRunSpec(applySpecOverrides(spec, point, `sweep point ${key}`), `sweep point ${key}`);
    } catch (error) {
      // Name the swept path the error is about (overrides and spec errors quote it), else the first.
      const message = error instanceof Error ? error.message : String(error);
      const path = Object.keys(point).find((p) => message.includes(`'${p}'`)) ?? Object.keys(point)[0]!;
      throw new SweepError(['parameters', path], message);
    }
    runs.push({ key, group: key, config: { ...point }, spec: next });
  }
  return withSeeds(runs, sweep.seeds).map((run) => ({ ...run, config: effectiveConfig(run.config, run.spec) }));
}

type Lines = Extract<FigureData, { kind: 'lines' }>;

/** A parameter's axis: log where the values are positive and spread over two decades or more (or the range said log). */
function axisScale(values: readonly SweepValue[], parameter: SweepParameter | undefined): 'linear' | 'log' {
  if (parameter?.log) return 'log';
  const numbers = values.filter((v): v is number => typeof v === 'number');
  if (numbers.length !== values.length || numbers.length < 2) return 'linear';
  const low = Math.min(...numbers);
  return low > 0 && Math.max(...numbers) / low >= 100 ? 'log' : 'linear';
}

/**
 * The generic figures of a sweep: for every final metric and every swept parameter, the
 * metric's mean over the seeds (error bars: one standard deviation) against the parameter, one
 * series per combination of the other parameters' values. A parameter with values that are not
 * numbers (zoo models, optimiser kinds) is drawn at positions 0, 1, … named in the axis label.
 * Runs that diverged are left out of the means (their loss is not a number); the title says how many.
 */
export function sweepFigures(runs: readonly RunArtifacts[], sweepInput: unknown): Figure[] {
  const sweep = validateSweep(sweepInput);
  const paths = Object.keys(sweep.parameters);
  const usable = runs.filter((run) => run.end.status === 'SUCCEEDED');
  const left = runs.length - usable.length;
  const metrics = [...new Set(usable.flatMap((run) => Object.keys(run.end.final)))].sort();
  const figures: Figure[] = [];
  for (const path of paths) {
    const values = [...new Map(usable.map((run) => [show(run.config[path]), run.config[path] as SweepValue])).values()].filter((v) => v !== undefined);
    const numeric = values.every((v) => typeof v === 'number');
    if (numeric) (values as number[]).sort((a, b) => a - b);
    const xOf = (value: SweepValue): number => (numeric ? (value as number) : values.findIndex((v) => show(v) === show(value)));
    const xLabel = numeric ? path : `${path} (${values.map((v, i) => `${i} = ${String(v)}`).join(', ')})`;
    const others = paths.filter((other) => other !== path);
    for (const metric of metrics) {
      const families = new Map<string, RunArtifacts[]>();
      for (const run of usable) {
        const family = others.map((other) => `${other}=${String(run.config[other])}`).join(', ');
        families.set(family, [...(families.get(family) ?? []), run]);
      }
      const series: Lines['series'] = [...families.entries()].map(([family, members]) => {
        const byValue = new Map<string, { x: number; ys: number[] }>();
        for (const run of members) {
          const y = run.end.final[metric];
          const value = run.config[path] as SweepValue | undefined;
          if (y === undefined || !Number.isFinite(y) || value === undefined) continue;
          const entry = byValue.get(show(value)) ?? { x: xOf(value), ys: [] };
          entry.ys.push(y);
          byValue.set(show(value), entry);
        }
        const points = [...byValue.values()]
          .sort((a, b) => a.x - b.x)
          .map(({ x, ys }) => {
            const spread = standardDeviation(ys);
            return { x, y: mean(ys), ...(Number.isFinite(spread) && { error: spread }) };
          });
        return { label: family || metric, ...(family && { group: family }), points };
      });
      const ys = series.flatMap((s) => s.points.map((p) => p.y));
      const yLog = /loss/.test(metric) && ys.length > 1 && ys.every((y) => y > 0) && Math.max(...ys) / Math.min(...ys) >= 100;
      const over = sweep.seeds > 1 ? `mean ± std over ${sweep.seeds} seeds` : 'one seed each';
      figures.push({
        id: `sweep-${metric.replace(/[^A-Za-z0-9.]+/g, '-')}-vs-${path}`,
        title: `Final ${metric} vs ${path} (${over}${left > 0 ? `; ${left} run${left === 1 ? '' : 's'} that did not succeed left out` : ''})`,
        data: {
          kind: 'lines',
          x: { label: xLabel, scale: numeric ? axisScale(values, sweep.parameters[path]) : 'linear' },
          y: { label: `final ${metric}`, scale: yLog ? 'log' : 'linear' },
          series,
        },
      });
    }
  }
  return figures;
}
