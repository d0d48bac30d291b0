// Public surface of the engine's experiments area; re-exported by src/index.ts.
export {};
export type * from './types.js';
