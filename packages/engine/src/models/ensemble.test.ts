import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/index.js';
import { applyEnsemble, ensembleUnsupportedReason } from './ensemble.js';
import { buildModel } from './model.js';
import { zoo } from './zoo.js';

beforeAll(async () => {
  await initBackend();
});

describe('applyEnsemble', () => {
  it('row k equals model.apply with θ_k on x_k', () => {
    const model = buildModel(zoo['mlp-deep']!.spec, [1]);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const thetas = tf.stack([model.init(1), model.init(2), model.init(3)]) as tf.Tensor2D;
      const x = tf.randomUniform([3, 7, 1], -1, 1, 'float32', 5);
      const out = applyEnsemble(model, thetas, x);
      expect(out.shape).toEqual([3, 7, 1]);
      for (let k = 0; k < 3; k++) {
        const single = model.apply(thetas.slice([k, 0], [1, -1]).reshape([-1]) as tf.Tensor1D, x.slice([k, 0, 0], [1, -1, -1]).reshape([7, 1]), { training: true }).output;
        const diff = tf.max(tf.abs(tf.sub(single, out.slice([k, 0, 0], [1, -1, -1]).reshape([7, 1])))).dataSync()[0]!;
        expect(diff).toBeLessThan(1e-5);
      }
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses layers it cannot batch', () => {
    expect(ensembleUnsupportedReason(buildModel(zoo['cnn-c4-c4']!.spec, [32, 32, 3]))).toMatch(/conv2d/);
    expect(ensembleUnsupportedReason(buildModel(zoo['mlp-shallow']!.spec, [1]))).toBeUndefined();
  });
});
