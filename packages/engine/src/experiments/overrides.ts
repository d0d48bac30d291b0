/**
 * Overrides as users write them (`--set epochs=5`, `optimizer.lr=0.01`, `model=deep-mlp`,
 * `runs=8`): a preset knob when the key is one of the preset's knobs, otherwise a dotted path
 * into every run spec. Values may arrive as strings (the CLI) or typed (the API); each is coerced
 * to the type of what it replaces, and every error names the key and what is allowed.
 */
import { DEFAULT_DATA, DEFAULT_OPTIMIZER, resolveRunSpec, type DataSpec, type OptimizerSpec, type RunSpec } from '../config.js';
import type { ModelSpec } from '../models/spec.js';
import { zoo } from '../models/zoo.js';
import { nearestName } from '../util/nearest-name.js';
import { SCALES, type Preset, type PresetKnob, type PresetOptions, type Scale } from './types.js';

export type KnobValue = number | string | boolean;
export type KnobValues = Record<string, KnobValue>;

/** Paths a spec may not hold yet but a user may set; everything else must exist in the spec. */
const OPTIONAL_PATHS: readonly string[] = [
  'steps',
  'data.dir',
  'zeroGradient.gradNormThreshold',
  'zeroGradient.maxSteps',
  'zeroGradient.optimizer.kind',
  'zeroGradient.optimizer.lr',
  'zeroGradient.optimizer.momentum',
  'zeroGradient.optimizer.beta1',
  'zeroGradient.optimizer.beta2',
  'zeroGradient.optimizer.epsilon',
];

const NUMBER_PATHS = new Set([
  'steps',
  'zeroGradient.gradNormThreshold',
  'zeroGradient.maxSteps',
  'zeroGradient.optimizer.lr',
  'zeroGradient.optimizer.momentum',
  'zeroGradient.optimizer.beta1',
  'zeroGradient.optimizer.beta2',
  'zeroGradient.optimizer.epsilon',
]);

type Leaf = string | number | boolean;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The dotted leaf paths of a spec, for error messages (`epochs`, `optimizer.lr`, ...). */
export function specPaths(spec: RunSpec): string[] {
  const paths: string[] = ['model'];
  const walk = (node: Record<string, unknown>, prefix: string): void => {
    for (const [key, value] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (path === 'model') continue;
      if (isRecord(value)) walk(value, path);
      else paths.push(path);
    }
  };
  walk(spec as unknown as Record<string, unknown>, '');
  for (const optional of OPTIONAL_PATHS) if (!paths.includes(optional)) paths.push(optional);
  return paths;
}

/** Every path any spec may hold: the given spec's, plus each data and optimizer kind's fields. */
function knownPaths(spec: RunSpec): string[] {
  const paths = specPaths(spec);
  const add = (path: string): void => {
    if (!paths.includes(path)) paths.push(path);
  };
  for (const data of Object.values(DEFAULT_DATA)) for (const key of Object.keys(data)) add(`data.${key}`);
  for (const optimizer of Object.values(DEFAULT_OPTIMIZER)) for (const key of Object.keys(optimizer)) add(`optimizer.${key}`);
  return paths;
}

function coerce(key: string, raw: unknown, like: 'number' | 'string' | 'boolean', where: string): Leaf {
  if (like === 'number') {
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`${where}: override '${key}' must be a finite number, got ${JSON.stringify(raw)}`);
    }
    return value;
  }
  if (like === 'boolean') {
    if (raw === true || raw === 'true') return true;
    if (raw === false || raw === 'false') return false;
    throw new Error(`${where}: override '${key}' must be true or false, got ${JSON.stringify(raw)}`);
  }
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    throw new Error(`${where}: override '${key}' must be a string, got ${JSON.stringify(raw)}`);
  }
  return String(raw);
}

function leafType(value: unknown): 'number' | 'string' | 'boolean' {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

/** Split a preset's overrides into its knobs and the run-spec paths. */
export function splitOverrides(
  preset: Pick<Preset, 'id' | 'knobs'>,
  overrides: Record<string, unknown> | undefined,
): { knobs: Record<string, unknown>; paths: Record<string, unknown> } {
  // Without a prototype, `paths['__proto__'] = v` is an own key like any other (and is refused as
  // an unknown override); on a plain object it would set the prototype and vanish silently.
  const knobs: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const paths: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const knobKeys = new Set(preset.knobs.map((knob) => knob.key));
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (knobKeys.has(key)) knobs[key] = value;
    else paths[key] = value;
  }
  return { knobs, paths };
}

