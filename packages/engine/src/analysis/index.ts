// Public surface of the engine's analysis area; re-exported by src/index.ts.
export type { LossFn, BatchedLossFn, Evaluator, BatchedEvaluator } from './types.js';
export { modelEvaluator, modelBatchedEvaluator, modelBatchedLoss } from './evaluator.js';
export type { EvaluationData } from './evaluator.js';
export {
  hessianVectorProduct,
  hessianVectorProducts,
  hessianVectorProductsOf,
  batchedHvpChunkSize,
  BATCHED_HVP_MEMORY_BUDGET,
  DEFAULT_HVP_CHUNK_SIZE,
  DEFAULT_BATCHED_HVP_CHUNK_SIZE,
} from './hvp.js';
export type { BatchedHvpOptions } from './hvp.js';
export { exactHessian, hessianSpectrum } from './hessian.js';
export type { ExactHessian, HessianSpectrum } from './hessian.js';
export { symmetricEigenvalues, tridiagonalize, tridiagonalEigenvalues } from './eigen.js';
export type { SymmetricMatrix } from './eigen.js';
export { lanczosEigenvalues } from './lanczos.js';
export type { LanczosOptions, LanczosResult } from './lanczos.js';
export { hutchinsonTrace } from './hutchinson.js';
export type { HutchinsonOptions, HutchinsonResult } from './hutchinson.js';
export { findZeroGradientPoint, findZeroGradientPointAsync } from './zero_gradient.js';
export type { ZeroGradientObjective, WeightedLoss, ZeroGradientOptions, ZeroGradientAsyncOptions, ZeroGradientPoint } from './zero_gradient.js';
export {
  minimalRatio,
  criticalPointAnalysis,
  DEFAULT_MINIMAL_RATIO_RELATIVE_TOLERANCE,
  DEFAULT_ZERO_GRADIENT_OPTIMIZER,
  FLOAT32_EPSILON,
  adamStepNorm,
  flatTolerance,
} from './minimal_ratio.js';
export type {
  MinimalRatioResult,
  MinimalRatioTolerance,
  FlatTolerance,
  FlatToleranceInput,
  CriticalPointInput,
  CriticalPointResult,
} from './minimal_ratio.js';
export { deadReluUnits } from './dead_units.js';
export type { DeadUnitsResult } from './dead_units.js';
export { pcaOfTrajectories, selectCoordinates, trajectoryPlaneDirections } from './pca.js';
export type { TrajectoryInput, PcaOptions, PcaPathPoint, PcaResult } from './pca.js';
export { filterNormalize, randomFilterNormalizedDirection, lossLandscape1D, lossLandscape2D, projectOntoPlane } from './landscape.js';
export type {
  FilterNormalizationOptions,
  LandscapeDirections,
  LandscapeInput,
  LandscapeDirectionInfo,
  Landscape1D,
  Landscape2D,
} from './landscape.js';
export { interpolate } from './interpolation.js';
export type { InterpolationInput, InterpolationResult } from './interpolation.js';
export { inputSensitivity, modelForward } from './sensitivity.js';
export type { SensitivityInput, SensitivityResult } from './sensitivity.js';
export { epsilonSharpness } from './sharpness.js';
export type { SharpnessOptions, SharpnessResult } from './sharpness.js';
