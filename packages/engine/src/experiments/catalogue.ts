/** The HW1 catalogue: every preset by id, in the order of the homework. */
import { fitFunction } from './fit-function.js';
import { gradientNorm } from './gradient-norm.js';
import { interpolation } from './interpolation.js';
import { lossLandscape } from './loss-landscape.js';
import { minimalRatio } from './minimal-ratio.js';
import { paramsVsGeneralization } from './params-vs-generalization.js';
import { pcaTrajectories } from './pca-trajectories.js';
import { randomLabels } from './random-labels.js';
import { sensitivity } from './sensitivity.js';
import { trainCnn } from './train-cnn.js';
import type { Preset, PresetId } from './types.js';

export const presets: readonly Preset[] = [
  fitFunction,
  trainCnn,
  pcaTrajectories,
  gradientNorm,
  minimalRatio,
  lossLandscape,
  randomLabels,
  paramsVsGeneralization,
  interpolation,
  sensitivity,
];

export function isPresetId(id: string): id is PresetId {
  return presets.some((preset) => preset.id === id);
}

/** The preset with this id; an unknown id fails with the list of valid ones. */
export function getPreset(id: string): Preset {
  const preset = presets.find((candidate) => candidate.id === id);
  if (!preset) throw new Error(`getPreset: unknown preset '${id}'; valid ids are ${presets.map((p) => p.id).join(', ')}`);
  return preset;
}
