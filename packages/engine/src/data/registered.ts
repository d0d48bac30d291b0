/**
 * Registered datasets: a {@link RawDataset} kept under a name in the datasets folder
 * (`$SADDLE_DATASETS_DIR`, default `$SADDLE_DATA_DIR/datasets`) as `meta.json`, `x.f32` and
 * `y.bin` (little-endian), written to a temporary folder and renamed into place so a failed or
 * interrupted registration leaves nothing behind. A run reads it back and splits it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DataSpec } from '../config.js';
import { Rng } from '../util/rng.js';
import { standardizeChannels, type Dataset } from './dataset.js';
import { classCounts, type RawDataset } from './raw-dataset.js';

/** What a listing shows; stored as `meta.json`. */
export interface DatasetMeta {
  name: string;
  format: RawDataset['format'];
  /** The file or folder name it was registered from. */
  source: string;
  n: number;
  inputShape: number[];
  numClasses: number;
  classNames: string[];
  /** Examples per class, in classNames' order; empty for regression. */
  classCounts: number[];
  featureNames?: string[];
  /** Bytes of x.f32 + y.bin. */
  bytes: number;
  createdAt: string;
}

/** Names are folder names and appear in specs: letters, digits, '-', '_', '.', starting alphanumeric. */
export const DATASET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The split of a registered dataset is part of the data, fixed across runs (like MNIST's). */
export const DATASET_SPLIT_SEED = 20_261_201;

export function datasetsDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.SADDLE_DATASETS_DIR ?? join(env.SADDLE_DATA_DIR ?? '.saddle', 'datasets'));
}

export function checkDatasetName(name: string): void {
  if (!DATASET_NAME.test(name)) {
    throw new Error(`dataset name ${JSON.stringify(name)} is not allowed: use 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. 'wine-quality')`);
  }
}

/** Store `raw` as `name` under `dir`; refuses a name already taken (remove it first). */
export function writeRegisteredDataset(dir: string, name: string, raw: RawDataset, source: string): DatasetMeta {
  checkDatasetName(name);
  const target = join(dir, name);
  if (existsSync(target)) throw new Error(`a dataset named '${name}' is already registered; remove it first (saddle data rm ${name}) or pick another name`);
  const meta: DatasetMeta = {
    name,
    format: raw.format,
    source,
    n: raw.n,
    inputShape: raw.inputShape,
    numClasses: raw.numClasses,
    classNames: raw.classNames,
    classCounts: classCounts(raw),
    ...(raw.featureNames && { featureNames: raw.featureNames }),
    bytes: raw.x.byteLength + raw.y.byteLength,
    createdAt: new Date().toISOString(),
  };
  const temporary = join(dir, `.incoming-${name}-${process.pid}-${Date.now()}`);
  mkdirSync(temporary, { recursive: true });
  try {
    writeFileSync(join(temporary, 'x.f32'), new Uint8Array(raw.x.buffer, raw.x.byteOffset, raw.x.byteLength));
    writeFileSync(join(temporary, 'y.bin'), new Uint8Array(raw.y.buffer, raw.y.byteOffset, raw.y.byteLength));
    // meta.json last: a folder is a dataset once renamed, and renamed only when complete.
    writeFileSync(join(temporary, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
  return meta;
}

export function readDatasetMeta(dir: string, name: string): DatasetMeta | undefined {
  if (!DATASET_NAME.test(name)) return undefined;
  const path = join(dir, name, 'meta.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as DatasetMeta) : undefined;
}

function missing(dir: string, name: string): Error {
  return new Error(`loadDataset(dataset): no dataset named '${name}' in ${dir}; register it with \`saddle data add ${name} <file>\` (CSV, .npy, .npz or an image folder) or list them with \`saddle data list\``);
}

/** Throws, with the fix, when `name` is not registered in the datasets folder. Reads meta.json only. */
export function checkRegisteredDataset(name: string, env: NodeJS.ProcessEnv = process.env): DatasetMeta {
  const dir = datasetsDir(env);
  const meta = readDatasetMeta(dir, name);
  if (!meta) throw missing(dir, name);
  return meta;
}

/**
 * A run's view of a registered dataset: a fixed shuffle (DATASET_SPLIT_SEED) split into train
 * and test by `testFraction`, inputs standardised per channel (per feature for tables) with the
 * training split's statistics; labels shuffled under the run's seed when `randomLabels`.
 */
export function loadRegisteredDataset(spec: Extract<DataSpec, { kind: 'dataset' }>, env: NodeJS.ProcessEnv = process.env): Dataset {
  const dir = datasetsDir(env);
  const meta = readDatasetMeta(dir, spec.name);
  if (!meta) throw missing(dir, spec.name);
  const folder = join(dir, spec.name);
  const xBytes = readFileSync(join(folder, 'x.f32'));
  const yBytes = readFileSync(join(folder, 'y.bin'));
  const per = meta.inputShape.reduce((a, b) => a * b, 1);
  if (xBytes.byteLength !== meta.n * per * 4 || yBytes.byteLength !== meta.n * 4) {
    throw new Error(`loadDataset(dataset): ${folder} is damaged (x.f32 or y.bin does not match meta.json's ${meta.n} examples of [${meta.inputShape.join(', ')}]); remove and register it again`);
  }
  const x = new Float32Array(xBytes.buffer.slice(xBytes.byteOffset, xBytes.byteOffset + xBytes.byteLength));
  const yBuffer = yBytes.buffer.slice(yBytes.byteOffset, yBytes.byteOffset + yBytes.byteLength);
  const y = meta.numClasses > 0 ? new Int32Array(yBuffer) : new Float32Array(yBuffer);
  const testCount = Math.max(1, Math.round(meta.n * spec.testFraction));
  const trainCount = meta.n - testCount;
  if (trainCount < 1) throw new Error(`loadDataset(dataset): '${spec.name}' has ${meta.n} examples; data.testFraction ${spec.testFraction} leaves none to train on`);
  const order = new Rng(DATASET_SPLIT_SEED).permutation(meta.n);
  const take = (indices: ArrayLike<number>) => {
    const xs = new Float32Array(indices.length * per);
    const ys = meta.numClasses > 0 ? new Int32Array(indices.length) : new Float32Array(indices.length);
    for (let i = 0; i < indices.length; i++) {
      const from = indices[i]!;
      xs.set(x.subarray(from * per, (from + 1) * per), i * per);
      ys[i] = y[from]!;
    }
    return { x: xs, y: ys, n: indices.length };
  };
  const train = take(Array.from(order).slice(0, trainCount));
  const test = take(Array.from(order).slice(trainCount));
  const channels = meta.inputShape[meta.inputShape.length - 1]!;
  const standardization = standardizeChannels(train.x, test.x, channels);
  return {
    name: spec.name,
    inputShape: meta.inputShape,
    numClasses: meta.numClasses,
    train,
    test,
    standardization,
    describe: `dataset '${spec.name}' (${meta.format} from ${meta.source}): ${trainCount} train / ${testCount} test of [${meta.inputShape.join(', ')}], ${meta.numClasses > 0 ? `${meta.numClasses} classes` : 'regression'}, standardised per ${meta.inputShape.length === 1 ? 'feature' : 'channel'}`,
  };
}
