import { describe, expect, it } from 'vitest';
import { flattenConfig } from './flatten.js';

describe('flattenConfig', () => {
  it('joins object keys and list indices with dots, leaves scalars as they are', () => {
    expect(
      flattenConfig({
        optimizer: { name: 'adam', lr: 1e-3, betas: [0.9, 0.999] },
        layers: [{ units: 64, activation: 'relu' }, { units: 10 }],
        seed: 0,
        pretrained: false,
        note: null,
      }),
    ).toEqual({
      'optimizer.name': 'adam',
      'optimizer.lr': 1e-3,
      'optimizer.betas.0': 0.9,
      'optimizer.betas.1': 0.999,
      'layers.0.units': 64,
      'layers.0.activation': 'relu',
      'layers.1.units': 10,
      seed: 0,
      pretrained: false,
      note: null,
    });
  });

  it('keeps the order of the nested config', () => {
    expect(Object.keys(flattenConfig({ b: 1, a: { z: 1, y: 2 }, c: [3] }))).toEqual(['b', 'a.z', 'a.y', 'c.0']);
  });

  it('keeps empty lists and objects as leaves and skips undefined members', () => {
    expect(flattenConfig({ tags: [], extra: {}, gone: undefined, nested: { gone: undefined } })).toEqual({ tags: [], extra: {}, nested: {} });
  });

  it('is the identity on a flat config', () => {
    const flat = { 'optimizer.lr': 0.01, batchSize: 64, model: 'mlp-deep' };
    expect(flattenConfig(flat)).toEqual(flat);
  });

  it('refuses two values on one path, naming the path', () => {
    expect(() => flattenConfig({ 'a.b': 1, a: { b: 2 } })).toThrow(/two values flatten to the path "a\.b"/);
  });

  it('refuses values that are not JSON, naming the path', () => {
    expect(() => flattenConfig({ optimizer: { lr: Number.NaN } })).toThrow(/"optimizer\.lr" is NaN/);
    expect(() => flattenConfig({ layers: [{ init: () => 0 }] })).toThrow(/"layers\.0\.init" is a function/);
    expect(() => flattenConfig({ at: new Date(0) })).toThrow(/"at" is a Date/);
  });
});
