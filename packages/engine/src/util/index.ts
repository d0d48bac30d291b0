// Public surface of the engine's util area; re-exported by src/index.ts.
export { Rng, mix32 } from './rng.js';
export type { RngState } from './rng.js';
export { stopGradient, nonDifferentiable } from './stop-gradient.js';
export { editDistance, nearestName } from './nearest-name.js';
export { splitTopLevel } from './split-top-level.js';
