/**
 * One epoch of the `train-cnn` preset at full scale (the shallow CNN, Adam 1e-3, batch 64) on
 * 8,000 MNIST images at 32×32×3, through the engine's own `train` loop. The loop evaluates the
 * train and test sets before the first step and after the last, so the reference does too.
 */
import { need, summarize } from '../lib/harness.mjs';
import { adamSpec, initialTheta, makeTrainStep, mnistFull, modelMeta, shallowCnn } from './shared.mjs';

function epochSpec(engine) {
  const { getPreset } = need(engine, 'getPreset');
  const runs = getPreset('train-cnn').runs({ scale: 'full', overrides: { epochs: 1, models: 'cnn-shallow' } });
  return runs[0].spec;
}

export default {
  id: 'train-cnn-epoch',
  title: 'one epoch of train-cnn on 8,000 MNIST images',
  // What it trains decides its wasm threads (engine.recommendedThreads): a CNN gets every core.
  models: (engine) => [engine.zoo['cnn-shallow'].spec],
  limits:
    "125 CNN training steps (the train-step row: ≈ 8–9 s) and two evaluations of 10,000 images (the inference row: ≈ 2 s each); the rest is train()'s per-step work (batch gathering, loss and gradient-norm read-back).",
  reference: 'train_cnn_epoch.py',
  // 125 Adam steps compound float rounding differently on each side: the final losses agree to
  // a few percent, not to float precision (the other rows compare values at θ₀).
  tolerance: 0.05,
  repetitions: { quick: { warmup: 3, reps: 1 }, full: { warmup: 3, reps: 3 } },
  prepare(ctx) {
    const { engine, tf } = ctx;
    const { BatchSampler } = need(engine, 'BatchSampler');
    const spec = epochSpec(engine);
    const { model } = shallowCnn(engine);
    const data = mnistFull(ctx);
    if (data.train.n !== spec.data.trainSize) throw new Error(`train-cnn-epoch: preset trains on ${spec.data.trainSize} images, loaded ${data.train.n}`);
    // The batch order train() will use: its sampler, same n, batch size and seed.
    const sampler = new BatchSampler(data.train.n, spec.batchSize, spec.seed);
    const order = new Int32Array(data.train.n);
    for (let filled = 0; filled < order.length; ) {
      const batch = sampler.next();
      order.set(batch, filled);
      filled += batch.length;
    }
    const theta = initialTheta(tf, model, spec.seed);
    return {
      meta: { ...modelMeta(spec.model, model), optimizer: spec.optimizer, batchSize: spec.batchSize, evaluate: 'start-and-end' },
      arrays: {
        x: { values: data.train.x, shape: [data.train.n, 32, 32, 3] },
        labels: { values: data.train.y, shape: [data.train.n] },
        xTest: { values: data.test.x, shape: [data.test.n, 32, 32, 3] },
        labelsTest: { values: data.test.y, shape: [data.test.n] },
        order: { values: order, shape: [order.length] },
        theta: { values: theta, shape: [theta.length] },
      },
      spec,
      model,
      data,
    };
  },
  async engine(ctx, prepared, repetitions) {
    const { engine, tf } = ctx;
    const { train, createOptimizer } = need(engine, 'train', 'createOptimizer');
    const { spec, model, data, arrays } = prepared;
    // Warm-up: a few steps of the same shapes (kernels compiled, heap grown), not a whole epoch.
    const x = tf.tensor4d(arrays.x.values.subarray(0, 64 * 32 * 32 * 3), [64, 32, 32, 3]);
    const y = tf.tensor1d(arrays.labels.values.subarray(0, 64), 'int32');
    const state0 = model.initState();
    const warm = makeTrainStep(tf, engine, model, x, y, 'cross-entropy', createOptimizer(adamSpec(engine)), arrays.theta.values, state0.dataSync());
    for (let i = 0; i < repetitions.warmup; i++) warm.step();
    warm.dispose();
    tf.dispose([x, y, state0]);
    const samples = [];
    const cpuSamples = [];
    let end;
    for (let i = 0; i < repetitions.reps; i++) {
      const cpuStart = process.cpuUsage();
      const started = performance.now();
      end = await train(spec, () => {}, { dataset: data });
      samples.push(performance.now() - started);
      const cpu = process.cpuUsage(cpuStart);
      cpuSamples.push((cpu.user + cpu.system) / 1000);
      if (end.status !== 'SUCCEEDED') throw new Error(`train-cnn-epoch: train() ended ${end.status}: ${end.error ?? ''}`);
    }
    const timing = summarize(samples, cpuSamples);
    return {
      timing,
      imagesPerSecond: data.train.n / (timing.medianMs / 1000),
      check: { finalTrainLoss: end.final['train/loss'], finalTestAccuracy: end.final['test/accuracy'] },
      via: "train(getPreset('train-cnn') full spec, epochs 1, dataset preloaded)",
    };
  },
};
