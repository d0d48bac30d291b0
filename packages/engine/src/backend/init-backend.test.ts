import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { availableParallelism } from 'node:os';
import { BACKEND_ORDER, backendCandidates, wasmThreadCount } from './init-backend.js';

/** A fresh copy of the module (its chosen backend forgotten); tfjs itself stays loaded. */
async function freshInitBackend(): Promise<typeof import('./init-backend.js')> {
  vi.resetModules();
  return import('./init-backend.js');
}

describe('backendCandidates', () => {
  it('defaults to tensorflow-gpu > tensorflow > wasm > cpu', () => {
    expect(backendCandidates(undefined)).toEqual(['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu']);
    expect(backendCandidates('')).toEqual([...BACKEND_ORDER]);
  });

  it('moves the preferred backend to the front and keeps the rest in order', () => {
    expect(backendCandidates('cpu')).toEqual(['cpu', 'tensorflow-gpu', 'tensorflow', 'wasm']);
    expect(backendCandidates('tensorflow')).toEqual(['tensorflow', 'tensorflow-gpu', 'wasm', 'cpu']);
  });

  it('rejects unknown names, naming the variable and the choices', () => {
    expect(() => backendCandidates('webgpu')).toThrow(/initBackend: backend 'webgpu' .*SADDLE_BACKEND.*tensorflow-gpu, tensorflow, wasm, cpu/);
  });
});

describe('wasmThreadCount', () => {
  it('defaults to every core and takes a whole number from the option or SADDLE_THREADS', () => {
    expect(wasmThreadCount(undefined)).toBe(availableParallelism());
    expect(wasmThreadCount('')).toBe(availableParallelism());
    expect(wasmThreadCount(3)).toBe(3);
    expect(wasmThreadCount('1')).toBe(1);
  });

  it('rejects anything else, naming where it came from', () => {
    expect(() => wasmThreadCount('two')).toThrow(/threads \(from the threads option or SADDLE_THREADS\) must be a whole number ≥ 1, got 'two'/);
    expect(() => wasmThreadCount(0)).toThrow(/got '0'/);
    expect(() => wasmThreadCount(1.5)).toThrow(/got '1.5'/);
  });
});

describe('initBackend', () => {
  const savedEnvironment = process.env['SADDLE_BACKEND'];
  beforeEach(() => {
    delete process.env['SADDLE_BACKEND'];
  });
  afterEach(() => {
    if (savedEnvironment === undefined) delete process.env['SADDLE_BACKEND'];
    else process.env['SADDLE_BACKEND'] = savedEnvironment;
  });

  it('without TensorFlow packages picks wasm with SIMD on every core, saying why the others failed', async () => {
    const { initBackend, backendInfo } = await freshInitBackend();
    expect(backendInfo()).toBeUndefined();
    const info = await initBackend();
    expect(info.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(info.tfjsVersion).toBe('4.22.0');
    expect(info.simd).toBe(true);
    expect(info.threads).toBe(availableParallelism());
    expect(info.accelerated).toBe(false);
    expect(info.tried.map((t) => t.name)).toEqual(['tensorflow-gpu', 'tensorflow', 'wasm']);
    expect(info.tried[0]?.error).toMatch(/not installed/);
    expect(info.tried[1]?.error).toMatch(/not installed/);
    expect(info.tried[2]?.error).toBeUndefined();
    expect(backendInfo()).toBe(info);
  });

  it('is idempotent: a second call returns the first result, whatever it prefers', async () => {
    const { initBackend } = await freshInitBackend();
    const first = await initBackend();
    const second = await initBackend({ prefer: 'cpu' });
    expect(second).toBe(first);
    expect(tf.getBackend()).toBe(first.name);
  });

  it('honours prefer', async () => {
    const { initBackend } = await freshInitBackend();
    const info = await initBackend({ prefer: 'cpu' });
    expect(info).toMatchObject({ name: 'cpu', simd: false, threads: 1, accelerated: false, tried: [{ name: 'cpu' }] });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('honours SADDLE_BACKEND, and prefer overrides it', async () => {
    process.env['SADDLE_BACKEND'] = 'cpu';
    expect((await (await freshInitBackend()).initBackend()).name).toBe('cpu');
    expect((await (await freshInitBackend()).initBackend({ prefer: 'wasm' })).name).toBe('wasm');
  });

  it('falls back in order when the preferred backend is not installed', async () => {
    const info = await (await freshInitBackend()).initBackend({ prefer: 'tensorflow' });
    expect(info.name).toBe('wasm');
    expect(info.tried.map((t) => t.name)).toEqual(['tensorflow', 'tensorflow-gpu', 'wasm']);
  });

  it('rejects a bad SADDLE_BACKEND and can be retried after it is fixed', async () => {
    process.env['SADDLE_BACKEND'] = 'gpu';
    const { initBackend } = await freshInitBackend();
    await expect(initBackend()).rejects.toThrow(/SADDLE_BACKEND/);
    delete process.env['SADDLE_BACKEND'];
    expect((await initBackend()).name).toBe('wasm');
  });

  it('leaves the wasm backend able to train a CNN (the missing Conv2DBackpropFilter is registered)', async () => {
    await (await freshInitBackend()).initBackend({ prefer: 'wasm' });
    const before = tf.memory().numTensors;
    const gradNorm = tf.tidy(() => {
      const x = tf.randomNormal([2, 8, 8, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
      const w = tf.randomNormal([5, 5, 3, 4], 0, 0.1, 'float32', 2);
      const g = tf.grad((filter: tf.Tensor) => tf.sum(tf.square(tf.maxPool(tf.relu(tf.conv2d(x, filter as tf.Tensor4D, 1, 'same')), 2, 2, 'valid'))))(w);
      return tf.norm(g).dataSync()[0]!;
    });
    expect(gradNorm).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
  });
});
