/**
 * Seeded minibatches: each epoch is a fresh permutation of the training set cut into batches of
 * `batchSize` (the last one smaller when n is not a multiple), as PyTorch's DataLoader with
 * shuffle=True and drop_last=False does.
 */
import { Rng } from '../util/rng.js';
import type { DataSplit } from './dataset.js';

export class BatchSampler {
  private readonly rng: Rng;
  private order: Int32Array = new Int32Array(0);
  private position = 0;
  /** Epochs started so far. */
  epoch = 0;
  readonly batchSize: number;
  readonly batchesPerEpoch: number;

  constructor(readonly n: number, batchSize: number, seed: number) {
    if (!(n > 0)) throw new Error(`BatchSampler: the training set is empty (n = ${n})`);
    this.batchSize = Math.min(batchSize, n);
    this.batchesPerEpoch = Math.ceil(n / this.batchSize);
    this.rng = Rng.stream(seed, 0xba7c4);
  }

  /** Indices of the next batch; starts a new epoch (new permutation) when the last one is used up. */
  next(): Int32Array {
    if (this.position >= this.order.length) {
      this.order = this.rng.permutation(this.n);
      this.position = 0;
      this.epoch++;
    }
    const batch = this.order.subarray(this.position, Math.min(this.position + this.batchSize, this.n));
    this.position += batch.length;
    return batch;
  }
}

/** Copy the examples at `indices` out of a split into fresh contiguous arrays. */
export function gatherExamples(split: DataSplit, indices: ArrayLike<number>): DataSplit {
  const width = split.x.length / split.n;
  const x = new Float32Array(indices.length * width);
  const y = split.y instanceof Int32Array ? new Int32Array(indices.length) : new Float32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const j = indices[i]!;
    x.set(split.x.subarray(j * width, (j + 1) * width), i * width);
    y[i] = split.y[j]!;
  }
  return { x, y, n: indices.length };
}
