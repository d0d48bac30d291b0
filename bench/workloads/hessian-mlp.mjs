/** The full 681 × 681 Hessian of the MLP's MSE loss on the 1,000 sinc points, at θ₀. */
import { need, timeMs } from '../lib/harness.mjs';
import { initialTheta, mlp681, modelMeta, sincPoints } from './shared.mjs';

export default {
  id: 'hessian-mlp',
  title: 'full Hessian, 681 params',
  // What it trains decides its wasm threads (engine.recommendedThreads): an MLP gets one.
  models: (engine) => [mlp681(engine).spec],
  limits:
    "681 Hessian-vector products in chunks of 32 as one batched computation each (modelBatchedLoss; one by one is slower): the batched products (Saddle's SIMD kernel) and the [32,1000,20] elementwise ops of the double backward pass (tfjs's loops: ReLU masks, casts, broadcasts).",
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
      // The engine's two ways, as PyTorch's two are tried: HVPs one by one, and (for dense
      // models, as the minimal-ratio analysis does) each chunk as one batched computation.
      const batchedLoss = typeof engine.modelBatchedLoss === 'function' ? engine.modelBatchedLoss(model, { x, y }, 'mse') : undefined;
      const ways = { 'exactHessian (HVP per vector)': {}, ...(batchedLoss ? { 'exactHessian (batchedLoss)': { batchedLoss } } : {}) };
      const methods = {};
      let best;
      let last;
      for (const [name, options] of Object.entries(ways)) {
        const timing = await timeMs(() => {
          last = exactHessian(loss, theta, options);
        }, repetitions);
        methods[name] = timing;
        if (!best || timing.medianMs < methods[best].medianMs) best = name;
      }
      const n = last.size;
      let trace = 0;
      let squares = 0;
      for (let i = 0; i < n; i++) trace += last.data[i * n + i];
      for (const v of last.data) squares += v * v;
      return {
        timing: methods[best],
        method: best,
        methods: Object.fromEntries(Object.entries(methods).map(([k, v]) => [k, { medianMs: v.medianMs }])),
        check: { loss0: loss(theta).dataSync()[0], trace, frobenius: Math.sqrt(squares) },
        diagnostics: { maxAsymmetry: last.maxAsymmetry },
        via: `${best} of lossFunction(...); the faster of the engine's ways`,
      };
    } finally {
      tf.dispose([x, y, theta]);
    }
  },
};
