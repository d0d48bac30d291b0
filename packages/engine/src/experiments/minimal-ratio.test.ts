import { beforeAll, describe, expect, it } from 'vitest';
import { figureData, runQuick, useEngineBackend } from '../test-utils/presets.js';

beforeAll(useEngineBackend);

describe('minimal-ratio (quick, end to end)', () => {
  it('scatters the minimal ratio against the loss, marking points that missed the gradient threshold', async () => {
    const { runs, figures } = await runQuick('minimal-ratio', { runs: 2, epochs: 100, 'data.n': 100, 'zeroGradient.maxSteps': 200 });
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
  });
});
