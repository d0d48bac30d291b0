import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../models/model.js';
import { useTestBackend } from '../test-utils/analysis.js';
import { Rng } from '../util/rng.js';
import { inputSensitivity, modelForward } from './sensitivity.js';

beforeAll(useTestBackend);

describe('inputSensitivity', () => {
  const rng = new Rng(6);
  const [inputs, outputs] = [4, 3];
  const w = Array.from({ length: inputs * outputs }, () => rng.normal()); // [inputs, outputs], x·W
  const b = [0.1, -0.2, 0.3];
  const samples = Array.from({ length: 7 * inputs }, () => rng.normal());

  it('of the linear map x ↦ xW + b is ‖W‖_F in logits mode, at every x', () => {
    const before = tf.memory().numTensors;
    const weights = tf.tensor2d(w, [inputs, outputs]);
    const bias = tf.tensor1d(b);
    const x = tf.tensor2d(samples, [7, inputs]);
    const result = inputSensitivity({ forward: (batch) => tf.add(tf.matMul(batch, weights), bias), x, output: 'logits', batchSize: 3 });
    tf.dispose([weights, bias, x]);
    expect(tf.memory().numTensors).toBe(before);
    expect(result.meanFrobeniusNorm).toBeCloseTo(Math.sqrt(w.reduce((s, v) => s + v * v, 0)), 5);
    expect(result.std).toBeLessThan(1e-5);
    expect(result).toMatchObject({ output: 'logits', samples: 7, outputSize: 3 });
  });

  it('of softmax(xW + b) is the mean of ‖(diag p − ppᵀ)Wᵀ‖_F', () => {
    const weights = tf.tensor2d(w, [inputs, outputs]);
    const bias = tf.tensor1d(b);
    const x = tf.tensor2d(samples, [7, inputs]);
    const result = inputSensitivity({ forward: (batch) => tf.add(tf.matMul(batch, weights), bias), x });
    tf.dispose([weights, bias, x]);
    let expected = 0;
    for (let n = 0; n < 7; n++) {
      const logits = Array.from({ length: outputs }, (_, k) => b[k]! + Array.from({ length: inputs }, (_, i) => samples[n * inputs + i]! * w[i * outputs + k]!).reduce((s, v) => s + v, 0));
      const max = Math.max(...logits);
      const exps = logits.map((z) => Math.exp(z - max));
      const p = exps.map((e) => e / exps.reduce((s, v) => s + v, 0));
      // ∂p_k/∂x_i = Σ_j (δ_kj p_k − p_k p_j) W_ij.
      let squares = 0;
      for (let k = 0; k < outputs; k++) {
        for (let i = 0; i < inputs; i++) {
          let d = 0;
          for (let j = 0; j < outputs; j++) d += ((k === j ? p[k]! : 0) - p[k]! * p[j]!) * w[i * outputs + j]!;
          squares += d * d;
        }
      }
      expected += Math.sqrt(squares) / 7;
    }
    expect(result.output).toBe('softmax');
    expect(result.meanFrobeniusNorm).toBeCloseTo(expected, 5);
  });

  it('works on a model’s forward pass over image-shaped inputs', () => {
    const model = buildModel({ name: 'c', layers: [{ type: 'conv2d', filters: 2, kernelSize: 3 }, { type: 'flatten' }, { type: 'dense', units: 3 }] }, [4, 4, 1]);
    const before = tf.memory().numTensors;
    const theta = model.init(0);
    const x = tf.randomNormal([5, 4, 4, 1], 0, 1, 'float32', 1);
    const result = inputSensitivity({ forward: modelForward(model, theta), x, output: 'logits' });
    tf.dispose([theta, x]);
    expect(tf.memory().numTensors).toBe(before);
    // Linear in x (no activation): the same norm at every example.
    expect(result.std).toBeLessThan(1e-4 * result.meanFrobeniusNorm);
    expect(result.meanFrobeniusNorm).toBeGreaterThan(0);
  });
});
