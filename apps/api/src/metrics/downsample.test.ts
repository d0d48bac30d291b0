import { describe, expect, it } from 'vitest';
import { downsampleMinMax } from './downsample.js';

const series = (values: number[]) => values.map((value, step) => ({ step, value }));

describe('downsampleMinMax', () => {
  it('returns short series unchanged', () => {
    const points = series([3, 1, 2]);
    expect(downsampleMinMax(points, 10)).toEqual(points);
  });

  it('keeps a one-step spike and a one-step dip that striding would drop', () => {
    const values = Array.from({ length: 10_000 }, () => 1);
    values[4321] = 50;
    values[7777] = -3;
    const out = downsampleMinMax(series(values), 100);
    expect(out.length).toBeLessThanOrEqual(100);
    expect(out.find((p) => p.step === 4321)?.value).toBe(50);
    expect(out.find((p) => p.step === 7777)?.value).toBe(-3);
    // Every-100th-point striding would have missed both.
    expect(series(values).filter((_, i) => i % 100 === 0).some((p) => p.value !== 1)).toBe(false);
  });

  it('keeps points in step order and each bucket’s true extremes', () => {
    const values = Array.from({ length: 1000 }, (_, i) => Math.sin(i / 7) * (i % 13));
    const out = downsampleMinMax(series(values), 50);
    const steps = out.map((p) => p.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    // Bucket 0 covers steps 0..39 (25 buckets of 40): its max must be the max of those values.
    const bucket = values.slice(0, 40);
    const kept = out.filter((p) => p.step < 40).map((p) => p.value);
    expect(Math.max(...kept)).toBe(Math.max(...bucket));
    expect(Math.min(...kept)).toBe(Math.min(...bucket));
  });

  it('leaves non-finite values out of a bucket’s extremes, and keeps the first point of a bucket with none finite', () => {
    const values = Array.from({ length: 500 }, (_, i) => i % 50);
    values[120] = Number.NaN; // bucket 1 (steps 100–199): its range stays 0…49
    values[130] = Number.POSITIVE_INFINITY;
    values[140] = Number.NEGATIVE_INFINITY;
    for (let i = 300; i < 400; i++) values[i] = i % 2 === 0 ? Number.NaN : Number.POSITIVE_INFINITY; // bucket 3: nothing finite
    const out = downsampleMinMax(series(values), 10);
    expect(out.filter((p) => p.step >= 100 && p.step < 200).map((p) => [p.step, p.value])).toEqual([
      [100, 0],
      [149, 49],
    ]);
    expect(out.filter((p) => p.step >= 300 && p.step < 400).map((p) => p.step)).toEqual([300]);
    expect(out.find((p) => p.step === 300)?.value).toBeNaN();
  });

  it('refuses a maxPoints below 2', () => {
    expect(() => downsampleMinMax(series([1, 2, 3]), 1)).toThrow(/maxPoints must be an integer ≥ 2, got 1/);
  });
});
