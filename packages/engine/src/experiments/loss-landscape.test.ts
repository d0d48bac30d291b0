import { beforeAll, describe, expect, it } from 'vitest';
import { getPreset } from './catalogue.js';
import { figureData, runQuick, useEngineBackend } from '../test-utils/presets.js';

beforeAll(useEngineBackend);

describe('loss-landscape (quick, end to end)', () => {
  it('grids the loss around the trained weights: a minimum on a random plane, the path on the PCA plane', async () => {
    const overrides = { 'data.trainSize': 300, 'data.testSize': 100, epochs: 2, gridSize: 5, evalSize: 150 };
    const { runs, figures } = await runQuick('loss-landscape', { ...overrides, directions: 'random' });
    expect(runs[0]!.snapshots.map((s) => s.epoch)).toEqual([0, 1, 2]);

    // Random filter-normalised plane (Li et al.): the trained weights are the grid's minimum.
    const random = figureData(figures, 'landscape', 'grid');
    expect(random.xs).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(random.values).toHaveLength(5);
    expect(random.values.every((row) => row.length === 5 && row.every(Number.isFinite))).toBe(true);
    const flat = random.values.flat();
    const centre = random.values[2]![2]!;
    expect(Math.min(...flat)).toBe(centre);
    expect(centre).toBeCloseTo(runs[0]!.end.final['train/loss']!, 0);
    expect(random.slices!.map((s) => s.points[2]!.y)).toEqual([centre, centre]);

    // The same run on its trajectory's PCA plane: the path ends at the centre, and the start of
    // training lies higher on the surface than where it ended.
    const pcaFigures = await getPreset('loss-landscape').analyze(runs, { scale: 'quick', overrides: { ...overrides, directions: 'pca' } });
    const pca = figureData(pcaFigures, 'landscape', 'grid');
    expect(pca.path!.map((p) => p.epoch)).toEqual([0, 1, 2]);
    expect(Math.hypot(pca.path!.at(-1)!.x, pca.path!.at(-1)!.y)).toBeLessThan(1e-3);
    for (const point of pca.path!) expect(Math.max(Math.abs(point.x), Math.abs(point.y))).toBeLessThanOrEqual(1 + 1e-6);
    const start = pca.path![0]!;
    const nearest = (values: number[], v: number) => values.reduce((best, x, i) => (Math.abs(x - v) < Math.abs(values[best]! - v) ? i : best), 0);
    expect(pca.values[nearest(pca.ys, start.y)]![nearest(pca.xs, start.x)]!).toBeGreaterThan(pca.values[2]![2]!);
  });
});
