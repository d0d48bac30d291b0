import { beforeAll, describe, expect, it } from 'vitest';
import type { TrainEvent } from '../train/events.js';
import { useEngineBackend } from '../test-utils/presets.js';
import { getPreset } from './catalogue.js';
import { runPresetLocally } from './run-local.js';

beforeAll(useEngineBackend);

describe('runPresetLocally', () => {
  it('runs every run in order, forwards each event with its run, and keeps the series for metric figures', async () => {
    const events: [string, TrainEvent['type']][] = [];
    const result = await runPresetLocally(
      getPreset('pca-trajectories'),
      { scale: 'quick', overrides: { runs: 2, epochs: 2, snapshotEvery: 1, evalEvery: 1, 'data.n': 100 } },
      { onEvent: (run, event) => events.push([run.key, event.type]) },
    );
    expect(result.runs.map((r) => r.key)).toEqual(['seed0', 'seed1']);
    expect(events[0]).toEqual(['seed0', 'summary']);
    expect(events.findIndex(([key]) => key === 'seed1')).toBe(events.findIndex(([key, type]) => key === 'seed0' && type === 'end') + 1);
    expect(events.filter(([, type]) => type === 'end')).toHaveLength(2);
    for (const run of result.runs) {
      expect(run.snapshots.map((s) => s.epoch)).toEqual([0, 1, 2]);
      expect(run.metrics!.filter((p) => p.key === 'train/loss').map((p) => p.epoch)).toEqual([0, 1, 2]);
    }
    expect(result.figures.map((f) => f.id)).toEqual(['pca', 'loss']);
    expect(result.timings.trainMs).toBeGreaterThan(0);
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
