/**
 * `fused: true` away from wasm (a stand-in for tfjs-node, which cannot be installed offline):
 * without Saddle's kernels it must fall back to composed ops and give the same numbers — the
 * convolution bias dropped before training-mode batch norm and the inference folding into
 * `tf.fused.conv2d` are plain tfjs and apply on every backend.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tensorRelativeError } from '../backend/kernel-test-helpers.js';
import { createOptimizer } from '../train/optimizers.js';
import { hasFusedBatchNorm } from './batch-norm.js';
import { buildModel } from './model.js';
import { zoo } from './zoo.js';


describe('fused apply on the cpu backend', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('has no fused batch-norm kernels there, so training composes them', () => {
    expect(hasFusedBatchNorm()).toBe(false);
  });

  it('gives the zoo CNN the same loss, gradient, running statistics and inference outputs', () => {
    const model = buildModel(zoo['cnn-shallow']!.spec, [8, 8, 3]);
    const theta = model.init(2);
    const x = tf.randomNormal([4, 8, 8, 3], 0.3, 1.5, 'float32', 9);
    const target = tf.randomNormal([4, 10], 0, 1, 'float32', 10);
    const state0 = model.initState();
    const outcome = (fused: boolean): tf.Tensor[] =>
      tf.tidy(() => {
        let nextState: tf.Tensor | undefined;
        const { value, grad } = tf.valueAndGrad((t: tf.Tensor) => {
          const out = model.apply(t as tf.Tensor1D, x, { training: true, state: state0, fused });
          nextState = tf.keep(out.nextState!);
          return tf.mean(tf.square(tf.sub(out.output, target))) as tf.Scalar;
        })(theta);
        const inference = model.apply(theta, x, { training: false, state: nextState as tf.Tensor1D, fused }).output;
        return [value, grad, nextState!, inference];
      });
    const fused = outcome(true);
    const composed = outcome(false);
    ['loss', 'gradient', 'next state', 'inference output'].forEach((name, i) => expect(tensorRelativeError(fused[i]!, composed[i]!), name).toBeLessThan(1e-4));
    tf.dispose([...fused, ...composed, theta, x, target, state0]);
  });

  it('steps Adam with the composed update (no Adam kernel here)', () => {
    const optimizer = createOptimizer({ kind: 'adam', lr: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
    const theta = tf.tensor1d([1, -2]);
    const next = optimizer.step(theta, tf.tensor1d([1, 2]));
    // Adam's first step moves each coordinate by ≈ lr against the gradient's sign.
    expect(Array.from(next.dataSync()).map((v) => +v.toFixed(5))).toEqual([0.9, -2.1]);
    optimizer.dispose();
    tf.dispose([theta, next]);
  });
});
