import { describe, expect, it } from 'vitest';
import { ema } from './ema';

describe('ema', () => {
  it('is the identity at weight 0', () => {
    expect(ema([3, 1, 4], 0)).toEqual([3, 1, 4]);
  });

  it('debiases: a constant series stays constant', () => {
    for (const v of ema([5, 5, 5, 5, 5], 0.9)) expect(v).toBeCloseTo(5, 12);
  });

  it('matches the closed form for a step 0,…,0,1', () => {
    // s_t = w s_{t-1} + (1-w) x_t, debiased by 1 - w^t. With x = [0, 1] and w = 0.5:
    // s1 = 0 → 0 / 0.5 = 0; s2 = 0.5·0 + 0.5·1 = 0.5 → 0.5 / 0.75 = 2/3.
    const [a, b] = ema([0, 1], 0.5);
    expect(a).toBe(0);
    expect(b).toBeCloseTo(2 / 3, 12);
  });

  it('passes non-finite values through without poisoning later points', () => {
    const out = ema([1, Number.NaN, 1], 0.5);
    expect(Number.isNaN(out[1])).toBe(true);
    expect(out[2]).toBeCloseTo(1, 12);
  });

  it('rejects weights outside [0, 1)', () => {
    expect(() => ema([1], 1)).toThrow(/ema: weight must be in \[0, 1\)/);
  });
});
