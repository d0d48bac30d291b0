// Public surface of the engine's backend area; re-exported by src/index.ts.
export {
  BACKEND_ORDER,
  type BackendAttempt,
  type BackendInfo,
  type BackendName,
  type InitBackendOptions,
  backendInfo,
  initBackend,
} from './init-backend.js';
export { recommendedThreads } from './recommended-threads.js';
export { registerSecondOrderGradients } from './register-gradients.js';
export { type RegisterWasmKernelsOptions, registerWasmKernels } from './register-wasm-kernels.js';
