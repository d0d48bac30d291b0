import { describe, expect, it } from 'vitest';
import { grid, loadFunctionDataset, targetFunction } from './functions.js';
import { loadDataset } from './load.js';

describe('target functions', () => {
  it('sinc5 is sin(5x)/(5x) with value 1 at 0', () => {
    const f = targetFunction('sinc5');
    expect(f(0)).toBe(1);
    expect(f(0.3)).toBeCloseTo(Math.sin(1.5) / 1.5, 12);
    expect(f(-0.3)).toBeCloseTo(f(0.3), 12);
    expect(f(Math.PI / 5)).toBeCloseTo(0, 12);
  });

  it('sgn(sin(5πx)) is a square wave of period 0.4, exactly 0 at multiples of 0.2', () => {
    const f = targetFunction('sgn-sin5pi');
    expect([0.1, 0.3, -0.1, 0.5, 0.7, 0.95].map(f)).toEqual([1, -1, -1, 1, -1, 1]);
    expect([0, 0.2, -0.4, 1, -1].map(f).map(Math.abs)).toEqual([0, 0, 0, 0, 0]);
  });

  it('grid covers [-1, 1] evenly; random samples are seeded; test is independent', async () => {
    expect(Array.from(grid(5))).toEqual([-1, -0.5, 0, 0.5, 1]);
    const d = loadFunctionDataset({ kind: 'function', fn: 'sinc5', n: 1000, sampling: 'grid' }, 3);
    expect(d.train.n).toBe(1000);
    expect(d.inputShape).toEqual([1]);
    expect(d.numClasses).toBe(0);
    expect(d.train.y[500]).toBeCloseTo(targetFunction('sinc5')(d.train.x[500]!), 6);
    const a = await loadDataset({ kind: 'function', fn: 'sgn-sin5pi', n: 200, sampling: 'random' }, 7);
    const b = await loadDataset({ kind: 'function', fn: 'sgn-sin5pi', n: 200, sampling: 'random' }, 7);
    const c = await loadDataset({ kind: 'function', fn: 'sgn-sin5pi', n: 200, sampling: 'random' }, 8);
    expect(Array.from(a.train.x)).toEqual(Array.from(b.train.x));
    expect(Array.from(a.train.x)).not.toEqual(Array.from(c.train.x));
    expect(Array.from(a.train.x)).not.toEqual(Array.from(a.test.x));
    expect(a.train.x.every((v) => v >= -1 && v <= 1)).toBe(true);
    const mean = a.train.x.reduce((s, v) => s + v, 0) / 200;
    expect(Math.abs(mean)).toBeLessThan(0.15);
  });
});
