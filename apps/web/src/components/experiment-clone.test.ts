import { describe, expect, it } from 'vitest';
import { cloneName, presetCloneValues } from './experiment-clone';

describe('presetCloneValues', () => {
  it('fills the preset form from a launchInput: preset, scale, overrides as typed, name and tags', () => {
    const values = presetCloneValues({
      input: { preset: 'optimizer-lr', scale: 'STANDARD', overrides: { epochs: 5, 'optimizer.lr': 0.01, lrs: [0.1, 1], note: 'x' } },
      name: 'lr sweep',
      tags: ['hw1', 'lr'],
    });
    expect(values).toEqual({ preset: 'optimizer-lr', scale: 'STANDARD', values: { epochs: '5', 'optimizer.lr': '0.01', lrs: '[0.1,1]', note: 'x' }, name: 'lr sweep (edited)', tags: 'hw1, lr' });
  });

  it('defaults to QUICK and no overrides', () => {
    expect(presetCloneValues({ input: { preset: 'fit-function' }, name: 'f', tags: [] })).toMatchObject({ scale: 'QUICK', values: {}, tags: '' });
  });
});

describe('cloneName', () => {
  it('adds one "(edited)"', () => {
    expect(cloneName('a')).toBe('a (edited)');
    expect(cloneName('a (edited)')).toBe('a (edited)');
  });
});
