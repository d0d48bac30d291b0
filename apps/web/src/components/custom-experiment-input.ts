/**
 * The custom experiment form's values → launchExperiment's input: a run spec (a zoo model by
 * name, or layers built one by one; data, optimiser, schedule), the swept parameters and the
 * seeds. Pure, so it is tested without a browser; the API validates everything and its errors
 * name the field.
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

/** The activations a layer may have (the engine's models/spec.ts `Activation`). */
export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'softplus', 'elu', 'linear'] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

/**
 * One hidden layer as the form holds it (the engine's LayerSpec: dense, conv2d, maxPool). Counts
 * are text as typed; only the fields of its type are sent.
 */
export interface LayerRow {
  type: 'dense' | 'conv2d' | 'maxPool';
  /** dense: output units. */
  units: string;
  /** conv2d: output channels. */
  filters: string;
  /** conv2d: square kernel side (default 5, padding 'same'). */
  kernelSize: string;
  /** dense, conv2d. */
  activation: ActivationName;
  /** maxPool: window side and stride (default 2). */
  size: string;
}

export const DENSE_LAYER: LayerRow = { type: 'dense', units: '32', filters: '8', kernelSize: '3', activation: 'relu', size: '2' };

/** The layers with `index` moved one place up (-1) or down (+1); unchanged at either end. */
export function moveLayer<T>(layers: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= layers.length || target < 0 || target >= layers.length) return [...layers];
  const next = [...layers];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export interface CustomExperimentForm {
  /** Where the model comes from: a zoo model by id, or the layers below. */
  modelSource: 'zoo' | 'layers';
  /** A zoo model's id. */
  model: string;
  /** modelSource `layers`: the hidden layers, first to last; the output layer is added after them. */
  layers: LayerRow[];
  /** modelSource `layers`: the model's name in tables and legends. */
  modelName: string;
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

/**
 * The layers as a model spec: each row's own fields, then the output layer the data needs (one
 * linear unit for a function, ten logits for MNIST / CIFAR-10), so the user builds only what is
 * between input and output. Counts are checked here (positive whole numbers, by the field's path
 * as the API would name it); whether the layers fit the data is the API's to say.
 */
export function layersModel(form: CustomExperimentForm, errors: Record<string, string>): { name: string; layers: Record<string, unknown>[] } {
  const layers = form.layers.map((row, i) => {
    const at = (field: string) => `spec.model.layers.${i}.${field}`;
    if (row.type === 'dense') return { type: 'dense', units: count(row.units, at('units'), errors) ?? 1, activation: row.activation };
    if (row.type === 'conv2d') {
      const kernelSize = count(row.kernelSize, at('kernelSize'), errors);
      return { type: 'conv2d', filters: count(row.filters, at('filters'), errors) ?? 1, ...(kernelSize !== undefined && { kernelSize }), activation: row.activation };
    }
    const size = count(row.size, at('size'), errors);
    return { type: 'maxPool', ...(size !== undefined && { size }) };
  });
  for (const [i, row] of form.layers.entries()) {
    if (row.type === 'dense' && row.units.trim() === '') errors[`spec.model.layers.${i}.units`] = 'give the number of units';
    if (row.type === 'conv2d' && row.filters.trim() === '') errors[`spec.model.layers.${i}.filters`] = 'give the number of filters';
  }
  const output = { type: 'dense', units: form.modelData === 'function' ? 1 : 10, activation: 'linear' };
  return { name: form.modelName.trim() || 'custom', layers: [...layers, output] };
}

export function customLaunchInput(form: CustomExperimentForm): CustomLaunch {
  const errors: Record<string, string> = {};
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
    model: form.modelSource === 'layers' ? layersModel(form, errors) : form.model,
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
