import { beforeAll, describe, expect, it } from 'vitest';
import { figureData, runQuick, useEngineBackend } from '../test-utils/presets.js';
import { getPreset } from './catalogue.js';
import { runPresetLocally } from './run-local.js';

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

  it('trains each model on both targets as one ensemble, with the numbers of training them alone', async () => {
    const overrides = { models: 'mlp-deep', epochs: 3 };
    const { runs, ensembles } = await runQuick('fit-function', overrides);
    expect(ensembles).toEqual([['mlp-deep/sinc5', 'mlp-deep/sgn-sin5pi']]);
    const alone = await runPresetLocally(getPreset('fit-function'), { scale: 'quick', overrides }, { ensembles: false });
    expect(alone.ensembles).toEqual([]);
    runs.forEach((run, r) => {
      const other = alone.runs[r]!;
      expect(run.key).toBe(other.key);
      expect(run.metrics!.map((p) => [p.key, p.step])).toEqual(other.metrics!.map((p) => [p.key, p.step]));
      run.metrics!.forEach((p, i) => expect(Math.abs(p.value - other.metrics![i]!.value)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(p.value))));
      run.end.theta.forEach((v, i) => expect(Math.abs(v - other.end.theta[i]!)).toBeLessThan(1e-4));
    });
  });

  it('fits a target written as a formula, trained in one ensemble with a built-in one, its ground truth the closed form', async () => {
    const { runs, figures, ensembles } = await runQuick('fit-function', { models: 'mlp-shallow', targets: 'sinc5, exp(-x)*cos(2*pi*x)', epochs: 2 });
    expect(runs.map((run) => run.key)).toEqual(['mlp-shallow/sinc5', 'mlp-shallow/exp(-x)*cos(2*pi*x)']);
    expect(ensembles).toEqual([['mlp-shallow/sinc5', 'mlp-shallow/exp(-x)*cos(2*pi*x)']]);
    const prediction = figureData(figures, 'prediction-expression-1', 'lines');
    for (const point of prediction.series[0]!.points) expect(point.y).toBeCloseTo(Math.exp(-point.x) * Math.cos(2 * Math.PI * point.x), 6);
  });

  it('refuses a target that is neither built in nor a formula, saying where the typo is', () => {
    expect(() => getPreset('fit-function').runs({ scale: 'quick', overrides: { targets: 'sinc5,sin(4*pi*x' } })).toThrow(
      /knob 'targets': 'sin\(4\*pi\*x' is neither sinc5 nor sgn-sin5pi nor a usable formula in x: it does not parse: .* at char 11/,
    );
  });
});
