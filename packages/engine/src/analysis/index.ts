// Public surface of the engine's analysis area; re-exported by src/index.ts.
export {};
