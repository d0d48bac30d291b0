import { describe, expect, it } from 'vitest';
import { columnsToPoints, readColumns } from './columns';

describe('columnsToPoints', () => {
  it('zips the columns into points, a non-finite value as a gap (null)', () => {
    const points = columnsToPoints({ steps: [0, 1, 2], values: [0.5, 'NaN', '-Infinity'], wallTimes: [10, 20, 30], epochs: [null, 0.5, 1] });
    expect(points).toEqual([
      { step: 0, value: 0.5, wallTime: 10, epoch: null },
      { step: 1, value: null, wallTime: 20, epoch: 0.5 },
      { step: 2, value: null, wallTime: 30, epoch: 1 },
    ]);
  });

  it('refuses columns of other shapes, naming the column', () => {
    expect(() => readColumns({ steps: [0, 1], values: [1], wallTimes: [1, 2], epochs: [null, null] })).toThrow('metric columns: values has 1 entries, steps has 2');
    expect(() => readColumns({ steps: [0], values: ['big'], wallTimes: [1], epochs: [null] })).toThrow('metric columns: values holds "big"');
    expect(() => readColumns({ values: [] })).toThrow('metric columns: steps is not a list');
  });
});
