import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types; `modules` and `sourceHash` are all this test needs.
import { modules as untypedModules, sourceHash as untypedSourceHash } from '../../../scripts/build-kernels.mjs';
import { KERNELS_WASM_BASE64 } from './saddle-kernels.generated.js';

interface KernelModule {
  source: string;
  generated: string;
}
const modules = untypedModules as KernelModule[];
const sourceHash = untypedSourceHash as (source: string) => string;

interface WasmModuleApi {
  new (bytes: Uint8Array): object;
  imports(module: object): { module: string; name: string; kind: string }[];
  exports(module: object): { name: string; kind: string }[];
}
const WasmModule = (globalThis as unknown as { WebAssembly: { Module: WasmModuleApi } }).WebAssembly.Module;

const script = fileURLToPath(new URL('../../../scripts/build-kernels.mjs', import.meta.url));
const hasToolchain = ['clang', 'wasm-ld', 'llvm-objdump'].every((tool) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0);

describe('the compiled kernels (*.generated.ts)', () => {
  // CI installs clang and lld (.ci/run); elsewhere the hash check above still guards the sources.
  it.skipIf(!hasToolchain)('are byte for byte what clang compiles from the C sources', () => {
    const output = execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(output).not.toMatch(/stale/);
  });

  it.each(modules.map((m) => [m.generated.split('/src/')[1]!, m] as const))('%s was built from its current C source (else run `node scripts/build-kernels.mjs`)', (_, module) => {
    const recorded = /SOURCE_SHA256 = '([0-9a-f]{64})'/.exec(readFileSync(module.generated, 'utf8'))?.[1];
    expect(recorded).toBe(sourceHash(module.source));
  });

  it('saddle-kernels: two valid modules that import one memory and own none', () => {
    for (const base64 of Object.values(KERNELS_WASM_BASE64)) {
      const module = new WasmModule(Buffer.from(base64, 'base64'));
      expect(WasmModule.imports(module)).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
      expect(WasmModule.exports(module).map((e) => e.name).sort()).toEqual([
        'adam_step',
        'batch_matmul',
        'bn_backward',
        'bn_forward',
        'max_pool_2x2_grad',
        'sum_middle_axes',
        'swap_leading_axes',
      ]);
    }
  });
});
