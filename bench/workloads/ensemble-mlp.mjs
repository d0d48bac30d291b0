/**
 * 100 MLPs (the minimal-ratio preset's 1→10→10→1, 141 params), one Adam step each on the same
 * minibatch of 100 sinc points: as one batched computation vs a loop of 100 single steps.
 */
import { need, timeMs } from '../lib/harness.mjs';
import { adamSpec, makeTrainStep, modelMeta, sincPoints } from './shared.mjs';

const MODELS = 100;
const BATCH = 100;
const HIDDEN = [10, 10];

export default {
  id: 'ensemble-mlp',
  title: '100 MLPs as one batched computation vs 100 single steps',
  // What it trains decides its wasm threads (engine.recommendedThreads): an MLP gets one.
  models: (engine) => [engine.mlpSpec('mlp-10x10', HIDDEN, 1)],
  limits:
    "One batched step for 100 models: ~100 kernels on [100, …] tensors, so tfjs's per-kernel cost is paid once for all; the batched products run on Saddle's SIMD kernel.",
  reference: 'ensemble_mlp.py',
  repetitions: { quick: { warmup: 3, reps: 10 }, full: { warmup: 10, reps: 50 } },
  prepare({ engine, tf }) {
    const { mlpSpec, buildModel, BatchSampler, gatherExamples } = need(engine, 'mlpSpec', 'buildModel', 'BatchSampler', 'gatherExamples');
    const spec = mlpSpec('mlp-10x10', HIDDEN, 1);
    const model = buildModel(spec, [1]);
    const points = sincPoints(engine, 1000);
    const batch = gatherExamples({ x: points.x, y: points.y, n: 1000 }, new BatchSampler(1000, BATCH, 0).next());
    const thetas = new Float32Array(MODELS * model.numParams);
    for (let k = 0; k < MODELS; k++) {
      const theta = model.init(k);
      thetas.set(theta.dataSync(), k * model.numParams);
      theta.dispose();
    }
    return {
      meta: { ...modelMeta(spec, model), optimizer: adamSpec(engine), loss: 'mse', models: MODELS, batchSize: BATCH },
      arrays: {
        x: { values: batch.x, shape: [BATCH, 1] },
        y: { values: Float32Array.from(batch.y), shape: [BATCH] },
        thetas: { values: thetas, shape: [MODELS, model.numParams] },
      },
      model,
    };
  },
  async engine({ engine, tf }, prepared, repetitions) {
    const { createOptimizer } = need(engine, 'createOptimizer');
    const { model, arrays, meta } = prepared;
    const x = tf.tensor2d(arrays.x.values, [BATCH, 1]);
    const y = tf.tensor1d(arrays.y.values);
    const size = model.numParams;
    // The loop: K ordinary models, K optimisers, one step each — what a sweep does without batching.
    const trainers = Array.from({ length: MODELS }, (_, k) =>
      makeTrainStep(tf, engine, model, x, y, 'mse', createOptimizer(meta.optimizer), arrays.thetas.values.subarray(k * size, (k + 1) * size)),
    );
    let loop;
    try {
      loop = await timeMs(() => {
        for (const trainer of trainers) trainer.step();
      }, { warmup: Math.min(repetitions.warmup, 2), reps: Math.max(3, Math.floor(repetitions.reps / 2)) });
    } finally {
      for (const trainer of trainers) trainer.dispose();
      tf.dispose([x, y]);
    }
    // The batched form, stepped exactly as trainEnsemble steps: Θ [K, P], x [K, batch, 1], the
    // gradient of Σ_k L_k (row k is ∇L_k), one optimiser over Θ.
    const { applyEnsemble, computeEnsembleLosses } = need(engine, 'applyEnsemble', 'computeEnsembleLosses');
    const xs = tf.tile(tf.tensor3d(arrays.x.values, [1, BATCH, 1]), [MODELS, 1, 1]);
    const ys = tf.tile(tf.tensor2d(arrays.y.values, [1, BATCH]), [MODELS, 1]);
    let thetas = tf.tensor2d(arrays.thetas.values, [MODELS, size]);
    const optimizer = createOptimizer(meta.optimizer);
    const meanLoss0 = tf.tidy(() => tf.mean(computeEnsembleLosses('mse', applyEnsemble(model, thetas, xs), ys)).dataSync()[0]);
    const step = () => {
      const result = tf.tidy(() => {
        let lossesT;
        const { grad } = tf.valueAndGrad((t) => {
          const losses = computeEnsembleLosses('mse', applyEnsemble(model, t, xs), ys);
          lossesT = tf.keep(losses);
          return tf.sum(losses);
        })(thetas);
        return { losses: lossesT, thetas: optimizer.step(thetas, grad) };
      });
      result.losses.dataSync();
      result.losses.dispose();
      thetas.dispose();
      thetas = result.thetas;
    };
    try {
      const timing = await timeMs(step, repetitions);
      return {
        timing,
        loop,
        models: MODELS,
        speedup: loop.medianMs / timing.medianMs,
        check: { meanLoss0 },
        via: 'batched: applyEnsemble + computeEnsembleLosses + tf.valueAndGrad + createOptimizer (as trainEnsemble steps); loop: 100 × the train() step',
      };
    } finally {
      optimizer.dispose();
      tf.dispose([xs, ys, thetas]);
    }
  },
};
