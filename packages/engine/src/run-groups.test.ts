import { describe, expect, it } from 'vitest';
import { configValue, facetKeys, runColours, runStyles } from './run-groups.js';

// fit-function's runs: group = model, fitted to two targets, two seeds (labels + effective spec paths)
const fit = ['mlp-shallow', 'mlp-deep'].flatMap((model) =>
  ['sinc5', 'sgn-sin5pi'].flatMap((target) =>
    [0, 1].map((seed) => ({
      key: `${model}/${target}${seed > 0 ? `/seed${seed}` : ''}`,
      group: model,
      config: { model, target, seed, 'model.name': model, 'data.fn': target, 'data.n': 1000, 'optimizer.lr': 0.003 },
    })),
  ),
);

describe('configValue', () => {
  it('reads a label, else the spec path it stands for', () => {
    expect(configValue({ model: 'mlp-deep', 'model.name': 'x' }, 'model')).toBe('mlp-deep');
    // minimal-ratio's runs carry only { seed } as labels: their model is in the effective config
    expect(configValue({ seed: 3, 'model.name': 'mlp-10x10' }, 'model')).toBe('mlp-10x10');
    expect(configValue({ 'data.fn': 'sinc5' }, 'target')).toBe('sinc5');
    expect(configValue({ 'data.fn': 'sinc5', 'data.expression': 'sin(x)' }, 'target')).toBe('sin(x)');
    expect(configValue({ 'optimizer.lr': 0.1 }, 'optimizer.lr')).toBe(0.1);
    expect(configValue({}, 'model')).toBeUndefined();
    expect(configValue(null, 'model')).toBeUndefined();
  });
});

describe('facetKeys and runStyles', () => {
  it('finds what varies within a group (the target), not what the group decides or the seed', () => {
    expect(facetKeys(fit)).toEqual(['target']);
    const styles = runStyles(fit);
    expect(styles.get('mlp-deep/sinc5/seed1')).toBe('target=sinc5');
    expect(styles.get('mlp-shallow/sgn-sin5pi')).toBe('target=sgn-sin5pi');
  });

  it('has no facets for seeds of one model, or for sweep points that are groups of their own', () => {
    const seeds = [0, 1, 2].map((seed) => ({ key: `seed${seed}`, group: 'mlp-deep', config: { seed, 'model.name': 'mlp-deep' } }));
    expect(facetKeys(seeds)).toEqual([]);
    expect(runStyles(seeds).size).toBe(0);
    const sweep = [1e-3, 1e-2].flatMap((lr) => [0, 1].map((seed) => ({ key: `lr=${lr}/seed${seed}`, group: `lr=${lr}`, config: { 'optimizer.lr': lr, seed } })));
    expect(facetKeys(sweep)).toEqual([]);
  });

  it('falls back to spec paths when runs carry no labels', () => {
    const runs = ['sinc5', 'sgn-sin5pi'].map((fn) => ({ key: fn, group: 'spec', config: { 'data.fn': fn, 'model.name': 'mlp-deep', seed: 0 } }));
    expect(facetKeys(runs)).toEqual(['data.fn']);
  });
});

describe('runColours', () => {
  const palette = ['red', 'green', 'blue'];

  it('gives every run of a group its group’s colour, in order of first appearance, when the runs form several groups', () => {
    const colours = runColours(fit, palette);
    expect(colours.byGroup).toBe(true);
    expect(colours.group('mlp-shallow')).toBe('red');
    expect(colours.group('mlp-deep')).toBe('green');
    expect(colours.run('mlp-deep/sgn-sin5pi/seed1')).toBe('green');
    expect(colours.run('mlp-shallow/sinc5')).toBe('red');
    expect(colours.run('nope')).toBeUndefined();
    expect([...colours.used]).toEqual(['red', 'green']);
  });

  it('gives each run its own colour (cycling the palette) when they are seeds of one group', () => {
    const colours = runColours([0, 1, 2, 3].map((s) => ({ key: `seed${s}`, group: 'mlp-deep' })), palette);
    expect(colours.byGroup).toBe(false);
    expect(['seed0', 'seed1', 'seed2', 'seed3'].map((k) => colours.run(k))).toEqual(['red', 'green', 'blue', 'red']);
    expect(colours.group('mlp-deep')).toBeUndefined();
  });

  it('refuses an empty palette', () => {
    expect(() => runColours(fit, [])).toThrow(/no colours/);
  });
});
