/**
 * Resuming from a checkpoint gives exactly the uninterrupted run: the same θ bit for bit and the
 * same metric points after the checkpoint, for Adam and for SGD with momentum through batch norm,
 * from a checkpoint inside an epoch; and the byte form keeps every field.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/index.js';
import { resolveRunSpec, type RunSpec, type RunSpecInput } from '../config.js';
import type { Dataset } from '../data/dataset.js';
import { zoo } from '../models/zoo.js';
import { Rng } from '../util/rng.js';
import { decodeCheckpoint, encodeCheckpoint, type TrainCheckpoint } from './checkpoint.js';
import type { MetricPoint, RunEnd, TrainEvent } from './events.js';
import { train, type TrainOptions } from './train.js';

beforeAll(async () => {
  await initBackend();
});

interface Recorded {
  end: RunEnd;
  points: MetricPoint[];
  checkpoints: TrainCheckpoint[];
  events: TrainEvent[];
}

async function record(spec: RunSpec, options: TrainOptions = {}): Promise<Recorded> {
  const events: TrainEvent[] = [];
  const end = await train(spec, (e) => events.push(e), options);
  return {
    end,
    events,
    points: events.flatMap((e) => (e.type === 'metrics' ? e.points : [])),
    checkpoints: events.flatMap((e) => (e.type === 'checkpoint' ? [e.checkpoint] : [])),
  };
}

/** The points a run sent after it sent `checkpoint`: what the resumed run must send. */
function pointsAfter(run: Recorded, checkpoint: TrainCheckpoint): MetricPoint[] {
  const at = run.events.findIndex((e) => e.type === 'checkpoint' && e.checkpoint === checkpoint);
  return run.events.slice(at).flatMap((e) => (e.type === 'metrics' ? e.points : []));
}

/** Points as [key, step, value, epoch]: what must repeat exactly (wall times differ). */
const values = (points: MetricPoint[]) => points.map((p) => [p.key, p.step, p.value, p.epoch]);

const sincSpec = (overrides: Partial<RunSpecInput> = {}) =>
  resolveRunSpec({
    model: zoo['mlp-shallow']!.spec,
    data: { kind: 'function', fn: 'sinc5', n: 200, sampling: 'grid' },
    optimizer: { kind: 'adam', lr: 0.01 },
    batchSize: 32,
    epochs: 6,
    seed: 3,
    ...overrides,
  });

/** 4 classes of 8×8×1 images: noise plus a bright quadrant that names the class. */
function quadrants(n: number, seed: number): Dataset {
  const rng = new Rng(seed);
  const make = (count: number) => {
    const x = new Float32Array(count * 64);
    const y = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      y[i] = i % 4;
      for (let p = 0; p < 64; p++) {
        const [r, c] = [Math.floor(p / 8), p % 8];
        x[i * 64 + p] = rng.normal(0, 0.3) + ((r < 4 ? 0 : 2) + (c < 4 ? 0 : 1) === i % 4 ? 1.5 : 0);
      }
    }
    return { x, y, n: count };
  };
  return { name: 'quadrants', inputShape: [8, 8, 1], numClasses: 10, train: make(n), test: make(16), describe: 'synthetic quadrants' };
}

const bnCnn = {
  name: 'bn-cnn',
  layers: [
    { type: 'conv2d' as const, filters: 4, kernelSize: 3 },
    { type: 'batchNorm' as const },
    { type: 'activation' as const, activation: 'relu' as const },
    { type: 'maxPool' as const },
    { type: 'flatten' as const },
    // 10 logits: the spec says mnist (its data are replaced by the quadrants, labels 0–3).
    { type: 'dense' as const, units: 10 },
  ],
};

/** Trains `spec` straight, then again from its checkpoint at `resumeAt`; returns both. */
async function straightAndResumed(spec: RunSpec, resumeAt: number, options: TrainOptions = {}): Promise<{ straight: Recorded; resumed: Recorded; from: TrainCheckpoint }> {
  // checkpointEveryMs 0: a checkpoint after every step, so any step can be resumed from.
  const straight = await record(spec, { ...options, checkpointEveryMs: 0 });
  const from = straight.checkpoints.find((c) => c.step === resumeAt);
  if (!from) throw new Error(`no checkpoint at step ${resumeAt} (the run ended ${straight.end.status}${straight.end.error ? `: ${straight.end.error}` : ''})`);
  // Through the byte form, as the API stores it.
  const resumed = await record(spec, { ...options, resumeFrom: decodeCheckpoint(encodeCheckpoint(from)) });
  return { straight, resumed, from };
}

