import { beforeAll, describe, expect, it } from 'vitest';
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
    const sensitivity = figureData(figures, 'sensitivity-vs-batch', 'lines').series[0]!.points;
    const sharpness = figureData(figures, 'sharpness-vs-batch', 'lines').series[0]!.points;
    for (const point of [...sensitivity, ...sharpness]) expect(point.y).toBeGreaterThan(0);
    const accuracy = figureData(figures, 'accuracy-vs-batch', 'lines');
    expect(accuracy.series[0]!.points[0]!.y).toBe(runs[0]!.end.final['train/accuracy']);
  });
});
