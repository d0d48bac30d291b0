import { describe, expect, it } from 'vitest';
import { bucketize, meanBand, nearestIndex, type SeriesPoint } from './series';

describe('bucketize', () => {
  it('keeps a one-step spike in the max envelope', () => {
    const points: SeriesPoint[] = Array.from({ length: 10_000 }, (_, i) => ({ x: i, y: 1 }));
    points[7_321] = { x: 7_321, y: 500 };
    const reduced = bucketize(points, 100);
    expect(reduced).toHaveLength(100);
    expect(Math.max(...reduced.map((p) => p.max ?? p.y))).toBe(500);
    expect(reduced.filter((p) => p.max === 500)).toHaveLength(1);
    expect(reduced.every((p) => p.min === 1)).toBe(true);
  });

  it('combines envelopes of points that are already buckets', () => {
    const reduced = bucketize(
      [
        { x: 0, y: 2, min: 1, max: 3 },
        { x: 2, y: 5, min: 0, max: 9 },
      ],
      1,
    );
    expect(reduced).toEqual([{ x: 1, y: 5, min: 0, max: 9 }]);
  });

  it('keeps a bucket’s first non-finite marker, and leaves NaN out of its envelope', () => {
    const points: SeriesPoint[] = Array.from({ length: 100 }, (_, i) => ({ x: i, y: 1 + (i % 3) }));
    points[42] = { x: 42, y: Number.NaN, nonFinite: 'Infinity' };
    points[45] = { x: 45, y: Number.NaN, nonFinite: 'NaN' };
    const reduced = bucketize(points, 10);
    expect(reduced.map((p) => p.nonFinite)).toEqual([undefined, undefined, undefined, undefined, 'Infinity', undefined, undefined, undefined, undefined, undefined]);
    expect(reduced[4]).toMatchObject({ min: 1, max: 3 });
  });

  it('returns short series unchanged', () => {
    expect(bucketize([{ x: 0, y: 1 }], 10)).toEqual([{ x: 0, y: 1 }]);
  });
});

describe('meanBand', () => {
  it('computes mean ± population std across runs at each x', () => {
    const band = meanBand(
      [
        { id: 'a', label: 'a', data: [{ x: 0, y: 1 }, { x: 1, y: 2 }] },
        { id: 'b', label: 'b', data: [{ x: 0, y: 3 }, { x: 1, y: 2 }, { x: 2, y: 7 }] },
      ],
      (d) => d.x,
      (d) => d.y,
    );
    expect(band).toEqual([
      { x: 0, mean: 2, lower: 1, upper: 3, n: 2 },
      { x: 1, mean: 2, lower: 2, upper: 2, n: 2 },
      { x: 2, mean: 7, lower: 7, upper: 7, n: 1 },
    ]);
  });
});

describe('meanBand across x values that do not line up', () => {
  it('interpolates each run at the others’ x values: no sawtooth of partial means', () => {
    // two runs on the same straight line y = x, logged at interleaved x values
    const band = meanBand(
      [
        { id: 'a', label: 'a', data: [0, 2, 4, 6].map((x) => ({ x, y: x })) },
        { id: 'b', label: 'b', data: [1, 3, 5].map((x) => ({ x, y: x + 10 })) },
      ],
      (d) => d.x,
      (d) => d.y,
    );
    // inside both ranges (1…5) every x averages both runs: the mean is the straight line x + 5
    const inner = band.filter((b) => b.x >= 1 && b.x <= 5);
    expect(inner.map((b) => b.x)).toEqual([1, 2, 3, 4, 5]);
    for (const b of inner) {
      expect(b.n).toBe(2);
      expect(b.mean).toBeCloseTo(b.x + 5, 12);
      expect(b.upper - b.lower).toBeCloseTo(10, 12);
    }
    // outside b's range only a contributes
    expect(band[0]).toEqual({ x: 0, mean: 0, lower: 0, upper: 0, n: 1 });
    expect(band.at(-1)).toEqual({ x: 6, mean: 6, lower: 6, upper: 6, n: 1 });
  });

  it('on a log axis averages log values: the band stays above 0 and spans the mean', () => {
    const band = meanBand(
      [
        { id: 'a', label: 'a', data: [{ x: 0, y: 1 }, { x: 1, y: 1e-4 }] },
        { id: 'b', label: 'b', data: [{ x: 0, y: 1 }, { x: 1, y: 1 }] },
      ],
      (d) => d.x,
      (d) => d.y,
      { log: true },
    );
    const end = band.at(-1);
    // the arithmetic band at x = 1 would be 0.50005 ± 0.49995: lower 1e-4 only by luck, and below 0 for wider spreads
    expect(end?.mean).toBeCloseTo(1e-2, 12);
    expect(end?.lower).toBeCloseTo(1e-4, 12);
    expect(end?.upper).toBeCloseTo(1, 12);
    expect(band.every((b) => b.lower > 0 && b.lower <= b.mean && b.mean <= b.upper)).toBe(true);
  });
});

describe('nearestIndex', () => {
  it('finds the closest x', () => {
    const data = [0, 1, 4, 9, 16].map((x) => ({ x }));
    expect(nearestIndex(data, (d) => d.x, 5.9)).toBe(2);
    expect(nearestIndex(data, (d) => d.x, 7)).toBe(3);
    expect(nearestIndex(data, (d) => d.x, -3)).toBe(0);
    expect(nearestIndex(data, (d) => d.x, 99)).toBe(4);
  });
});
