/**
 * NumPy `.npy` arrays and `.npz` archives → a {@link RawDataset}. The .npy format is a magic
 * string, a Python-dict header (dtype, fortran_order, shape) and the raw C-order data; it is
 * small enough to read here (the npm packages for it fetch over HTTP and skip .npz). A .npz is a
 * zip of .npy files (unzipped with fflate) and must hold `x` and `y`; a lone .npy is a 2-D table
 * whose last column is the target. Integer labels mean classification, floats regression.
 */
import { unzipSync } from 'fflate';
import { MAX_DATASET_VALUES, type RawDataset } from './raw-dataset.js';

export interface NpyArray {
  shape: number[];
  /** e.g. `<f4`, `<i8`, `|u1`. */
  dtype: string;
  /** Integers and booleans are exact in a double up to 2^53. */
  values: Float64Array;
  integer: boolean;
}

const DTYPES: Record<string, { bytes: number; integer: boolean; read: (view: DataView, offset: number) => number }> = {
  '<f4': { bytes: 4, integer: false, read: (v, o) => v.getFloat32(o, true) },
  '<f8': { bytes: 8, integer: false, read: (v, o) => v.getFloat64(o, true) },
  '|i1': { bytes: 1, integer: true, read: (v, o) => v.getInt8(o) },
  '|u1': { bytes: 1, integer: true, read: (v, o) => v.getUint8(o) },
  '|b1': { bytes: 1, integer: true, read: (v, o) => v.getUint8(o) },
  '<i2': { bytes: 2, integer: true, read: (v, o) => v.getInt16(o, true) },
  '<u2': { bytes: 2, integer: true, read: (v, o) => v.getUint16(o, true) },
  '<i4': { bytes: 4, integer: true, read: (v, o) => v.getInt32(o, true) },
  '<u4': { bytes: 4, integer: true, read: (v, o) => v.getUint32(o, true) },
  '<i8': { bytes: 8, integer: true, read: (v, o) => Number(v.getBigInt64(o, true)) },
  '<u8': { bytes: 8, integer: true, read: (v, o) => Number(v.getBigUint64(o, true)) },
};

/** Parse one .npy file; `name` is used in errors. */
export function parseNpy(bytes: Uint8Array, name = 'array.npy'): NpyArray {
  const fail = (detail: string): never => {
    throw new Error(`loadNpy: ${name}: ${detail}`);
  };
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
  if (bytes.length < 10 || magic.some((b, i) => bytes[i] !== b)) fail('not a NumPy .npy file (no \\x93NUMPY magic at the start); save it with numpy.save');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6]!;
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  if (start + headerLength > bytes.length) fail(`header of ${headerLength} bytes runs past the end of the file (${bytes.length} bytes): truncated?`);
  const header = new TextDecoder('latin1').decode(bytes.subarray(start, start + headerLength));
  const descr = /'descr'\s*:\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) fail(`header ${JSON.stringify(header.trim())} lacks descr, fortran_order or shape`);
  // '=' and '<' are the same on the little-endian machines NumPy files come from.
  const dtype = descr!.replace(/^=/, '<');
  const type = DTYPES[dtype];
  if (!type) fail(`dtype '${descr}' is not supported; use float32/float64, (u)int8–64 or bool little-endian (e.g. x.astype('float32')); object and string arrays cannot be read`);
  if (fortran === 'True') fail("is in Fortran order; save numpy.ascontiguousarray(x) instead");
  const shape = shapeText!.split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  if (count > MAX_DATASET_VALUES) fail(`shape (${shape.join(', ')}) holds ${count} values, over the limit of ${MAX_DATASET_VALUES}`);
  const dataStart = start + headerLength;
  if (bytes.length - dataStart !== count * type!.bytes) {
    fail(`shape (${shape.join(', ')}) of ${dtype} needs ${count * type!.bytes} data bytes but the file has ${bytes.length - dataStart}: truncated or mislabelled`);
  }
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) values[i] = type!.read(view, dataStart + i * type!.bytes);
  return { shape, dtype, values, integer: type!.integer };
}

