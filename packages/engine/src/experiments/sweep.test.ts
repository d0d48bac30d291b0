import { describe, expect, it } from 'vitest';
import { zoo } from '../models/zoo.js';
import { getPreset } from './catalogue.js';
import { checkDataOption } from './common.js';
import { ensembleGroups } from './run-local.js';
import { expandSweep, rangePoints, sweepFigures, sweepPoints, SweepError, validateSweep } from './sweep.js';
import type { RunArtifacts } from './types.js';

const base = { model: zoo['mlp-shallow']!.spec, epochs: 2, seed: 7 };

function sweepErrorOf(run: () => unknown): SweepError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SweepError);
    return error as SweepError;
  }
  throw new Error('expected a SweepError');
}

describe('expandSweep', () => {
  it('expands an lr grid × 3 seeds into runs keyed by their values, the seeds of a point one group', () => {
    const runs = expandSweep(base, { method: 'GRID', parameters: { 'optimizer.lr': { values: [1e-4, 1e-3, 1e-2] } }, seeds: 3 });
    expect(runs.map((run) => run.key)).toEqual([
      'optimizer.lr=0.0001',
      'optimizer.lr=0.0001/seed1',
      'optimizer.lr=0.0001/seed2',
      'optimizer.lr=0.001',
      'optimizer.lr=0.001/seed1',
      'optimizer.lr=0.001/seed2',
      'optimizer.lr=0.01',
      'optimizer.lr=0.01/seed1',
      'optimizer.lr=0.01/seed2',
    ]);
    expect(runs.map((run) => run.group)).toEqual(['optimizer.lr=0.0001', 'optimizer.lr=0.0001', 'optimizer.lr=0.0001', 'optimizer.lr=0.001', 'optimizer.lr=0.001', 'optimizer.lr=0.001', 'optimizer.lr=0.01', 'optimizer.lr=0.01', 'optimizer.lr=0.01']);
    expect(runs.map((run) => [run.spec.optimizer.lr, run.spec.seed])).toEqual([
      [1e-4, 7], [1e-4, 8], [1e-4, 9], [1e-3, 7], [1e-3, 8], [1e-3, 9], [1e-2, 7], [1e-2, 8], [1e-2, 9],
    ]);
    // The config is the effective spec, flattened: what trains, not what was asked.
    expect(runs[4]!.config).toMatchObject({ 'optimizer.lr': 1e-3, 'optimizer.kind': 'adam', seed: 8, epochs: 2, batchSize: 128, 'model.name': 'mlp-shallow', 'data.kind': 'function', 'data.fn': 'sinc5' });
    // Seeds and learning rates of a small MLP differ only where an ensemble allows: one batched computation.
    expect(ensembleGroups(runs).map((group) => group.map((run) => run.key))).toEqual([runs.map((run) => run.key)]);
    // A batch-size sweep changes the tensors' shapes: one ensemble per batch size.
    const batches = expandSweep(base, { method: 'GRID', parameters: { batchSize: { values: [16, 32] } }, seeds: 2 });
    expect(ensembleGroups(batches).map((group) => group.map((run) => run.key))).toEqual([
      ['batchSize=16', 'batchSize=16/seed1'],
      ['batchSize=32', 'batchSize=32/seed1'],
    ]);
  });

  it('takes every combination of a log range, a list of zoo models and an optimizer kind', () => {
    const runs = expandSweep(base, {
      method: 'grid',
      parameters: { 'optimizer.lr': { min: 1e-4, max: 1e-1, log: true, count: 4 }, model: { values: ['mlp-shallow', 'mlp-deep'] }, 'optimizer.kind': { values: ['sgd', 'adam'] } },
    });
    expect(runs).toHaveLength(16);
    const run = runs.find((r) => r.key === 'optimizer.lr=0.01,model=mlp-deep,optimizer.kind=sgd')!;
    expect(run.spec.model.name).toBe('mlp-deep');
    expect(run.spec.optimizer).toEqual({ kind: 'sgd', lr: 0.01, momentum: 0.9 });
  });

  it('draws a RANDOM sweep from the seed: the same points every time, inside the ranges, log-uniform where asked', () => {
    const sweep = { method: 'RANDOM', samples: 20, seed: 3, parameters: { 'optimizer.lr': { min: 1e-5, max: 1e-1, log: true }, batchSize: { min: 16, max: 256, integer: true } } };
    const points = sweepPoints(validateSweep(sweep));
    expect(points).toEqual(sweepPoints(validateSweep(sweep)));
    expect(points).not.toEqual(sweepPoints(validateSweep({ ...sweep, seed: 4 })));
    for (const point of points) {
      expect(point['optimizer.lr']).toBeGreaterThanOrEqual(1e-5);
      expect(point['optimizer.lr']).toBeLessThanOrEqual(1e-1);
      expect(Number.isInteger(point.batchSize)).toBe(true);
    }
    // Log-uniform: about as many draws below 1e-3 (the middle decade) as above.
    const below = points.filter((p) => (p['optimizer.lr'] as number) < 1e-3).length;
    expect(below).toBeGreaterThan(4);
    expect(below).toBeLessThan(16);
    expect(expandSweep(base, sweep)).toHaveLength(20);
  });

  it('spaces ranges evenly, in log10 when asked, with exact ends', () => {
    expect(rangePoints({ min: 1e-4, max: 1e-1, log: true, count: 4 })).toEqual([1e-4, 1e-3, 1e-2, 1e-1]);
    expect(rangePoints({ min: 0, max: 1, count: 5 })).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(rangePoints({ min: 16, max: 256, log: true, count: 5, integer: true })).toEqual([16, 32, 64, 128, 256]);
  });

  it('names the field of every mistake', () => {
    const cases: [unknown, string, RegExp][] = [
      [{ method: 'BAYES', parameters: { epochs: { values: [1] } } }, 'method', /GRID or RANDOM/],
      [{ method: 'GRID', parameters: {} }, 'parameters', /at least one spec path/],
      [{ method: 'GRID', parameters: { 'optimizer.lr': { min: 1, max: 0.1 } } }, 'parameters.optimizer.lr.max', /greater than min/],
      [{ method: 'GRID', parameters: { 'optimizer.lr': { min: 0, max: 0.1, log: true } } }, 'parameters.optimizer.lr.min', /positive for a log range/],
      [{ method: 'GRID', parameters: { 'optimizer.lr': { values: [] } } }, 'parameters.optimizer.lr.values', /non-empty list/],
      [{ method: 'GRID', parameters: { 'optimizer.lr': { values: [1e-3, 1e-3] } } }, 'parameters.optimizer.lr.values', /twice/],
      [{ method: 'GRID', parameters: { 'optimizer.lr': { values: [1e-3], min: 0 } } }, 'parameters.optimizer.lr', /not both/],
      [{ method: 'GRID', parameters: { seed: { values: [1, 2] } }, seeds: 3 }, 'parameters.seed', /use one of the two/],
      [{ method: 'GRID', parameters: { epochs: { values: [1] } }, seeds: 0 }, 'seeds', /integer from 1/],
      [{ method: 'GRID', parameters: { optimiser: { values: [1] } } }, 'parameters.optimiser', /unknown override 'optimiser'/],
      [{ method: 'GRID', parameters: { 'optimizer.lr': { values: [-1] } } }, 'parameters.optimizer.lr', /at 'optimizer.lr': must be a positive learning rate/],
      [{ method: 'GRID', parameters: { model: { values: ['mlp-huge'] } } }, 'parameters.model', /must name a zoo model/],
      [{ method: 'GRID', parameters: { epochs: { values: Array.from({ length: 400 }, (_, i) => i + 1) } }, seeds: 3 }, 'parameters', /1200 runs; at most 1000/],
    ];
    for (const [sweep, path, message] of cases) {
      const error = sweepErrorOf(() => expandSweep(base, sweep));
      expect(error.path.join('.'), JSON.stringify(sweep)).toBe(path);
      expect(error.message).toMatch(message);
    }
  });
});

