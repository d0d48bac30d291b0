/**
 * One Adam step of the 34,634-param CNN on a batch of 64 MNIST images at 32×32×3 (BN in training
 * mode) — as Saddle takes it, and as plain tfjs-wasm takes it (the baseline its kernels are
 * measured against: tfjs 4.22's own kernels on one thread, composed batch norm, plus the
 * Conv2DBackpropFilter tfjs-wasm lacks), in the same run on the same machine.
 */
import { need, timeMs } from '../lib/harness.mjs';
import { adamSpec, firstExamples, initialTheta, makeTrainStep, mnistFull, modelMeta, shallowCnn } from './shared.mjs';

const BATCH = 64;

function cnnTrainStep({ raw }) {
  return {
    id: raw ? 'cnn-train-step-raw' : 'cnn-train-step',
    title: raw ? 'the same CNN train step on raw tfjs-wasm (the baseline)' : '34,634-param CNN train step, batch 64, 32×32×3',
    // What it trains decides its wasm threads (engine.recommendedThreads): a CNN gets every core.
    models: (engine) => [engine.zoo['cnn-shallow'].spec],
    rawTfjs: raw,
    limits: raw
      ? "tfjs 4.22's own wasm kernels on one thread, the step composed from tf ops: batch norm as ~30 kernels whose leading-axis Sums transpose first, scalar-loop transposed products, a C++ max-pool gradient, a full copy of every tensor a gradient saves, and the composed filter gradient tfjs lacks."
      : "Convolutions in XNNPACK on 2 threads: the two filter gradients ~28 ms, run as batch-as-channels convolutions whose 'filter' is this step's dy (0.5–1 M values), so XNNPACK creates and packs a new operator every step (conv1's: ~3.6 ms of convolution, ~13 ms with the packing); the input gradient ~9 ms, the forward ones ~12 ms; batch norm + ReLU, pooling, sums, products and Adam (Saddle's compiled kernels) ~10 ms together. PyTorch's oneDNN (AVX-512 on this Xeon) does the whole step in about the time of our forward convolutions.",
    // The baseline's PyTorch side would be the same as the main row's: not run twice.
    reference: raw ? undefined : 'cnn_train_step.py',
    repetitions: { quick: { warmup: 2, reps: 5 }, full: { warmup: 3, reps: 15 } },
    prepare(ctx) {
      const { engine, tf } = ctx;
      const { spec, model } = shallowCnn(engine);
      const batch = firstExamples(mnistFull(ctx).train, BATCH);
      const theta = initialTheta(tf, model);
      return {
        meta: { ...modelMeta(spec, model), optimizer: adamSpec(engine), loss: 'cross-entropy', batchSize: BATCH },
        arrays: {
          x: { values: batch.x, shape: [BATCH, 32, 32, 3] },
          labels: { values: batch.y, shape: [BATCH] },
          theta: { values: theta, shape: [theta.length] },
        },
        model,
      };
    },
    async engine({ engine, tf }, prepared, repetitions) {
      const { createOptimizer, lossFunction } = need(engine, 'createOptimizer', 'lossFunction');
      const { model, arrays, meta } = prepared;
      const x = tf.tensor4d(arrays.x.values, [BATCH, 32, 32, 3]);
      const y = tf.tensor1d(arrays.labels.values, 'int32');
      const state0 = model.initState();
      const theta0 = tf.tensor1d(arrays.theta.values);
      const loss0 = tf.tidy(() => lossFunction(model, x, y, 'cross-entropy', { training: true, state: state0 })(theta0).dataSync()[0]);
      const trainer = makeTrainStep(tf, engine, model, x, y, 'cross-entropy', createOptimizer(meta.optimizer), arrays.theta.values, state0.dataSync(), {
        fused: !raw,
      });
      tf.dispose([theta0, state0]);
      try {
        const timing = await timeMs(trainer.step, repetitions);
        return {
          timing,
          imagesPerSecond: BATCH / (timing.medianMs / 1000),
          check: { loss0 },
          via: 'buildModel + computeLoss + tf.valueAndGrad + createOptimizer (as train() steps)',
        };
      } finally {
        trainer.dispose();
        tf.dispose([x, y]);
      }
    },
  };
}

export default cnnTrainStep({ raw: false });
export const cnnTrainStepRaw = cnnTrainStep({ raw: true });
