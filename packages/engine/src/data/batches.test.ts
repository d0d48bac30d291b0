import { describe, expect, it } from 'vitest';
import { BatchSampler, gatherExamples } from './batches.js';

describe('BatchSampler', () => {
  it('each epoch visits every example once, in a seeded order, with a smaller last batch', () => {
    const sampler = new BatchSampler(10, 4, 1);
    expect(sampler.batchesPerEpoch).toBe(3);
    const epoch1 = [sampler.next(), sampler.next(), sampler.next()].map((b) => Array.from(b));
    expect(epoch1.map((b) => b.length)).toEqual([4, 4, 2]);
    expect(epoch1.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const epoch2 = [sampler.next(), sampler.next(), sampler.next()].map((b) => Array.from(b));
    expect(epoch2.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(epoch2.flat()).not.toEqual(epoch1.flat());
    expect(sampler.epoch).toBe(2);
    const again = new BatchSampler(10, 4, 1);
    expect(Array.from(again.next())).toEqual(epoch1[0]);
    expect(Array.from(new BatchSampler(10, 4, 2).next())).not.toEqual(epoch1[0]);
    expect(new BatchSampler(10, 100, 0).next().length).toBe(10);
  });

  it('gatherExamples copies rows and labels', () => {
    const split = { x: Float32Array.from([0, 1, 10, 11, 20, 21]), y: Int32Array.from([5, 6, 7]), n: 3 };
    const batch = gatherExamples(split, [2, 0]);
    expect(Array.from(batch.x)).toEqual([20, 21, 0, 1]);
    expect(Array.from(batch.y)).toEqual([7, 5]);
    expect(batch.y).toBeInstanceOf(Int32Array);
  });
});
