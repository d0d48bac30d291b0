// Public surface of the engine's train area; re-exported by src/index.ts.
export type * from './events.js';
export { meanSquaredError, softmaxCrossEntropy, logSoftmaxComposed, accuracy, computeLoss, computeEnsembleLosses, ensembleAccuracy, lossFunction } from './losses.js';
export { createOptimizer, SgdOptimizer, AdamOptimizer } from './optimizers.js';
export type { FlatOptimizer, OptimizerState } from './optimizers.js';
export { train, evaluateSplit } from './train.js';
export type { TrainOptions } from './train.js';
export { encodeCheckpoint, decodeCheckpoint } from './checkpoint.js';
export type { TrainCheckpoint } from './checkpoint.js';
export { trainEnsemble } from './ensemble.js';
export type { TrainEnsembleOptions } from './ensemble.js';
