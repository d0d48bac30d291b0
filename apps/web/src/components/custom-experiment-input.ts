/**
 * The custom experiment form's values → launchExperiment's input: a run spec (a zoo model by
 * name, data, optimiser, schedule), the swept parameters and the seeds. Pure, so it is tested
 * without a browser; the API validates everything and its errors name the field.
 */
import { splitTopLevel } from '@saddle/engine/scales';
import type { LaunchExperimentInput } from '@saddle/schema';

/** One swept parameter as the form holds it: a list of values, or a numeric range. */
export interface SweepRow {
  /** A run-spec path, e.g. `optimizer.lr`, `batchSize`, `model`, `data.expression`. */
  path: string;
  mode: 'values' | 'range';
  /** `values`: comma-separated (commas inside parentheses belong to a formula). */
  values: string;
  /** `range`: from, to, points, log10 spacing. */
  min: string;
  max: string;
  count: string;
  log: boolean;
}

export interface CustomExperimentForm {
  /** A zoo model's id. */
  model: string;
  /** What the model's data is: regression on a target function, or 10-class images. */
  modelData: 'function' | 'image';
  /** Function models: a built-in target or `formula`. */
  target: 'sinc5' | 'sgn-sin5pi' | 'formula';
  /** `target = formula`: y as a formula in x, e.g. `exp(-x)*cos(2*pi*x)`. */
  formula: string;
  /** Image models. */
  images: 'mnist' | 'cifar10';
  optimizer: 'adam' | 'sgd';
  lr: string;
  batchSize: string;
  epochs: string;
  seeds: string;
  method: 'GRID' | 'RANDOM';
  /** RANDOM: points drawn. */
  samples: string;
  sweep: SweepRow[];
  name: string;
}

export const EMPTY_SWEEP_ROW: SweepRow = { path: 'optimizer.lr', mode: 'values', values: '', min: '', max: '', count: '4', log: true };

/** `3` → 3, `true` → true, `1e-3` → 0.001; anything else stays a string (a zoo name, a formula). */
export function parseValue(text: string): string | number | boolean {
  const trimmed = text.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  return trimmed;
}

/** A number field: empty is "the default" (left out); anything else is sent as typed, for the API to judge. */
function numberOrText(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = parseValue(trimmed);
  return typeof value === 'boolean' ? trimmed : value;
}

/** The launch input, or the form's own errors by field (counts the schema types as Int cannot be sent as text). */
export type CustomLaunch = { input: LaunchExperimentInput; errors?: undefined } | { input?: undefined; errors: Record<string, string> };

/** A count field: empty is the default (undefined); else a positive whole number, or an error. */
function count(text: string, field: string, errors: Record<string, string>): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  if (Number.isInteger(value) && value >= 1) return value;
  errors[field] = `must be a positive whole number, got ${JSON.stringify(trimmed)}`;
  return undefined;
}

export function customLaunchInput(form: CustomExperimentForm): CustomLaunch {
  const data =
    form.modelData === 'function'
      ? form.target === 'formula'
        ? { kind: 'function', expression: form.formula }
        : { kind: 'function', fn: form.target }
      : { kind: form.images };
  const optimizer: Record<string, unknown> = { kind: form.optimizer };
  const lr = numberOrText(form.lr);
  if (lr !== undefined) optimizer.lr = lr;
  const spec: Record<string, unknown> = {
    model: form.model,
    data,
    loss: form.modelData === 'function' ? 'mse' : 'cross-entropy',
    optimizer,
  };
  for (const [key, text] of [['batchSize', form.batchSize], ['epochs', form.epochs]] as const) {
    const value = numberOrText(text);
    if (value !== undefined) spec[key] = value;
  }
  const rows = form.sweep.filter((row) => row.path.trim() !== '');
  const parameters: Record<string, unknown> = {};
  for (const row of rows) {
    parameters[row.path.trim()] =
      row.mode === 'values'
        ? { values: splitTopLevel(row.values).map(parseValue) }
        : { min: numberOrText(row.min) ?? null, max: numberOrText(row.max) ?? null, log: row.log, ...(form.method === 'GRID' && { count: numberOrText(row.count) ?? 5 }) };
  }
  const errors: Record<string, string> = {};
  const samples = form.method === 'RANDOM' ? count(form.samples, 'sweep.samples', errors) : undefined;
  const seeds = count(form.seeds, 'seeds', errors);
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      spec,
      sweep: rows.length > 0 ? { method: form.method, parameters, ...(samples !== undefined && { samples }) } : null,
      seeds: seeds ?? null,
      name: form.name.trim() || null,
    },
  };
}
