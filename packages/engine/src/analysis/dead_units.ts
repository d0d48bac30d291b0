import * as tf from '@tensorflow/tfjs';
import { applyActivation } from '../models/model.js';
import type { Model } from '../models/model.types.js';

export interface DeadUnitsResult {
  /** ReLU units whose pre-activation is ≤ 0 for every input given, over all layers. */
  dead: number;
  /** ReLU units looked at. */
  units: number;
  /** Per ReLU layer, in the order of the model. */
  layers: { layerName: string; units: number; dead: number }[];
}

/**
 * Dead ReLU units of a dense network at θ: units whose pre-activation is ≤ 0 for every row of
 * `x`. Such a unit outputs 0 and passes no gradient (tfjs's ReLU derivative is 0 at 0), so its
 * incoming weights, its bias and its outgoing weights do not move the loss on these inputs:
 * each dead unit brings fan-in + 1 + fan-out exactly flat Hessian directions (fewer independent
 * ones when they overlap). Only dense, flatten and activation layers are supported; for other
 * layers (convolutions, batch norm, pooling) it returns undefined rather than a partial count.
 */
export function deadReluUnits(model: Model, theta: tf.Tensor1D | Float32Array, x: tf.Tensor): DeadUnitsResult | undefined {
  const supported = model.spec.layers.every((layer) => layer.type === 'dense' || layer.type === 'flatten' || layer.type === 'activation');
  if (!supported) return undefined;
  const length = theta instanceof Float32Array ? theta.length : theta.size;
  if (length !== model.numParams) {
    throw new Error(`Error in deadReluUnits: theta has ${length} values, but the model has ${model.numParams} parameters.`);
  }
  const layers: DeadUnitsResult['layers'] = [];
  tf.tidy(() => {
    const flat = theta instanceof Float32Array ? tf.tensor1d(theta) : theta;
    let h: tf.Tensor = tf.reshape(x, [x.shape[0]!, -1]);
    const countDead = (layerName: string, preActivation: tf.Tensor): void => {
      const maxima = tf.max(preActivation, 0).dataSync();
      let dead = 0;
      for (const value of maxima) if (value <= 0) dead++;
      layers.push({ layerName, units: maxima.length, dead });
    };
    model.spec.layers.forEach((layer, index) => {
      const params = model.params.filter((p) => p.layerIndex === index);
      const layerName = params[0]?.layerName ?? `layer_${index}`;
      if (layer.type === 'dense') {
        const kernel = params.find((p) => p.role === 'kernel')!;
        const bias = params.find((p) => p.role === 'bias');
        let z = tf.matMul(h, tf.reshape(tf.slice(flat, kernel.offset, kernel.size), kernel.shape as [number, number]));
        if (bias) z = tf.add(z, tf.slice(flat, bias.offset, bias.size));
        if (layer.activation === 'relu') countDead(layerName, z);
        h = applyActivation(z, layer.activation);
      } else if (layer.type === 'activation') {
        if (layer.activation === 'relu') countDead(`activation_${index}`, h);
        h = applyActivation(h, layer.activation);
      }
      // flatten: h is already [batch, features].
    });
  });
  return { dead: layers.reduce((s, l) => s + l.dead, 0), units: layers.reduce((s, l) => s + l.units, 0), layers };
}
