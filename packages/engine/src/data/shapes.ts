/**
 * What a data spec implies for the model, known without loading anything: the per-example input
 * shape and the number of classes (0 for regression). Validation and the API use these.
 */
import type { DataSpec } from '../config.js';

export function inputShapeOf(data: DataSpec): number[] {
  switch (data.kind) {
    case 'function':
      return [1];
    case 'mnist':
      return data.as32x32x3 ? [32, 32, 3] : [28, 28, 1];
    case 'cifar10':
      return [32, 32, 3];
    case 'dataset':
      if (!data.inputShape) throw new Error(`inputShapeOf: dataset '${data.name}' has no inputShape; the API fills it from the registry at launch (or use checkRegisteredDataset)`);
      return data.inputShape;
  }
}

export function numClassesOf(data: DataSpec): number {
  if (data.kind === 'dataset') return data.numClasses ?? 0;
  return data.kind === 'function' ? 0 : 10;
}

/** Output units a model needs for the data: 1 for regression, one logit per class otherwise. */
export function outputSizeOf(data: DataSpec): number {
  const classes = numClassesOf(data);
  return classes === 0 ? 1 : classes;
}
