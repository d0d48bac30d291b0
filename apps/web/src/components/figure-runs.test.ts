import { describe, expect, it } from 'vitest';
import { pageColors } from './charts/page-colors';
import { toFigureRuns } from './figure-runs';
import { runStyles } from '../lib/run-config';

describe('toFigureRuns', () => {
  it('groups by model with a style per target when the runs are models × targets', () => {
    const runs = ['a', 'b'].flatMap((model) => ['t1', 't2'].map((target) => ({ id: `${model}-${target}`, key: `${model}/${target}`, group: model, config: { model, target } })));
    const figureRuns = toFigureRuns(runs, () => ({}), pageColors(runs), runStyles(runs));
    const aT2 = figureRuns.find((r) => r.label === 'a/t2');
    expect(aT2).toMatchObject({ group: 'a', style: 'target=t2', color: figureRuns.find((r) => r.label === 'a/t1')?.color });
    expect(aT2?.band).toBeUndefined();
    expect(figureRuns.find((r) => r.label === 'b/t1')?.color).not.toBe(aT2?.color);
  });

  it('gives seeds of one model a colour each and one band, no group', () => {
    const runs = [0, 1].map((s) => ({ id: `r${s}`, key: `seed${s}`, group: 'mlp', config: { seed: s } }));
    const figureRuns = toFigureRuns(runs, () => ({}), pageColors(runs), runStyles(runs));
    expect(figureRuns.map((r) => r.group)).toEqual([undefined, undefined]);
    expect(figureRuns.map((r) => r.band)).toEqual(['mlp', 'mlp']);
    expect(new Set(figureRuns.map((r) => r.color)).size).toBe(2);
    expect(figureRuns.every((r) => r.style === undefined)).toBe(true);
  });
});
