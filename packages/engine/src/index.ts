/**
 * @saddle/engine — datasets, model specs, training and the analyses of deep-learning theory
 * experiments, on TensorFlow.js. No GraphQL, no database, no processes: callers pass a spec
 * and a sink for events.
 */
export * from './config.js';
export * from './config.validate.js';
export * from './config/flatten.js';
export * from './util/index.js';
export * from './backend/index.js';
export * from './data/index.js';
export * from './models/index.js';
export * from './train/index.js';
export * from './analysis/index.js';
export * from './experiments/index.js';
export * from './findings/index.js';
export * from './run-groups.js';
