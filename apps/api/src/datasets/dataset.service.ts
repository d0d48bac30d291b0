/**
 * The registry of named datasets: files a user has (CSV, .npy, .npz, a zipped or on-disk image
 * folder) parsed and validated by the engine's loaders and stored under the datasets folder
 * (`$SADDLE_DATASETS_DIR`, default `<data dir>/datasets`; point it at shared storage in
 * scale-out mode, where every worker must see it). The CLI, the upload endpoint and the GraphQL
 * resolvers all go through here.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  checkDatasetName,
  readDatasetBytes,
  readDatasetMeta,
  readDatasetPath,
  writeRegisteredDataset,
  type CsvOptions,
  type DatasetMeta,
  type DataSpec,
  type RawDataset,
} from '@saddle/engine';
import { BadInputError, SaddleError, ErrorCode } from '../errors.js';

/** Largest upload accepted by `POST /datasets/:name` (bytes); `SADDLE_DATASET_MAX_BYTES` overrides. */
export const DATASET_UPLOAD_MAX_BYTES = 256 * 1024 * 1024;

export function datasetUploadMaxBytes(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.SADDLE_DATASET_MAX_BYTES);
  return Number.isInteger(configured) && configured > 0 ? configured : DATASET_UPLOAD_MAX_BYTES;
}

/** Where a data directory's datasets live; workers are given the same through SADDLE_DATASETS_DIR. */
export function datasetsDirOf(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.SADDLE_DATASETS_DIR ?? join(dataDir, 'datasets'));
}

export class DatasetNotFoundError extends SaddleError {
  constructor(name: string, known: string[]) {
    super(ErrorCode.NOT_FOUND, `no dataset named '${name}'; registered: ${known.length > 0 ? known.join(', ') : 'none'} (add one with \`saddle data add ${name} <file>\` or POST /datasets/${name})`, { kind: 'Dataset', id: name });
  }
}

export class DatasetService {
  readonly dir: string;

  constructor(deps: { dataDir: string; env?: NodeJS.ProcessEnv }) {
    this.dir = datasetsDirOf(deps.dataDir, deps.env);
  }

  list(): DatasetMeta[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .filter((name) => !name.startsWith('.'))
      .map((name) => readDatasetMeta(this.dir, name))
      .filter((meta): meta is DatasetMeta => meta !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  get(name: string): DatasetMeta | undefined {
    return readDatasetMeta(this.dir, name);
  }

  require(name: string): DatasetMeta {
    const meta = this.get(name);
    if (!meta) throw new DatasetNotFoundError(name, this.list().map((d) => d.name));
    return meta;
  }

  /** Register uploaded bytes; `fileName`'s extension picks the loader. Nothing is stored on any error. */
  addBytes(name: string, fileName: string, bytes: Uint8Array, options: CsvOptions = {}): DatasetMeta {
    return this.store(name, fileName, () => readDatasetBytes(fileName, bytes, options));
  }

  /** Register a file or image folder on this machine (the CLI). */
  addPath(name: string, path: string, options: CsvOptions = {}): DatasetMeta {
    return this.store(name, path, () => readDatasetPath(path, options));
  }

  remove(name: string): DatasetMeta {
    const meta = this.require(name);
    rmSync(join(this.dir, meta.name), { recursive: true, force: true });
    return meta;
  }

  /**
   * A spec's `{kind: 'dataset', name}` completed with the registered shape and classes, so
   * validation and the model's plan know them without reading files. Other data is returned as is.
   */
  completeData(data: unknown, path: (string | number)[]): unknown {
    if (typeof data !== 'object' || data === null || (data as { kind?: unknown }).kind !== 'dataset') return data;
    const name = (data as { name?: unknown }).name;
    if (typeof name !== 'string') throw new BadInputError(`data.name must be the name of a registered dataset, got ${JSON.stringify(name) ?? 'nothing'}`, [...path, 'name'], this.list().map((d) => d.name));
    const meta = this.get(name);
    if (!meta) throw new BadInputError(new DatasetNotFoundError(name, this.list().map((d) => d.name)).message, [...path, 'name'], this.list().map((d) => d.name));
    return { ...(data as Extract<DataSpec, { kind: 'dataset' }>), inputShape: meta.inputShape, numClasses: meta.numClasses };
  }

  private store(name: string, source: string, read: () => RawDataset): DatasetMeta {
    try {
      checkDatasetName(name);
    } catch (error) {
      throw new BadInputError((error as Error).message, ['name']);
    }
    if (this.get(name)) throw new BadInputError(`a dataset named '${name}' is already registered; remove it first (saddle data rm ${name}) or pick another name`, ['name']);
    let raw: RawDataset;
    try {
      raw = read();
    } catch (error) {
      const message = (error as Error).message;
      throw new BadInputError(`dataset '${name}' not registered: ${message}`, [fieldOfReadError(message)]);
    }
    try {
      return writeRegisteredDataset(this.dir, name, raw, source.split('/').pop() ?? source);
    } catch (error) {
      throw new BadInputError(`dataset '${name}' not registered: ${(error as Error).message}`, ['name']);
    }
  }
}

/**
 * Which upload field a loader's refusal is about, so a form can show it there: a target column
 * the file lacks is the `target` option's, a text target asked to be a regression the `task`
 * option's; everything else (a row, a column, a dtype, a shape) is the file's.
 */
function fieldOfReadError(message: string): 'file' | 'target' | 'task' {
  if (/target column '[^']*' not found/.test(message)) return 'target';
  if (/cannot be a regression target; use task 'classification'/.test(message)) return 'task';
  return 'file';
}
