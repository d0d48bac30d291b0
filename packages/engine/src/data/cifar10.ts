/**
 * CIFAR-10 from the standard binary batches: `data_batch_1..5.bin` (10,000 records each) and
 * `test_batch.bin`; a record is 1 label byte then 3,072 bytes: the R, G and B planes of 32×32.
 * Converted to channels-last and standardised per channel with the training split's statistics.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DataSpec } from '../config.js';
import { standardizeChannels, type Dataset, type DataSplit } from './dataset.js';

const RECORD = 1 + 3 * 32 * 32;
const PER_BATCH_FILE = 10_000;
export const CIFAR10_TRAIN_FILES = ['data_batch_1.bin', 'data_batch_2.bin', 'data_batch_3.bin', 'data_batch_4.bin', 'data_batch_5.bin'];
export const CIFAR10_TEST_FILE = 'test_batch.bin';
export const CIFAR10_URL = 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz';

function missingFilesError(dir: string | undefined, missing: string[]): Error {
  const where = dir === undefined ? 'no folder was given' : `missing in ${resolve(dir)}: ${missing.join(', ')}`;
  return new Error(
    `loadDataset(cifar10): CIFAR-10 binary files not found (${where}). Set data.dir in the run spec or the SADDLE_CIFAR10_DIR ` +
      `environment variable to a folder holding data_batch_1.bin … data_batch_5.bin and test_batch.bin. Get them from ` +
      `${CIFAR10_URL} ("CIFAR-10 binary version"); unpack with \`tar xzf cifar-10-binary.tar.gz\` and point at cifar-10-batches-bin/.`,
  );
}

/** Read up to `count` records from the files in order; channels-last floats in [0, 1]. */
function readRecords(dir: string, files: string[], count: number): DataSplit {
  const x = new Float32Array(count * 3072);
  const y = new Int32Array(count);
  let n = 0;
  const record = Buffer.alloc(RECORD);
  for (const name of files) {
    if (n >= count) break;
    const path = join(dir, name);
    const size = statSync(path).size;
    if (size % RECORD !== 0) throw new Error(`loadDataset(cifar10): ${path} has ${size} bytes, not a multiple of ${RECORD} (1 label + 3072 pixels per record)`);
    const fd = openSync(path, 'r');
    try {
      const records = Math.min(size / RECORD, count - n);
      const bytes = Buffer.alloc(records * RECORD);
      readSync(fd, bytes, 0, bytes.length, 0);
      for (let r = 0; r < records; r++, n++) {
        bytes.copy(record, 0, r * RECORD, (r + 1) * RECORD);
        const label = record[0]!;
        if (label > 9) throw new Error(`loadDataset(cifar10): ${path} record ${r} has label ${label}; labels are 0–9 — is this the CIFAR-10 binary version?`);
        y[n] = label;
        for (let p = 0; p < 1024; p++) {
          for (let c = 0; c < 3; c++) x[n * 3072 + p * 3 + c] = record[1 + c * 1024 + p]! / 255;
        }
      }
    } finally {
      closeSync(fd);
    }
  }
  if (n < count) throw new Error(`loadDataset(cifar10): asked for ${count} images but ${files.join(', ')} in ${dir} hold only ${n}`);
  return { x, y, n };
}

/**
 * The folder the spec's images are read from, checked to hold the files it needs; throws the
 * error that says where to get them. Cheap (no reads), so a launch can refuse a run up front.
 */
export function cifar10Dir(spec: Extract<DataSpec, { kind: 'cifar10' }>, env: NodeJS.ProcessEnv = process.env): string {
  const dir = spec.dir ?? env.SADDLE_CIFAR10_DIR;
  const trainFilesNeeded = CIFAR10_TRAIN_FILES.slice(0, Math.max(1, Math.ceil(spec.trainSize / PER_BATCH_FILE)));
  if (dir === undefined || dir === '') throw missingFilesError(undefined, []);
  const missing = [...trainFilesNeeded, CIFAR10_TEST_FILE].filter((f) => !existsSync(join(dir, f)));
  if (missing.length > 0) throw missingFilesError(dir, missing);
  return dir;
}

export function loadCifar10Dataset(spec: Extract<DataSpec, { kind: 'cifar10' }>, env: NodeJS.ProcessEnv = process.env): Dataset {
  const dir = cifar10Dir(spec, env);
  // Smaller files than the standard 10,000 records (as in tests) are fine: read on until full.
  const available = CIFAR10_TRAIN_FILES.filter((f) => existsSync(join(dir, f)));
  const train = readRecords(dir, available, spec.trainSize);
  const test = readRecords(dir, [CIFAR10_TEST_FILE], spec.testSize);
  const { mean, std } = standardizeChannels(train.x, test.x, 3);
  return {
    standardization: { mean, std },
    name: 'cifar10',
    inputShape: [32, 32, 3],
    numClasses: 10,
    train,
    test,
    describe: `CIFAR-10 (${resolve(dir)}): ${spec.trainSize} train / ${spec.testSize} test, 32×32×3, standardised per channel (mean ${mean.map((m) => m.toFixed(3)).join('/')}, std ${std.map((s) => s.toFixed(3)).join('/')})`,
  };
}
