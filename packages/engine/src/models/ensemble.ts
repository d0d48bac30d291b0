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
        const kernelInfo = model.params[next]!;
        const kernel = pieces[next]!.reshape([k, ...kernelInfo.shape]) as tf.Tensor3D;
        const bias = pieces[next + 1]!.reshape([k, 1, layer.units]);
        next += 2;
        h = applyActivation(tf.add(tf.matMul(h as tf.Tensor3D, kernel), bias), layer.activation);
      } else if (layer.type === 'activation') {
        h = applyActivation(h, layer.activation);
      }
      // flatten: h is already [K, B, features].
    }
    return h as tf.Tensor3D;
  });
}
