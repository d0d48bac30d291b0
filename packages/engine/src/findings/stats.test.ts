import { describe, expect, it } from 'vitest';
import { formatNumber, mean, median, pearson, ranks, spearman, standardDeviation, standardError } from './stats.js';

describe('finding statistics', () => {
  it('mean, median, standard deviation and error of a hand-checked sample', () => {
    const sample = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(sample)).toBe(5);
    expect(median(sample)).toBe(4.5);
    expect(median([3, 1, 2])).toBe(2);
    // Σ(x − 5)² = 32, n − 1 = 7.
    expect(standardDeviation(sample)).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(standardError(sample)).toBeCloseTo(Math.sqrt(32 / 7) / Math.sqrt(8), 12);
    expect(standardDeviation([1])).toBeNaN();
    expect(mean([])).toBeNaN();
  });

  it('ranks give ties their mean rank; Spearman is ±1 for monotone data and Pearson on ranks otherwise', () => {
    expect(ranks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [9, 4, 1, 0])).toBeCloseTo(-1, 12);
    // d = ranks differ by (0, 0, 1, -1): ρ = 1 − 6·Σd²/(n(n²−1)) = 1 − 12/60 = 0.8.
    expect(spearman([1, 2, 3, 4], [1, 2, 4, 3])).toBeCloseTo(0.8, 12);
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 1, 1], [2, 4, 6])).toBeNaN();
  });

  it('formats numbers for sentences', () => {
    expect(formatNumber(1.23456)).toBe('1.23');
    expect(formatNumber(0.000123)).toBe('1.23e-4');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(1234.5)).toBe('1230');
  });
});
