import { beforeAll, describe, expect, it } from 'vitest';
import { figureData, runQuick, useEngineBackend } from '../test-utils/presets.js';

beforeAll(useEngineBackend);

describe('train-cnn (quick, end to end)', () => {
  it('trains the shallow and the deep CNN on MNIST and draws loss and accuracy per epoch', async () => {
    const { runs, figures } = await runQuick('train-cnn', { 'data.trainSize': 300, 'data.testSize': 200, epochs: 2 });
    expect(runs.map((r) => r.key)).toEqual(['cnn-shallow', 'cnn-deep']);
    for (const id of ['loss/train/loss', 'loss/test/loss', 'accuracy/train/accuracy', 'accuracy/test/accuracy']) {
      const data = figureData(figures, id, 'lines');
      expect(data.series.map((s) => s.label)).toEqual(['cnn-shallow', 'cnn-deep']);
      for (const series of data.series) expect(series.points.map((p) => p.x)).toEqual([0, 1, 2]);
    }
    for (const run of runs) {
      // Two epochs on 300 digits already beat chance (10%) by far and lower the loss from ln 10.
      expect(run.end.final['train/accuracy']!).toBeGreaterThan(0.3);
      expect(run.end.final['train/loss']!).toBeLessThan(Math.log(10));
    }
  });
});
