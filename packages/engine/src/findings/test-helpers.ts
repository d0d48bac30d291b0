/** Synthetic stored results for the findings' tests (not exported from the package). */
import { resolveRunSpec, type RunSpecInput } from '../config.js';
import { zoo } from '../models/zoo.js';
import type { Figure, PresetId } from '../experiments/types.js';
import type { FindingInput, FindingRun } from './types.js';

export function storedRun(key: string, group: string, final: Record<string, number>, spec: Omit<Partial<RunSpecInput>, 'model'> & { model?: string } = {}, extra: Partial<FindingRun> = {}): FindingRun {
  const { model = 'mlp-shallow', ...rest } = spec;
  const resolved = resolveRunSpec({ ...rest, model: structuredClone(zoo[model]!.spec) });
  return { key, group, config: { seed: resolved.seed }, status: 'SUCCEEDED', spec: resolved, steps: 100, epochs: 10, final, ...extra };
}

export function stored(preset: PresetId, runs: FindingRun[], figures: Figure[] = []): FindingInput {
  return { preset, scale: 'standard', runs, figures };
}
