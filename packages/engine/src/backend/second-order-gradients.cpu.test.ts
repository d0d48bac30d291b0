import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FlatLoss, finiteDifferenceHvp, hessianVectorProduct, relativeNormError, seededVector, unflatten } from './hvp-test-helpers.js';
import { initBackend } from './init-backend.js';

// The gradients are registered for every backend; this checks them where tfjs's own kernels
// (no Saddle wasm kernel involved) compute: the cpu backend, as tfjs-node would.
describe('second derivatives on the cpu backend', () => {
  beforeAll(async () => {
    expect((await initBackend({ prefer: 'cpu' })).name).toBe('cpu');
  });

  it('tanh MLP with softmax: HVP equals central differences', () => {
    const x = tf.tensor2d(seededVector(10 * 3, 1), [10, 3]);
    const shapes = [[3, 5], [5], [5, 4], [4]];
    const f: FlatLoss = (theta) => {
      const [w1, b1, w2, b2] = unflatten(theta, shapes) as [tf.Tensor2D, tf.Tensor, tf.Tensor2D, tf.Tensor];
      const probabilities = tf.softmax(tf.add(tf.matMul(tf.tanh(tf.add(tf.matMul(x, w1), b1)) as tf.Tensor2D, w2), b2));
      return tf.sum(tf.square(tf.sub(probabilities, 0.25))) as tf.Scalar;
    };
    const theta = seededVector(3 * 5 + 5 + 5 * 4 + 4, 2, 0.8);
    const v = seededVector(theta.length, 3);
    expect(relativeNormError(hessianVectorProduct(f, theta, v), finiteDifferenceHvp(f, theta, v, 3e-3))).toBeLessThan(3e-3);
    x.dispose();
  });

  it('CNN with batch norm, max and avg pooling, logits − logSumExp: HVP equals central differences', () => {
    const images = tf.tensor4d(seededVector(3 * 6 * 6 * 2, 4), [3, 6, 6, 2]);
    const labels = tf.oneHot(tf.tensor1d([1, 0, 2], 'int32'), 3);
    const shapes = [[3, 3, 2, 3], [3], [3], [3], [2 * 2 * 3, 3], [3]];
    const f: FlatLoss = (theta) => {
      const [w1, b1, gamma, beta, w2, b2] = unflatten(theta, shapes) as tf.Tensor[];
      let h = tf.add(tf.conv2d(images, w1 as tf.Tensor4D, 1, 'same'), b1!) as tf.Tensor4D;
      const { mean, variance } = tf.moments(h, [0, 1, 2], true);
      h = tf.add(tf.mul(tf.div(tf.sub(h, mean), tf.sqrt(tf.add(variance, 1e-3))), gamma!), beta!) as tf.Tensor4D;
      h = tf.avgPool(tf.maxPool(tf.tanh(h), 2, 2, 'valid'), 2, 2, 'same');
      const logits = tf.add(tf.matMul(tf.reshape(h, [3, -1]), w2 as tf.Tensor2D), b2!);
      return tf.neg(tf.mean(tf.sum(tf.mul(labels, tf.sub(logits, tf.logSumExp(logits, 1, true))), 1))) as tf.Scalar;
    };
    const size = shapes.reduce((s, shape) => s + shape.reduce((a, b) => a * b, 1), 0);
    const theta = seededVector(size, 5, 0.8);
    const v = seededVector(size, 6);
    // A small step: max pooling's argmax must not move between θ ± εv.
    expect(relativeNormError(hessianVectorProduct(f, theta, v), finiteDifferenceHvp(f, theta, v, 1e-3))).toBeLessThan(3e-3);
    tf.dispose([images, labels]);
  });
});
