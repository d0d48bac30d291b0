/**
 * The scales alone, as the `@saddle/engine/scales` entry: a command line can offer them as
 * choices without loading TensorFlow.js (the full entry takes ~0.4 s to import).
 */
export { SCALES } from './experiments/types.js';
export type { Scale } from './experiments/types.js';
