/**
 * K copies of one dense architecture evaluated as one batched computation: parameters Θ [K, P]
 * (row k is model k's flat θ, laid out as `model.params` says) and inputs [K, B, ...inputShape]
 * give outputs [K, B, outputSize] through batched matMuls over the leading K axis. Small MLPs
 * leave tfjs dominated by per-op overhead; batching K of them amortises it.
 */
import * as tf from '@tensorflow/tfjs';
import { applyActivation } from './model.js';
import type { Model } from './model.types.js';

/** Why `model` cannot be batched, or undefined when it can (dense, activation and flatten layers only). */
export function ensembleUnsupportedReason(model: Model): string | undefined {
  const bad = model.spec.layers.find((l) => l.type !== 'dense' && l.type !== 'activation' && l.type !== 'flatten');
  return bad ? `layer type '${bad.type}' (only dense, activation and flatten layers can be batched)` : undefined;
}

export function applyEnsemble(model: Model, thetas: tf.Tensor2D, x: tf.Tensor): tf.Tensor3D {
  const reason = ensembleUnsupportedReason(model);
  if (reason) throw new Error(`applyEnsemble (${model.spec.name}): unsupported ${reason}`);
  const [k, p] = thetas.shape;
  if (p !== model.numParams) throw new Error(`applyEnsemble (${model.spec.name}): thetas must be [K, ${model.numParams}], got [${k}, ${p}]`);
  if (x.shape[0] !== k || x.rank !== model.inputShape.length + 2) {
    throw new Error(`applyEnsemble (${model.spec.name}): x must be [${k}, batch, ${model.inputShape.join(', ')}], got [${x.shape.join(', ')}]`);
  }
  return tf.tidy(() => {
    const batch = x.shape[1]!;
    const pieces = tf.split(thetas, model.params.map((q) => q.size), 1);
    let h: tf.Tensor = x.reshape([k, batch, -1]);
    let next = 0;
    for (const layer of model.spec.layers) {
      if (layer.type === 'dense') {
        const [inputs, units] = model.params[next]!.shape as [number, number];
        const bias = pieces[next + 1]!.reshape([k, 1, units]);
        h = applyActivation(tf.add(denseProduct(h as tf.Tensor3D, pieces[next]!, k, inputs, units), bias), layer.activation);
        next += 2;
      } else if (layer.type === 'activation') {
        h = applyActivation(h, layer.activation);
      }
      // flatten: h is already [K, B, features].
    }
    return h as tf.Tensor3D;
  });
}

/**
 * h [K, B, in] times each model's kernel (flat [K, in·units]) → [K, B, units]. With one input
 * (the first layer of every function-fitting MLP) it is an outer product, done as a broadcast
 * multiply: tfjs-wasm's BatchMatMul is a scalar loop that is slow for an inner size of 1 (the
 * whole gradient step ran ~7–10% faster this way, measured by CPU time at K = 20 and 100). The
 * same trick for one output (a sum of products) measured slower than BatchMatMul, so it is not used.
 */
function denseProduct(h: tf.Tensor3D, kernel: tf.Tensor, k: number, inputs: number, units: number): tf.Tensor3D {
  if (inputs === 1) return tf.mul(h, kernel.reshape([k, 1, units]));
  return tf.matMul(h, kernel.reshape([k, inputs, units]) as tf.Tensor3D);
}
