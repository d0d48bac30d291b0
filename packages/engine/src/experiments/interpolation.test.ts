import { beforeAll, describe, expect, it } from 'vitest';
import { figureData, runQuick, useEngineBackend } from '../test-utils/presets.js';

beforeAll(useEngineBackend);

describe('interpolation (quick, end to end)', () => {
  it('draws train/test loss and accuracy along θ(α); α = 0 and 1 are the two models themselves', async () => {
    const { runs, figures } = await runQuick('interpolation', {
      'data.trainSize': 300,
      'data.testSize': 200,
      epochs: 2,
      alphas: 7,
      evalSize: 0,
    });
    expect(runs.map((r) => r.key)).toEqual(['bs64', 'bs1024']);
    const loss = figureData(figures, 'loss-vs-alpha', 'lines');
    const accuracy = figureData(figures, 'accuracy-vs-alpha', 'lines');
    expect(loss.y.scale).toBe('log');
    expect(loss.series.map((s) => s.label)).toEqual(['train', 'test']);
    expect(loss.series[0]!.points.map((p) => p.x)).toEqual([-1, -0.5, 0, 0.5, 1, 1.5, 2]);
    for (const [figure, metric] of [
      [loss, 'loss'],
      [accuracy, 'accuracy'],
    ] as const) {
      for (const series of figure.series) {
        const at = (alpha: number) => series.points.find((p) => p.x === alpha)!.y;
        // The ends reproduce each model's own final numbers (same data, inference mode, own BN stats).
        expect(at(0)).toBeCloseTo(runs[0]!.end.final[`${series.label}/${metric}`]!, 4);
        expect(at(1)).toBeCloseTo(runs[1]!.end.final[`${series.label}/${metric}`]!, 4);
      }
    }
    // Far outside the segment the loss is worse than at either solution.
    const train = loss.series[0]!.points;
    expect(train[0]!.y).toBeGreaterThan(Math.max(train[2]!.y, train[4]!.y));
  });
});