describe('sweepFigures', () => {
  const artifact = (lr: number, seed: number, loss: number, status: 'SUCCEEDED' | 'DIVERGED' = 'SUCCEEDED'): RunArtifacts => ({
    key: `optimizer.lr=${lr}/seed${seed}`,
    group: `optimizer.lr=${lr}`,
    config: { 'optimizer.lr': lr, seed },
    spec: expandSweep(base, { method: 'GRID', parameters: { 'optimizer.lr': { values: [lr] } } })[0]!.spec,
    end: { status, steps: 10, epochs: 2, theta: new Float32Array(0), state: new Float32Array(0), final: { 'train/loss': loss, 'test/loss': loss * 2 }, durationMs: 1 },
    snapshots: [],
  });

  it('draws each final metric against each swept parameter: mean ± std over seeds, a log axis for a learning rate', () => {
    const sweep = { method: 'GRID', parameters: { 'optimizer.lr': { values: [1e-4, 1e-3, 1e-2] } }, seeds: 2 };
    const runs = [artifact(1e-3, 0, 0.2), artifact(1e-3, 1, 0.4), artifact(1e-4, 0, 1), artifact(1e-4, 1, 3), artifact(1e-2, 0, 5, 'DIVERGED'), artifact(1e-2, 1, 0.01)];
    const figures = sweepFigures(runs, sweep);
    expect(figures.map((figure) => figure.id)).toEqual(['sweep-test-loss-vs-optimizer.lr', 'sweep-train-loss-vs-optimizer.lr']);
    const train = figures[1]!;
    expect(train.title).toBe('Final train/loss vs optimizer.lr (mean ± std over 2 seeds; 1 run that did not succeed left out)');
    if (train.data.kind !== 'lines') throw new Error('expected lines');
    expect(train.data.x).toEqual({ label: 'optimizer.lr', scale: 'log' });
    expect(train.data.y).toEqual({ label: 'final train/loss', scale: 'log' });
    expect(train.data.series).toHaveLength(1);
    const [p4, p3, p2] = train.data.series[0]!.points;
    expect(p4).toEqual({ x: 1e-4, y: 2, error: Math.SQRT2 });
    expect(p3!.x).toBe(1e-3);
    expect(p3!.y).toBeCloseTo(0.3, 12);
    expect(p3!.error).toBeCloseTo(Math.sqrt(0.02), 12);
    // One seed left: its value, no error bar.
    expect(p2).toEqual({ x: 1e-2, y: 0.01 });
  });

  it('draws one series per value of the other parameters, and names non-numeric values on the axis', () => {
    const sweep = { method: 'GRID', parameters: { 'optimizer.kind': { values: ['sgd', 'adam'] }, batchSize: { values: [32, 64] } } };
    const run = (kind: string, batchSize: number, loss: number): RunArtifacts => ({ ...artifact(1e-3, 0, loss), config: { 'optimizer.kind': kind, batchSize } });
    const figures = sweepFigures([run('sgd', 32, 1), run('adam', 32, 2), run('sgd', 64, 3), run('adam', 64, 4)], sweep);
    const byKind = figures.find((figure) => figure.id === 'sweep-train-loss-vs-optimizer.kind')!;
    if (byKind.data.kind !== 'lines') throw new Error('expected lines');
    expect(byKind.data.x.label).toBe('optimizer.kind (0 = sgd, 1 = adam)');
    expect(byKind.data.series.map((s) => [s.label, s.points.map((p) => [p.x, p.y])])).toEqual([
      ['batchSize=32', [[0, 1], [1, 2]]],
      ['batchSize=64', [[0, 3], [1, 4]]],
    ]);
  });
});

