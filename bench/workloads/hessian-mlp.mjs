/** The full 681 × 681 Hessian of the MLP's MSE loss on the 1,000 sinc points, at θ₀. */
import { need, timeMs } from '../lib/harness.mjs';
import { initialTheta, mlp681, modelMeta, sincPoints } from './shared.mjs';

export default {
  id: 'hessian-mlp',
  title: 'full Hessian, 681 params',
  limits:
    "681 Hessian-vector products, each a forward and two backward passes of ~100 small kernels: per-op overhead, chunked 64 HVPs per tidy; PyTorch also loops (vectorize=False is its faster mode here).",
  reference: 'hessian_mlp.py',
  repetitions: { quick: { warmup: 1, reps: 2 }, full: { warmup: 1, reps: 5 } },
  prepare({ engine, tf }) {
    const { spec, model } = mlp681(engine);
    const data = sincPoints(engine, 1000);
    const theta = initialTheta(tf, model);
    return {
      meta: { ...modelMeta(spec, model), loss: 'mse' },
      arrays: { x: { values: data.x, shape: [1000, 1] }, y: { values: data.y, shape: [1000] }, theta: { values: theta, shape: [theta.length] } },
      model,
    };
  },
  async engine({ engine, tf }, prepared, repetitions) {
    const { exactHessian, lossFunction } = need(engine, 'exactHessian', 'lossFunction');
    const { model, arrays } = prepared;
    const x = tf.tensor2d(arrays.x.values, [1000, 1]);
    const y = tf.tensor1d(arrays.y.values);
    const theta = tf.tensor1d(arrays.theta.values);
    const loss = lossFunction(model, x, y, 'mse', { training: true });
    try {
      let last;
      const timing = await timeMs(() => {
        last = exactHessian(loss, theta);
      }, repetitions);
      const n = last.size;
      let trace = 0;
      let squares = 0;
      for (let i = 0; i < n; i++) trace += last.data[i * n + i];
      for (const v of last.data) squares += v * v;
      return {
        timing,
        check: { loss0: loss(theta).dataSync()[0], trace, frobenius: Math.sqrt(squares) },
        diagnostics: { maxAsymmetry: last.maxAsymmetry },
        via: 'exactHessian(lossFunction(...)) — batched HVPs',
      };
    } finally {
      tf.dispose([x, y, theta]);
    }
  },
};
