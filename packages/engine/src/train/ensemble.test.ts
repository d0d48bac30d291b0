import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/index.js';
import { resolveRunSpec, type RunSpec, type RunSpecInput } from '../config.js';
import type { Dataset } from '../data/dataset.js';
import { zoo } from '../models/zoo.js';
import { Rng } from '../util/rng.js';
import { gatherExamples } from '../data/batches.js';
import { ensembleKey, stackExamples, trainEnsemble } from './ensemble.js';
import type { RunEnd, TrainEvent } from './events.js';
import { train } from './train.js';

beforeAll(async () => {
  await initBackend();
});

const spec = (seed: number, overrides: Partial<RunSpecInput> = {}): RunSpec =>
  resolveRunSpec({
    model: zoo['mlp-deep']!.spec,
    data: { kind: 'function', fn: 'sinc5', n: 64, sampling: 'random' },
    optimizer: { kind: 'adam', lr: 0.01 },
    batchSize: 16,
    epochs: 3,
    seed,
    ...overrides,
  });

function recorder() {
  const events: TrainEvent[] = [];
  return { events, sink: (e: TrainEvent) => events.push(e) };
}

const points = (events: TrainEvent[]) => events.flatMap((e) => (e.type === 'metrics' ? e.points.map((p) => ({ key: p.key, step: p.step, value: p.value })) : []));

function expectSameRun(a: TrainEvent[], b: TrainEvent[], tolerance: number): void {
  const [pa, pb] = [points(a), points(b)];
  expect(pa.map((p) => [p.key, p.step])).toEqual(pb.map((p) => [p.key, p.step]));
  pa.forEach((p, i) => expect(Math.abs(p.value - pb[i]!.value)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(p.value))));
  expect(a.map((e) => e.type)).toEqual(b.map((e) => e.type));
}

