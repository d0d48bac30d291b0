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

describe('nearestIndex', () => {
  it('finds the closest x', () => {
    const data = [0, 1, 4, 9, 16].map((x) => ({ x }));
    expect(nearestIndex(data, (d) => d.x, 5.9)).toBe(2);
    expect(nearestIndex(data, (d) => d.x, 7)).toBe(3);
    expect(nearestIndex(data, (d) => d.x, -3)).toBe(0);
    expect(nearestIndex(data, (d) => d.x, 99)).toBe(4);
  });
});
