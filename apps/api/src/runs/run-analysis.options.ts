/**
 * An analysis' options as stored (JSON) and read back by the worker: checked once, when it is
 * asked for, so a bad option is refused at the API with its field's name instead of failing later
 * on a worker.
 */
import type { InlineData, RunAnalysisOptions } from '../engine.js';
import type { LossKind } from '@saddle/engine';
import { BadInputError } from '../errors.js';

export interface StoredAnalysisOptions extends RunAnalysisOptions {
  loss?: LossKind;
  data?: InlineData;
}

/** The examples and loss a request brought, if any (a logged run needs both). */
export function analysisDataOption(options: Record<string, unknown>): { data?: InlineData; loss?: LossKind } {
  const stored = options as StoredAnalysisOptions;
  return { ...(stored.data && { data: stored.data }), ...(stored.loss && { loss: stored.loss }) };
}

/** The least whole number each count option takes. */
const LEAST_COUNT = { maxExactParams: 1, topK: 1, bottomK: 0, examples: 1, resolution: 2, maxSteps: 1, points: 2 } as const;

/** Checks what the GraphQL input cannot: counts in range, dims 1 or 2, positive spans, α in order, and x and y given together. */
export function checkAnalysisOptions(options: StoredAnalysisOptions): StoredAnalysisOptions {
  for (const [key, least] of Object.entries(LEAST_COUNT) as [keyof typeof LEAST_COUNT, number][]) {
    const value = options[key];
    if (value !== undefined && !(Number.isInteger(value) && value >= least)) {
      throw new BadInputError(`options.${key} must be a whole number ≥ ${least}, got ${value}`, ['options', key]);
    }
  }
  if (options.dims !== undefined && options.dims !== 1 && options.dims !== 2) throw new BadInputError(`options.dims must be 1 or 2, got ${String(options.dims)}`, ['options', 'dims']);
  if (options.span !== undefined && !(options.span > 0 && Number.isFinite(options.span))) throw new BadInputError(`options.span must be a number > 0, got ${options.span}`, ['options', 'span']);
  if (options.epsilon !== undefined && !(options.epsilon >= 0 && Number.isFinite(options.epsilon))) throw new BadInputError(`options.epsilon must be a number ≥ 0, got ${options.epsilon}`, ['options', 'epsilon']);
  if ((options.alphaMax ?? 1.5) <= (options.alphaMin ?? -0.5)) throw new BadInputError(`options.alphaMax must be above options.alphaMin, got [${options.alphaMin ?? -0.5}, ${options.alphaMax ?? 1.5}]`, ['options', 'alphaMax']);
  if (options.data && (options.data.x.length === 0 || options.data.y.length === 0)) {
    throw new BadInputError('options.x and options.y must both be given, non-empty (x row-major, channels last; y one target or class index per example)', ['options', 'x']);
  }
  return options;
}
