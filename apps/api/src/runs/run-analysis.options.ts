/**
 * An analysis' options as stored (JSON) and read back by the worker: checked once, when it is
 * asked for, so a bad option is refused at the API with its field's name instead of failing later
 * on a worker.
 */
import type { HessianAnalysisOptions, InlineData } from '../engine.js';
import type { LossKind } from '@saddle/engine';
import { BadInputError } from '../errors.js';

export interface StoredAnalysisOptions extends HessianAnalysisOptions {
  loss?: LossKind;
  data?: InlineData;
}

/** The examples and loss a request brought, if any (a logged run needs both). */
export function analysisDataOption(options: Record<string, unknown>): { data?: InlineData; loss?: LossKind } {
  const stored = options as StoredAnalysisOptions;
  return { ...(stored.data && { data: stored.data }), ...(stored.loss && { loss: stored.loss }) };
}

/** Checks what the GraphQL input cannot: positive counts, and x and y given together. */
export function checkAnalysisOptions(options: StoredAnalysisOptions): StoredAnalysisOptions {
  for (const key of ['maxExactParams', 'topK', 'bottomK', 'examples'] as const) {
    const value = options[key];
    if (value !== undefined && !(Number.isInteger(value) && value >= (key === 'bottomK' ? 0 : 1))) {
      throw new BadInputError(`options.${key} must be a whole number ≥ ${key === 'bottomK' ? 0 : 1}, got ${value}`, ['options', key]);
    }
  }
  if (options.data && (options.data.x.length === 0 || options.data.y.length === 0)) {
    throw new BadInputError('options.x and options.y must both be given, non-empty (x row-major, channels last; y one target or class index per example)', ['options', 'x']);
  }
  return options;
}