describe('effective config of preset runs', () => {
  it('says what a run trains: --set model=mlp-shallow relabels the deep run and its model.name follows', () => {
    const runs = getPreset('fit-function').runs({ scale: 'quick', overrides: { models: 'mlp-deep', targets: 'sinc5', model: 'mlp-shallow', 'optimizer.lr': 0.02 } });
    expect(runs).toHaveLength(1);
    expect(runs[0]!.spec.model.name).toBe('mlp-shallow');
    expect(runs[0]!.config).toMatchObject({ model: 'mlp-shallow', 'model.name': 'mlp-shallow', 'optimizer.lr': 0.02, target: 'sinc5', batchSize: 100 });
  });
});

describe('checkDataOption', () => {
  it('refuses --data cifar10 on a function preset and accepts it where the runs classify images', () => {
    const fit = getPreset('fit-function').runs({ scale: 'quick' });
    expect(() => checkDataOption('fit-function', 'cifar10', fit)).toThrow(/preset 'fit-function' trains on function data, so data 'cifar10' does not apply/);
    expect(() => checkDataOption('fit-function', undefined, fit)).not.toThrow();
    const cnn = getPreset('train-cnn').runs({ scale: 'quick', data: 'cifar10' });
    expect(() => checkDataOption('train-cnn', 'cifar10', cnn)).not.toThrow();
  });
});
