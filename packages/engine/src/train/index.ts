// Public surface of the engine's train area; re-exported by src/index.ts.
export {};
export type * from './events.js';
