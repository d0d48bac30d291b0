import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMnistDataset, loadMnistRaw } from './mnist.js';
import { withRandomLabels } from './random-labels.js';

const cacheDir = mkdtempSync(join(tmpdir(), 'saddle-mnist-'));

describe('MNIST', () => {
  it('loads the 10,000 digits once and caches them as bytes', () => {
    const raw = loadMnistRaw(cacheDir);
    expect(raw.labels.length).toBe(10_000);
    expect(raw.pixels.length).toBe(10_000 * 784);
    const file = join(cacheDir, 'mnist-10k.u8');
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).size).toBe(10_000 * 785);
    const cached = loadMnistRaw(cacheDir);
    expect(Buffer.compare(Buffer.from(cached.pixels), Buffer.from(raw.pixels))).toBe(0);
    // Every class is present, ~1,000 each (the package ships 863 to 1,127 per digit).
    const counts = new Array(10).fill(0) as number[];
    for (const l of raw.labels) counts[l]!++;
    expect(Math.min(...counts)).toBeGreaterThan(800);
    // Digits are ink on a zero background: the corners are blank, the centre is not.
    let corner = 0;
    let centre = 0;
    for (let i = 0; i < 10_000; i++) {
      corner += raw.pixels[i * 784]!;
      centre += raw.pixels[i * 784 + 14 * 28 + 14]!;
    }
    expect(corner).toBe(0);
    expect(centre / 10_000).toBeGreaterThan(50);
  });

  it('fixed split 8000/2000, standardised, and the 32×32×3 variant pads and repeats', () => {
    const d = loadMnistDataset({ kind: 'mnist', trainSize: 8000, testSize: 2000, as32x32x3: false, randomLabels: false }, cacheDir);
    expect([d.train.n, d.test.n, d.train.x.length, d.test.x.length]).toEqual([8000, 2000, 8000 * 784, 2000 * 784]);
    expect(d.inputShape).toEqual([28, 28, 1]);
    const mean = d.train.x.reduce((s, v) => s + v, 0) / d.train.x.length;
    const variance = d.train.x.reduce((s, v) => s + (v - mean) ** 2, 0) / d.train.x.length;
    expect(Math.abs(mean)).toBeLessThan(1e-4);
    expect(variance).toBeCloseTo(1, 3);
    const again = loadMnistDataset({ kind: 'mnist', trainSize: 8000, testSize: 2000, as32x32x3: false, randomLabels: false }, cacheDir);
    expect(Array.from(again.train.y.subarray(0, 50))).toEqual(Array.from(d.train.y.subarray(0, 50)));

    const big = loadMnistDataset({ kind: 'mnist', trainSize: 100, testSize: 10, as32x32x3: true, randomLabels: false }, cacheDir);
    expect(big.inputShape).toEqual([32, 32, 3]);
    expect(big.train.x.length).toBe(100 * 32 * 32 * 3);
    // Same labels as the first 100 of the standard split; channels equal; the 2-pixel border is background.
    expect(Array.from(big.train.y)).toEqual(Array.from(d.train.y.subarray(0, 100)));
    const px = (e: number, r: number, c: number, ch: number) => big.train.x[((e * 32 + r) * 32 + c) * 3 + ch]!;
    expect(px(0, 16, 16, 0)).toBe(px(0, 16, 16, 2));
    expect(px(3, 0, 0, 1)).toBe(px(3, 1, 31, 0));
  });

  it('random labels permute the training labels under the seed and keep class counts', () => {
    const d = loadMnistDataset({ kind: 'mnist', trainSize: 1000, testSize: 100, as32x32x3: false, randomLabels: false }, cacheDir);
    const r = withRandomLabels(d, 5);
    expect(Array.from(r.train.y)).not.toEqual(Array.from(d.train.y));
    expect(Array.from(r.train.y).sort()).toEqual(Array.from(d.train.y).sort());
    expect(Array.from(withRandomLabels(d, 5).train.y)).toEqual(Array.from(r.train.y));
    expect(r.test.y).toBe(d.test.y);
    const agree = Array.from(r.train.y).filter((v, i) => v === d.train.y[i]).length / 1000;
    expect(agree).toBeLessThan(0.2);
  });
});
