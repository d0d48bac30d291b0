import { describe, expect, it } from 'vitest';
import { etaSeconds } from './eta.js';

describe('etaSeconds', () => {
  const now = 1_000_000;
  it('is the time spent × what is left / what is done', () => {
    expect(etaSeconds(0.25, now - 10_000, now)).toBeCloseTo(30); // 10 s for a quarter: 30 s for the rest
    expect(etaSeconds(0.5, now - 90_000, now)).toBeCloseTo(90);
    expect(etaSeconds(0.9, now - 9_000, now)).toBeCloseTo(1);
  });
  it('is unknown before the start, before any progress and at the end', () => {
    expect(etaSeconds(0.5, null, now)).toBeUndefined();
    expect(etaSeconds(0.5, undefined, now)).toBeUndefined();
    expect(etaSeconds(0, now - 10_000, now)).toBeUndefined();
    expect(etaSeconds(1, now - 10_000, now)).toBeUndefined();
    expect(etaSeconds(Number.NaN, now - 10_000, now)).toBeUndefined();
  });
  it('never counts a start in the future (clocks of two machines) as negative time', () => {
    expect(etaSeconds(0.5, now + 5_000, now)).toBe(0);
  });
});
