import { describe, expect, it } from 'vitest';
import { zoo } from '../models/zoo.js';
import { recommendedThreads } from './recommended-threads.js';

describe('recommendedThreads', () => {
  it('gives convolutional models every core and dense-only models one thread', () => {
    expect(recommendedThreads([zoo['cnn-shallow']!.spec], 4)).toBe(4);
    expect(recommendedThreads([zoo['mlp-shallow']!.spec], 4)).toBe(1);
    expect(recommendedThreads([zoo['mlp-shallow']!.spec, zoo['cnn-shallow']!.spec], 2)).toBe(2);
    expect(recommendedThreads([], 8)).toBe(1);
  });
});
