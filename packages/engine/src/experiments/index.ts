// Public surface of the engine's experiments area; re-exported by src/index.ts.
export type * from './types.js';
export { SCALES, SYMLOG_RELATIVE_CONSTANT } from './types.js';
export { presets, getPreset, isPresetId } from './catalogue.js';
export {
  applySpecOverrides,
  knobDefault,
  resolveKnobs,
  splitOverrides,
  specPaths,
  type KnobValue,
  type KnobValues,
} from './overrides.js';
export { ensembleGroups, runPresetLocally, type LocalPresetResult, type RunLocallyHooks } from './run-local.js';
export { metricFigures } from './metric-figures.js';
export { REFERENCE_MACHINE, REFERENCE_TIMES, type ReferenceTime } from './expected-times.js';
export {
  expandSweep,
  MAX_SWEEP_RUNS,
  rangePoints,
  sweepFigures,
  sweepKey,
  sweepPoints,
  SweepError,
  validateSweep,
  type SweepMethod,
  type SweepParameter,
  type SweepSpec,
  type SweepValue,
} from './sweep.js';
export { effectiveConfig } from './effective-config.js';
export { checkDataOption, withSeeds } from './common.js';
export {
  analyzeRunWeights,
  analyzeRunPair,
  firstDifference,
  RUN_ANALYSIS_KINDS,
  RUN_PAIR_ANALYSIS_KINDS,
  type HessianAnalysisOptions,
  type LandscapeAnalysisOptions,
  type SensitivityAnalysisOptions,
  type SharpnessAnalysisOptions,
  type InterpolationAnalysisOptions,
  type RunAnalysisOptions,
  type RunPairAnalysisKind,
  type InlineData,
  type RunAnalysisHooks,
  type RunAnalysisInput,
  type RunAnalysisKind,
  type RunAnalysisResult,
} from './run-analysis.js';
