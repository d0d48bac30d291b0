import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/index.js';
import { type RunSpec, resolveRunSpec, type RunSpecInput } from '../config.js';
import type { Dataset } from '../data/dataset.js';
import { loadDataset } from '../data/load.js';
import { buildModel } from '../models/model.js';
import { twoConvCnnSpec, zoo } from '../models/zoo.js';
import { Rng } from '../util/rng.js';
import type { RunEnd, TrainEvent } from './events.js';
import { lossFunction } from './losses.js';
import { batchTensors } from './batch-tensors.js';
import { collect } from './test-sink.js';
import { train } from './train.js';

beforeAll(async () => {
  await initBackend();
});

const mlp = zoo['mlp-shallow']!.spec;


const sincSpec = (overrides: Partial<RunSpecInput> = {}) =>
  resolveRunSpec({
    model: mlp,
    data: { kind: 'function', fn: 'sinc5', n: 200, sampling: 'grid' },
    optimizer: { kind: 'adam', lr: 0.01 },
    batchSize: 32,
    epochs: 30,
    seed: 1,
    ...overrides,
  });

/** ‖∇L‖ of the full training loss at the run's final θ (inference mode), computed apart from the run. */
async function finalGradNorm(spec: RunSpec, end: RunEnd): Promise<number> {
  const dataset = await loadDataset(spec.data, spec.seed);
  const model = buildModel(spec.model, dataset.inputShape);
  return tf.tidy(() => {
    const { x, y } = batchTensors(dataset.train, model.inputShape);
    const loss = lossFunction(model, x, y, spec.loss, { training: false, state: tf.tensor1d(end.state) });
    return tf.norm(tf.grad(loss)(tf.tensor1d(end.theta))).dataSync()[0]!;
  });
}

/** Zero-gradient points as they arrive (metrics sent one at a time), with a hook on each. */
function onZeroGradPoint(events: TrainEvent[], hook: (index: number) => void): (e: TrainEvent) => void {
  let seen = 0;
  return (e) => {
    events.push(e);
    if (e.type !== 'metrics') return;
    for (const p of e.points) if (p.key === 'zero_grad/grad_norm') hook(seen++);
  };
}

/** 10 classes of 32×32×3 images: noise plus a bright 8×8 patch whose place depends on the class. */
function patchImages(n: number, seed: number): Dataset {
  const rng = new Rng(seed);
  const make = (count: number) => {
    const x = new Float32Array(count * 32 * 32 * 3);
    const y = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const label = i % 10;
      y[i] = label;
      const r0 = Math.floor(label / 4) * 8 + 4;
      const c0 = (label % 4) * 8;
      for (let p = 0; p < 32 * 32 * 3; p++) x[i * 3072 + p] = rng.normal(0, 0.3);
      for (let r = r0; r < r0 + 8; r++) for (let c = c0; c < c0 + 8; c++) x[i * 3072 + (r * 32 + c) * 3 + (label % 3)]! += 2;
    }
    return { x, y, n: count };
  };
  return { name: 'patches', inputShape: [32, 32, 3], numClasses: 10, train: make(n), test: make(20), describe: 'synthetic patches' };
}

