/** The random-labels experiment: the same images, training labels permuted under a seed. */
import { Rng } from '../util/rng.js';
import type { Dataset } from './dataset.js';

/** A copy of `dataset` whose training labels are a seeded permutation of the originals (class counts kept). */
export function withRandomLabels(dataset: Dataset, seed: number): Dataset {
  if (dataset.numClasses === 0) throw new Error(`withRandomLabels: '${dataset.name}' is a regression set; random labels need class labels`);
  const labels = Int32Array.from(dataset.train.y);
  Rng.stream(seed, 0x1abe1).shuffle(labels);
  return {
    ...dataset,
    train: { ...dataset.train, y: labels },
    describe: `${dataset.describe}; training labels shuffled (seed ${seed})`,
  };
}
