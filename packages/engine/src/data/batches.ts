/**
 * Seeded minibatches: each epoch is a fresh permutation of the training set cut into batches of
 * `batchSize` (the last one smaller when n is not a multiple), as PyTorch's DataLoader with
 * shuffle=True and drop_last=False does.
 */
import { Rng, type RngState } from '../util/rng.js';
import type { DataSplit } from './dataset.js';

/**
 * Where a sampler is, JSON-safe: the generator as it was before the current epoch's permutation
 * was drawn (so the permutation can be drawn again), the epochs started and the batches' position
 * in that permutation.
 */
export interface SamplerState {
  rng: RngState;
  epoch: number;
  position: number;
}

export class BatchSampler {
  private readonly rng: Rng;
  private order: Int32Array = new Int32Array(0);
  private position = 0;
  /** The generator before the current permutation: what `state()` saves. */
  private epochStart: RngState;
  /** Epochs started so far. */
  epoch = 0;
  readonly batchSize: number;
  readonly batchesPerEpoch: number;

  constructor(readonly n: number, batchSize: number, seed: number) {
    if (!(n > 0)) throw new Error(`BatchSampler: the training set is empty (n = ${n})`);
    this.batchSize = Math.min(batchSize, n);
    this.batchesPerEpoch = Math.ceil(n / this.batchSize);
    this.rng = Rng.stream(seed, 0xba7c4);
    this.epochStart = this.rng.getState();
  }

  state(): SamplerState {
    return { rng: { ...this.epochStart }, epoch: this.epoch, position: this.position };
  }

  /** Continue from `saved` (a sampler of the same n, batch size and seed): the same batches follow. */
  restore(saved: SamplerState): void {
    if (!(Number.isInteger(saved.position) && saved.position >= 0 && saved.position <= this.n)) {
      throw new Error(`BatchSampler.restore: position must be an integer in [0, ${this.n}], got ${saved.position}`);
    }
    this.rng.setState(saved.rng);
    this.epochStart = this.rng.getState();
    this.epoch = saved.epoch;
    this.position = saved.position;
    // Before the first batch no permutation was drawn; else draw the current one again.
    this.order = saved.epoch === 0 ? new Int32Array(0) : this.rng.permutation(this.n);
  }

  /** Indices of the next batch; starts a new epoch (new permutation) when the last one is used up. */
  next(): Int32Array {
    if (this.position >= this.order.length) {
      this.epochStart = this.rng.getState();
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
