import { beforeAll, describe, expect, it } from 'vitest';
import { figureData, runQuick, useEngineBackend } from '../test-utils/presets.js';

beforeAll(useEngineBackend);

describe('fit-function (quick, end to end)', () => {
  // HW1 claims deep beats shallow here; measured, that depends on the seed (see FIT_SEED), so the
  // test asserts what holds for every seed we tried: both 573-param nets fit the curve closely.
  it('both 573-param MLPs fit sin(5x)/(5x) far better than a constant, and the figure shows them', async () => {
    const { runs, figures } = await runQuick('fit-function', { models: 'mlp-shallow,mlp-deep', targets: 'sinc5' });
    const loss = (key: string) => runs.find((r) => r.key === key)!.end.final['train/loss']!;
    console.log(`final train loss: shallow ${loss('mlp-shallow/sinc5')}, deep ${loss('mlp-deep/sinc5')}`);
    // The best constant's loss is the target's variance on [−1, 1], ≈ 0.199.
    expect(loss('mlp-shallow/sinc5')).toBeLessThan(1e-3);
    expect(loss('mlp-deep/sinc5')).toBeLessThan(1e-3);

    const prediction = figureData(figures, 'prediction-sinc5', 'lines');
    expect(prediction.series.map((s) => s.label)).toEqual(['ground truth', 'mlp-shallow', 'mlp-deep']);
    expect(prediction.series.every((s) => s.points.length === 201)).toBe(true);
    expect(prediction.series[0]!.points[100]).toEqual({ x: 0, y: 1 });
    // The deep model's curve is within a few hundredths of the target everywhere.
    const truth = prediction.series[0]!.points;
    const deep = prediction.series[2]!.points;
    expect(Math.max(...deep.map((p, i) => Math.abs(p.y - truth[i]!.y)))).toBeLessThan(0.05);

    const curve = figureData(figures, 'loss', 'lines');
    expect(curve.series.map((s) => s.runKey)).toEqual(['mlp-shallow/sinc5', 'mlp-deep/sinc5']);
    expect(curve.series.every((s) => s.points.length === 21 && s.points[0]!.x === 0 && s.points.at(-1)!.x === 100)).toBe(true);
  });
});
