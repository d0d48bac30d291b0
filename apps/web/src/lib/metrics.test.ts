import { describe, expect, it } from 'vitest';
import { addBatch, mergePoints, xOf, type MetricDatum } from './metrics';

const p = (step: number, value: number | null = step): MetricDatum => ({ step, value, wallTime: 1000 + step * 10, epoch: step / 10 });

describe('mergePoints', () => {
  it('appends points that come after the last one', () => {
    expect(mergePoints([p(0), p(1)], [p(2), p(3)]).map((d) => d.step)).toEqual([0, 1, 2, 3]);
  });

  it('is idempotent per step: a resent batch changes nothing, a new value replaces the old', () => {
    const once = mergePoints([p(0), p(1)], [p(1, 5), p(2)]);
    expect(once.map((d) => [d.step, d.value])).toEqual([
      [0, 0],
      [1, 5],
      [2, 2],
    ]);
    expect(mergePoints(once, [p(1, 5), p(2)])).toEqual(once);
  });

  it('sorts out-of-order batches', () => {
    expect(mergePoints([p(5)], [p(7), p(1), p(6)]).map((d) => d.step)).toEqual([1, 5, 6, 7]);
  });
});

describe('addBatch', () => {
  it('routes keyed points to their series', () => {
    const series = addBatch({ 'train/loss': [p(0)] }, [
      { key: 'train/loss', ...p(1) },
      { key: 'grad_norm', ...p(1) },
    ]);
    expect(Object.keys(series).sort()).toEqual(['grad_norm', 'train/loss']);
    expect(series['train/loss']).toHaveLength(2);
  });
});

describe('xOf', () => {
  it('measures wall time in seconds from the series start', () => {
    expect(xOf('wall', 1000)(p(30))).toBe(0.3);
    expect(xOf('epoch', 0)(p(30))).toBe(3);
    expect(Number.isNaN(xOf('epoch', 0)({ ...p(1), epoch: null }))).toBe(true);
  });
});
