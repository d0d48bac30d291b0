/**
 * The light `@saddle/engine/scales` entry: what a command line needs to parse its arguments (the
 * scales as choices, list splitting) and a figure renderer needs of the axes (the symlog constant)
 * without loading TensorFlow.js (the full entry takes ~0.4 s
 * to import).
 */
export { SCALES, SYMLOG_RELATIVE_CONSTANT } from './experiments/types.js';
export type { Scale } from './experiments/types.js';
export { splitTopLevel } from './util/split-top-level.js';
