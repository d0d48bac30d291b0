import { ComparisonOp, SortDirection } from '@saddle/schema';
import { describe, expect, it } from 'vitest';
import { decodeView, encodeView, toFilter, toggleSort, toOrderBy, type RunsView } from './runs-url';

const view: RunsView = {
  columns: ['config.optimizer.lr', 'final.test/loss'],
  sort: [
    { field: 'final.test/loss', direction: SortDirection.ASC },
    { field: 'key', direction: SortDirection.DESC },
  ],
  conditions: [
    { scope: 'config', path: 'optimizer.lr', op: ComparisonOp.GT, value: '0.001' },
    { scope: 'final', path: 'test/loss', op: ComparisonOp.LT, value: '0.5' },
    { scope: 'config', path: 'model.name', op: ComparisonOp.IN, value: 'mlp-deep,mlp~odd' },
  ],
  text: 'sinc',
};

describe('runs table URL state', () => {
  it('round-trips columns, sort, conditions (a value containing the separator too) and text', () => {
    const params = encodeView(view);
    expect(params.get('sort')).toBe('final.test/loss:asc,key:desc');
    expect(params.getAll('f')[0]).toBe('config.optimizer.lr~GT~0.001');
    expect(decodeView(new URLSearchParams(params.toString()))).toEqual(view);
  });

  it('drops malformed conditions from a hand-edited link and reads an empty one as the default view', () => {
    const params = new URLSearchParams('f=config.lr~BOGUS~1&f=nope~EQ~1&f=final.acc~GTE~0.9');
    expect(decodeView(params).conditions).toEqual([{ scope: 'final', path: 'acc', op: ComparisonOp.GTE, value: '0.9' }]);
    expect(decodeView(new URLSearchParams())).toEqual({ columns: [], sort: [], conditions: [], text: '' });
    expect(encodeView(decodeView(new URLSearchParams())).toString()).toBe('');
  });

  it('sends typed values: numbers, booleans, lists for IN, no value for EXISTS', () => {
    const filter = toFilter({ ...view, conditions: [...view.conditions, { scope: 'final', path: 'x', op: ComparisonOp.EXISTS, value: 'ignored' }, { scope: 'config', path: 'flag', op: ComparisonOp.EQ, value: 'true' }] });
    expect(filter.config).toEqual([
      { path: 'optimizer.lr', op: 'GT', value: 0.001 },
      { path: 'model.name', op: 'IN', value: ['mlp-deep', 'mlp~odd'] },
      { path: 'flag', op: 'EQ', value: true },
    ]);
    expect(filter.final).toEqual([
      { key: 'test/loss', op: 'LT', value: 0.5 },
      { key: 'x', op: 'EXISTS', value: null },
    ]);
    expect(filter.text).toBe('sinc');
    expect(toFilter({ columns: [], sort: [], conditions: [], text: '' })).toEqual({});
    expect(toOrderBy({ ...view, sort: [] })).toBeUndefined();
  });

  it('cycles a header click: ascending first, then descending, then unsorted, keeping the others as tie-breakers', () => {
    const once = toggleSort([{ field: 'key', direction: SortDirection.ASC }], 'final.loss');
    expect(once).toEqual([
      { field: 'final.loss', direction: 'ASC' },
      { field: 'key', direction: 'ASC' },
    ]);
    const twice = toggleSort(once, 'final.loss');
    expect(twice[0]).toEqual({ field: 'final.loss', direction: 'DESC' });
    expect(toggleSort(twice, 'final.loss')).toEqual([{ field: 'key', direction: 'ASC' }]);
  });
});