describe('train from a checkpoint', () => {
  it('continues an Adam run exactly: same θ bit for bit, same points after the checkpoint', async () => {
    const spec = sincSpec();
    // 7 steps per epoch: step 17 is inside the third epoch (the batch order must resume mid-permutation).
    const { straight, resumed, from } = await straightAndResumed(spec, 17);
    expect(straight.end.status).toBe('SUCCEEDED');
    expect(resumed.end).toMatchObject({ status: 'SUCCEEDED', steps: 42, epochs: 6, resumedFromStep: 17 });
    expect(Array.from(resumed.end.theta)).toEqual(Array.from(straight.end.theta));
    expect(values(resumed.points)).toEqual(values(pointsAfter(straight, from)));
    expect(pointsAfter(straight, from).every((p) => p.step > 17)).toBe(true);
    expect(resumed.end.final).toEqual(straight.end.final);
    // The resumed run starts after the checkpoint: no step-0 evaluation or snapshot again.
    expect(Math.min(...resumed.points.map((p) => p.step))).toBe(18);
  });

  it('continues SGD with momentum through batch norm exactly (running statistics and velocity restored)', async () => {
    const spec = resolveRunSpec({
      model: bnCnn,
      data: { kind: 'mnist' },
      loss: 'cross-entropy',
      optimizer: { kind: 'sgd', lr: 0.05, momentum: 0.9 },
      batchSize: 16,
      epochs: 3,
      seed: 5,
    });
    const dataset = quadrants(64, 9);
    const { straight, resumed, from } = await straightAndResumed(spec, 6, { dataset });
    expect(from.state.length).toBe(8);
    expect(from.optimizer).toMatchObject({ kind: 'sgd', iterations: 6 });
    expect(resumed.end.status).toBe('SUCCEEDED');
    expect(Array.from(resumed.end.theta)).toEqual(Array.from(straight.end.theta));
    expect(Array.from(resumed.end.state)).toEqual(Array.from(straight.end.state));
    expect(values(resumed.points)).toEqual(values(pointsAfter(straight, from)));
  });

  it('sends checkpoints with snapshots only when asked, after the points they cover', async () => {
    const spec = sincSpec({ epochs: 3, snapshotEvery: 1 });
    expect((await record(spec)).checkpoints).toEqual([]);
    // An hour's cadence: only the snapshots (epoch ends) bring checkpoints.
    const { events, checkpoints } = await record(spec, { checkpointEveryMs: 3_600_000 });
    expect(checkpoints.map((c) => c.step)).toEqual([7, 14, 21]);
    for (const c of checkpoints) {
      const at = events.findIndex((e) => e.type === 'checkpoint' && e.checkpoint === c);
      const later = events.slice(at).flatMap((e) => (e.type === 'metrics' ? e.points : []));
      expect(later.every((p) => p.step > c.step)).toBe(true);
    }
  });

  it('resumes at the last step straight into the zero-gradient phase', async () => {
    const spec = sincSpec({ epochs: 2, zeroGradient: { maxSteps: 3 } });
    const { straight, resumed, from } = await straightAndResumed(spec, 14);
    expect(resumed.end.zeroGradient).toEqual(straight.end.zeroGradient);
    expect(Array.from(resumed.end.theta)).toEqual(Array.from(straight.end.theta));
    // The phase's first points share the checkpoint's step (its step 0 is the run's last step).
    expect(values(resumed.points)).toEqual(values(pointsAfter(straight, from)));
    expect(resumed.points.map((p) => p.key).every((k) => k.startsWith('zero_grad/'))).toBe(true);
  });

  it('leaks no tensors when resuming', async () => {
    const spec = sincSpec({ epochs: 2 });
    const { checkpoints } = await record(spec, { checkpointEveryMs: 0 });
    const before = tf.memory().numTensors;
    await train(spec, () => {}, { resumeFrom: checkpoints[5]! });
    await train(sincSpec({ epochs: 2, optimizer: { kind: 'sgd', lr: 0.01, momentum: 0.9 } }), () => {}, { resumeFrom: checkpoints[5]! });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a checkpoint of another spec, naming what does not fit', async () => {
    const { checkpoints } = await record(sincSpec({ epochs: 1 }), { checkpointEveryMs: 0 });
    const sgd = await train(sincSpec({ optimizer: { kind: 'sgd', lr: 0.01, momentum: 0.9 } }), () => {}, { resumeFrom: checkpoints[2]! });
    expect(sgd.status).toBe('FAILED');
    expect(sgd.error).toBe("train: options.resumeFrom does not fit this run: it holds adam state, the spec's optimizer is sgd; resume only from a checkpoint of the same spec");
    const small = { name: 'small', layers: [{ type: 'dense' as const, units: 4 }, { type: 'dense' as const, units: 1 }] };
    const other = await train(sincSpec({ model: small }), () => {}, { resumeFrom: checkpoints[2]! });
    expect(other.error).toMatch(/its theta has 573 values, the model has 13 parameters/);
  });
});

describe('checkpoint bytes', () => {
  it('keep every field, non-finite metric values included', () => {
    const checkpoint: TrainCheckpoint = {
      step: 12,
      epoch: 1.5,
      theta: Float32Array.from([1, -2.5, 3e-8]),
      state: new Float32Array(0),
      optimizer: { kind: 'sgd', iterations: 12, shape: [3], velocity: Float32Array.from([0.1, 0.2, Number.NaN]) },
      sampler: { rng: { state: -12345, spareNormal: 0.25 }, epoch: 2, position: 4 },
      last: { 'train/loss': 0.5, 'test/loss': Number.POSITIVE_INFINITY, odd: Number.NaN },
    };
    expect(decodeCheckpoint(encodeCheckpoint(checkpoint))).toEqual(checkpoint);
  });

  it('refuse a cut-short file with a message that says so', () => {
    const bytes = encodeCheckpoint({
      step: 1,
      epoch: 1,
      theta: new Float32Array(4),
      state: new Float32Array(0),
      optimizer: { kind: 'adam', iterations: 1, shape: [4], m: new Float32Array(4), v: new Float32Array(4) },
      sampler: { rng: { state: 1 }, epoch: 1, position: 1 },
      last: {},
    });
    expect(() => decodeCheckpoint(bytes.subarray(0, bytes.length - 4))).toThrow(/decodeCheckpoint: it has \d+ bytes, its header describes \d+.*cut short/);
    expect(() => decodeCheckpoint(new Uint8Array(20))).toThrow(/does not start with 'SADDLECK'/);
  });
});
