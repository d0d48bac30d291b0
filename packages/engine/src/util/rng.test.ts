import { describe, expect, it } from 'vitest';
import { Rng } from './rng.js';

describe('Rng', () => {
  it('is reproducible under a seed and differs across seeds and streams', () => {
    const a = Array.from({ length: 5 }, (() => { const r = new Rng(42); return () => r.next(); })());
    const b = Array.from({ length: 5 }, (() => { const r = new Rng(42); return () => r.next(); })());
    const c = Array.from({ length: 5 }, (() => { const r = new Rng(43); return () => r.next(); })());
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(Rng.stream(42, 1).next()).not.toBe(Rng.stream(42, 2).next());
  });

  it('uniform has mean 1/2 and variance 1/12', () => {
    const r = new Rng(1);
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      min = Math.min(min, u);
      max = Math.max(max, u);
      s += u;
      s2 += u * u;
    }
    const mean = s / n;
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // Standard error of the mean is sqrt(1/12/n) ≈ 6.5e-4; 5 of them.
    expect(Math.abs(mean - 0.5)).toBeLessThan(3.3e-3);
    expect(Math.abs(s2 / n - mean * mean - 1 / 12)).toBeLessThan(2e-3);
  });

  it('normal has mean 0, variance 1 and the right tail mass', () => {
    const r = new Rng(2);
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    let beyond2 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
      if (Math.abs(z) > 2) beyond2++;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.012);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.02);
    // P(|Z| > 2) = 0.0455.
    expect(Math.abs(beyond2 / n - 0.0455)).toBeLessThan(0.003);
  });

  it('shuffle and permutation are permutations, uniform over positions', () => {
    const r = new Rng(3);
    const counts = new Array(4).fill(0) as number[];
    for (let t = 0; t < 20_000; t++) {
      const p = r.permutation(4);
      expect([...p].sort()).toEqual([0, 1, 2, 3]);
      counts[p[0]!]!++;
    }
    for (const c of counts) expect(Math.abs(c / 20_000 - 0.25)).toBeLessThan(0.02);
    const arr = [1, 2, 3, 4, 5];
    expect(r.shuffle(arr).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('sample draws k distinct indices and rejects k > n', () => {
    const r = new Rng(4);
    const s = r.sample(100, 30);
    expect(s.length).toBe(30);
    expect(new Set(s).size).toBe(30);
    for (const i of s) expect(i >= 0 && i < 100).toBe(true);
    expect(() => r.sample(3, 4)).toThrow(/Rng.sample/);
    expect(r.int(1)).toBe(0);
  });
});
