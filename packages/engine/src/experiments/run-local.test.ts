import { beforeAll, describe, expect, it } from 'vitest';
import type { TrainEvent } from '../train/events.js';
import { useEngineBackend } from '../test-utils/presets.js';
import { getPreset } from './catalogue.js';
import { ensembleGroups, runPresetLocally } from './run-local.js';

beforeAll(useEngineBackend);

describe('runPresetLocally', () => {
  it('trains a seed sweep as one ensemble, gives every run its own events, and keeps the series for metric figures', async () => {
    const events: [string, TrainEvent['type']][] = [];
    const options = { scale: 'quick' as const, overrides: { runs: 2, epochs: 2, snapshotEvery: 1, evalEvery: 1, 'data.n': 100 } };
    const result = await runPresetLocally(getPreset('pca-trajectories'), options, { onEvent: (run, event) => events.push([run.key, event.type]) });
    expect(result.ensembles).toEqual([['seed0', 'seed1']]);
    expect(result.runs.map((r) => r.key)).toEqual(['seed0', 'seed1']);
    for (const key of ['seed0', 'seed1']) {
      const own = events.filter(([k]) => k === key).map(([, type]) => type);
      expect(own[0]).toBe('summary');
      expect(own.at(-1)).toBe('end');
      expect(own.filter((type) => type === 'end')).toHaveLength(1);
    }
    for (const run of result.runs) {
      expect(run.snapshots.map((s) => s.epoch)).toEqual([0, 1, 2]);
      expect(run.metrics!.filter((p) => p.key === 'train/loss').map((p) => p.epoch)).toEqual([0, 1, 2]);
    }
    expect(result.figures.map((f) => f.id)).toEqual(['pca', 'loss']);
    expect(result.timings.trainMs).toBeGreaterThan(0);

    // The same preset run by run through train(): one run after the other, and the same numbers.
    const alone: [string, TrainEvent['type']][] = [];
    const single = await runPresetLocally(getPreset('pca-trajectories'), options, { ensembles: false, onEvent: (run, event) => alone.push([run.key, event.type]) });
    expect(single.ensembles).toEqual([]);
    expect(alone.findIndex(([key]) => key === 'seed1')).toBe(alone.findIndex(([key, type]) => key === 'seed0' && type === 'end') + 1);
    expect(alone.map(([, type]) => type).sort()).toEqual(events.map(([, type]) => type).sort());
    result.runs.forEach((run, r) => {
      const other = single.runs[r]!;
      expect(run.metrics!.map((p) => [p.key, p.step])).toEqual(other.metrics!.map((p) => [p.key, p.step]));
      run.metrics!.forEach((p, i) => expect(Math.abs(p.value - other.metrics![i]!.value)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(p.value))));
      run.snapshots.forEach((s, i) => s.theta.forEach((v, j) => expect(Math.abs(v - other.snapshots[i]!.theta[j]!)).toBeLessThan(1e-4)));
      expect(run.end.steps).toBe(other.end.steps);
    });
  });

  it('groups only runs that differ in seed or function target, with a model it can batch', () => {
    const minimal = getPreset('minimal-ratio').runs({ scale: 'quick', overrides: { runs: 3 } });
    expect(ensembleGroups(minimal).map((g) => g.map((r) => r.key))).toEqual([['seed0', 'seed1', 'seed2']]);
    const fits = getPreset('fit-function').runs({ scale: 'quick' });
    expect(ensembleGroups(fits).map((g) => g.map((r) => r.key))).toEqual([
      ['mlp-shallow/sinc5', 'mlp-shallow/sgn-sin5pi'],
      ['mlp-middle/sinc5', 'mlp-middle/sgn-sin5pi'],
      ['mlp-deep/sinc5', 'mlp-deep/sgn-sin5pi'],
    ]);
    // CNNs are trained alone, and so are runs that differ in more than the seed.
    expect(ensembleGroups(getPreset('train-cnn').runs({ scale: 'quick' })).every((g) => g.length === 1)).toBe(true);
    expect(ensembleGroups(getPreset('gradient-norm').runs({ scale: 'quick' })).every((g) => g.length === 1)).toBe(true);
  });

  it('fails naming the run when a run fails, and stops on an aborted signal', async () => {
    const previous = process.env.SADDLE_CIFAR10_DIR;
    process.env.SADDLE_CIFAR10_DIR = '/nonexistent/cifar';
    try {
      await expect(runPresetLocally(getPreset('train-cnn'), { scale: 'quick', data: 'cifar10' })).rejects.toThrow(/train-cnn', run 'cnn-shallow' FAILED/);
    } finally {
      if (previous === undefined) delete process.env.SADDLE_CIFAR10_DIR;
      else process.env.SADDLE_CIFAR10_DIR = previous;
    }
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(runPresetLocally(getPreset('gradient-norm'), { scale: 'quick' }, { signal: controller.signal })).rejects.toThrow(/stop/);
  });
});
