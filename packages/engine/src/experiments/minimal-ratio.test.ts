import { beforeAll, describe, expect, it } from 'vitest';
import { figureData, runQuick, useEngineBackend } from '../test-utils/presets.js';
import { getPreset } from './catalogue.js';
import { runPresetLocally } from './run-local.js';

beforeAll(useEngineBackend);

describe('minimal-ratio (quick, end to end)', () => {
  it('scatters the minimal ratio against the loss, marking points that missed the gradient threshold', async () => {
    const overrides = { runs: 2, epochs: 100, 'data.n': 100, 'zeroGradient.maxSteps': 200 };
    const { runs, figures, ensembles } = await runQuick('minimal-ratio', overrides);
    // The seeds differ only in their seed: trained as one batched ensemble.
    expect(ensembles).toEqual([['seed0', 'seed1']]);
    const scatter = figureData(figures, 'ratio-vs-loss', 'scatter');
    expect(scatter.points.map((p) => p.runKey)).toEqual(['seed0', 'seed1']);
    for (const [index, point] of scatter.points.entries()) {
      const end = runs[index]!.end;
      expect(point.y).toBeGreaterThanOrEqual(0);
      expect(point.y).toBeLessThanOrEqual(1);
      expect(typeof point.meta!.converged).toBe('boolean');
      expect(point.meta!.converged).toBe(end.zeroGradient!.converged);
      expect(point.marked).toBe(!end.zeroGradient!.converged);
      // The loss at the point is the one the zero-gradient phase ended with.
      expect(point.x).toBeCloseTo(end.zeroGradient!.loss, 5);
      const { positive, negative, flat } = point.meta as { positive: number; negative: number; flat: number };
      expect(positive + negative + flat).toBe(141);
      expect(point.y).toBeCloseTo(positive / 141, 12);
      expect(point.meta!.minimalRatioAll).toBe(point.y);
      expect(point.meta!.minimalRatioNonFlat).toBeCloseTo(positive / (positive + negative), 12);
      // The whole spectrum of this run is kept, and the counts are of it under the stated tolerance.
      const spectrum = point.meta!.eigenvalues as number[];
      const tolerance = point.meta!.tolerance as number;
      expect(spectrum).toHaveLength(141);
      expect(spectrum.filter((l) => Math.abs(l) <= tolerance)).toHaveLength(flat);
      expect(tolerance).toBe(Math.max(point.meta!.toleranceNoise as number, point.meta!.toleranceGradient as number));
      // The gradient term: threshold (or ‖∇L‖ if larger) over one Adam step of the phase, lr·√n.
      expect(point.meta!.toleranceGradient).toBeCloseTo(Math.max(1e-3, point.meta!.gradNorm as number) / (1e-3 * Math.sqrt(141)), 9);
      // Dead ReLU units (of 20) each leave their weights exactly flat.
      expect(point.meta!.reluUnits).toBe(20);
      expect(flat).toBeGreaterThanOrEqual(point.meta!.deadUnits as number);
    }
    // Trained for 400 steps, the walk on ‖∇L‖² reaches 1e-3 within its 200 steps.
    expect(scatter.points.some((p) => p.meta!.converged === true)).toBe(true);
    expect(scatter.views?.map((v) => v.metaKey)).toEqual(['minimalRatioAll', 'minimalRatioNonFlat', 'minimalRatioNoiseOnly']);
    // The third view counts every eigenvalue above the float32-noise limit alone, recounted here by hand.
    for (const point of scatter.points) {
      const spectrum = point.meta!.eigenvalues as number[];
      const noise = point.meta!.toleranceNoise as number;
      const positive = spectrum.filter((v) => v > noise).length;
      const negative = spectrum.filter((v) => v < -noise).length;
      expect(point.meta!.minimalRatioNoiseOnly).toBe(positive / (positive + negative));
      expect(point.meta!.flatNoiseOnly).toBe(spectrum.length - positive - negative);
      expect(point.meta!.flatNoiseOnly as number).toBeLessThanOrEqual(point.meta!.flat as number);
    }
    const spectrum = figureData(figures, 'spectrum', 'histogram');
    expect(spectrum.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(2 * 141);

    // Run by run through train(), the preset lands on the same points.
    const alone = await runPresetLocally(getPreset('minimal-ratio'), { scale: 'quick', overrides }, { ensembles: false });
    expect(alone.ensembles).toEqual([]);
    const aloneScatter = figureData(alone.figures, 'ratio-vs-loss', 'scatter');
    scatter.points.forEach((point, i) => {
      const other = aloneScatter.points[i]!;
      expect(point.runKey).toBe(other.runKey);
      expect(point.meta!.converged).toBe(other.meta!.converged);
      expect(point.meta!.zeroGradientSteps).toBe(other.meta!.zeroGradientSteps);
      expect(Math.abs(point.x - other.x)).toBeLessThanOrEqual(1e-3 * other.x);
      expect(point.y).toBe(other.y);
    });
  });
});
