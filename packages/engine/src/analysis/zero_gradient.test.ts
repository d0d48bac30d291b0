import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { leastSquaresLoss, quadraticLoss, useTestBackend } from '../test-utils/analysis.js';
import { RunStop } from '../train/run-control.js';
import { Rng } from '../util/rng.js';
import type { LossFn } from './types.js';
import { findZeroGradientPoint, findZeroGradientPointAsync, type ZeroGradientOptions } from './zero_gradient.js';

beforeAll(useTestBackend);

const adam = (lr: number) => ({ kind: 'adam', lr, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }) as const;
const sgd = (lr: number) => ({ kind: 'sgd', lr, momentum: 0 }) as const;

/** ‖∇L(θ)‖ computed independently of the search. */
function gradNormAt(loss: (t: tf.Tensor1D) => tf.Scalar, theta: tf.Tensor1D): number {
  const norm = tf.tidy(() => tf.norm(tf.grad((t) => loss(t as tf.Tensor1D))(theta)));
  const value = norm.dataSync()[0]!;
  norm.dispose();
  return value;
}

/** Least squares on m random rows, as one loss and as chunks of the rows weighted by their share. */
function leastSquaresProblem(m: number, n: number, chunkSizes: number[], seed: number): { whole: LossFn; chunks: { loss: LossFn; weight: number }[]; theta0: number[] } {
  const rng = new Rng(seed);
  const x = Array.from({ length: m * n }, () => rng.normal());
  const y = Array.from({ length: m }, () => rng.normal());
  let start = 0;
  const chunks = chunkSizes.map((size) => {
    const loss = leastSquaresLoss(x.slice(start * n, (start + size) * n), y.slice(start, start + size), size, n);
    start += size;
    return { loss, weight: size / m };
  });
  return { whole: leastSquaresLoss(x, y, m, n), chunks, theta0: Array.from({ length: n }, () => rng.normal()) };
}

/** ½‖θ‖², whose first derivative is computed by an op whose own derivative throws: the HVP fails in its backward pass. */
const failsInSecondOrder: LossFn = (() => {
  // customGrad passes its inputs followed by a save function; the first input is the tensor here.
  const throwing = tf.customGrad((...inputs) => ({
    value: tf.clone(inputs[0] as tf.Tensor),
    gradFunc: () => {
      throw new Error('backward failed');
    },
  }));
  const loss = tf.customGrad((...inputs) => {
    const t = inputs[0] as tf.Tensor;
    return { value: tf.mul(0.5, tf.sum(tf.square(t))), gradFunc: (dy: tf.Tensor) => tf.mul(dy, throwing(t)) };
  });
  return (theta: tf.Tensor1D) => loss(theta) as tf.Scalar;
})();

