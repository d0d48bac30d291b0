import { beforeAll, describe, expect, it } from 'vitest';
import { figureData, runQuick, useEngineBackend } from '../test-utils/presets.js';

beforeAll(useEngineBackend);

describe('pca-trajectories (quick, end to end)', () => {
  it('projects every run onto one PCA plane, whole model and one layer, with the loss at each point', async () => {
    const { runs, figures } = await runQuick('pca-trajectories', { runs: 2, epochs: 10, snapshotEvery: 2, 'data.n': 500 });
    expect(runs.map((r) => r.snapshots.length)).toEqual([6, 6]);
    const pca = figureData(figures, 'pca', 'paths');
    expect(pca.views.map((v) => v.id)).toEqual(['model', 'layer:dense_4']);
    for (const view of [pca.explainedVariance, ...pca.views.map((v) => v.explainedVariance!)]) {
      expect(view).toHaveLength(2);
      for (const ratio of view) {
        expect(ratio).toBeGreaterThan(0);
        expect(ratio).toBeLessThanOrEqual(1);
      }
      expect(view[0]! + view[1]!).toBeLessThanOrEqual(1 + 1e-9);
      expect(view[0]!).toBeGreaterThanOrEqual(view[1]!);
    }
    for (const view of pca.views) {
      expect(view.paths.map((p) => p.label)).toEqual(['seed0', 'seed1']);
      for (const path of view.paths) {
        expect(path.points.map((p) => p.epoch)).toEqual([0, 2, 4, 6, 8, 10]);
        for (const point of path.points) expect(Number.isFinite(point.loss)).toBe(true);
        // Training lowers the loss from the first snapshot to the last.
        expect(path.points.at(-1)!.loss!).toBeLessThan(path.points[0]!.loss!);
      }
    }
    // The loss at the last point is the run's own final training loss.
    const last = pca.views[0]!.paths[0]!.points.at(-1)!;
    expect(last.loss!).toBeCloseTo(runs[0]!.end.final['train/loss']!, 5);
  });
});
