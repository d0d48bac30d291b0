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
    expect(result).toMatchObject({ output: 'logits', withRespectTo: 'input', samples: 7, outputSize: 3 });
  });

  it('of the linear map w.r.t. the raw input x_raw = σ_c·x + μ_c is ‖diag(1/σ)W‖_F (chain rule)', () => {
    const weights = tf.tensor2d(w, [inputs, outputs]);
    const bias = tf.tensor1d(b);
    const x = tf.tensor2d(samples, [7, inputs]);
    const sigma = [0.5, 2, 4, 0.25];
    const forward = (batch: tf.Tensor) => tf.add(tf.matMul(batch, weights), bias) as tf.Tensor2D;
    const raw = inputSensitivity({ forward, x, output: 'logits', rawInputStd: sigma });
    const oneSigma = inputSensitivity({ forward, x, output: 'logits', rawInputStd: [0.3] });
    tf.dispose([weights, bias, x]);
    // ∂(xW)_k/∂x_raw,i = W_ik / σ_i.
    const expected = Math.sqrt(w.reduce((s, v, j) => s + (v / sigma[Math.floor(j / outputs)]!) ** 2, 0));
    expect(raw.withRespectTo).toBe('raw-input');
    expect(raw.meanFrobeniusNorm).toBeCloseTo(expected, 4);
    expect(oneSigma.meanFrobeniusNorm).toBeCloseTo(Math.sqrt(w.reduce((s, v) => s + v * v, 0)) / 0.3, 4);
    expect(() => inputSensitivity({ forward, x: tf.zeros([1, inputs]), rawInputStd: [1, 2] })).toThrow(/rawInputStd must hold 1 or 4 values/);
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
