import { describe, expect, it } from 'vitest';
import { editDistance, nearestName } from './nearest-name.js';

describe('nearestName', () => {
  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('epochs', 'epochs')).toBe(0);
  });

  it('suggests a close name and nothing for a far one', () => {
    const names = ['runs', 'epochs', 'optimizer.lr', 'batchSize', 'seed'];
    expect(nearestName('run', names)).toBe('runs');
    expect(nearestName('epoch', names)).toBe('epochs');
    expect(nearestName('optimiser.lr', names)).toBe('optimizer.lr');
    expect(nearestName('batchsize', names)).toBe('batchSize');
    expect(nearestName('colour', names)).toBeUndefined();
  });
});