describe('findZeroGradientPoint', () => {
  it('lands on the saddle of x² − y² (gradient descent on ‖∇L‖² is attracted by saddles too)', () => {
    const loss = quadraticLoss([1, 0, 0, -1], 2);
    const before = tf.memory().numTensors;
    const theta0 = tf.tensor1d([0.5, 0.3]);
    const steps: number[] = [];
    const result = findZeroGradientPoint(loss, theta0, { gradNormThreshold: 1e-3, maxSteps: 500, optimizer: sgd(0.1), onStep: (step) => steps.push(step) });
    const [x, y] = result.theta.dataSync();
    expect(result).toMatchObject({ converged: true, diverged: false });
    expect(result.gradNorm).toBeLessThan(1e-3);
    expect(gradNormAt(loss, result.theta)).toBeCloseTo(result.gradNorm, 6);
    expect(Math.abs(x!)).toBeLessThan(1e-3);
    expect(Math.abs(y!)).toBeLessThan(1e-3);
    expect(result.loss).toBeCloseTo(0.5 * (x! ** 2 - y! ** 2), 7);
    // ∇(½‖∇L‖²) = H∇L = (x, y): SGD with lr 0.1 scales both by 0.9 a step, from ‖(0.5, 0.3)‖ to below 1e-3.
    expect(result.steps).toBe(Math.ceil(Math.log(1e-3 / Math.hypot(0.5, 0.3)) / Math.log(0.9)));
    expect(steps).toEqual(Array.from({ length: result.steps + 1 }, (_, i) => i));
    // θ₀ is untouched and still the caller's.
    expect(Array.from(theta0.dataSync())).toEqual([0.5, 0.3].map(Math.fround));
    tf.dispose([theta0, result.theta]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('drives least squares to ‖∇L‖ < 1e-3 with Adam, checked independently', () => {
    const { whole, theta0: start } = leastSquaresProblem(40, 5, [40], 2);
    const before = tf.memory().numTensors;
    const theta0 = tf.tensor1d(start);
    const result = findZeroGradientPoint(whole, theta0, { gradNormThreshold: 1e-3, maxSteps: 2000, optimizer: adam(1e-2) });
    expect(result.converged).toBe(true);
    expect(gradNormAt(whole, result.theta)).toBeLessThan(1e-3);
    tf.dispose([theta0, result.theta]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps and marks a point that misses the threshold within maxSteps', () => {
    const loss = quadraticLoss([1, 0, 0, 2], 2);
    const theta0 = tf.tensor1d([1, 1]);
    const result = findZeroGradientPoint(loss, theta0, { gradNormThreshold: 1e-6, maxSteps: 3, optimizer: sgd(0.01) });
    expect(result).toMatchObject({ converged: false, diverged: false, steps: 3 });
    expect(gradNormAt(loss, result.theta)).toBeCloseTo(result.gradNorm, 5);
    expect(result.gradNorm).toBeGreaterThan(1e-6);
    tf.dispose([theta0, result.theta]);
  });

  it('returns the best point seen, not the last, when the steps overshoot', () => {
    // L = ½x²: ∇(½‖∇L‖²) = x, so SGD with lr 2.5 maps x to −1.5x: every step is worse than the start.
    const loss = quadraticLoss([1], 1);
    const theta0 = tf.tensor1d([1]);
    const norms: number[] = [];
    const result = findZeroGradientPoint(loss, theta0, { gradNormThreshold: 1e-6, maxSteps: 3, optimizer: sgd(2.5), onStep: (_, g) => norms.push(g) });
    expect(norms).toEqual([1, 1.5, 2.25, 3.375]);
    expect(result).toMatchObject({ converged: false, diverged: false, steps: 3, gradNorm: 1, loss: 0.5 });
    expect(Array.from(result.theta.dataSync())).toEqual([1]);
    tf.dispose([theta0, result.theta]);
  });

  it('stops at non-finite values, marks it diverged and returns the last finite point', () => {
    const loss = quadraticLoss([1], 1);
    const before = tf.memory().numTensors;
    const theta0 = tf.tensor1d([1]);
    // x₁ = 1 − 1e20: ½x₁² and ‖∇L‖ (a root of a sum of squares) overflow float32.
    const seen: [number, number][] = [];
    const result = findZeroGradientPoint(loss, theta0, { gradNormThreshold: 1e-3, maxSteps: 10, optimizer: sgd(1e20), onStep: (_, g, l) => seen.push([g, l]) });
    expect(seen).toEqual([
      [1, 0.5],
      [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
    ]);
    expect(result).toMatchObject({ converged: false, diverged: true, steps: 1, gradNorm: 1, loss: 0.5 });
    expect(Array.from(result.theta.dataSync())).toEqual([1]);
    tf.dispose([theta0, result.theta]);
    // A NaN loss alone (its gradient is finite) diverges too; with no finite point seen, θ₀ comes back.
    const nanLoss: LossFn = (t) => tf.tidy(() => tf.add(loss(t), tf.log(tf.scalar(-1))));
    const start = tf.tensor1d([2]);
    const nan = findZeroGradientPoint(nanLoss, start, { gradNormThreshold: 1e-3, maxSteps: 10, optimizer: sgd(0.1) });
    expect(nan).toMatchObject({ converged: false, diverged: true, steps: 0, gradNorm: 2 });
    expect(nan.loss).toBeNaN();
    expect(Array.from(nan.theta.dataSync())).toEqual([2]);
    tf.dispose([start, nan.theta]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('weighted chunks (two passes) give the numbers of the whole loss (one pass)', () => {
    const { whole, chunks, theta0: start } = leastSquaresProblem(40, 5, [15, 15, 10], 7);
    const before = tf.memory().numTensors;
    const theta0 = tf.tensor1d(start);
    const run = (objective: Parameters<typeof findZeroGradientPoint>[0]) => {
      const seen: number[][] = [];
      const result = findZeroGradientPoint(objective, theta0, { gradNormThreshold: 1e-9, maxSteps: 20, optimizer: adam(1e-2), onStep: (_, g, l) => seen.push([g, l]) });
      const theta = Array.from(result.theta.dataSync());
      result.theta.dispose();
      return { seen, theta, result };
    };
    const [a, b] = [run(whole), run(chunks)];
    expect(a.seen.length).toBe(21);
    expect(b.seen.length).toBe(21);
    a.seen.forEach(([g, l], i) => {
      expect(Math.abs(b.seen[i]![0]! - g!)).toBeLessThan(1e-5 * g!);
      expect(Math.abs(b.seen[i]![1]! - l!)).toBeLessThan(1e-5 * l!);
    });
    a.theta.forEach((v, i) => expect(b.theta[i]).toBeCloseTo(v, 5));
    expect(a.seen[20]![0]).toBeLessThan(a.seen[0]![0]!);
    theta0.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('one chunk of weight w is the loss w·L', () => {
    const before = tf.memory().numTensors;
    const theta0 = tf.tensor1d([0.5, 0.3]);
    const run = (objective: Parameters<typeof findZeroGradientPoint>[0]) => {
      const seen: number[][] = [];
      findZeroGradientPoint(objective, theta0, { gradNormThreshold: 1e-9, maxSteps: 10, optimizer: sgd(0.01), onStep: (_, g, l) => seen.push([g, l]) }).theta.dispose();
      return seen;
    };
    const scaled = run([{ loss: quadraticLoss([1, 0, 0, -1], 2), weight: 3 }]);
    const direct = run(quadraticLoss([3, 0, 0, -3], 2));
    expect(scaled.length).toBe(11);
    scaled.forEach(([g, l], i) => {
      expect(g).toBeCloseTo(direct[i]![0]!, 5);
      expect(l).toBeCloseTo(direct[i]![1]!, 5);
    });
    theta0.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('throws the abort reason without leaking', () => {
    const loss = quadraticLoss([1, 0, 0, 2], 2);
    const before = tf.memory().numTensors;
    const theta0 = tf.tensor1d([1, 1]);
    const controller = new AbortController();
    expect(() =>
      findZeroGradientPoint(loss, theta0, {
        gradNormThreshold: 1e-9,
        maxSteps: 100,
        optimizer: adam(1e-3),
        signal: controller.signal,
        onStep: (step) => step === 2 && controller.abort(new Error('stop')),
      }),
    ).toThrow('stop');
    theta0.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaks nothing when onStep throws, in one pass and in two', () => {
    const before = tf.memory().numTensors;
    const theta0 = tf.tensor1d([1, 1]);
    const options: ZeroGradientOptions = {
      gradNormThreshold: 1e-9,
      maxSteps: 100,
      optimizer: adam(1e-3),
      onStep: (step) => {
        if (step === 3) throw new Error('sink failed');
      },
    };
    const quadratic = quadraticLoss([1, 0, 0, 2], 2);
    expect(() => findZeroGradientPoint(quadratic, theta0, options)).toThrow('sink failed');
    expect(() => findZeroGradientPoint([{ loss: quadratic, weight: 0.5 }, { loss: quadratic, weight: 0.5 }], theta0, options)).toThrow('sink failed');
    theta0.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('frees L and ‖∇L‖ kept from the forward pass when the backward pass of one pass throws', () => {
    const theta0 = tf.tensor1d([1, 1]);
    // tfjs itself leaves the tape's saved tensors behind when a gradient function throws: measured
    // on the same computation without the kept scalars, the search must leave nothing more.
    const leakOf = (f: () => unknown): number => {
      const before = tf.memory().numTensors;
      expect(f).toThrow('backward failed');
      return tf.memory().numTensors - before;
    };
    const tfjsOwn = leakOf(() =>
      tf.tidy(() =>
        tf.grad((t: tf.Tensor) => {
          const { grad } = tf.valueAndGrad((u: tf.Tensor) => failsInSecondOrder(u as tf.Tensor1D))(t);
          const squaredNorm = tf.sum(tf.square(grad));
          tf.sqrt(squaredNorm);
          return tf.mul(squaredNorm, 0.5) as tf.Scalar;
        })(theta0),
      ),
    );
    expect(leakOf(() => findZeroGradientPoint(failsInSecondOrder, theta0, { gradNormThreshold: 1e-9, maxSteps: 5, optimizer: adam(1e-3) }))).toBe(tfjsOwn);
    theta0.dispose();
  });

  it('rejects a non-positive threshold, an empty objective and a non-finite weight', () => {
    const theta0 = tf.tensor1d([1]);
    const options = { gradNormThreshold: 1e-3, maxSteps: 1, optimizer: adam(1e-3) };
    expect(() => findZeroGradientPoint(quadraticLoss([1], 1), theta0, { ...options, gradNormThreshold: 0 })).toThrow(/findZeroGradientPoint: options.gradNormThreshold/);
    expect(() => findZeroGradientPoint([], theta0, options)).toThrow(/findZeroGradientPoint: objective must hold at least one/);
    expect(() => findZeroGradientPoint([{ loss: quadraticLoss([1], 1), weight: Number.NaN }], theta0, options)).toThrow(/objective\[0\]\.weight must be a finite number/);
    theta0.dispose();
  });
});

describe('findZeroGradientPointAsync', () => {
  it('takes the same steps as the synchronous search', async () => {
    const loss = quadraticLoss([1, 0, 0, -1], 2);
    const theta0 = tf.tensor1d([0.5, 0.3]);
    const options = (seen: number[]) => ({ gradNormThreshold: 1e-3, maxSteps: 500, optimizer: adam(1e-2), onStep: (_: number, g: number) => seen.push(g) });
    const [syncSeen, asyncSeen] = [[], []] as [number[], number[]];
    const a = findZeroGradientPoint(loss, theta0, options(syncSeen));
    const b = await findZeroGradientPointAsync(loss, theta0, options(asyncSeen));
    expect(asyncSeen).toEqual(syncSeen);
    expect({ ...b, theta: Array.from(b.theta.dataSync()) }).toEqual({ ...a, theta: Array.from(a.theta.dataSync()) });
    tf.dispose([theta0, a.theta, b.theta]);
  });

  it('sees an abort fired from a timer between steps: RunStop CANCELLED, nothing leaked', async () => {
    const loss = quadraticLoss([1, 0, 0, 2], 2);
    const before = tf.memory().numTensors;
    const theta0 = tf.tensor1d([1, 1]);
    const controller = new AbortController();
    let evaluations = 0;
    setTimeout(() => controller.abort(), 20);
    const error = await findZeroGradientPointAsync(loss, theta0, {
      gradNormThreshold: 1e-12,
      maxSteps: 1_000_000,
      optimizer: sgd(1e-9),
      signal: controller.signal,
      onStep: () => evaluations++,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunStop);
    expect(error).toMatchObject({ status: 'CANCELLED', message: `cancelled at step ${evaluations}` });
    expect(evaluations).toBeGreaterThan(0);
    expect(evaluations).toBeLessThan(1_000_000);
    theta0.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rethrows what a custom checkpoint throws, with its step, leaking nothing', async () => {
    const loss = quadraticLoss([1, 0, 0, 2], 2);
    const before = tf.memory().numTensors;
    const theta0 = tf.tensor1d([1, 1]);
    const steps: number[] = [];
    const checkpoint = async (step: number) => {
      steps.push(step);
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (step === 4) throw new Error('stopped at 4');
    };
    await expect(findZeroGradientPointAsync(loss, theta0, { gradNormThreshold: 1e-12, maxSteps: 100, optimizer: adam(1e-3), checkpoint })).rejects.toThrow('stopped at 4');
    expect(steps).toEqual([0, 1, 2, 3, 4]);
    theta0.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
