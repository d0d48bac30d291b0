import { describe, expect, it } from 'vitest';
import { extentOf, extentOfEach, formatNumber, formatTicks, isPlottable, makeScale, symlogTicks, tickValues } from './scales';

describe('extentOfEach', () => {
  it('equals extentOf of the same values, gaps, non-plottable values and degenerate sets included', () => {
    const cases: number[][] = [[], [Number.NaN], [0, -1], [3], [3, 3], [0, -1, 1e-6, 100, Number.NaN, Number.POSITIVE_INFINITY], [-5, 2, 7, -Infinity, 0.5]];
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 4 - 1;
    cases.push(Array.from({ length: 500 }, random));
    for (const values of cases) {
      for (const kind of ['linear', 'log'] as const) {
        expect(extentOfEach(kind, (add) => values.forEach(add)), `${kind} ${values.slice(0, 6).join(',')}`).toEqual(extentOf(values, kind));
      }
    }
  });
});

describe('extentOf', () => {
  it('ignores values a log axis cannot show', () => {
    expect(extentOf([0, -1, 1e-6, 100, Number.NaN], 'log')).toEqual([1e-6, 100]);
    expect(extentOf([0, -1, 100], 'linear')).toEqual([-1, 100]);
  });

  it('widens degenerate ranges', () => {
    expect(extentOf([3, 3], 'linear')).toEqual([2.7, 3.3]);
    expect(extentOf([4], 'log')).toEqual([2, 8]);
    expect(extentOf([], 'log')).toEqual([1, 10]);
  });
});

describe('makeScale', () => {
  it('maps decades evenly on a log axis over eight orders of magnitude', () => {
    const scale = makeScale('log', [1e-6, 1e2], [0, 800]);
    expect(scale(1e-6)).toBeCloseTo(0, 6);
    expect(scale(1e-2)).toBeCloseTo(400, 6);
    expect(scale(1e2)).toBeCloseTo(800, 6);
    expect(tickValues(scale, 'log', 5)).toEqual([1e-6, 1e-4, 1e-2, 1, 100]);
  });
});

describe('tickValues', () => {
  it('uses 1-2-5 steps on a log axis narrower than three decades', () => {
    const scale = makeScale('log', [0.07, 2.5], [0, 300]);
    expect(tickValues(scale, 'log', 8)).toEqual([0.1, 0.2, 0.5, 1, 2]);
  });

  it('uses integer multiples on a log axis spanning less than a decade', () => {
    const scale = makeScale('log', [0.57, 2.2], [0, 300]);
    expect(tickValues(scale, 'log', 8)).toEqual([0.6, 0.7, 0.8, 0.9, 1, 2]);
  });
});

describe('formatNumber', () => {
  it('is compact at every magnitude', () => {
    expect(formatNumber(0.00123)).toBe('1.23e-3');
    expect(formatNumber(12345)).toBe('12.3k');
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('formatTicks', () => {
  it('keeps neighbouring ticks of a narrow range distinct', () => {
    const labels = formatTicks([0.199, 0.1995, 0.2, 0.2005, 0.201]);
    expect(new Set(labels).size).toBe(5);
    expect(labels).toEqual(['0.199', '0.1995', '0.2', '0.2005', '0.201']);
  });

  it('stays short for ordinary ranges', () => {
    expect(formatTicks([0, 0.2, 0.4])).toEqual(['0', '0.2', '0.4']);
    expect(formatTicks([0, 5000, 10000, 15000])).toEqual(['0', '5000', '10k', '15k']);
  });
});

describe('symlog axes (values of both signs spanning decades: a Hessian spectrum)', () => {
  it('places negative values, zero and positive decades in order, and keeps every finite value', () => {
    const scale = makeScale('symlog', [-0.02, 10], [0, 400], false);
    const at = (v: number) => scale(v) ?? Number.NaN;
    expect(at(-0.02)).toBeCloseTo(0, 6);
    expect(at(10)).toBeCloseTo(400, 6);
    expect(at(-0.01)).toBeLessThan(at(0));
    expect(at(0)).toBeLessThan(at(0.001));
    // the small negatives get real room: linear, -0.02…0 would be 0.8 px of 400
    expect(at(0) - at(-0.02)).toBeGreaterThan(60);
    expect(isPlottable(-3, 'symlog')).toBe(true);
    expect(isPlottable(Number.NaN, 'symlog')).toBe(false);
  });

  it('ticks at 0 and ± decades down to its linear zone', () => {
    const ticks = symlogTicks([-0.02, 10], 12);
    expect(ticks).toContain(0);
    expect(ticks).toContain(10);
    expect(ticks).toContain(-0.01);
    expect(ticks.filter((v) => v < 0).every((v) => v >= -0.02)).toBe(true);
    expect([...ticks].sort((a, b) => a - b)).toEqual(ticks);
    expect(tickValues(makeScale('symlog', [-0.02, 10], [0, 400], false), 'symlog', 12)).toEqual(ticks);
    expect(symlogTicks([-0.02, 10], 4).length).toBeLessThanOrEqual(5);
  });

  it('labels negatives that all lie in the linear zone by the least value, when they take a visible share', () => {
    // c = 1e-4 × 20 = 0.002: -1.7e-3 is within ±c·10, so no decade tick on that side; it takes ~6% of the axis
    const ticks = symlogTicks([-1.7e-3, 20], 10);
    expect(ticks[0]).toBeCloseTo(-1.7e-3, 12);
    expect(ticks).toContain(0);
    // a sliver of the axis gets no label (it would sit on the 0)
    expect(symlogTicks([-1e-7, 20], 10).some((v) => v < 0)).toBe(false);
  });
});
