/**
 * Zero gradients for the comparison kernels (Equal, NotEqual, Greater, GreaterEqual, Less,
 * LessEqual), registered for every backend. Their outputs are piecewise constant, but tfjs 4.22
 * registers no gradient for them. First derivatives never need one; second derivatives do,
 * because tfjs's own gradients of Max/Min (used by logSumExp), where-based gradients (elu) and
 * masks build comparisons of taped tensors, and differentiating that gradient again throws
 * "gradient function not found for Equal".
 */
import * as tf from '@tensorflow/tfjs';

function zeroGradient(kernelName: string): tf.GradConfig {
  return {
    kernelName,
    inputsToSave: ['a', 'b'],
    gradFunc: (_dy, saved) => {
      const [a, b] = saved;
      if (a === undefined || b === undefined) throw new Error(`${kernelName} gradient: saved inputs are missing`);
      return { a: () => tf.zerosLike(a), b: () => tf.zerosLike(b) };
    },
  };
}

export const comparisonGradients: tf.GradConfig[] = ['Equal', 'NotEqual', 'Greater', 'GreaterEqual', 'Less', 'LessEqual'].map(
  zeroGradient,
);
