import { ComparisonOp, SortDirection } from '@saddle/schema';
import { describe, expect, it } from 'vitest';
import { decodeView, EMPTY_VIEW, encodeView, fromLocalInput, toFilter, toggleSort, toLocalInput, toOrderBy, type RunsView } from './runs-url';

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
  status: ['FAILED', 'DIVERGED'],
  tags: ['lr', 'best'],
  preset: 'fit-function',
  experiment: 'e-123',
  origin: 'EXTERNAL',
  createdAfter: '2026-12-01T10:00:00.000Z',
  createdBefore: '2026-12-02T00:00:00.000Z',
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
    expect(decodeView(new URLSearchParams())).toEqual(EMPTY_VIEW);
    expect(decodeView(new URLSearchParams('status=FAILED,BOGUS&origin=NOPE&after=yesterday&before=2026-12-01T00:00:00Z'))).toMatchObject({ status: ['FAILED'], origin: '', createdAfter: '', createdBefore: '2026-12-01T00:00:00.000Z' });
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
    expect(toFilter(EMPTY_VIEW)).toEqual({});
    expect(toOrderBy({ ...view, sort: [] })).toBeUndefined();
  });

  it('round-trips and sends the run and experiment fields: status, tags, preset, experiment, origin, creation time', () => {
    const params = encodeView(view);
    expect(Object.fromEntries([...params].filter(([k]) => !['cols', 'sort', 'f', 'q'].includes(k)))).toEqual({
      status: 'FAILED,DIVERGED',
      tags: 'lr,best',
      preset: 'fit-function',
      exp: 'e-123',
      origin: 'EXTERNAL',
      after: '2026-12-01T10:00:00.000Z',
      before: '2026-12-02T00:00:00.000Z',
    });
    const filter = toFilter(view);
    expect(filter).toMatchObject({ status: ['FAILED', 'DIVERGED'], tags: ['lr', 'best'], preset: 'fit-function', experiment: 'e-123', origin: 'EXTERNAL', createdAfter: '2026-12-01T10:00:00.000Z', createdBefore: '2026-12-02T00:00:00.000Z' });
    expect(toFilter({ ...EMPTY_VIEW, status: ['SUCCEEDED'] })).toEqual({ status: ['SUCCEEDED'] });
  });

  it('converts between a datetime-local input (the browser zone) and the ISO instant in the URL', () => {
    const iso = '2026-12-01T10:30:00.000Z';
    const local = toLocalInput(iso);
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(local)).toBe(iso);
    expect(new Date(fromLocalInput('2026-12-01T10:30')).getHours()).toBe(10);
    expect(fromLocalInput('')).toBe('');
    expect(toLocalInput('')).toBe('');
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
