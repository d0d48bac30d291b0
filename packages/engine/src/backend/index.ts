// Public surface of the engine's backend area; re-exported by src/index.ts.
export {};
