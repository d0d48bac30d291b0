/** `loadDataset`: a data spec and the run's seed → a {@link Dataset}. */
import type { DataSpec } from '../config.js';
import { cifar10Dir, loadCifar10Dataset } from './cifar10.js';
import type { Dataset } from './dataset.js';
import { loadFunctionDataset } from './functions.js';
import { loadMnistDataset } from './mnist.js';
import { withRandomLabels } from './random-labels.js';
import { checkRegisteredDataset, loadRegisteredDataset } from './registered.js';

/** The seed drives function sampling and random-label shuffles; the MNIST split is fixed. */
export async function loadDataset(spec: DataSpec, seed: number): Promise<Dataset> {
  switch (spec.kind) {
    case 'function':
      return loadFunctionDataset(spec, seed);
    case 'mnist': {
      const dataset = loadMnistDataset(spec);
      return spec.randomLabels ? withRandomLabels(dataset, seed) : dataset;
    }
    case 'cifar10': {
      const dataset = loadCifar10Dataset(spec);
      return spec.randomLabels ? withRandomLabels(dataset, seed) : dataset;
    }
    case 'dataset': {
      const dataset = loadRegisteredDataset(spec);
      return spec.randomLabels && dataset.numClasses > 0 ? withRandomLabels(dataset, seed) : dataset;
    }
  }
}

/**
 * Throws, with the fix, when the data a spec names cannot be found on this machine (CIFAR-10
 * without its files); function targets and the embedded MNIST are always there. Checks files
 * only, reads nothing: a launch calls it for every run so a missing folder is refused up front,
 * not found by each worker. (In scale-out mode the workers must see the same paths.)
 */
export function checkDataAvailable(spec: DataSpec, env: NodeJS.ProcessEnv = process.env): void {
  switch (spec.kind) {
    case 'function':
    case 'mnist':
      return;
    case 'cifar10':
      cifar10Dir(spec, env);
      return;
    case 'dataset':
      checkRegisteredDataset(spec.name, env);
      return;
  }
}
