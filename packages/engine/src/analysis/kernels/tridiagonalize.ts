/**
 * The compiled Householder tridiagonalisation (tridiagonalize.c), one instance per process with
 * its own memory, grown to fit the largest matrix seen.
 */
import { TRIDIAGONALIZE_WASM_BASE64 } from './tridiagonalize.generated.js';

/** The part of the WebAssembly JS API used here (no DOM lib; @types/node 20 lacks it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, never>) => { exports: unknown };
}
interface TridiagonalizeExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  __heap_base: { value: number };
  tridiagonalize(a: number, n: number, d: number, e: number, p: number): void;
}

let instance: TridiagonalizeExports | undefined;

function kernel(): TridiagonalizeExports {
  if (!instance) {
    const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
    const module = new wasm.Module(Buffer.from(TRIDIAGONALIZE_WASM_BASE64.plain, 'base64'));
    instance = new wasm.Instance(module, {}).exports as TridiagonalizeExports;
  }
  return instance;
}

/** Diagonal (n) and sub-diagonal (n − 1) of Qᵀ A Q for symmetric A (row-major n × n; lower triangle read). */
export function tridiagonalizeCompiled(data: Float64Array, n: number): { diagonal: Float64Array; offDiagonal: Float64Array } {
  const k = kernel();
  // a (n²), d (n), e (n), p (n) after the module's own data, 16-byte aligned.
  const base = (k.__heap_base.value + 15) & ~15;
  const bytes = 8 * (n * n + 3 * n);
  const missing = base + bytes - k.memory.buffer.byteLength;
  if (missing > 0) k.memory.grow(Math.ceil(missing / 65536));
  const a = base;
  const d = a + 8 * n * n;
  const e = d + 8 * n;
  const p = e + 8 * n;
  new Float64Array(k.memory.buffer, a, n * n).set(data);
  k.tridiagonalize(a, n, d, e, p);
  return {
    diagonal: new Float64Array(k.memory.buffer, d, n).slice(),
    offDiagonal: new Float64Array(k.memory.buffer, e + 8, Math.max(0, n - 1)).slice(),
  };
}
