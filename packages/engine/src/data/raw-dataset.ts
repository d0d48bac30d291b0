/**
 * What every file loader (CSV, NumPy, image folder) produces and the dataset store keeps: all
 * examples, unsplit and unnormalised, with their labels. A registered dataset is split into
 * train/test and standardised only when a run loads it (`registered.ts`).
 */
export interface RawDataset {
  /** n × prod(inputShape) values, example-major, channels last (images in [0, 1]). */
  x: Float32Array;
  /** n class ids (classification) or n regression targets. */
  y: Int32Array | Float32Array;
  n: number;
  /** Per-example shape: [features] for tables, [height, width, channels] for images. */
  inputShape: number[];
  /** Number of classes; 0 for regression. */
  numClasses: number;
  /** Class id → name (CSV label strings, image folder names); empty for regression. */
  classNames: string[];
  /** CSV column names of the features, when the file had a header. */
  featureNames?: string[];
  /** Which loader read it: `csv`, `npy`, `npz`, `images`. */
  format: 'csv' | 'npy' | 'npz' | 'images';
}

/** Refused beyond this many values in x (4 bytes each: 1 GiB in memory), before allocating. */
export const MAX_DATASET_VALUES = 256 * 1024 * 1024;

/** Examples per class, for listings: classNames[i] has counts[i] examples. */
export function classCounts(raw: Pick<RawDataset, 'y' | 'numClasses'>): number[] {
  const counts = new Array<number>(raw.numClasses).fill(0);
  if (raw.numClasses === 0) return counts;
  for (const label of raw.y) counts[label] = (counts[label] ?? 0) + 1;
  return counts;
}

/** Labels of a classification set from their names: sorted so the ids do not depend on row order. */
export function labelsFromNames(names: string[]): { y: Int32Array; classNames: string[] } {
  const classNames = [...new Set(names)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const id = new Map(classNames.map((name, i) => [name, i]));
  return { y: Int32Array.from(names, (name) => id.get(name)!), classNames };
}
