import { beforeAll, describe, expect, it } from 'vitest';
import { figureData, runQuick, useEngineBackend } from '../test-utils/presets.js';

beforeAll(useEngineBackend);

describe('params-vs-generalization (quick, end to end)', () => {
  it('plots final train/test loss and accuracy against the parameter count, smallest first', async () => {
    const { runs, figures } = await runQuick('params-vs-generalization', {
      models: 'cnn-c8-c32,cnn-c4-c4',
      'data.trainSize': 300,
      'data.testSize': 200,
      epochs: 2,
    });
    expect(runs.map((r) => r.key)).toEqual(['cnn-c8-c32', 'cnn-c4-c4']);
    const loss = figureData(figures, 'loss-vs-params', 'lines');
    const accuracy = figureData(figures, 'accuracy-vs-params', 'lines');
    expect(loss.x.scale).toBe('log');
    // MNIST at quick scale is 28×28×1: the counts are the models' own for that input.
    const counts = [1 * 25 * 4 + 4 + 8 + 4 * 25 * 4 + 4 + 8 + 7 * 7 * 4 * 10 + 10, 1 * 25 * 8 + 8 + 16 + 8 * 25 * 32 + 32 + 64 + 7 * 7 * 32 * 10 + 10];
    for (const data of [loss, accuracy]) {
      expect(data.series.map((s) => s.label)).toEqual(['train', 'test']);
      for (const series of data.series) expect(series.points.map((p) => p.x)).toEqual(counts);
    }
    expect(loss.series[1]!.points[0]!.y).toBe(runs[1]!.end.final['test/loss']);
  });
});
