/**
 * A 51×51 loss landscape of the 34,634-param CNN on 2,000 MNIST training images at 32×32×3
 * (the loss-landscape preset at full scale), around θ₀ along two random filter-normalised
 * directions. Every grid point is the same work, so both sides time a smaller grid and report
 * per-point median × 51² (`--full-landscape` runs the whole grid on both sides).
 */
import { need } from '../lib/harness.mjs';
import { gaussian, initialTheta, mnistFull, modelMeta, shallowCnn } from './shared.mjs';

const IMAGES = 2000;
const GRID = 51;
/** modelEvaluator runs all images in one pass (the reference uses chunks of 500, PyTorch's fastest). */
const EVAL_BATCH = IMAGES;

export default {
  id: 'landscape-cnn',
  title: '51×51 loss landscape of the CNN on 2,000 MNIST images',
  // What it trains decides its wasm threads (engine.recommendedThreads): a CNN gets every core.
  models: (engine) => [engine.zoo['cnn-shallow'].spec],
  limits:
    "2,601 inference passes over 2,000 images: the inference row's convolutions (XNNPACK, 2 threads) against oneDNN.",
  reference: 'landscape_cnn.py',
  // reps = the side of the grid actually timed (r×r + 1 points); the full grid is GRID×GRID.
  repetitions: { quick: { warmup: 1, reps: 3 }, full: { warmup: 1, reps: 5 } },
  referenceReps: (r) => r * r + 1,
  prepare(ctx) {
    const { engine, tf } = ctx;
    const { spec, model } = shallowCnn(engine);
    const train = mnistFull(ctx).train;
    const theta = initialTheta(tf, model);
    const directions = [1, 2].map((k) =>
      typeof engine.filterNormalize === 'function'
        ? engine.filterNormalize(gaussian(engine, theta.length, 5100 + k), theta, model.params)
        : gaussian(engine, theta.length, 5100 + k).map((v) => v * 0.01),
    );
    const state = model.initState();
    const stateValues = Float32Array.from(state.dataSync());
    state.dispose();
    return {
      meta: { ...modelMeta(spec, model), gridSize: GRID, range: 1, evalBatch: EVAL_BATCH, images: IMAGES },
      arrays: {
        x: { values: train.x.subarray(0, IMAGES * 32 * 32 * 3), shape: [IMAGES, 32, 32, 3] },
        labels: { values: Int32Array.from(train.y.subarray(0, IMAGES)), shape: [IMAGES] },
        theta: { values: theta, shape: [theta.length] },
        direction1: { values: directions[0], shape: [theta.length] },
        direction2: { values: directions[1], shape: [theta.length] },
        state: { values: stateValues, shape: [stateValues.length] },
      },
      model,
      directionsNote: typeof engine.filterNormalize === 'function' ? 'filter-normalised (engine filterNormalize)' : 'Gaussian × 0.01',
    };
  },
  async engine({ engine, tf, fullLandscape }, prepared, repetitions) {
    const { lossLandscape2D, modelEvaluator } = need(engine, 'lossLandscape2D', 'modelEvaluator');
    const { model, arrays } = prepared;
    const x = tf.tensor4d(arrays.x.values, [IMAGES, 32, 32, 3]);
    const y = tf.tensor1d(arrays.labels.values, 'int32');
    const state = tf.tensor1d(arrays.state.values);
    // The engine's evaluator: loss and accuracy over all images in one inference-mode pass.
    const evaluate = modelEvaluator(model, { x, y }, 'cross-entropy', state);
    const input = (resolution) => ({
      evaluate,
      theta: arrays.theta.values,
      directions: { kind: 'given', vectors: [arrays.direction1.values, arrays.direction2.values] },
      resolution,
    });
    try {
      lossLandscape2D(input(2)); // warm-up: 5 points
      const resolution = fullLandscape ? GRID : repetitions.reps;
      const cpuStart = process.cpuUsage();
      const result = lossLandscape2D(input(resolution));
      const cpu = process.cpuUsage(cpuStart);
      const points = resolution * resolution + 1;
      const perPointMs = result.durationMs / points;
      const scale = fullLandscape ? 1 : (GRID * GRID) / points;
      return {
        timing: {
          medianMs: result.durationMs * scale,
          cpuMedianMs: ((cpu.user + cpu.system) / 1000) * scale,
          reps: 1,
          extrapolated: !fullLandscape,
        },
        perPointMs,
        timedPoints: points,
        gridPoints: GRID * GRID,
        check: { centerLoss: result.centerLoss },
        via: `lossLandscape2D (given directions: ${prepared.directionsNote}) with modelEvaluator (loss + accuracy, all images per pass)`,
      };
    } finally {
      tf.dispose([x, y, state]);
    }
  },
};
