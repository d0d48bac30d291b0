import { beforeAll, describe, expect, it } from 'vitest';
import { figureData, runQuick, useEngineBackend } from '../test-utils/presets.js';

beforeAll(useEngineBackend);

describe('gradient-norm (quick, end to end)', () => {
  it('records the gradient norm and the loss of every iteration, as twin panels', async () => {
    const { runs, figures } = await runQuick('gradient-norm', { epochs: 5 });
    expect(runs.map((r) => r.key)).toEqual(['sinc5']);
    const norm = figureData(figures, 'grad-norm/grad_norm', 'lines');
    const loss = figureData(figures, 'grad-norm/batch/loss', 'lines');
    expect(norm.series[0]!.points.map((p) => p.x)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(loss.series[0]!.points).toHaveLength(50);
    expect(norm.series[0]!.points.every((p) => p.y > 0 && Number.isFinite(p.y))).toBe(true);
    expect(loss.series[0]!.points.at(-1)!.y).toBeLessThan(loss.series[0]!.points[0]!.y);
  });
});
