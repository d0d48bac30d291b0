import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCifar10Dataset } from './cifar10.js';
import { checkDataAvailable } from './load.js';

/** A file in the CIFAR-10 binary format; image i has R = i, G = 100 + label, B = pixel index % 256. */
function writeBatch(path: string, labels: number[]): void {
  const bytes = Buffer.alloc(labels.length * 3073);
  labels.forEach((label, i) => {
    const o = i * 3073;
    bytes[o] = label;
    for (let p = 0; p < 1024; p++) {
      bytes[o + 1 + p] = i;
      bytes[o + 1 + 1024 + p] = 100 + label;
      bytes[o + 1 + 2048 + p] = p % 256;
    }
  });
  writeFileSync(path, bytes);
}

describe('CIFAR-10 binary batches', () => {
  it('reads records across batch files, channels last, standardised per channel', () => {
    const dir = mkdtempSync(join(tmpdir(), 'saddle-cifar-'));
    for (let b = 1; b <= 5; b++) writeBatch(join(dir, `data_batch_${b}.bin`), [b % 10, (b + 3) % 10]);
    writeBatch(join(dir, 'test_batch.bin'), [9, 8, 7]);
    const d = loadCifar10Dataset({ kind: 'cifar10', dir, trainSize: 7, testSize: 3, randomLabels: false });
    expect(d.inputShape).toEqual([32, 32, 3]);
    expect(Array.from(d.train.y)).toEqual([1, 4, 2, 5, 3, 6, 4]);
    expect(Array.from(d.test.y)).toEqual([9, 8, 7]);
    // Blue plane is p % 256: pixel 1 and pixel 257 agree, pixel 2 is larger; channels were transposed right.
    const blue = (e: number, p: number) => d.train.x[e * 3072 + p * 3 + 2]!;
    expect(blue(0, 1)).toBeCloseTo(blue(0, 257), 6);
    expect(blue(0, 2)).toBeGreaterThan(blue(0, 1));
    // Red is constant within an image (the record index in its file): images 0 and 2 match.
    expect(d.train.x[0]).toBeCloseTo(d.train.x[2 * 3072]!, 6);
    let sum = 0;
    for (let i = 0; i < d.train.x.length; i += 3) sum += d.train.x[i + 1]!;
    expect(Math.abs(sum / (d.train.x.length / 3))).toBeLessThan(1e-4);
  });

  it('names the field, the variable and the download when files are absent', () => {
    const empty = mkdtempSync(join(tmpdir(), 'saddle-cifar-empty-'));
    expect(() => loadCifar10Dataset({ kind: 'cifar10', dir: empty, trainSize: 10, testSize: 10, randomLabels: false })).toThrow(
      /data_batch_1\.bin, test_batch\.bin.*data\.dir.*SADDLE_CIFAR10_DIR.*cifar-10-binary\.tar\.gz/s,
    );
    expect(() => loadCifar10Dataset({ kind: 'cifar10', trainSize: 10, testSize: 10, randomLabels: false }, {})).toThrow(/no folder was given.*SADDLE_CIFAR10_DIR/);
  });

  it('is checked before any read: a launch refuses a missing folder, the embedded data always passes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'saddle-cifar-check-'));
    const spec = { kind: 'cifar10' as const, trainSize: 10, testSize: 10, randomLabels: false };
    expect(() => checkDataAvailable(spec, {})).toThrow(/no folder was given.*SADDLE_CIFAR10_DIR.*cifar-10-binary\.tar\.gz/s);
    expect(() => checkDataAvailable(spec, { SADDLE_CIFAR10_DIR: dir })).toThrow(/missing in .*data_batch_1\.bin, test_batch\.bin/);
    writeBatch(join(dir, 'data_batch_1.bin'), [1]);
    writeBatch(join(dir, 'test_batch.bin'), [2]);
    expect(() => checkDataAvailable(spec, { SADDLE_CIFAR10_DIR: dir })).not.toThrow();
    expect(() => checkDataAvailable({ kind: 'mnist', trainSize: 10, testSize: 10, as32x32x3: false, randomLabels: false }, {})).not.toThrow();
  });

  it('rejects files that are not in the format, and too few images', () => {
    const dir = mkdtempSync(join(tmpdir(), 'saddle-cifar-bad-'));
    writeFileSync(join(dir, 'data_batch_1.bin'), Buffer.alloc(100));
    writeBatch(join(dir, 'test_batch.bin'), [1]);
    expect(() => loadCifar10Dataset({ kind: 'cifar10', dir, trainSize: 1, testSize: 1, randomLabels: false })).toThrow(/not a multiple of 3073/);
    writeBatch(join(dir, 'data_batch_1.bin'), [1, 2]);
    expect(() => loadCifar10Dataset({ kind: 'cifar10', dir, trainSize: 5, testSize: 1, randomLabels: false })).toThrow(/hold only 2/);
  });
});
