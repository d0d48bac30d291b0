import { beforeAll, describe, expect, it } from 'vitest';
import { figureData, runQuick, useEngineBackend } from '../test-utils/presets.js';

beforeAll(useEngineBackend);

describe('random-labels (quick, end to end)', () => {
  it('the CNN memorises shuffled labels far above chance while test accuracy stays near chance', async () => {
    const { runs, figures } = await runQuick('random-labels', { 'data.trainSize': 200, 'data.testSize': 300, epochs: 12, evalEvery: 4 });
    const final = runs[0]!.end.final;
    console.log(`random labels: train accuracy ${final['train/accuracy']}, test accuracy ${final['test/accuracy']}`);
    // Chance is 10%. 200 random labels are mostly memorised in 12 epochs; the test set cannot be.
    expect(final['train/accuracy']!).toBeGreaterThan(0.6);
    expect(final['test/accuracy']!).toBeLessThan(0.2);
    expect(final['test/loss']!).toBeGreaterThan(final['train/loss']!);
    const accuracy = figureData(figures, 'accuracy/train/accuracy', 'lines');
    expect(accuracy.series[0]!.points.map((p) => p.x)).toEqual([0, 4, 8, 12]);
    figureData(figures, 'loss/test/loss', 'lines');
  });
});
