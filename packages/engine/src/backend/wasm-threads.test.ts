import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmKernels } from './register-wasm-kernels.js';
import { useThreadedWasm } from './wasm-threads.js';

/** The same computation on the cpu backend (the reference) and on the current one. */
function onCpuAndHere<T extends tf.Tensor>(compute: () => T): { reference: Float32Array; here: Float32Array } {
  const here = tf.tidy(compute).dataSync() as Float32Array;
  const current = tf.getBackend();
  tf.setBackend('cpu');
  const reference = tf.tidy(compute).dataSync() as Float32Array;
  tf.setBackend(current);
  return { reference, here };
}

function maxAbsDifference(a: Float32Array, b: Float32Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

describe('useThreadedWasm', () => {
  beforeAll(async () => {
    await import('@tensorflow/tfjs-backend-wasm');
    // Registered for the name 'wasm', Saddle's kernels must serve the threaded build too.
    registerWasmKernels();
    expect(await useThreadedWasm(2)).toBe(2);
  });

  it('runs XNNPACK on a pool of two threads', () => {
    expect(tf.getBackend()).toBe('wasm');
    expect(getThreadsCount()).toBe(2);
  });

  it('computes what the cpu backend computes: convolution, its gradients, matmul, pooling', () => {
    const x = tf.randomNormal([8, 12, 12, 4], 0, 1, 'float32', 1) as tf.Tensor4D;
    const w = tf.randomNormal([5, 5, 4, 6], 0, 0.2, 'float32', 2) as tf.Tensor4D;
    const a = tf.randomNormal([64, 48], 0, 1, 'float32', 3) as tf.Tensor2D;
    const b = tf.randomNormal([48, 40], 0, 1, 'float32', 4) as tf.Tensor2D;
    const cases: [string, () => tf.Tensor][] = [
      ['conv2d', () => tf.conv2d(x, w, 1, 'same')],
      ['matMul', () => tf.matMul(a, b)],
      ['maxPool', () => tf.maxPool(x, 2, 2, 'valid')],
      ['conv2d filter gradient', () => tf.grad((f: tf.Tensor) => tf.sum(tf.square(tf.conv2d(x, f as tf.Tensor4D, 1, 'same'))))(w)],
    ];
    for (const [name, compute] of cases) {
      const { reference, here } = onCpuAndHere(compute);
      const scale = Math.max(...reference.map(Math.abs));
      expect(maxAbsDifference(reference, here) / scale, name).toBeLessThan(1e-5);
    }
    tf.dispose([x, w, a, b]);
  });

  it('refuses a second start and a thread count below 2', async () => {
    await expect(useThreadedWasm(2)).rejects.toThrow(/already initialised/);
    await expect(useThreadedWasm(1)).rejects.toThrow(/integer ≥ 2, got 1/);
  });

  it('lets a process that used the pool exit on its own (the idle workers are unref’d)', async () => {
    // A child process starts the threaded backend, computes, and simply ends: if a worker kept
    // the event loop alive it would hang and hit the timeout.
    const engineSource = fileURLToPath(new URL('../index.ts', import.meta.url));
    const folder = mkdtempSync(path.join(tmpdir(), 'saddle-threads-test-'));
    const script = path.join(folder, 'exits.ts');
    writeFileSync(
      script,
      [
        // Absolute paths: the script lives in a temporary folder, outside node_modules' reach.
        `import * as tf from ${JSON.stringify(createRequire(import.meta.url).resolve('@tensorflow/tfjs'))};`,
        `import { initBackend } from ${JSON.stringify(engineSource)};`,
        'const info = await initBackend({ threads: 2 });',
        'const sum = tf.sum(tf.matMul(tf.ones([64, 64]), tf.ones([64, 64]))).dataSync()[0];',
        'console.log(JSON.stringify({ threads: info.threads, sum }));',
      ].join('\n'),
    );
    try {
      const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
      const { stdout } = await promisify(execFile)('npx', ['jiti', script], { cwd: packageRoot, timeout: 60_000 });
      expect(JSON.parse(stdout.trim().split('\n').pop()!)).toEqual({ threads: 2, sum: 64 * 64 * 64 });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
