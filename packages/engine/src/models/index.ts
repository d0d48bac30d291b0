// Public surface of the engine's models area; re-exported by src/index.ts.
export {};
export type * from './spec.js';
export type * from './model.types.js';