describe('trainEnsemble', () => {
  it('gives each run the numbers train() gives it alone (float tolerance), and leaks nothing', async () => {
    const seeds = [1, 2, 3];
    const singles: { end: RunEnd; events: TrainEvent[] }[] = [];
    for (const seed of seeds) {
      const r = recorder();
      singles.push({ end: await train(spec(seed, { snapshotEvery: 1 }), r.sink), events: r.events });
    }
    const before = tf.memory().numTensors;
    const recorders = seeds.map(() => recorder());
    const ends = await trainEnsemble(seeds.map((s) => spec(s, { snapshotEvery: 1 })), recorders.map((r) => r.sink));
    expect(tf.memory().numTensors).toBe(before);
    ends.forEach((end, k) => {
      expect(end.status).toBe('SUCCEEDED');
      expect(end.steps).toBe(singles[k]!.end.steps);
      expectSameRun(recorders[k]!.events, singles[k]!.events, 1e-4);
      end.theta.forEach((v, i) => expect(Math.abs(v - singles[k]!.end.theta[i]!)).toBeLessThan(1e-4));
    });
    // Different seeds really are different runs.
    expect(points(recorders[0]!.events)[0]!.value).not.toBe(points(recorders[1]!.events)[0]!.value);
  });

  it('labels weights without a phase with the last step and its train/loss', async () => {
    const [end] = await trainEnsemble([spec(3)], [() => {}]);
    const single = await train(spec(3), () => {});
    for (const e of [end!, single]) expect(e.weightsAt).toEqual({ step: e.steps, epoch: e.epochs, loss: e.final['train/loss'] });
  });

  it('runs the zero-gradient phase per run, as train() does', async () => {
    const zg = { zeroGradient: { gradNormThreshold: 1e-6, maxSteps: 10, optimizer: { kind: 'adam' as const, lr: 1e-3 } }, epochs: 1 };
    const single = await train(spec(7, zg), () => {});
    const [a, b] = await trainEnsemble([spec(7, zg), spec(8, zg)], [() => {}, () => {}]);
    expect(a!.zeroGradient!.steps).toBe(10);
    expect(b!.zeroGradient!.steps).toBe(10);
    expect(Math.abs(a!.zeroGradient!.gradNorm - single.zeroGradient!.gradNorm)).toBeLessThan(1e-4 * single.zeroGradient!.gradNorm + 1e-6);
    expect(Math.abs(a!.zeroGradient!.loss - single.zeroGradient!.loss)).toBeLessThan(1e-5);
  });

  it('ends the zero-gradient phase where train() does: its events, its best point, its θ', async () => {
    // maxSteps 40 at lr 1e-2: Adam on ‖∇L‖² oscillates, so the best point is not the last one
    // for some runs (train() keeps the best; the batched phase once kept the last).
    const zg = { zeroGradient: { gradNormThreshold: 1e-9, maxSteps: 40, optimizer: { kind: 'adam' as const, lr: 1e-2 } }, epochs: 2 };
    const seeds = [4, 5, 6];
    const singles: { end: RunEnd; events: TrainEvent[] }[] = [];
    for (const seed of seeds) {
      const r = recorder();
      singles.push({ end: await train(spec(seed, zg), r.sink), events: r.events });
    }
    const before = tf.memory().numTensors;
    const recorders = seeds.map(() => recorder());
    const ends = await trainEnsemble(seeds.map((s) => spec(s, zg)), recorders.map((r) => r.sink));
    expect(tf.memory().numTensors).toBe(before);
    ends.forEach((end, k) => {
      const single = singles[k]!.end;
      expect(end.status).toBe(single.status);
      expectSameRun(recorders[k]!.events, singles[k]!.events, 1e-4);
      expect(end.zeroGradient!.steps).toBe(single.zeroGradient!.steps);
      expect(end.zeroGradient!.converged).toBe(single.zeroGradient!.converged);
      expect(Math.abs(end.zeroGradient!.gradNorm - single.zeroGradient!.gradNorm)).toBeLessThanOrEqual(1e-4 * single.zeroGradient!.gradNorm + 1e-7);
      end.theta.forEach((v, i) => expect(Math.abs(v - single.theta[i]!)).toBeLessThan(1e-4));
    });
    // The walk really ends at a best point that is not its last one for at least one run.
    const lastNorms = recorders.map((r) => points(r.events).filter((p) => p.key === 'zero_grad/grad_norm').at(-1)!.value);
    expect(ends.some((end, k) => end.zeroGradient!.gradNorm < lastNorms[k]!)).toBe(true);
    // The weights are labelled with the step they were taken at (the phase's best point, numbered
    // on from training's steps) and carry L and ‖∇L‖ there, not the pre-phase train/loss.
    for (const [k, end] of [...ends.entries(), ...singles.map((s, k) => [k, s.end] as const)]) {
      const norms = points((k < ends.length && end === ends[k] ? recorders : singles)[k]!.events).filter((p) => p.key === 'zero_grad/grad_norm');
      const best = norms.reduce((a, b) => (b.value < a.value ? b : a));
      expect(end.weightsAt).toMatchObject({ step: best.step, gradNorm: end.zeroGradient!.gradNorm, loss: end.zeroGradient!.loss });
      expect(end.weightsAt!.step).toBeGreaterThanOrEqual(end.steps);
      expect(end.weightsAt!.loss).not.toBe(end.final['train/loss']);
    }
    const lateBest = ends.findIndex((end, k) => end.zeroGradient!.gradNorm < lastNorms[k]!);
    expect(ends[lateBest]!.weightsAt!.step).toBeLessThan(ends[lateBest]!.steps + ends[lateBest]!.zeroGradient!.steps);
  });

  it('batches runs of different learning rates (Adam and SGD with momentum), each as train() gives it', async () => {
    for (const optimizer of [{ kind: 'adam' as const }, { kind: 'sgd' as const, momentum: 0.9 }]) {
      const specs = [1e-3, 1e-2, 3e-2].map((lr, k) => spec(k, { optimizer: { ...optimizer, lr } }));
      expect(new Set(specs.map(ensembleKey)).size).toBe(1);
      const singles: { end: RunEnd; events: TrainEvent[] }[] = [];
      for (const s of specs) {
        const r = recorder();
        singles.push({ end: await train(s, r.sink), events: r.events });
      }
      const before = tf.memory().numTensors;
      const recorders = specs.map(() => recorder());
      const ends = await trainEnsemble(specs, recorders.map((r) => r.sink));
      expect(tf.memory().numTensors).toBe(before);
      ends.forEach((end, k) => {
        expect(end.status).toBe('SUCCEEDED');
        expectSameRun(recorders[k]!.events, singles[k]!.events, 1e-4);
        end.theta.forEach((v, i) => expect(Math.abs(v - singles[k]!.end.theta[i]!)).toBeLessThan(1e-4));
      });
      // The rates really differ: the runs end apart.
      expect(ends[0]!.final['train/loss']).not.toBeCloseTo(ends[2]!.final['train/loss']!, 3);
    }
  });

  it('batches runs of different function targets (same shapes), each as train() gives it', async () => {
    const sinc = spec(3);
    const square = spec(3, { data: { kind: 'function', fn: 'sgn-sin5pi', n: 64, sampling: 'random' } });
    expect(ensembleKey(sinc)).toBe(ensembleKey(square));
    expect(ensembleKey(sinc)).not.toBe(ensembleKey(spec(3, { data: { kind: 'function', fn: 'sinc5', n: 32, sampling: 'random' } })));
    const singles = [recorder(), recorder()];
    await train(sinc, singles[0]!.sink);
    await train(square, singles[1]!.sink);
    const batched = [recorder(), recorder()];
    const ends = await trainEnsemble([sinc, square], batched.map((r) => r.sink));
    expect(ends.map((e) => e.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expectSameRun(batched[0]!.events, singles[0]!.events, 1e-4);
    expectSameRun(batched[1]!.events, singles[1]!.events, 1e-4);
  });

  it('stackExamples stacks each run\'s own examples, as gatherExamples gives them', () => {
    const rng = new Rng(3);
    const split = (n: number) => ({ x: rng.normalArray(n * 2), y: Int32Array.from({ length: n }, (_, i) => i % 3), n });
    const splits = [split(5), split(5)];
    const indices = [Int32Array.from([4, 0, 2]), Int32Array.from([1, 1, 3])];
    const before = tf.memory().numTensors;
    const { x, y } = stackExamples(splits, indices, [2]);
    expect(x.shape).toEqual([2, 3, 2]);
    expect(y.dtype).toBe('int32');
    const expected = splits.map((s, k) => gatherExamples(s, indices[k]!));
    expect(Array.from(x.dataSync())).toEqual([...expected[0]!.x, ...expected[1]!.x]);
    expect(Array.from(y.dataSync())).toEqual([...expected[0]!.y, ...expected[1]!.y]);
    tf.dispose([x, y]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('ends each diverging run at the step train() finds; refuses mixed specs and unbatchable models', async () => {
    const huge = { optimizer: { kind: 'sgd' as const, lr: 1e4, momentum: 0.9 }, epochs: 20 };
    const seeds = [1, 2, 3, 4];
    const singles: RunEnd[] = [];
    for (const seed of seeds) singles.push(await train(spec(seed, huge), () => {}));
    const ends = await trainEnsemble(seeds.map((s) => spec(s, huge)), seeds.map(() => () => {}));
    expect(ends.map((e) => [e.status, e.divergedAtStep])).toEqual(singles.map((e) => [e.status, e.divergedAtStep]));
    expect(ends.some((e) => e.status === 'DIVERGED')).toBe(true);
    const mixed = await trainEnsemble([spec(1), spec(2, { batchSize: 8 })], [() => {}, () => {}]);
    expect(mixed.map((e) => e.status)).toEqual(['FAILED', 'FAILED']);
    expect(mixed[0]!.error).toMatch(/only the seed and the learning rate may differ/);
    const cnn = resolveRunSpec({ model: zoo['cnn-c4-c4']!.spec, loss: 'cross-entropy', data: { kind: 'cifar10', dir: '/nowhere' } });
    const refused = await trainEnsemble([cnn], [() => {}]);
    expect(refused[0]!.status).toBe('FAILED');
  });

  it('classification (cross-entropy, accuracy) matches train() too', async () => {
    const rng = new Rng(11);
    const make = (n: number) => {
      const x = rng.normalArray(n * 784);
      // The label is which of 10 pixel blocks has the largest sum: learnable by a linear map.
      const y = Int32Array.from({ length: n }, (_, i) => {
        let best = 0;
        let bestSum = -Infinity;
        for (let c = 0; c < 10; c++) {
          let sum = 0;
          for (let p = c * 78; p < (c + 1) * 78; p++) sum += x[i * 784 + p]!;
          if (sum > bestSum) [best, bestSum] = [c, sum];
        }
        return best;
      });
      return { x, y, n };
    };
    const dataset: Dataset = { name: 'blocks', inputShape: [28, 28, 1], numClasses: 10, train: make(60), test: make(30), describe: 'synthetic' };
    const mlp = { name: 'mnist-mlp', layers: [{ type: 'flatten' as const }, { type: 'dense' as const, units: 16, activation: 'relu' as const }, { type: 'dense' as const, units: 10 }] };
    const ce = (seed: number) => spec(seed, { model: mlp, loss: 'cross-entropy', data: { kind: 'mnist', trainSize: 60, testSize: 30 }, batchSize: 20, epochs: 3 });
    const singles = [recorder(), recorder()];
    await train(ce(1), singles[0]!.sink, { dataset });
    await train(ce(2), singles[1]!.sink, { dataset });
    const batched = [recorder(), recorder()];
    const ends = await trainEnsemble([ce(1), ce(2)], batched.map((r) => r.sink), { datasets: [dataset, dataset] });
    expect(ends.map((e) => e.status)).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expectSameRun(batched[0]!.events, singles[0]!.events, 1e-4);
    expectSameRun(batched[1]!.events, singles[1]!.events, 1e-4);
    expect(points(batched[0]!.events).filter((p) => p.key === 'test/accuracy').length).toBe(4);
  });

  it('cancels one run by its own signal; the others end as if it had never been cancelled', async () => {
    const specs = [1, 2, 3].map((seed) => spec(seed, { epochs: 4 }));
    const controller = new AbortController();
    const runs = specs.map(() => recorder());
    // Cancel run 1 once it has taken 5 steps.
    const sinks = runs.map((r, k) => (event: TrainEvent) => {
      r.sink(event);
      if (k === 1 && event.type === 'metrics' && event.points.some((p) => p.key === 'batch/loss' && p.step >= 5)) controller.abort();
    });
    const ends = await trainEnsemble(specs, sinks, { signals: [undefined, controller.signal, undefined], metricsFlushSize: 1 });
    expect(ends.map((e) => e.status)).toEqual(['SUCCEEDED', 'CANCELLED', 'SUCCEEDED']);
    expect(ends[1]!.error).toMatch(/cancelled at step \d+/);
    expect(ends[1]!.steps).toBeLessThan(ends[0]!.steps);
    expect(ends[1]!.theta.length).toBeGreaterThan(0);
    const undisturbed = await trainEnsemble(specs, specs.map(() => () => {}));
    for (const k of [0, 2]) expect(Array.from(ends[k]!.theta)).toEqual(Array.from(undisturbed[k]!.theta));
    await expect(trainEnsemble(specs, sinks, { signals: [undefined] })).rejects.toThrow(/one signal \(or undefined\) per spec \(3\), got 1/);
  });
});
