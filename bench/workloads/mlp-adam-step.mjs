/** One Adam step of the 681-param MLP on all 1,000 sinc points (full batch). */
import { need, timeMs } from '../lib/harness.mjs';
import { adamSpec, initialTheta, makeTrainStep, mlp681, modelMeta, sincPoints } from './shared.mjs';

export default {
  id: 'mlp-adam-step',
  title: '681-param MLP, Adam step on 1,000 points',
  // What it trains decides its wasm threads (engine.recommendedThreads): an MLP gets one.
  models: (engine) => [mlp681(engine).spec],
  limits:
    "Per-kernel cost: a step is ~4 MFLOP in ~100 tfjs kernels (forward, backward through θ's split, Adam), each a JS → wasm call with tensor bookkeeping. The products run on Saddle's register-blocked SIMD kernel and Adam is one kernel; the broadcast bias adds and ReLU gradients are tfjs's own loops. One thread (a second only adds wake-up latency).",
  reference: 'mlp_adam_step.py',
  repetitions: { quick: { warmup: 10, reps: 30 }, full: { warmup: 30, reps: 200 } },
  prepare({ engine, tf }) {
    const { spec, model } = mlp681(engine);
    const data = sincPoints(engine, 1000);
    const theta = initialTheta(tf, model);
    return {
      meta: { ...modelMeta(spec, model), optimizer: adamSpec(engine), loss: 'mse' },
      arrays: { x: { values: data.x, shape: [1000, 1] }, y: { values: data.y, shape: [1000] }, theta: { values: theta, shape: [theta.length] } },
      model,
    };
  },
  async engine({ engine, tf }, prepared, repetitions) {
    const { createOptimizer, lossFunction } = need(engine, 'createOptimizer', 'lossFunction');
    const { model, arrays, meta } = prepared;
    const x = tf.tensor2d(arrays.x.values, [1000, 1]);
    const y = tf.tensor1d(arrays.y.values);
    const theta0 = tf.tensor1d(arrays.theta.values);
    const loss0 = tf.tidy(() => lossFunction(model, x, y, 'mse', { training: true })(theta0).dataSync()[0]);
    theta0.dispose();
    const trainer = makeTrainStep(tf, engine, model, x, y, 'mse', createOptimizer(meta.optimizer), arrays.theta.values);
    try {
      const timing = await timeMs(trainer.step, repetitions);
      return { timing, check: { loss0 }, via: 'buildModel + computeLoss + tf.valueAndGrad + createOptimizer (as train() steps)' };
    } finally {
      trainer.dispose();
      tf.dispose([x, y]);
    }
  },
};
