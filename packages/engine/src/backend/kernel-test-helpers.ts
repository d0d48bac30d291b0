/**
 * Test support for the wasm kernels: runs a kernel on the wasm backend through the engine and
 * tfjs's cpu kernel directly on the cpu backend (no backend switching), for comparison.
 */
import * as tf from '@tensorflow/tfjs';

export interface HostTensor {
  values: Float32Array;
  shape: number[];
}

/** Deterministic values in [-1, 1) (a small LCG), so failures reproduce. */
export function seededValues(shape: number[], seed: number): HostTensor {
  const size = shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(size);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    values[i] = state / 2 ** 31 - 1;
  }
  return { values, shape };
}

/** tfjs's cpu kernel `kernelName` on host values. */
export function runCpuKernel(kernelName: string, inputs: Record<string, HostTensor>, attrs: tf.NamedAttrMap): HostTensor {
  const cpu = tf.engine().findBackend('cpu');
  const kernel = tf.getKernel(kernelName, 'cpu');
  if (cpu === null || kernel === undefined) throw new Error(`runCpuKernel: no cpu kernel '${kernelName}'`);
  const infos: tf.NamedTensorInfoMap = {};
  for (const [name, tensor] of Object.entries(inputs)) {
    infos[name] = { dataId: cpu.write(tensor.values, tensor.shape, 'float32'), shape: tensor.shape, dtype: 'float32' };
  }
  const out = kernel.kernelFunc({ inputs: infos, backend: cpu, attrs });
  if (Array.isArray(out)) throw new Error(`runCpuKernel: '${kernelName}' returned several outputs`);
  const values = cpu.readSync(out.dataId) as Float32Array;
  for (const info of [...Object.values(infos), out]) if (info !== undefined) cpu.disposeData(info.dataId);
  return { values: Float32Array.from(values), shape: out.shape };
}

/** `kernelName` on the current backend, through the engine. */
export function runEngineKernel(kernelName: string, inputs: Record<string, HostTensor>, attrs: tf.NamedAttrMap): HostTensor {
  return tf.tidy(() => {
    const tensors: tf.NamedTensorMap = {};
    for (const [name, tensor] of Object.entries(inputs)) tensors[name] = tf.tensor(tensor.values, tensor.shape, 'float32');
    const out = tf.engine().runKernel(kernelName, tensors, attrs) as tf.Tensor;
    return { values: out.dataSync() as Float32Array, shape: out.shape };
  });
}

/** max |a − b| / max |b|: the error relative to the reference's scale. */
export function relativeError(actual: Float32Array, expected: Float32Array): number {
  if (actual.length !== expected.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
    scale = Math.max(scale, Math.abs(expected[i]!));
  }
  return scale === 0 ? worst : worst / scale;
}

/** {@link relativeError} of two tensors' values. */
export function tensorRelativeError(actual: tf.Tensor, expected: tf.Tensor): number {
  return relativeError(actual.dataSync() as Float32Array, expected.dataSync() as Float32Array);
}
