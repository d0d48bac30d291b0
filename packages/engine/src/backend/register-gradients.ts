/**
 * Registers Saddle's second-order-safe gradients and the corrected AvgPool
 * gradient (see saved-output-gradients.ts, backprop-kernel-gradients.ts, comparison-gradients.ts,
 * avg-pool-gradient.ts) for every backend. Idempotent; tfjs warns once per override.
 */
import * as tf from '@tensorflow/tfjs';
import { avgPoolGradient } from './avg-pool-gradient.js';
import { backpropKernelGradients } from './backprop-kernel-gradients.js';
import { comparisonGradients } from './comparison-gradients.js';
import { savedOutputGradients } from './saved-output-gradients.js';

let registered = false;

export function registerSecondOrderGradients(): void {
  if (registered) return;
  registered = true;
  for (const config of [...savedOutputGradients, ...backpropKernelGradients, ...comparisonGradients, avgPoolGradient]) {
    // tfjs logs "Overriding the gradient for 'X'" for each replaced one; those lines are expected.
    tf.registerGradient(config);
  }
}
