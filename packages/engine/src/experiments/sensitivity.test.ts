import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../data/load.js';
import { figureData, runQuick, useEngineBackend } from '../test-utils/presets.js';


beforeAll(useEngineBackend);


describe('sensitivity (quick, end to end)', () => {
  it('reports final loss/accuracy, input sensitivity and ε-sharpness per batch size', async () => {
    const { runs, figures } = await runQuick('sensitivity', {
      batchSizes: '32,300',
      'data.trainSize': 300,
      'data.testSize': 200,
      epochs: 1,
      sensitivitySamples: 20,
      sharpnessSamples: 100,
      sharpnessSteps: 3,
    });
    expect(runs.map((r) => r.key)).toEqual(['bs32', 'bs300']);
    for (const id of ['loss-vs-batch', 'accuracy-vs-batch', 'sensitivity-vs-batch', 'sharpness-vs-batch']) {
      const data = figureData(figures, id, 'lines');
      expect(data.x.scale).toBe('log');
      for (const series of data.series) {
        expect(series.points.map((p) => p.x)).toEqual([32, 300]);
        for (const point of series.points) expect(Number.isFinite(point.y)).toBe(true);
      }
    }
    const [standardised, raw] = figureData(figures, 'sensitivity-vs-batch', 'lines').series;
    const sharpness = figureData(figures, 'sharpness-vs-batch', 'lines').series[0]!;
    for (const point of [...standardised!.points, ...sharpness.points]) expect(point.y).toBeGreaterThan(0);
    // MNIST has one channel: w.r.t. raw pixels is the standardised figure ÷ its σ (chain rule).
    const mnistStd = (await loadDataset(runs[0]!.spec.data, runs[0]!.spec.seed)).standardization!.std[0]!;
    expect(mnistStd).toBeGreaterThan(0.2);
    expect(raw!.label).toMatch(/raw pixels/);
    raw!.points.forEach((point, i) => expect(point.y).toBeCloseTo(standardised!.points[i]!.y / mnistStd, 3));
    // A 3-step cap stops the ascent before its rule is met: marked, and the title says it is a lower bound.
    expect(sharpness.points.every((p) => p.marked === true)).toBe(true);
    expect(figures.find((f) => f.id === 'sharpness-vs-batch')!.title).toMatch(/lower bound/);
    const accuracy = figureData(figures, 'accuracy-vs-batch', 'lines');
    expect(accuracy.series[0]!.points[0]!.y).toBe(runs[0]!.end.final['train/accuracy']);
  });

  it('two seeds per batch size: each point is their mean ± the standard error over seeds; the title says so and names the protocol', async () => {
    const { runs, figures } = await runQuick('sensitivity', {
      batchSizes: '32,300',
      seeds: 2,
      'data.trainSize': 300,
      'data.testSize': 100,
      maxEpochs: 2,
      trainAccuracy: 0.5,
      sensitivitySamples: 10,
      sharpnessSamples: 50,
      sharpnessSteps: 2,
    });
    expect(runs.map((r) => [r.key, r.spec.seed])).toEqual([['bs32', 0], ['bs32/seed1', 1], ['bs300', 0], ['bs300/seed1', 1]]);
    const accuracy = figureData(figures, 'accuracy-vs-batch', 'lines').series[1]!; // test
    for (const [i, batchSize] of [32, 300].entries()) {
      const values = runs.filter((r) => r.spec.batchSize === batchSize).map((r) => r.end.final['test/accuracy']!);
      const m = (values[0]! + values[1]!) / 2;
      // Two values: s = |a − b|/√2, SE = s/√2 = |a − b|/2.
      expect(accuracy.points[i]).toMatchObject({ x: batchSize });
      expect(accuracy.points[i]!.y).toBeCloseTo(m, 12);
      expect(accuracy.points[i]!.error).toBeCloseTo(Math.abs(values[0]! - values[1]!) / 2, 12);
    }
    const title = figures.find((f) => f.id === 'sensitivity-vs-batch')!.title;
    expect(title).toMatch(/mean ± standard error over 2 seeds; each trained to train\/accuracy ≥ 0.5 \(cap 2 epochs\)/);
  });
});
