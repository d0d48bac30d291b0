/** `loadDataset`: a data spec and the run's seed → a {@link Dataset}. */
import type { DataSpec } from '../config.js';
import { loadCifar10Dataset } from './cifar10.js';
import type { Dataset } from './dataset.js';
import { loadFunctionDataset } from './functions.js';
import { loadMnistDataset } from './mnist.js';
import { withRandomLabels } from './random-labels.js';

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
  }
}
