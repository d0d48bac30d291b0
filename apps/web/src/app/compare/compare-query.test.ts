import { describe, expect, it } from 'vitest';
import { comparePoints } from './compare-query';

describe('comparePoints', () => {
  it('asks for a min and a max per pixel of the plot, in steps of 250', () => {
    // 1400 px window: a 930 px plot, 1860 points, rounded up to 2000
    expect(comparePoints(1400, 100)).toBe(2000);
    expect(comparePoints(1920, 10)).toBe(3000);
    expect(comparePoints(390, 1)).toBe(500);
  });

  it('stays within the cost limit however many runs are picked', () => {
    for (const runs of [100, 200, 500]) {
      const points = comparePoints(1920, runs);
      expect(runs * (3 + Math.ceil(points / 25))).toBeLessThanOrEqual(18_000);
    }
    expect(comparePoints(1920, 500)).toBeLessThan(comparePoints(1920, 100));
  });
});
