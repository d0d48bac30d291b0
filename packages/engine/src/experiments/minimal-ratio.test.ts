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
      expect((point.meta!.positive as number) + (point.meta!.negative as number) + (point.meta!.nearZero as number)).toBe(141);
      expect(point.y).toBeCloseTo((point.meta!.positive as number) / 141, 12);
    }
    // Trained for 400 steps, the walk on ‖∇L‖² reaches 1e-3 within its 200 steps.
    expect(scatter.points.some((p) => p.meta!.converged === true)).toBe(true);
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
