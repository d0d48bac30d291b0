import { describe, expect, it } from 'vitest';
import { parseSweepArg, parseSweepArgs } from './sweep-args.js';

describe('--sweep PATH=VALUES', () => {
  it('reads lists (JSON where it parses, formulas kept whole), ranges, log ranges and whole-number ranges', () => {
    expect(parseSweepArg('optimizer.lr=1e-4,1e-3,1e-2')).toEqual(['optimizer.lr', { values: [1e-4, 1e-3, 1e-2] }]);
    expect(parseSweepArg('model=mlp-shallow,mlp-deep')).toEqual(['model', { values: ['mlp-shallow', 'mlp-deep'] }]);
    expect(parseSweepArg('data.expression=sin(4*pi*x)/(4*pi*x), max(x, 0)')).toEqual(['data.expression', { values: ['sin(4*pi*x)/(4*pi*x)', 'max(x, 0)'] }]);
    expect(parseSweepArg('epochs=10..50:5')).toEqual(['epochs', { min: 10, max: 50, count: 5, log: false, integer: false }]);
    expect(parseSweepArg('optimizer.lr=log:1e-4..1e-1:4')).toEqual(['optimizer.lr', { min: 1e-4, max: 1e-1, count: 4, log: true, integer: false }]);
    expect(parseSweepArg('batchSize=log:int:16..256')).toEqual(['batchSize', { min: 16, max: 256, count: 5, log: true, integer: true }]);
  });

  it('says what is wrong and shows the syntax', () => {
    expect(() => parseSweepArg('optimizer.lr')).toThrow(/expected PATH=VALUES, got "optimizer.lr"; the syntax is .*log:1e-4\.\.1e-1:4/);
    expect(() => parseSweepArg('optimizer.lr=log:a..1:3')).toThrow(/needs numbers at both ends/);
    expect(() => parseSweepArgs(['epochs=1,2', 'epochs=3'])).toThrow(/epochs is swept twice/);
  });
});
