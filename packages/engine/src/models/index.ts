// Public surface of the engine's models area; re-exported by src/index.ts.
export type * from './spec.js';
export type * from './model.types.js';
export { buildModel, planLayers, applyActivation, BATCH_NORM_DEFAULT_MOMENTUM, BATCH_NORM_DEFAULT_EPSILON } from './model.js';
export type { PlannedLayer } from './model.js';
export { summarize, formatSummaryText } from './summary.js';
export { zoo, zooSummaries, mlpSpec, twoConvCnnSpec, PARAMS_SWEEP_CHANNELS } from './zoo.js';
export type { ZooEntry } from './zoo.js';
export { applyEnsemble, ensembleUnsupportedReason } from './ensemble.js';
