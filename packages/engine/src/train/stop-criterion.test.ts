import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/index.js';
import { resolveRunSpec, type RunSpecInput } from '../config.js';
import { validateRunSpec } from '../config.validate.js';
import { zoo } from '../models/zoo.js';
import { trainEnsemble } from './ensemble.js';
import { collect } from './test-sink.js';
import { train } from './train.js';

beforeAll(async () => {
  await initBackend();
});

const sincSpec = (overrides: Partial<RunSpecInput> = {}) =>
  resolveRunSpec({
    model: zoo['mlp-shallow']!.spec,
    data: { kind: 'function', fn: 'sinc5', n: 200, sampling: 'grid' },
    optimizer: { kind: 'adam', lr: 0.01 },
    batchSize: 20,
    epochs: 60,
    seed: 3,
    evalEvery: 2,
    snapshotEvery: 1,
    ...overrides,
  });


describe('stopWhen', () => {
  it('ends training at the first evaluation that meets the criterion, with a snapshot there', async () => {
    // The uncapped run's train-loss curve tells where a criterion halfway down must stop.
    const full = collect();
    await train(sincSpec(), full.sink);
    const curve = full.series('train/loss');
    const first = curve[0]!.value;
    const last = curve[curve.length - 1]!.value;
    const atMost = Math.sqrt(first * last);
    const expected = curve.find((point) => point.value <= atMost)!;
    expect(expected.step).toBeGreaterThan(0);
    expect(expected.step).toBeLessThan(curve[curve.length - 1]!.step);

    const stopped = collect();
    const before = tf.memory().numTensors;
    const end = await train(sincSpec({ stopWhen: { metric: 'train/loss', atMost } }), stopped.sink);
    expect(tf.memory().numTensors).toBe(before);
    expect(end.status).toBe('SUCCEEDED');
    expect(end.steps).toBe(expected.step);
    expect(end.stopCriterion).toEqual({ reached: true, step: expected.step, epoch: expected.step / 10, value: expected.value });
    expect(end.final['train/loss']).toBe(expected.value);
    // The run is the same as the uncapped one up to there (same seed, same batches).
    expect(stopped.series('train/loss').map((p) => p.value)).toEqual(curve.filter((p) => p.step <= expected.step).map((p) => p.value));
    const snapshots = stopped.events.filter((e) => e.type === 'snapshot');
    expect(snapshots[snapshots.length - 1]).toMatchObject({ step: expected.step });
    const progress = stopped.events.filter((e) => e.type === 'progress');
    expect(progress[progress.length - 1]).toMatchObject({ step: expected.step });
  });

  it('a criterion never met trains to the cap and says so', async () => {
    const end = await train(sincSpec({ epochs: 4, stopWhen: { metric: 'train/loss', atMost: 1e-12 } }), () => {});
    expect(end.steps).toBe(40);
    expect(end.stopCriterion?.reached).toBe(false);
    expect(end.stopCriterion?.step).toBe(40);
  });

  it('is validated with the field named, and refused by trainEnsemble', async () => {
    const base = { model: zoo['mlp-shallow']!.spec };
    expect(() => validateRunSpec({ ...base, stopWhen: { metric: 'train/accuracy', atLeast: 0.9 } })).toThrow(/stopWhen\.metric.*only for classification/);
    expect(() => validateRunSpec({ ...base, stopWhen: { metric: 'train/loss' } })).toThrow(/stopWhen.*exactly one of atLeast/);
    expect(() => validateRunSpec({ ...base, stopWhen: { metric: 'train/loss', atMost: 0.1, atLeast: 0 } })).toThrow(/exactly one/);
    expect(() => validateRunSpec({ ...base, stopWhen: { metric: 'loss', atMost: 0.1 } })).toThrow(/stopWhen\.metric.*must be one of/);
    expect(() => validateRunSpec({ ...base, stopWhen: { metric: 'train/loss', atMost: 0.1, patience: 3 } })).toThrow(/stopWhen\.patience.*unknown field/);
    await expect(trainEnsemble([sincSpec({ stopWhen: { metric: 'train/loss', atMost: 0.1 } })], [() => {}])).rejects.toThrow(/trainEnsemble: stopWhen/);
  });
});