describe('train', () => {
  it('fits sinc5 with the shallow MLP: loss falls; events come in order and batched', async () => {
    const { events, sink, series } = collect();
    const end = await train(sincSpec(), sink);
    expect(end.status).toBe('SUCCEEDED');
    expect(end.steps).toBe(30 * 7);
    expect(end.epochs).toBe(30);
    expect(end.theta.length).toBe(573);
    expect(events[0]!.type).toBe('summary');
    expect(events[events.length - 1]).toEqual({ type: 'end', end });
    const trainLoss = series('train/loss');
    expect(trainLoss.map((p) => p.step)).toEqual(Array.from({ length: 31 }, (_, i) => i * 7));
    expect(trainLoss[30]!.value).toBeLessThan(0.3 * trainLoss[0]!.value);
    expect(series('test/loss').length).toBe(31);
    expect(series('train/accuracy')).toEqual([]);
    expect(series('batch/loss').length).toBe(210);
    expect(series('grad_norm').length).toBe(210);
    expect(series('grad_norm').every((p) => p.value > 0 && Number.isFinite(p.value))).toBe(true);
    expect(end.final['train/loss']).toBe(trainLoss[30]!.value);
    const metricEvents = events.filter((e) => e.type === 'metrics');
    expect(metricEvents.length).toBeLessThan(60);
    const progress = events.filter((e) => e.type === 'progress');
    expect(progress[progress.length - 1]).toMatchObject({ step: 210, totalSteps: 210, fraction: 1 });
  });

  it('is deterministic: the same seed gives the same numbers, another seed others', async () => {
    const run = async (seed: number) => {
      const { sink, events } = collect();
      const end = await train(sincSpec({ epochs: 3, seed, data: { kind: 'function', fn: 'sgn-sin5pi', n: 100, sampling: 'random' } }), sink);
      return { end, values: events.flatMap((e) => (e.type === 'metrics' ? e.points.map((p) => [p.key, p.step, p.value]) : [])) };
    };
    const [a, b, c] = [await run(4), await run(4), await run(5)];
    expect(a.values).toEqual(b.values);
    expect(Array.from(a.end.theta)).toEqual(Array.from(b.end.theta));
    expect(c.values).not.toEqual(a.values);
  });

  it('leaks no tensors across whole runs (succeeded, diverged, cancelled, zero-gradient, batch norm)', async () => {
    const before = tf.memory().numTensors;
    await train(sincSpec({ epochs: 2 }), () => {});
    await train(sincSpec({ epochs: 2, optimizer: { kind: 'sgd', lr: 1e6, momentum: 0 } }), () => {});
    await train(sincSpec({ epochs: 1, zeroGradient: { maxSteps: 3 } }), () => {});
    const controller = new AbortController();
    await train(sincSpec({ epochs: 5 }), (e) => e.type === 'progress' && e.step > 3 && controller.abort(), { signal: controller.signal });
    const bn = { name: 'bn-mlp', layers: [{ type: 'dense' as const, units: 8 }, { type: 'batchNorm' as const }, { type: 'activation' as const, activation: 'relu' as const }, { type: 'dense' as const, units: 1 }] };
    const end = await train(sincSpec({ epochs: 2, model: bn, snapshotEvery: 1 }), () => {});
    expect(end.state.length).toBe(16);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('an AbortSignal ends the run CANCELLED at the next step', async () => {
    const controller = new AbortController();
    const { events, sink } = collect();
    const end = await train(
      sincSpec({ epochs: 50 }),
      (e) => {
        sink(e);
        if (e.type === 'progress' && e.step >= 14) controller.abort();
      },
      { signal: controller.signal },
    );
    expect(end.status).toBe('CANCELLED');
    expect(end.steps).toBe(14);
    expect(end.error).toMatch(/cancelled at step 14/);
    expect(events[events.length - 1]!.type).toBe('end');
    controller.abort();
    expect((await train(sincSpec(), () => {}, { signal: controller.signal })).status).toBe('CANCELLED');
  });

  it('a huge learning rate ends DIVERGED with the step, keeping the last finite θ', async () => {
    const { series, sink } = collect();
    const end = await train(sincSpec({ optimizer: { kind: 'sgd', lr: 1e8, momentum: 0.9 } }), sink);
    expect(end.status).toBe('DIVERGED');
    expect(end.divergedAtStep).toBeGreaterThan(0);
    expect(end.steps).toBe(end.divergedAtStep! - 1);
    const batchLoss = series('batch/loss');
    expect(batchLoss.length).toBe(end.divergedAtStep! - 1);
    expect(batchLoss.every((p) => Number.isFinite(p.value))).toBe(true);
    expect(end.theta.every((v) => Number.isFinite(v))).toBe(true);
  });

  it('a bad spec or a failing loader ends FAILED with the message', async () => {
    const bad = await train({ ...sincSpec(), batchSize: 0 }, () => {});
    expect(bad.status).toBe('FAILED');
    expect(bad.error).toMatch(/batchSize/);
    const missing = await train(resolveRunSpec({ model: zoo['cnn-shallow']!.spec, loss: 'cross-entropy', data: { kind: 'cifar10', dir: '/nonexistent' } }), () => {});
    expect(missing.status).toBe('FAILED');
    expect(missing.error).toMatch(/SADDLE_CIFAR10_DIR/);
  });

  it('the zero-gradient phase drives ‖∇L‖ down from where training ended and ends at its best point', async () => {
    const { series, sink } = collect();
    const spec = sincSpec({ epochs: 5, zeroGradient: { gradNormThreshold: 1e-6, maxSteps: 60, optimizer: { kind: 'adam', lr: 1e-3 } } });
    const end = await train(spec, sink);
    expect(end.status).toBe('SUCCEEDED');
    const norms = series('zero_grad/grad_norm');
    expect(norms.length).toBe(61);
    expect(norms[0]!.step).toBe(end.steps);
    expect(norms[60]!.step).toBe(end.steps + 60);
    expect(end.zeroGradient).toMatchObject({ converged: false, steps: 60 });
    expect(end.zeroGradient!.gradNorm).toBeLessThan(0.5 * norms[0]!.value);
    // The best point seen (Adam on ‖∇L‖² oscillates), and θ of the run is that point.
    const best = norms.reduce((a, p) => (p.value < a.value ? p : a));
    expect(end.zeroGradient!.gradNorm).toBe(best.value);
    expect(end.zeroGradient!.loss).toBe(series('zero_grad/loss').find((p) => p.step === best.step)!.value);
    expect(Math.abs((await finalGradNorm(spec, end)) - best.value)).toBeLessThan(1e-3 * best.value);
    expect(series('zero_grad/loss').length).toBe(61);
  });

  it('an abort during the zero-gradient phase ends the run CANCELLED, one pass or chunked, leaking nothing', async () => {
    const before = tf.memory().numTensors;
    for (const evalBatchSize of [1000, 64]) {
      const controller = new AbortController();
      const events: TrainEvent[] = [];
      const sink = onZeroGradPoint(events, (i) => i === 3 && controller.abort());
      const spec = sincSpec({ epochs: 1, zeroGradient: { gradNormThreshold: 1e-9, maxSteps: 50 } });
      const end = await train(spec, sink, { signal: controller.signal, evalBatchSize, metricsFlushSize: 1 });
      expect(end.status).toBe('CANCELLED');
      expect(end.error).toBe(`cancelled at step ${end.steps + 4}`);
      expect(end.zeroGradient).toBeUndefined();
      expect(events.flatMap((e) => (e.type === 'metrics' ? e.points.filter((p) => p.key === 'zero_grad/grad_norm') : [])).length).toBe(4);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a non-finite value in the zero-gradient phase ends the run DIVERGED at the best finite point', async () => {
    const before = tf.memory().numTensors;
    const { series, sink } = collect();
    const spec = sincSpec({ epochs: 1, zeroGradient: { gradNormThreshold: 1e-9, maxSteps: 50, optimizer: { kind: 'sgd', lr: 1e15, momentum: 0 } } });
    const end = await train(spec, sink);
    expect(tf.memory().numTensors).toBe(before);
    expect(end.status).toBe('DIVERGED');
    const norms = series('zero_grad/grad_norm');
    const losses = series('zero_grad/loss');
    const last = norms.length - 1;
    expect(last).toBeGreaterThan(0);
    expect(end.divergedAtStep).toBe(end.steps + last);
    expect(end.error).toBe(`zero-gradient phase diverged at its step ${last} (run step ${end.steps + last})`);
    expect(Number.isFinite(norms[last]!.value) && Number.isFinite(losses[last]!.value)).toBe(false);
    expect(norms.slice(0, last).every((p) => Number.isFinite(p.value))).toBe(true);
    expect(end.theta.every((v) => Number.isFinite(v))).toBe(true);
    const best = Math.min(...norms.slice(0, last).map((p) => p.value));
    expect(Math.abs((await finalGradNorm(spec, end)) - best)).toBeLessThan(1e-3 * best);
  });

  it('a sink that throws during the zero-gradient phase ends the run FAILED, leaking nothing', async () => {
    const before = tf.memory().numTensors;
    const sink = onZeroGradPoint([], (i) => {
      if (i === 2) throw new Error('sink broke');
    });
    const end = await train(sincSpec({ epochs: 1, zeroGradient: { maxSteps: 20 } }), sink, { metricsFlushSize: 1 });
    expect(end).toMatchObject({ status: 'FAILED', error: 'sink broke' });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a small CNN with batch norm trains on 32×32×3 images and its loss falls', async () => {
    const { series, sink } = collect();
    const spec = resolveRunSpec({
      model: twoConvCnnSpec('tiny-cnn', 4, 4),
      loss: 'cross-entropy',
      data: { kind: 'cifar10', trainSize: 20, testSize: 20 },
      optimizer: { kind: 'adam', lr: 0.01 },
      batchSize: 10,
      epochs: 4,
      seed: 3,
    });
    const end = await train(spec, sink, { dataset: patchImages(20, 9) });
    expect(end.status).toBe('SUCCEEDED');
    const loss = series('train/loss');
    expect(loss[loss.length - 1]!.value).toBeLessThan(0.7 * loss[0]!.value);
    expect(series('train/accuracy').length).toBe(5);
    expect(end.state.length).toBe(2 * (4 + 4));
    // Running variances moved away from their initial 1.
    expect(Array.from(end.state.subarray(4, 8)).some((v) => Math.abs(v - 1) > 0.01)).toBe(true);
  });

  it('end to end on real MNIST digits: a small CNN learns well above chance', async () => {
    process.env.SADDLE_DATA_DIR = mkdtempSync(join(tmpdir(), 'saddle-train-mnist-'));
    const { series, sink } = collect();
    const end = await train(
      resolveRunSpec({
        model: twoConvCnnSpec('mnist-tiny', 4, 8),
        loss: 'cross-entropy',
        data: { kind: 'mnist', trainSize: 600, testSize: 300 },
        optimizer: { kind: 'adam', lr: 0.01 },
        batchSize: 50,
        epochs: 2,
        seed: 0,
      }),
      sink,
    );
    expect(end.status).toBe('SUCCEEDED');
    const loss = series('train/loss');
    expect(loss[loss.length - 1]!.value).toBeLessThan(0.6 * loss[0]!.value);
    // Chance is 0.1.
    expect(end.final['test/accuracy']).toBeGreaterThan(0.5);
  });

  it('the zero-gradient phase in chunks (two passes) follows the one-pass phase', async () => {
    const zg = { epochs: 2, zeroGradient: { gradNormThreshold: 1e-9, maxSteps: 8, optimizer: { kind: 'adam' as const, lr: 1e-3 } } };
    const whole = collect();
    const chunked = collect();
    const before = tf.memory().numTensors;
    await train(sincSpec(zg), whole.sink);
    await train(sincSpec(zg), chunked.sink, { evalBatchSize: 64 });
    expect(tf.memory().numTensors).toBe(before);
    const [a, b] = [whole.series('zero_grad/grad_norm'), chunked.series('zero_grad/grad_norm')];
    expect(a.length).toBe(9);
    expect(b.length).toBe(9);
    a.forEach((p, i) => expect(Math.abs(p.value - b[i]!.value)).toBeLessThan(1e-4 * p.value + 1e-6));
    expect(a[8]!.value).toBeLessThan(a[0]!.value);
  });
});
