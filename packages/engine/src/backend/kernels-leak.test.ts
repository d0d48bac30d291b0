import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { finiteDifferenceHvp, hessianVectorProduct, seededVector, unflatten } from './hvp-test-helpers.js';
import { initBackend } from './init-backend.js';

/** Tensors the engine tracks, and data buffers the backend holds: a kernel that forgets to
 * dispose an intermediate leaks the second without the first. */
function counts(): { tensors: number; buffers: number } {
  return { tensors: tf.memory().numTensors, buffers: tf.engine().backend.numDataIds() };
}

const shapes = [[3, 3, 3, 4], [4], [4], [4], [3, 3, 4, 6], [6], [2 * 2 * 6, 5], [5]];
const size = shapes.reduce((s, shape) => s + shape.reduce((a, b) => a * b, 1), 0);

function cnnLoss(images: tf.Tensor4D, labels: tf.Tensor2D): (theta: tf.Tensor1D) => tf.Scalar {
  return (theta) => {
    const [w1, b1, gamma, beta, w2, b2, w3, b3] = unflatten(theta, shapes) as tf.Tensor[];
    let h = tf.add(tf.conv2d(images, w1 as tf.Tensor4D, 1, 'same'), b1!) as tf.Tensor4D;
    const { mean, variance } = tf.moments(h, [0, 1, 2], true);
    h = tf.add(tf.mul(tf.div(tf.sub(h, mean), tf.sqrt(tf.add(variance, 1e-5))), gamma!), beta!) as tf.Tensor4D;
    h = tf.maxPool(tf.relu(h), 2, 2, 'valid');
    h = tf.add(tf.conv2d(h, w2 as tf.Tensor4D, [2, 2], 'same'), b2!) as tf.Tensor4D;
    h = tf.avgPool(tf.tanh(h), 2, 1, 'same');
    const logits = tf.add(tf.matMul(tf.reshape(h, [images.shape[0], -1]), w3 as tf.Tensor2D), b3!);
    return tf.neg(tf.mean(tf.sum(tf.mul(labels, tf.sub(logits, tf.logSumExp(logits, 1, true))), 1))) as tf.Scalar;
  };
}

describe('Saddle kernels and gradients do not leak', () => {
  beforeAll(async () => {
    await initBackend({ prefer: 'wasm' });
  });

  it('CNN gradients and HVPs on wasm leave tensors and wasm buffers unchanged', () => {
    const images = tf.tensor4d(seededVector(3 * 8 * 8 * 3, 1), [3, 8, 8, 3]);
    const labels = tf.oneHot(tf.tensor1d([0, 4, 2], 'int32'), 5) as tf.Tensor2D;
    const f = cnnLoss(images, labels);
    const theta = seededVector(size, 2, 0.5);
    const v = seededVector(size, 3);
    // Warm-up: first calls create tfjs's own caches (e.g. XNNPACK operators).
    hessianVectorProduct(f, theta, v);
    const before = counts();
    for (let i = 0; i < 3; i++) {
      hessianVectorProduct(f, theta, v);
      finiteDifferenceHvp(f, theta, v, 1e-3);
    }
    expect(counts()).toEqual(before);
    tf.dispose([images, labels]);
  });

  it('every replaced wasm kernel, called directly, leaves only its output', () => {
    const x = tf.tensor4d(seededVector(2 * 6 * 6 * 3, 4), [2, 6, 6, 3]);
    const w = tf.tensor4d(seededVector(3 * 3 * 3 * 4, 5), [3, 3, 3, 4]);
    const before = counts();
    tf.tidy(() => {
      const y = tf.conv2d(x, w, 2, 'same');
      tf.engine().runKernel('Conv2DBackpropFilter', { x, dy: y }, { strides: 2, pad: 'same', dataFormat: 'NHWC', filterShape: w.shape });
      tf.engine().runKernel('Conv2DBackpropInput', { dy: y, filter: w }, { strides: 2, pad: 'same', dataFormat: 'NHWC', inputShape: x.shape });
      const pooled = tf.maxPool(x, 2, 2, 'valid');
      tf.engine().runKernel('MaxPoolGrad', { dy: pooled, input: x, output: pooled }, { filterSize: 2, strides: 2, pad: 'valid' });
      tf.maxPoolWithArgmax(x, 2, 2, 'valid', true);
      tf.sum(x, [0, 1, 2]);
      tf.mean(x, [0, 1], true);
      tf.add(x, tf.ones([3]));
      tf.div(tf.ones([1, 1, 1, 3]), tf.add(x, 5));
    });
    expect(counts()).toEqual(before);
    tf.dispose([x, w]);
  });
});
