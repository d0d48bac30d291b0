/**
 * Saddle's compiled SIMD kernels (saddle_kernels.c), instantiated on tfjs-wasm's own memory so
 * they read and write tensors in place: pointers are the byte offsets of tensors in the heap.
 * One instance per backend (per memory); `undefined` where the backend is not tfjs-wasm or the
 * runtime lacks wasm SIMD, and the callers then use their JavaScript kernels.
 */
import { KERNELS_WASM_BASE64 } from './saddle-kernels.generated.js';

export interface SimdKernels {
  bn_forward(
    x: number,
    y: number,
    M: number,
    C: number,
    gamma: number,
    beta: number,
    mean: number,
    variance: number,
    epsilon: number,
    relu: number,
    scratch: number,
  ): void;
  bn_backward(
    dy: number,
    x: number,
    y: number,
    dx: number,
    M: number,
    C: number,
    mean: number,
    variance: number,
    gamma: number,
    dgamma: number,
    dbeta: number,
    epsilon: number,
    relu: number,
    scratch: number,
  ): void;
  max_pool_2x2_grad(x: number, dy: number, dx: number, batch: number, outHeight: number, outWidth: number, channels: number): void;
  sum_middle_axes(x: number, out: number, outer: number, M: number, C: number, scratch: number): void;
  swap_leading_axes(src: number, dst: number, A: number, B: number, C: number): void;
  adam_step(
    theta: number,
    grad: number,
    m: number,
    v: number,
    thetaOut: number,
    mOut: number,
    vOut: number,
    n: number,
    lr: number,
    beta1: number,
    oneMinusBeta1: number,
    beta2: number,
    oneMinusBeta2: number,
    correction1: number,
    correction2: number,
    epsilon: number,
  ): void;
  batch_matmul(
    a: number,
    b: number,
    out: number,
    batch: number,
    batchA: number,
    batchB: number,
    M: number,
    K: number,
    N: number,
    transposeA: number,
    transposeB: number,
    scratch: number,
  ): void;
}

/** The part of the WebAssembly JS API used here (the project's `lib` has no DOM types, and
 * @types/node 20 does not declare it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
}
interface WasmApi {
  Memory: abstract new (...args: never[]) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { exports: unknown };
  validate(bytes: Uint8Array): boolean;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** Where tfjs-wasm keeps its memory: `wasmMemory` in the threaded build, `asm.memory` otherwise. */
interface EmscriptenModule {
  wasmMemory?: unknown;
  asm?: { memory?: unknown };
}

const instances = new WeakMap<object, SimdKernels | null>();

function memoryOf(backend: unknown): WasmMemory | undefined {
  const module = (backend as { wasm?: EmscriptenModule } | null)?.wasm;
  const memory = module?.wasmMemory ?? module?.asm?.memory;
  return memory instanceof wasmApi.Memory ? memory : undefined;
}

function isShared(memory: WasmMemory): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
}

function instantiate(memory: WasmMemory): SimdKernels | null {
  const bytes = Buffer.from(isShared(memory) ? KERNELS_WASM_BASE64.shared : KERNELS_WASM_BASE64.plain, 'base64');
  if (!wasmApi.validate(bytes)) return null; // no wasm SIMD here
  const instance = new wasmApi.Instance(new wasmApi.Module(bytes), { env: { memory } });
  return instance.exports as unknown as SimdKernels;
}

/** The kernels bound to `backend`'s heap, or undefined when it is not tfjs-wasm. */
export function simdKernels(backend: unknown): SimdKernels | undefined {
  if (backend === null || typeof backend !== 'object') return undefined;
  let kernels = instances.get(backend);
  if (kernels === undefined) {
    const memory = memoryOf(backend);
    kernels = memory ? instantiate(memory) : null;
    instances.set(backend, kernels);
  }
  return kernels ?? undefined;
}
