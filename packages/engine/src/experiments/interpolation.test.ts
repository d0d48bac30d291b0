import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../models/model.js';
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
    // The protocol in the title, with which runs met its criterion (their own final train accuracy says).
    const missed = runs.filter((r) => r.end.final['train/accuracy']! < 0.8).map((r) => r.key);
    expect(runs.map((r) => r.end.stopCriterion?.reached)).toEqual(runs.map((r) => !missed.includes(r.key)));
    expect(figures.find((f) => f.id === 'loss-vs-alpha')!.title).toContain(
      `each trained to train/accuracy ≥ 0.8 (cap 2 epochs): ${missed.length === 0 ? 'reached by all' : `NOT reached by ${missed.join(', ')}`}`,
    );
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
    // Marked: exactly the α where some extrapolated running variance (1 − α)v₁ + αv₂ is < 0.
    const model = buildModel(runs[0]!.spec.model, [28, 28, 1]);
    const varianceIndices = model.buffers.filter((b) => b.role === 'movingVariance').flatMap((b) => Array.from({ length: b.size }, (_, i) => b.offset + i));
    const [stateA, stateB] = [runs[0]!.end.state, runs[1]!.end.state];
    const clampedAt = (alpha: number) => varianceIndices.some((i) => Math.fround((1 - alpha) * stateA[i]! + alpha * stateB[i]!) < 0);
    const expectedMarked = loss.series[0]!.points.map((p) => clampedAt(p.x));
    expect(expectedMarked.some(Boolean)).toBe(true);
    for (const figure of [loss, accuracy]) {
      for (const series of figure.series) {
        expect(series.points.map((p) => p.marked === true)).toEqual(expectedMarked);
        expect(series.markedLabel).toMatch(/clamped to 0/);
      }
    }
    expect(figures.find((f) => f.id === 'loss-vs-alpha')!.title).toMatch(/marked: α where extrapolated batch-norm variances were clamped/);
    // Far outside the segment the loss is worse than at either solution.
    const train = loss.series[0]!.points;
    expect(train[0]!.y).toBeGreaterThan(Math.max(train[2]!.y, train[4]!.y));
  });
});
