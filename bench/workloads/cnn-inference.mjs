/** Forward pass of the 34,634-param CNN on 256 MNIST test images at 32×32×3 (BN on running statistics). */
import { need, timeMs } from '../lib/harness.mjs';
import { firstExamples, initialTheta, mnistFull, modelMeta, shallowCnn } from './shared.mjs';

const BATCH = 256;

export default {
  id: 'cnn-inference',
  title: 'same CNN inference, batch 256',
  // What it trains decides its wasm threads (engine.recommendedThreads): a CNN gets every core.
  models: (engine) => [engine.zoo['cnn-shallow'].spec],
  limits:
    "XNNPACK's convolutions on 2 threads (~45 of ~53 ms; batch norm folded into them, ReLU fused); PyTorch's oneDNN convolutions are ~1.4× faster on this machine.",
  reference: 'cnn_inference.py',
  repetitions: { quick: { warmup: 2, reps: 5 }, full: { warmup: 3, reps: 20 } },
  prepare(ctx) {
    const { engine, tf } = ctx;
    const { spec, model } = shallowCnn(engine);
    const batch = firstExamples(mnistFull(ctx).test, BATCH);
    const theta = initialTheta(tf, model);
    const state = model.initState();
    const stateValues = Float32Array.from(state.dataSync());
    state.dispose();
    return {
      meta: { ...modelMeta(spec, model), loss: 'cross-entropy', batchSize: BATCH },
      arrays: {
        x: { values: batch.x, shape: [BATCH, 32, 32, 3] },
        labels: { values: batch.y, shape: [BATCH] },
        theta: { values: theta, shape: [theta.length] },
        state: { values: stateValues, shape: [stateValues.length] },
      },
      model,
    };
  },
  async engine({ engine, tf }, prepared, repetitions) {
    const { computeLoss } = need(engine, 'computeLoss');
    const { model, arrays } = prepared;
    const x = tf.tensor4d(arrays.x.values, [BATCH, 32, 32, 3]);
    const y = tf.tensor1d(arrays.labels.values, 'int32');
    const theta = tf.tensor1d(arrays.theta.values);
    const state = tf.tensor1d(arrays.state.values);
    try {
      // fused: as Saddle's evaluations run it (modelEvaluator, train's evaluations): batch norm
      // folded into each convolution, ReLU fused.
      const inference = { training: false, state, fused: true };
      const loss0 = tf.tidy(() => computeLoss('cross-entropy', model.apply(theta, x, inference).output, y).dataSync()[0]);
      const forward = () => tf.tidy(() => model.apply(theta, x, inference).output.dataSync());
      const timing = await timeMs(forward, repetitions);
      return { timing, imagesPerSecond: BATCH / (timing.medianMs / 1000), check: { loss0 }, via: 'Model.apply (inference mode, fused)' };
    } finally {
      tf.dispose([x, y, theta, state]);
    }
  },
};
