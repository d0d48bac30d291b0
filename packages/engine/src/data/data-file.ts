/**
 * One entry point from a user's file to a {@link RawDataset}, by its name: `.csv`, `.npy`,
 * `.npz`, `.zip` (an image folder, zipped) or a folder on disk (one sub-folder per class).
 * The CLI passes a path; the upload endpoint passes the bytes and the uploaded file's name.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { loadCsv, type CsvOptions } from './csv.js';
import { imageFolderEntries, imageZipEntries, loadImages } from './images.js';
import { loadNpy, loadNpz } from './npy.js';
import type { RawDataset } from './raw-dataset.js';

export const DATASET_FILE_KINDS = ['.csv', '.npy', '.npz', '.zip (image folder)', 'a folder of class folders'];

/** Parse uploaded bytes; `fileName` picks the format by its extension. */
export function readDatasetBytes(fileName: string, bytes: Uint8Array, options: CsvOptions = {}): RawDataset {
  const extension = /\.[^.]+$/.exec(fileName.toLowerCase())?.[0];
  switch (extension) {
    case '.csv':
      return loadCsv(new TextDecoder('utf-8').decode(bytes), options);
    case '.npy':
      return loadNpy(bytes, fileName);
    case '.npz':
      return loadNpz(bytes, fileName);
    case '.zip':
      return loadImages(imageZipEntries(bytes, fileName), fileName);
    default:
      throw new Error(`${fileName}: unknown dataset format '${extension ?? '(no extension)'}'; give one of ${DATASET_FILE_KINDS.join(', ')}`);
  }
}

/** Parse a file or an image folder on disk. */
export function readDatasetPath(path: string, options: CsvOptions = {}): RawDataset {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch {
    throw new Error(`${path}: no such file or folder`);
  }
  if (isDirectory) return loadImages(imageFolderEntries(path), path);
  return readDatasetBytes(basename(path), readFileSync(path), options);
}
