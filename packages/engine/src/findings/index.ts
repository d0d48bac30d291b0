/**
 * Findings: what a stored result says about the HW1 claim its preset tests. Pure functions from
 * an experiment's runs and figures to verdicts with their evidence; every rule is stated where it
 * is computed, so a reader can check a verdict by hand.
 */
import type { PresetId } from '../experiments/types.js';
import { fitFunctionFindings, trainCnnFindings } from './hw1-1.js';
import { gradientNormFindings, landscapeFindings, minimalRatioFindings, pcaFindings } from './hw1-2.js';
import { interpolationFindings, paramsFindings, randomLabelsFindings, sensitivityFindings } from './hw1-3.js';
import type { Finding, FindingInput } from './types.js';

export type { Finding, FindingInput, FindingRun, Verdict } from './types.js';

/** The metric series a preset's findings read from `FindingRun.series` (the rest use final values and figures). */
export function seriesReadBy(preset: PresetId): readonly string[] {
  return preset === 'gradient-norm' ? ['grad_norm'] : [];
}

/** The findings of one experiment of the catalogue, in the order of the HW1 report. */
export function findingsOf(input: FindingInput): Finding[] {
  const preset: PresetId = input.preset;
  switch (preset) {
    case 'fit-function':
      return fitFunctionFindings(input);
    case 'train-cnn':
      return trainCnnFindings(input);
    case 'pca-trajectories':
      return pcaFindings(input);
    case 'gradient-norm':
      return gradientNormFindings(input);
    case 'minimal-ratio':
      return minimalRatioFindings(input);
    case 'loss-landscape':
      return landscapeFindings(input);
    case 'random-labels':
      return randomLabelsFindings(input);
    case 'params-vs-generalization':
      return paramsFindings(input);
    case 'interpolation':
      return interpolationFindings(input);
    case 'sensitivity':
      return sensitivityFindings(input);
    default: {
      const unknown: never = preset;
      throw new Error(`findingsOf: no findings for preset '${String(unknown)}'`);
    }
  }
}
