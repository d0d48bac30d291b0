import { describe, expect, it } from 'vitest';
import { splitTopLevel } from './split-top-level.js';

describe('splitTopLevel', () => {
  it('splits at commas outside parentheses only, trimming and dropping empty items', () => {
    expect(splitTopLevel('sinc5, max(x, 0)*2 ,exp(-x)*cos(2*pi*x),')).toEqual(['sinc5', 'max(x, 0)*2', 'exp(-x)*cos(2*pi*x)']);
    expect(splitTopLevel('1e-4,1e-3')).toEqual(['1e-4', '1e-3']);
    expect(splitTopLevel('')).toEqual([]);
  });
});
