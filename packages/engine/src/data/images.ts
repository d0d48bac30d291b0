/**
 * Image folders → a {@link RawDataset}: one sub-folder per class (its name the class name), PNG
 * or JPEG files inside, all of one size. Decoded by pngjs and jpeg-js (pure JS, no native build);
 * grey when every pixel of every image is grey (one channel), RGB otherwise; alpha dropped.
 * A folder on disk and a zip of one (the upload) give the same entries.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { labelsFromNames, MAX_DATASET_VALUES, type RawDataset } from './raw-dataset.js';

/** One image file: `class/file.png` relative to the dataset's root, and its bytes. */
export interface ImageEntry {
  path: string;
  bytes: Uint8Array;
}

const IMAGE = /\.(png|jpe?g)$/i;

/** The image files of a folder with one sub-folder per class. */
export function imageFolderEntries(dir: string): ImageEntry[] {
  const entries: ImageEntry[] = [];
  for (const cls of readdirSync(dir).sort()) {
    const classDir = join(dir, cls);
    if (cls.startsWith('.') || !statSync(classDir).isDirectory()) continue;
    for (const file of readdirSync(classDir).sort()) {
      if (IMAGE.test(file)) entries.push({ path: `${cls}/${file}`, bytes: readFileSync(join(classDir, file)) });
    }
  }
  return entries;
}

/** The image files of a zip of such a folder; a single top folder around the classes is allowed. */
export function imageZipEntries(bytes: Uint8Array, name = 'images.zip'): ImageEntry[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    throw new Error(`loadImages: ${name}: not a readable zip archive (${(error as Error).message})`);
  }
  const paths = Object.keys(files).filter((p) => IMAGE.test(p) && !p.split('/').some((part) => part.startsWith('.') || part === '__MACOSX'));
  const tops = new Set(paths.map((p) => p.split('/')[0]));
  // A zip of `mydata/` holds `mydata/cat/1.png`: strip the one common top folder.
  const strip = tops.size === 1 && paths.every((p) => p.split('/').length === 3);
  return paths.sort().map((p) => ({ path: strip ? p.slice(p.indexOf('/') + 1) : p, bytes: files[p]! }));
}

function decode(entry: ImageEntry): { width: number; height: number; rgba: Uint8Array } {
  try {
    if (/\.png$/i.test(entry.path)) {
      const png = PNG.sync.read(Buffer.from(entry.bytes));
      return { width: png.width, height: png.height, rgba: png.data };
    }
    const image = jpeg.decode(entry.bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 512 });
    return { width: image.width, height: image.height, rgba: image.data };
  } catch (error) {
    throw new Error(`loadImages: ${entry.path}: cannot be decoded as ${/\.png$/i.test(entry.path) ? 'PNG' : 'JPEG'} (${(error as Error).message}); is the file damaged or misnamed?`);
  }
}

export function loadImages(entries: ImageEntry[], where = 'the image folder'): RawDataset {
  const fail = (detail: string): never => {
    throw new Error(`loadImages: ${where}: ${detail}`);
  };
  const nested = entries.filter((e) => e.path.split('/').length !== 2);
  if (nested.length > 0) fail(`${nested[0]!.path} is not directly inside a class folder; lay the images out as <class>/<image>.png`);
  if (entries.length === 0) fail('no PNG or JPEG images found; lay them out as one folder per class, e.g. cat/1.png, dog/2.jpg');
  const decoded = entries.map((entry) => ({ entry, image: decode(entry) }));
  const { width, height } = decoded[0]!.image;
  for (const { entry, image } of decoded) {
    if (image.width !== width || image.height !== height) {
      fail(`${entry.path} is ${image.width}×${image.height} but ${decoded[0]!.entry.path} is ${width}×${height}; all images must have one size (resize them first)`);
    }
  }
  const grey = decoded.every(({ image }) => {
    for (let p = 0; p < image.rgba.length; p += 4) if (image.rgba[p] !== image.rgba[p + 1] || image.rgba[p] !== image.rgba[p + 2]) return false;
    return true;
  });
  const channels = grey ? 1 : 3;
  const per = width * height * channels;
  if (per * entries.length > MAX_DATASET_VALUES) fail(`${entries.length} images of ${width}×${height}×${channels} exceed the limit of ${MAX_DATASET_VALUES} values`);
  const x = new Float32Array(per * entries.length);
  decoded.forEach(({ image }, i) => {
    for (let p = 0; p < width * height; p++) {
      for (let c = 0; c < channels; c++) x[i * per + p * channels + c] = image.rgba[p * 4 + c]! / 255;
    }
  });
  const { y, classNames } = labelsFromNames(entries.map((e) => e.path.split('/')[0]!));
  if (classNames.length < 2) fail(`found only the class folder '${classNames[0]}'; a classification set needs at least two`);
  return { x, y, n: entries.length, inputShape: [height, width, channels], numClasses: classNames.length, classNames, format: 'images' };
}