/**
 * The preset's knob values at the options' scale, with overrides applied and coerced to each
 * default's type. Choice knobs (with `choices`) accept only those values.
 */
export function resolveKnobs(preset: Pick<Preset, 'id' | 'knobs'>, options: PresetOptions): KnobValues {
  const where = `preset '${preset.id}'`;
  if (!SCALES.includes(options.scale)) {
    throw new Error(`${where}: scale must be one of ${SCALES.map((scale) => `'${scale}'`).join(', ')}, got ${JSON.stringify(options.scale)}`);
  }
  const { knobs: given } = splitOverrides(preset, options.overrides);
  const values: KnobValues = {};
  for (const knob of preset.knobs) {
    const fallback = knobDefault(knob, options.scale);
    const value = knob.key in given ? coerce(knob.key, given[knob.key], leafType(fallback), where) : fallback;
    if (knob.choices && !knob.choices.includes(String(value))) {
      throw new Error(`${where}: knob '${knob.key}' must be one of ${knob.choices.join(', ')}, got ${JSON.stringify(value)}`);
    }
    if (typeof value === 'number' && knob.min !== undefined && value < knob.min) {
      throw new Error(`${where}: knob '${knob.key}' must be ≥ ${knob.min}, got ${value}`);
    }
    if (typeof value === 'number' && knob.integer && !Number.isInteger(value)) {
      throw new Error(`${where}: knob '${knob.key}' must be an integer, got ${value}`);
    }
    values[knob.key] = value;
  }
  return values;
}

/**
 * A knob's default at a scale. Presets written before `standard` existed (user modules loaded by
 * the API) may lack it: standard decides the findings, so it falls back to the full value.
 */
export function knobDefault(knob: PresetKnob, scale: Scale): KnobValue {
  return (knob[scale] as KnobValue | undefined) ?? knob.full;
}

/** A number knob, for presets that declared it numeric. */
export function numberKnob(values: KnobValues, key: string): number {
  const value = values[key];
  if (typeof value !== 'number') throw new Error(`knob '${key}' must be a number, got ${JSON.stringify(value)}`);
  return value;
}

export function stringKnob(values: KnobValues, key: string): string {
  const value = values[key];
  if (typeof value !== 'string') throw new Error(`knob '${key}' must be a string, got ${JSON.stringify(value)}`);
  return value;
}

export function booleanKnob(values: KnobValues, key: string): boolean {
  const value = values[key];
  if (typeof value !== 'boolean') throw new Error(`knob '${key}' must be true or false, got ${JSON.stringify(value)}`);
  return value;
}

/** A comma-separated list knob of numbers, e.g. `batchSizes=64,256,1024`. */
export function numberListKnob(values: KnobValues, key: string): number[] {
  const raw = values[key];
  const items = String(raw)
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const numbers = items.map(Number);
  if (numbers.length === 0 || numbers.some((n) => !Number.isInteger(n) || n <= 0)) {
    throw new Error(`knob '${key}' must be a comma-separated list of positive integers, got ${JSON.stringify(raw)}`);
  }
  return numbers;
}

function modelFrom(key: string, raw: unknown, where: string): ModelSpec {
  if (isRecord(raw) && typeof raw.name === 'string' && Array.isArray(raw.layers)) return raw as unknown as ModelSpec;
  if (typeof raw === 'string') {
    const entry = zoo[raw];
    if (entry) return structuredClone(entry.spec);
  }
  throw new Error(`${where}: override '${key}' must name a zoo model (${Object.keys(zoo).join(', ')}) or be a model spec, got ${JSON.stringify(raw)}`);
}

/**
 * A copy of `spec` with dotted-path overrides applied. In a sweep of several seeds, `seed=s` is
 * the base: the spec gets s + `seedOffset` (its seed minus the sweep's smallest), so runs stay distinct.
 */
