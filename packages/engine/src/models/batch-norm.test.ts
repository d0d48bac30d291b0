import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tensorRelativeError } from '../backend/kernel-test-helpers.js';
import { simdKernels } from '../backend/kernels/simd-kernels.js';
import { registerWasmKernels } from '../backend/register-wasm-kernels.js';
import { batchNormTraining, hasFusedBatchNorm } from './batch-norm.js';
import { buildModel } from './model.js';
import { zoo } from './zoo.js';


/** Output, statistics and the gradient of Σ output·r in x, γ, β, fused or composed. */
function run(x: tf.Tensor, gamma: tf.Tensor1D, beta: tf.Tensor1D, r: tf.Tensor, relu: boolean, fused: boolean): tf.Tensor[] {
  return tf.tidy(() => {
    const forward = batchNormTraining(x, gamma, beta, { epsilon: 1e-5, relu, fused });
    const grads = tf.grads((xs: tf.Tensor, g: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(batchNormTraining(xs, g as tf.Tensor1D, b as tf.Tensor1D, { epsilon: 1e-5, relu, fused }).output, r)),
    )([x, gamma, beta]);
    return [forward.output, forward.mean, forward.variance, ...grads];
  });
}

describe('batchNormTraining', () => {
  beforeAll(async () => {
    registerWasmKernels();
    await tf.setBackend('wasm');
  });

  it('has the fused kernels on wasm, and the compiled SIMD ones bound to its heap', () => {
    expect(hasFusedBatchNorm()).toBe(true);
    expect(simdKernels(tf.backend())).toBeDefined();
  });

  // Channels a multiple of 4 take the compiled SIMD kernels, others the JavaScript ones.
  const shapes: [number[], boolean][] = [
    [[16, 6, 6, 8], true],
    [[16, 6, 6, 8], false],
    [[40, 12], true],
    [[16, 6, 6, 5], true],
    [[16, 6, 6, 5], false],
    [[32, 7], true],
  ];
  it.each(shapes)('x %j, relu %s: fused equals composed (output, mean, variance, dx, dγ, dβ)', (shape, relu) => {
    const channels = shape[shape.length - 1]!;
    // An offset and scale per channel, so the statistics matter.
    const x = tf.tidy(() => tf.add(tf.mul(tf.randomNormal(shape, 0, 1, 'float32', 1), 3), 2));
    const gamma = tf.randomUniform([channels], 0.5, 1.5, 'float32', 2) as tf.Tensor1D;
    const beta = tf.randomNormal([channels], 0, 0.5, 'float32', 3) as tf.Tensor1D;
    const r = tf.randomNormal(shape, 0, 1, 'float32', 4);
    const before = tf.memory().numTensors;
    const fused = run(x, gamma, beta, r, relu, true);
    const composed = run(x, gamma, beta, r, relu, false);
    const names = ['output', 'mean', 'variance', 'dx', 'dgamma', 'dbeta'];
    names.forEach((name, i) => expect(tensorRelativeError(fused[i]!, composed[i]!), name).toBeLessThan(2e-5));
    tf.dispose([...fused, ...composed]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, gamma, beta, r]);
  });

  it('refuses a second derivative through the fused kernels instead of returning a wrong one', () => {
    const x = tf.randomNormal([8, 3], 0, 1, 'float32', 5);
    const gamma = tf.ones([3]) as tf.Tensor1D;
    const beta = tf.zeros([3]) as tf.Tensor1D;
    const secondOrder = () =>
      tf.tidy(() => {
        const g = (v: tf.Tensor) => tf.grad((u: tf.Tensor) => tf.sum(tf.square(batchNormTraining(u, gamma, beta, { epsilon: 1e-5, relu: true, fused: true }).output)))(v);
        return tf.grad((v: tf.Tensor) => tf.sum(g(v)))(x);
      });
    expect(secondOrder).toThrow(/SaddleBatchNormBackward|gradient/);
    tf.dispose([x, gamma, beta]);
  });

  it("gives the zoo CNN the same loss, gradient and running statistics with fused: true", () => {
    const model = buildModel(zoo['cnn-shallow']!.spec, [32, 32, 3]);
    const theta = model.init(0);
    const state = model.initState();
    const x = tf.randomNormal([8, 32, 32, 3], 0, 1, 'float32', 6);
    const target = tf.randomNormal([8, 10], 0, 1, 'float32', 7);
    const before = tf.memory().numTensors;
    const outcome = (fused: boolean): tf.Tensor[] =>
      tf.tidy(() => {
        let nextState: tf.Tensor | undefined;
        const { value, grad } = tf.valueAndGrad((t: tf.Tensor) => {
          const out = model.apply(t as tf.Tensor1D, x, { training: true, state, fused });
          nextState = tf.keep(out.nextState!);
          return tf.mean(tf.square(tf.sub(out.output, target))) as tf.Scalar;
        })(theta);
        return [value, grad, nextState!];
      });
    const fused = outcome(true);
    const composed = outcome(false);
    ['loss', 'gradient', 'next state'].forEach((name, i) => expect(tensorRelativeError(fused[i]!, composed[i]!), name).toBeLessThan(1e-4));
    tf.dispose([...fused, ...composed]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([theta, state, x, target]);
  });

  it('folds inference-mode batch norm (+ ReLU) into the convolution with fused: true, same outputs', () => {
    for (const id of ['cnn-shallow', 'cnn-deep'] as const) {
      const spec = zoo[id]!.spec;
      const model = buildModel(spec, [32, 32, 3]);
      const theta = model.init(1);
      // Non-trivial running statistics: one training-mode pass moves them off (0, 1).
      const x = tf.randomNormal([6, 32, 32, 3], 0.5, 2, 'float32', 8);
      const state = tf.tidy(() => model.apply(theta, x, { training: true, state: model.initState() }).nextState!);
      const before = tf.memory().numTensors;
      const [fused, composed] = [true, false].map((f) => tf.tidy(() => model.apply(theta, x, { training: false, state, fused: f }).output));
      expect(tensorRelativeError(fused!, composed!), id).toBeLessThan(1e-5);
      tf.dispose([fused!, composed!]);
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([theta, x, state]);
    }
  });
});
