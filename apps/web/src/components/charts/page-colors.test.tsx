import { describe, expect, it } from 'vitest';
import { pageColors } from './page-colors';
import { seriesColor } from './palette';

describe('pageColors', () => {
  it('gives every run of a group its group’s colour when the runs form several groups', () => {
    const colors = pageColors([
      { key: 'mlp-shallow/sinc5', group: 'mlp-shallow' },
      { key: 'mlp-deep/sinc5', group: 'mlp-deep' },
      { key: 'mlp-shallow/sgn', group: 'mlp-shallow' },
      { key: 'mlp-deep/sgn', group: 'mlp-deep' },
    ]);
    expect(colors.byGroup).toBe(true);
    expect(colors.group('mlp-shallow')).toBe(seriesColor(0));
    expect(colors.group('mlp-deep')).toBe(seriesColor(1));
    expect(colors.run('mlp-shallow/sgn')).toBe(colors.group('mlp-shallow'));
    expect(colors.run('mlp-deep/sgn')).toBe(colors.group('mlp-deep'));
    expect(colors.run('nope')).toBeUndefined();
  });

  it('gives each run its own colour when they are seeds of one group', () => {
    const colors = pageColors([0, 1, 2].map((s) => ({ key: `seed${s}`, group: 'mlp-deep' })));
    expect(colors.byGroup).toBe(false);
    expect(new Set(['seed0', 'seed1', 'seed2'].map((k) => colors.run(k))).size).toBe(3);
    expect(colors.group('mlp-deep')).toBeUndefined();
  });
});
