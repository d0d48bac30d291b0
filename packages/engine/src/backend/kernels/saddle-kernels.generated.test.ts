import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types; sourceHash() is all this test needs.
import { sourceHash } from '../../../scripts/build-kernels.mjs';
import { KERNELS_WASM_BASE64, SOURCE_SHA256 } from './saddle-kernels.generated.js';

describe('saddle-kernels.generated.ts', () => {
  it('was built from the current saddle_kernels.c (else run `node scripts/build-kernels.mjs`)', () => {
    expect(SOURCE_SHA256).toBe((sourceHash as () => string)());
  });

  it('holds two valid modules that import one memory and own none', () => {
    for (const base64 of Object.values(KERNELS_WASM_BASE64)) {
      const bytes = Buffer.from(base64, 'base64');
      const wasm = (globalThis as unknown as { WebAssembly: { Module: new (b: Uint8Array) => object } & Record<string, unknown> }).WebAssembly;
      const module = new wasm.Module(bytes);
      const { imports, exports } = wasm.Module as unknown as {
        imports: (m: object) => { module: string; name: string; kind: string }[];
        exports: (m: object) => { name: string; kind: string }[];
      };
      expect(imports(module)).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
      expect(exports(module).map((e) => e.name).sort()).toEqual(['batch_matmul', 'bn_backward', 'bn_forward', 'max_pool_2x2_grad', 'sum_leading_axes', 'swap_leading_axes']);
    }
  });
});