function toDataset(x: NpyArray, y: NpyArray, format: 'npy' | 'npz', where: string): RawDataset {
  const fail = (detail: string): never => {
    throw new Error(`loadNpy: ${where}: ${detail}`);
  };
  if (x.shape.length < 2) fail(`x has shape (${x.shape.join(', ')}); it needs one row per example and at least one feature axis, e.g. (n, features) or (n, height, width, channels)`);
  const n = x.shape[0]!;
  if (y.shape.length !== 1 && !(y.shape.length === 2 && y.shape[1] === 1)) fail(`y has shape (${y.shape.join(', ')}); it must be one label or target per example, shape (${n},)`);
  if (y.shape[0] !== n) fail(`x has ${n} examples but y has ${y.shape[0]}; they must match`);
  for (let i = 0; i < x.values.length; i++) {
    if (!Number.isFinite(x.values[i]!)) fail(`x holds a non-finite value (${x.values[i]}) at flat index ${i} (example ${Math.floor(i / (x.values.length / n))}); clean it before registering`);
  }
  const inputShape = x.shape.slice(1);
  // (n, h, w) images get a channel axis, so convolutional models see h × w × 1.
  if (inputShape.length === 2) inputShape.push(1);
  const xs = Float32Array.from(x.values);
  if (y.integer) {
    const labels = Int32Array.from(y.values);
    const min = Math.min(...labels);
    const max = Math.max(...labels);
    if (min < 0) fail(`y holds the label ${min}; class labels are 0, 1, 2, … (or give float targets for regression)`);
    if (max < 1) fail('y has a single class (0); classification needs at least two');
    return { x: xs, y: labels, n, inputShape, numClasses: max + 1, classNames: Array.from({ length: max + 1 }, (_, i) => String(i)), format };
  }
  for (let i = 0; i < n; i++) if (!Number.isFinite(y.values[i]!)) fail(`y[${i}] is ${y.values[i]}; regression targets must be finite`);
  return { x: xs, y: Float32Array.from(y.values), n, inputShape, numClasses: 0, classNames: [], format };
}

/** A lone .npy: a 2-D (n, features + 1) table, the last column the target. */
export function loadNpy(bytes: Uint8Array, name = 'data.npy'): RawDataset {
  const table = parseNpy(bytes, name);
  if (table.shape.length !== 2 || table.shape[1]! < 2) {
    throw new Error(`loadNpy: ${name}: a lone .npy must be a 2-D table (n, features + 1) whose last column is the target; got shape (${table.shape.join(', ')}). For images or separate labels save numpy.savez(file, x=x, y=y)`);
  }
  const [n, columns] = table.shape as [number, number];
  const x = new Float64Array(n * (columns - 1));
  const y = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < columns - 1; c++) x[r * (columns - 1) + c] = table.values[r * columns + c]!;
    y[r] = table.values[r * columns + columns - 1]!;
  }
  // A float table's last column may still hold whole-number class ids; its dtype decides: floats are regression.
  return toDataset({ ...table, shape: [n, columns - 1], values: x }, { ...table, shape: [n], values: y }, 'npy', name);
}

/** A .npz with arrays `x` (or `X`) and `y`. */
export function loadNpz(bytes: Uint8Array, name = 'data.npz'): RawDataset {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    throw new Error(`loadNpy: ${name}: not a readable .npz (zip) archive (${(error as Error).message}); save it with numpy.savez(file, x=x, y=y)`);
  }
  const pick = (...keys: string[]) => keys.map((k) => files[`${k}.npy`]).find((f) => f !== undefined);
  const x = pick('x', 'X');
  const y = pick('y', 'Y');
  if (!x || !y) {
    throw new Error(`loadNpy: ${name}: needs arrays 'x' and 'y'; it holds ${Object.keys(files).map((f) => `'${f.replace(/\.npy$/, '')}'`).join(', ') || 'nothing'}. Save it with numpy.savez(file, x=inputs, y=labels)`);
  }
  return toDataset(parseNpy(x, `${name}:x.npy`), parseNpy(y, `${name}:y.npy`), 'npz', name);
}
