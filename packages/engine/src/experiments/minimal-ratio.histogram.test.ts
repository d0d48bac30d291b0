import { describe, expect, it } from 'vitest';
import { histogram, symlogHistogram } from './minimal-ratio.js';
import { SYMLOG_RELATIVE_CONSTANT } from './types.js';

describe('symlogHistogram (the Hessian spectrum on a symmetric-log axis)', () => {
  // A spectrum's shape: two positive outliers, a bulk near 0 with small negative eigenvalues.
  const values = [-0.02, -0.01, -0.001, 0, 0.001, 0.002, 0.05, 5, 10];

  it('separates the negative eigenvalues from the bulk, where equal linear bins put them all in one bar', () => {
    const linear = histogram(values, 30);
    const bin = (bins: { x0: number; x1: number }[], v: number) => bins.findIndex((b, i) => v >= b.x0 && (v < b.x1 || i === bins.length - 1));
    expect(bin(linear, -0.02)).toBe(bin(linear, 0.002));
    const bins = symlogHistogram(values, 30);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(values.length);
    expect(bins[0]!.x0).toBe(-0.02);
    expect(bins.at(-1)!.x1).toBe(10);
    for (const v of [-0.02, -0.01, -0.001]) expect(bins[bin(bins, v)]!.x1).toBeLessThanOrEqual(0);
    expect(new Set([-0.02, -0.01, -0.001, 0.001, 5, 10].map((v) => bin(bins, v))).size).toBe(6);
  });

  it('has bins of one width in symlog space, c = SYMLOG_RELATIVE_CONSTANT × max |v|', () => {
    const c = SYMLOG_RELATIVE_CONSTANT * 10;
    const forward = (v: number) => Math.sign(v) * Math.log10(1 + Math.abs(v) / c);
    const widths = symlogHistogram(values, 12).map((b) => forward(b.x1) - forward(b.x0));
    for (const w of widths) expect(w).toBeCloseTo(widths[0]!, 9);
  });

  it('gives one bin for equal values and none for none', () => {
    expect(symlogHistogram([2, 2, 2], 10)).toEqual([{ x0: 2, x1: 2, count: 3 }]);
    expect(symlogHistogram([], 10)).toEqual([]);
  });
});
