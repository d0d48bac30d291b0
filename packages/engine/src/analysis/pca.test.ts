import { describe, expect, it } from 'vitest';
import type { ParamInfo } from '../models/model.types.js';
import { Rng } from '../util/rng.js';
import { pcaOfTrajectories } from './pca.js';

/** Two orthonormal vectors in R^d and an offset. */
function plane(d: number, seed: number): { u: number[]; v: number[]; c: number[] } {
  const rng = new Rng(seed);
  let u = Array.from({ length: d }, () => rng.normal());
  let v = Array.from({ length: d }, () => rng.normal());
  const norm = (a: number[]) => Math.hypot(...a);
  u = u.map((x) => x / norm(u));
  const dot = v.reduce((s, x, i) => s + x * u[i]!, 0);
  v = v.map((x, i) => x - dot * u[i]!);
  v = v.map((x) => x / norm(v));
  return { u, v, c: Array.from({ length: d }, () => rng.normal()) };
}

describe('pcaOfTrajectories', () => {
  // a ∈ {−3, −1, 1, 3} × b ∈ {−1, 1}: uncorrelated, var a > var b, so the axes are ±u then ±v.
  const grid = [-3, -1, 1, 3].flatMap((a) => [-1, 1].map((b) => [a, b] as const));

  it('recovers a known plane up to sign, with coordinates and explained variance', () => {
    const d = 20;
    const { u, v, c } = plane(d, 1);
    const point = ([a, b]: readonly [number, number]) => Float32Array.from(c, (ci, i) => ci + a * u[i]! + b * v[i]!);
    // Two runs sharing the grid: one PCA over both.
    const runs = [
      { label: 'run 0', snapshots: grid.slice(0, 4).map(point), losses: [4, 3, 2, 1] },
      { label: 'run 1', snapshots: grid.slice(4).map(point) },
    ];
    const result = pcaOfTrajectories(runs, { components: 3, includeDirections: true });
    const [first, second] = result.directions!;
    const dotU = first!.reduce((s, x, i) => s + x * u[i]!, 0);
    const dotV = second!.reduce((s, x, i) => s + x * v[i]!, 0);
    expect(Math.abs(dotU)).toBeCloseTo(1, 5);
    expect(Math.abs(dotV)).toBeCloseTo(1, 5);
    const points = result.paths.flatMap((p) => p.points);
    points.forEach((p, k) => {
      expect(Math.abs(p.x)).toBeCloseTo(Math.abs(grid[k]![0]), 4);
      expect(Math.sign(p.x) * Math.sign(dotU)).toBe(Math.sign(grid[k]![0]));
      expect(p.y * Math.sign(dotV)).toBeCloseTo(grid[k]![1], 4);
    });
    // Σa² = 40 and Σb² = 8 over the 8 points: ratios 5/6 and 1/6, variances 40/7 and 8/7, the third axis empty.
    expect(result.explainedVarianceRatio[0]).toBeCloseTo(5 / 6, 5);
    expect(result.explainedVarianceRatio[1]).toBeCloseTo(1 / 6, 5);
    expect(result.explainedVarianceRatio[2]).toBeCloseTo(0, 5);
    expect(result.explainedVariance[0]).toBeCloseTo(40 / 7, 4);
    expect(result.totalVariance).toBeCloseTo(48 / 7, 4);
    expect(result.paths[0]!.points[2]!.loss).toBe(2);
    expect(result.paths[1]!.points[0]!.epoch).toBe(0);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('explained variances of all axes sum to the total variance on random data', () => {
    const rng = new Rng(4);
    const runs = [0, 1, 2].map((r) => ({ label: `r${r}`, snapshots: Array.from({ length: 4 }, () => Float32Array.from({ length: 15 }, () => rng.normal())) }));
    const result = pcaOfTrajectories(runs, { components: 12 });
    expect(result.explainedVarianceRatio.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 8);
    expect(result.explainedVariance.reduce((s, x) => s + x, 0)).toBeCloseTo(result.totalVariance, 8);
    // Independent total: the sum over coordinates of each one's sample variance.
    const all = runs.flatMap((r) => r.snapshots);
    let total = 0;
    for (let i = 0; i < 15; i++) {
      const m = all.reduce((s, p) => s + p[i]!, 0) / all.length;
      total += all.reduce((s, p) => s + (p[i]! - m) ** 2, 0) / (all.length - 1);
    }
    expect(result.totalVariance).toBeCloseTo(total, 8);
    for (let c = 1; c < 12; c++) expect(result.explainedVarianceRatio[c]!).toBeLessThanOrEqual(result.explainedVarianceRatio[c - 1]! + 1e-12);
  });

  it('restricts to one layer through ParamInfo', () => {
    const params: ParamInfo[] = [
      { name: 'dense_1/kernel', layerIndex: 0, layerName: 'dense_1', role: 'kernel', shape: [2, 2], offset: 0, size: 4 },
      { name: 'dense_1/bias', layerIndex: 0, layerName: 'dense_1', role: 'bias', shape: [2], offset: 4, size: 2 },
      { name: 'dense_2/kernel', layerIndex: 1, layerName: 'dense_2', role: 'kernel', shape: [2, 1], offset: 6, size: 2 },
    ];
    // Only dense_2 moves, along (1, 0).
    const snapshots = [0, 1, 2, 3].map((t) => Float32Array.of(1, 2, 3, 4, 5, 6, t, 7));
    const moving = pcaOfTrajectories([{ label: 'a', snapshots }], { layer: 'dense_2', params, includeDirections: true });
    expect(moving.dimension).toBe(2);
    expect(moving.explainedVarianceRatio[0]).toBeCloseTo(1, 10);
    expect(moving.directions![0]![0]).toBeCloseTo(1, 10);
    expect(moving.paths[0]!.points.map((p) => p.x)).toEqual([-1.5, -0.5, 0.5, 1.5].map((x) => expect.closeTo(x, 10)));
    const still = pcaOfTrajectories([{ label: 'a', snapshots }], { layer: 'dense_1', params });
    expect(still.dimension).toBe(6);
    expect(still.explainedVarianceRatio).toEqual([0, 0]);
    expect(still.paths[0]!.points.every((p) => p.x === 0 && p.y === 0)).toBe(true);
    expect(() => pcaOfTrajectories([{ label: 'a', snapshots }], { layer: 'conv', params })).toThrow(/options.layer 'conv' matches no parameter; layers are dense_1, dense_2/);
  });
});
