import { describe, expect, it } from 'vitest';
import { findingsOf } from './index.js';
import { stored, storedRun } from './test-helpers.js';
import type { Figure } from '../experiments/types.js';

const axis = { label: '', scale: 'linear' as const };

function ratioFigure(points: { loss: number; all: number; nonFlat: number; marked?: boolean }[]): Figure {
  return {
    id: 'ratio-vs-loss',
    title: '',
    data: {
      kind: 'scatter',
      x: axis,
      y: axis,
      // Spectrum: 3 positive above the noise tolerance 0.01, one −0.5 (negative), two tiny (flat under noise).
      points: points.map((p) => ({ x: p.loss, y: p.all, marked: p.marked ?? false, meta: { minimalRatioAll: p.all, minimalRatioNonFlat: p.nonFlat, flat: 4, eigenvalues: [2, 1, 0.5, -0.5, 0.001, -0.001], toleranceNoise: 0.01 } })),
    },
  };
}

describe('HW1 1-2 findings', () => {
  it('minimal ratio: one verdict per definition from the converged points, by the lowest-loss quarter and ρ', () => {
    // Ratio over all eigenvalues stays low (dead units: flat directions); over non-flat it is 1 at low loss.
    const points: { loss: number; all: number; nonFlat: number; marked?: boolean }[] = Array.from({ length: 8 }, (_, i) => ({ loss: 10 ** -(8 - i), all: 0.1, nonFlat: i < 4 ? 1 : 0.6 }));
    points.push({ loss: 1e-9, all: 1, nonFlat: 1, marked: true }); // not converged: left out
    const [all, nonFlat, noiseOnly] = findingsOf(stored('minimal-ratio', [], [ratioFigure(points)]));
    // From the stored spectra: 3 positive of 4 above the noise tolerance at every point.
    expect(noiseOnly).toMatchObject({ id: 'minimal-ratio/to-one-as-loss-to-zero/noise-only', verdict: 'mixed', numbers: { lowLossRatio: 0.75, highLossRatio: 0.75 } });
    expect(nonFlat!.evidence).toContain('median 4 of 6 eigenvalues flat under the derived tolerance');
    expect(all).toMatchObject({ id: 'minimal-ratio/to-one-as-loss-to-zero/all', verdict: 'does not hold', seeds: 8 });
    expect(all!.numbers.lowLossRatio).toBeCloseTo(0.1, 12);
    expect(nonFlat).toMatchObject({ verdict: 'holds' });
    expect(nonFlat!.numbers).toMatchObject({ lowLossRatio: 1, highLossRatio: 0.6 });
    expect(nonFlat!.numbers.rho).toBeLessThan(0);
    expect(findingsOf(stored('minimal-ratio', [], [ratioFigure(points.slice(0, 5))]))[1]!.verdict).toBe('undecided');
  });

  it('gradient norm: late median against the peak, per run, from the series', () => {
    const falling = Array.from({ length: 100 }, (_, step) => ({ step, value: 10 / (1 + step) }));
    const flat = Array.from({ length: 100 }, (_, step) => ({ step, value: 1 }));
    const run = (key: string, values: { step: number; value: number }[]) => storedRun(key, key, {}, {}, { series: { grad_norm: values } });
    expect(findingsOf(stored('gradient-norm', [run('sinc5', falling)]))[0]).toMatchObject({ verdict: 'holds' });
    expect(findingsOf(stored('gradient-norm', [run('sinc5', falling), run('mnist', flat)]))[0]).toMatchObject({ verdict: 'mixed', numbers: { mnist: 1 } });
    expect(findingsOf(stored('gradient-norm', [storedRun('sinc5', 'x', {})]))[0]!.verdict).toBe('undecided');
    expect(findingsOf(stored('gradient-norm', [run('mnist', flat)]))[0]!.verdict).toBe('does not hold');
  });

  it('PCA: end points apart by a tenth of the median path length', () => {
    const path = (dx: number) => ({ label: '', points: [0, 1, 2].map((i) => ({ x: i + dx * i, y: i, epoch: i })) });
    const figure = (dxs: number[]): Figure => ({ id: 'pca', title: '', data: { kind: 'paths', x: axis, y: axis, explainedVariance: [0.5, 0.3], views: [{ id: 'model', label: '', paths: dxs.map(path) }] } });
    const apart = findingsOf(stored('pca-trajectories', [], [figure([0, 1, 2])]))[0]!;
    expect(apart.verdict).toBe('holds');
    expect(apart.numbers.explainedVariance).toBeCloseTo(0.8, 12);
    expect(findingsOf(stored('pca-trajectories', [], [figure([0, 0.001, 0.002])]))[0]!.verdict).toBe('does not hold');
  });

  it('landscape: the path ends among the lowest tenth of the grid', () => {
    const xs = Array.from({ length: 11 }, (_, i) => i / 5 - 1);
    const values = xs.map((y) => xs.map((x) => x * x + y * y));
    const grid = (end: { x: number; y: number }): Figure => ({ id: 'landscape', title: '', data: { kind: 'grid', x: axis, y: axis, xs, ys: xs, values, valueLabel: 'loss', path: [{ x: 1, y: 1 }, end] } });
    expect(findingsOf(stored('loss-landscape', [], [grid({ x: 0.01, y: 0 })]))[0]).toMatchObject({ verdict: 'holds', numbers: { endLoss: 0, fractionBelow: 0 } });
    expect(findingsOf(stored('loss-landscape', [], [grid({ x: 1, y: 1 })]))[0]!.verdict).toBe('does not hold');
  });
});
