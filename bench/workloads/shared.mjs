/**
 * Models and data the workloads share, built only from @saddle/engine's public exports so both
 * sides of every row start from Saddle's own θ₀ and Saddle's own data arrays.
 */
import { need } from '../lib/harness.mjs';

/**
 * The 681-parameter ReLU MLP 1→20→20→10→1 (2·20 + 21·20 + 21·10 + 11 = 681): the size the issue's
 * first baseline was measured on. Not a zoo model; defined here and handed to PyTorch as a spec.
 */
export const MLP_681_HIDDEN = [20, 20, 10];
export const MLP_681_PARAMS = 681;

/** The optimiser every training workload uses: Adam with the engine's (PyTorch's) defaults. */
export function adamSpec(engine) {
  const { DEFAULT_OPTIMIZER } = need(engine, 'DEFAULT_OPTIMIZER');
  return { ...DEFAULT_OPTIMIZER.adam };
}

export function mlp681(engine) {
  const { mlpSpec, buildModel } = need(engine, 'mlpSpec', 'buildModel');
  const spec = mlpSpec('bench-mlp-681', MLP_681_HIDDEN, 1);
  const model = buildModel(spec, [1]);
  if (model.numParams !== MLP_681_PARAMS) {
    throw new Error(`bench: the MLP ${MLP_681_HIDDEN.join('→')} has ${model.numParams} params, expected ${MLP_681_PARAMS}`);
  }
  return { spec, model };
}

/** sin(5x)/(5x) on n grid points of [−1, 1]: the function-fitting presets' training data. */
export function sincPoints(engine, n) {
  const { loadFunctionDataset } = need(engine, 'loadFunctionDataset');
  const { train } = loadFunctionDataset({ kind: 'function', fn: 'sinc5', n, sampling: 'grid' }, 0);
  return { x: train.x, y: train.y, n };
}

/** The zoo's shallow CNN (34,634 params on 32×32×3). */
export function shallowCnn(engine) {
  const { zoo, buildModel } = need(engine, 'zoo', 'buildModel');
  const spec = structuredClone(zoo['cnn-shallow'].spec);
  const model = buildModel(spec, [32, 32, 3]);
  if (model.numParams !== 34_634) throw new Error(`bench: cnn-shallow has ${model.numParams} params on 32×32×3, expected 34,634`);
  return { spec, model };
}

/**
 * The first `trainSize` + `testSize` MNIST digits of the engine's fixed split, padded to 32×32×3
 * and standardised as the full-scale presets see them.
 */
export function mnist32(engine, trainSize, testSize) {
  const { loadMnistDataset, DEFAULT_DATA } = need(engine, 'loadMnistDataset', 'DEFAULT_DATA');
  return loadMnistDataset({ ...DEFAULT_DATA.mnist, trainSize, testSize, as32x32x3: true });
}

/** What the reference needs to rebuild a model: its spec, input shape and θ/state layout. */
export function modelMeta(spec, model) {
  return {
    spec,
    inputShape: model.inputShape,
    numParams: model.numParams,
    params: model.params.map(({ name, layerIndex, role, shape, offset, size }) => ({ name, layerIndex, role, shape, offset, size })),
    buffers: model.buffers.map(({ name, layerIndex, role, shape, offset, size }) => ({ name, layerIndex, role, shape, offset, size })),
  };
}

/** θ₀ of a model under a seed, as a plain Float32Array (the engine's PyTorch-style init). */
export function initialTheta(tf, model, seed = 0) {
  const theta = model.init(seed);
  const values = Float32Array.from(theta.dataSync());
  theta.dispose();
  return values;
}

/** Gaussian values from the engine's seeded RNG (the same numbers on every run). */
export function gaussian(engine, count, seed) {
  const { Rng } = need(engine, 'Rng');
  const rng = new Rng(seed);
  return Float32Array.from({ length: count }, () => rng.normal());
}

/** Integer class labels in [0, classes) from the engine's seeded RNG. */
export function randomLabels(engine, count, classes, seed) {
  const { Rng } = need(engine, 'Rng');
  const rng = new Rng(seed);
  return Int32Array.from({ length: count }, () => Math.min(classes - 1, Math.floor(rng.uniform(0, classes))));
}

/**
 * One optimiser step exactly as the engine's `train` loop takes it (value and gradient of the
 * batch loss, batch-norm state carried, Adam step), composed from the engine's public model,
 * loss and optimiser: the loop itself has no per-step export.
 */
export function makeTrainStep(tf, engine, model, x, y, lossKind, optimizer, theta0, state0, { fused = true } = {}) {
  const { computeLoss } = need(engine, 'computeLoss');
  let theta = tf.tensor1d(theta0);
  let state = state0 ? tf.tensor1d(state0) : undefined;
  const step = () => {
    let nextState;
    const result = tf.tidy(() => {
      const lossOf = (t) => {
        const out = model.apply(t, x, { training: true, fused, ...(state ? { state } : {}) });
        if (out.nextState) nextState = tf.keep(out.nextState);
        return computeLoss(lossKind, out.output, y);
      };
      const { value, grad } = tf.valueAndGrad(lossOf)(theta);
      return { loss: value, theta: optimizer.step(theta, grad) };
    });
    const loss = result.loss.dataSync()[0];
    result.loss.dispose();
    theta.dispose();
    theta = result.theta;
    if (nextState) {
      state.dispose();
      state = nextState;
    }
    return loss;
  };
  const dispose = () => {
    tf.dispose([theta, state]);
    optimizer.dispose();
  };
  return { step, dispose };
}

/** MNIST 32×32×3 with the full-scale train-cnn split (8,000 / 2,000), loaded once per bench run. */
export function mnistFull(ctx) {
  ctx.cache.mnistFull ??= mnist32(ctx.engine, 8000, 2000);
  return ctx.cache.mnistFull;
}

/** The first `count` examples of a split: x [count, 32, 32, 3], y [count]. */
export function firstExamples(split, count, width = 32 * 32 * 3) {
  return { x: split.x.slice(0, count * width), y: Int32Array.from(split.y.subarray(0, count)) };
}
