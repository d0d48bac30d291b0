/**
 * Plumbing for Saddle's own wasm kernels. A kernel here is composed from the wasm backend's own
 * kernel functions (called directly, below the engine, so nothing is taped or counted as a
 * tensor) or reads the wasm heap from JavaScript where that beats the backend's C++ loop.
 * Every intermediate is released with `disposeData`, so a kernel leaves only its output behind.
 */
import * as tf from '@tensorflow/tfjs';

/** The members of tfjs-backend-wasm's `BackendWasm` that our kernels use (it exports no type for them). */
export interface WasmBackendInternals {
  disposeData(dataId: tf.DataId): boolean;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

/** Kernels receive the backend as `{}`; on 'wasm' it is a `BackendWasm`. */
export function asWasmBackend(backend: unknown): WasmBackendInternals {
  const candidate = backend as Partial<WasmBackendInternals> | null;
  if (candidate == null || typeof candidate.typedArrayFromHeap !== 'function' || typeof candidate.makeOutput !== 'function') {
    throw new Error('asWasmBackend: expected the wasm backend (with makeOutput and typedArrayFromHeap)');
  }
  return candidate as WasmBackendInternals;
}

/** Runs one registered wasm kernel (or the given config) on `backend`, bypassing the engine. */
export function callWasmKernel(
  kernel: string | tf.KernelConfig,
  backend: WasmBackendInternals,
  inputs: tf.NamedTensorInfoMap,
  attrs: tf.NamedAttrMap = {},
): tf.TensorInfo {
  const config = typeof kernel === 'string' ? tf.getKernel(kernel, 'wasm') : kernel;
  if (config === undefined) {
    throw new Error(`callWasmKernel: kernel '${String(kernel)}' is not registered for backend 'wasm'`);
  }
  const out = config.kernelFunc({ inputs, backend: backend as unknown as tf.KernelBackend, attrs });
  if (Array.isArray(out)) {
    throw new Error(`callWasmKernel: kernel '${config.kernelName}' returned ${out.length} outputs, expected one`);
  }
  return out;
}

export function requireInput(inputs: tf.NamedTensorInfoMap, name: string, caller: string): tf.TensorInfo {
  const input = inputs[name];
  if (input === undefined) throw new Error(`${caller}: input '${name}' is missing`);
  return input;
}

export function disposeInfos(backend: WasmBackendInternals, ...infos: tf.TensorInfo[]): void {
  for (const info of infos) backend.disposeData(info.dataId);
}

/** The wasm kernels tfjs shipped, saved when we replace one, so a replacement can fall back to it. */
const originalWasmKernels = new Map<string, tf.KernelConfig>();

/** Marks our replacement kernel functions in tfjs's (process-wide) registry, so a second copy of
 * this module (tests reset modules; tfjs stays) does not wrap a replacement in another one. */
const SADDLE_KERNEL = Symbol.for('saddle.wasmKernel');

function isSaddleKernel(config: tf.KernelConfig): boolean {
  return Object.prototype.hasOwnProperty.call(config.kernelFunc, SADDLE_KERNEL);
}

/**
 * Replaces tfjs's wasm kernel `kernelName` with `build(original)`. The replacement keeps the
 * original's `setupFunc` (its C++ bindings), because the engine only runs setup functions of
 * kernels registered when the backend initialises. Idempotent: a second call does nothing.
 */
export function overrideWasmKernel(kernelName: string, build: (original: tf.KernelConfig) => tf.KernelFunc): void {
  if (originalWasmKernels.has(kernelName)) return;
  const original = tf.getKernel(kernelName, 'wasm');
  if (original === undefined) {
    throw new Error(`overrideWasmKernel: tfjs has no wasm kernel '${kernelName}' to replace`);
  }
  if (isSaddleKernel(original)) return;
  originalWasmKernels.set(kernelName, original);
  tf.unregisterKernel(kernelName, 'wasm');
  const kernelFunc = build(original);
  Object.defineProperty(kernelFunc, SADDLE_KERNEL, { value: true });
  const replacement: tf.KernelConfig = { kernelName, backendName: 'wasm', kernelFunc };
  if (original.setupFunc !== undefined) replacement.setupFunc = original.setupFunc;
  tf.registerKernel(replacement);
}

/** Registers a wasm kernel tfjs lacks. Idempotent. */
export function addWasmKernel(kernelName: string, kernelFunc: tf.KernelFunc): void {
  if (tf.getKernel(kernelName, 'wasm') !== undefined) return;
  tf.registerKernel({ kernelName, backendName: 'wasm', kernelFunc });
}

/** tfjs's own wasm kernel, whether or not we replaced it (for tests and benchmarks). */
export function originalWasmKernel(kernelName: string): tf.KernelConfig | undefined {
  return originalWasmKernels.get(kernelName) ?? tf.getKernel(kernelName, 'wasm');
}
