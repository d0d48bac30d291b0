// Public surface of the engine's data area; re-exported by src/index.ts.
export { inputShapeOf, numClassesOf, outputSizeOf } from './shapes.js';