export function applySpecOverrides(spec: RunSpec, paths: Record<string, unknown>, where = 'overrides', seedOffset = 0, knobKeys: readonly string[] = []): RunSpec {
  const next = structuredClone(spec) as RunSpec;
  const allowed = knownPaths(spec);
  // A new `kind` swaps in that kind's defaults first, so later paths (`optimizer.lr`) land in it.
  const entries = Object.entries(paths).sort(([a], [b]) => Number(!a.endsWith('.kind')) - Number(!b.endsWith('.kind')));
  for (const [key, raw] of entries) {
    if (key === 'model') {
      next.model = modelFrom(key, raw, where);
      continue;
    }
    if (key === 'data.kind') {
      const kind = String(coerce(key, raw, 'string', where));
      if (!(kind in DEFAULT_DATA)) {
        throw new Error(`${where}: override '${key}' must be one of ${Object.keys(DEFAULT_DATA).join(', ')}, got ${JSON.stringify(raw)}`);
      }
      if (kind !== next.data.kind) next.data = { ...DEFAULT_DATA[kind as DataSpec['kind']] };
      continue;
    }
    if (key === 'optimizer.kind' || key === 'zeroGradient.optimizer.kind') {
      const kind = String(coerce(key, raw, 'string', where));
      if (!(kind in DEFAULT_OPTIMIZER)) {
        throw new Error(`${where}: override '${key}' must be one of ${Object.keys(DEFAULT_OPTIMIZER).join(', ')}, got ${JSON.stringify(raw)}`);
      }
      const fresh = (current: OptimizerSpec | undefined): OptimizerSpec => ({
        ...DEFAULT_OPTIMIZER[kind as OptimizerSpec['kind']],
        ...(current && current.kind !== kind ? { lr: current.lr } : current),
      });
      if (key === 'optimizer.kind') next.optimizer = fresh(next.optimizer);
      else {
        ensureZeroGradient(next);
        next.zeroGradient!.optimizer = fresh(next.zeroGradient!.optimizer);
      }
      continue;
    }
    if (!allowed.includes(key)) throw new Error(`${where}: ${unknownOverrideMessage(key, knobKeys, allowed)}`);
    if (key.startsWith('zeroGradient.')) ensureZeroGradient(next);
    const parts = key.split('.');
    let node = next as unknown as Record<string, unknown>;
    for (const part of parts.slice(0, -1)) {
      const child = node[part];
      if (!isRecord(child)) {
        throw new Error(`${where}: override '${key}' does not apply to this run's ${parts[0]} (kind ${JSON.stringify((node as { kind?: unknown }).kind)})`);
      }
      node = child;
    }
    const leaf = parts[parts.length - 1]!;
    if (!(leaf in node) && !OPTIONAL_PATHS.includes(key)) {
      throw new Error(
        `${where}: override '${key}' does not apply to this run's ${parts[0]} of kind '${String(node.kind)}' (it has ${Object.keys(node).join(', ')})`,
      );
    }
    const like = NUMBER_PATHS.has(key) ? 'number' : leafType(node[leaf]);
    const value = coerce(key, raw, like, where);
    node[leaf] = key === 'seed' ? (value as number) + seedOffset : value;
  }
  return next;
}

/**
 * The message for a key that is neither a knob nor a run-spec path: the nearest name of either
 * kind first (`--set run=8` → "did you mean 'runs'?"), then both lists, the preset's knobs first.
 */
export function unknownOverrideMessage(key: string, knobKeys: readonly string[], paths: readonly string[]): string {
  const suggestion = nearestName(key, [...knobKeys, ...paths]);
  const knobs = knobKeys.length > 0 ? `the preset's knobs are ${knobKeys.join(', ')}; ` : 'the preset has no knobs; ';
  return `unknown override '${key}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}; ${knobs}allowed run-spec paths are ${paths.join(', ')}`;
}

function ensureZeroGradient(spec: RunSpec): void {
  spec.zeroGradient ??= resolveRunSpec({ model: spec.model, zeroGradient: {} }).zeroGradient;
}

/** A comma-separated list knob of names, e.g. `models=mlp-shallow,mlp-deep`. */
export function stringListKnob(values: KnobValues, key: string): string[] {
  const items = String(values[key])
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) throw new Error(`knob '${key}' must be a non-empty comma-separated list, got ${JSON.stringify(values[key])}`);
  return items;
}
