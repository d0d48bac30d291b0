import { describe, expect, it } from 'vitest';
import { loadCsv } from './csv.js';

describe('loadCsv', () => {
  it('reads a header, numeric features and a numeric last column as regression', () => {
    const data = loadCsv('x1,x2,y\n1,2,0.5\n3,4,-1.5\r\n5,6,2\n');
    expect(data.inputShape).toEqual([2]);
    expect(Array.from(data.x)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(data.y)).toEqual([0.5, -1.5, 2]);
    expect(data.numClasses).toBe(0);
    expect(data.featureNames).toEqual(['x1', 'x2']);
  });

  it('reads string labels as classes sorted by name, and a named target column anywhere', () => {
    const data = loadCsv('species,a,b\nsetosa,1,2\nvirginica,3,4\nsetosa,5,6\n"versi,color",7,8\n', { target: 'species' });
    expect(data.classNames).toEqual(['setosa', 'versi,color', 'virginica']);
    expect(Array.from(data.y)).toEqual([0, 2, 0, 1]);
    expect(Array.from(data.x)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('treats integer labels as classes when asked, and reads a file without a header', () => {
    const data = loadCsv('0.1,0\n0.2,1\n0.3,1\n', { task: 'classification' });
    expect(data.numClasses).toBe(2);
    expect(Array.from(data.y)).toEqual([0, 1, 1]);
    expect(data.n).toBe(3);
  });

  it('names the row and column of a malformed cell', () => {
    expect(() => loadCsv('a,b,y\n1,2,3\n4,oops,5\n')).toThrow(/row 3, column 'b': "oops" is not a finite number/);
    expect(() => loadCsv('a,b,y\n1,2,3\n4,5\n')).toThrow(/loadCsv: Invalid Record Length.*line 3/);
    expect(() => loadCsv('a,y\n1,cat\n2,dog\n', { task: 'regression' })).toThrow(/row 2, column 'y' \(the target\): "cat" is not a number/);
    expect(() => loadCsv('a,y\n1,\n', {})).toThrow(/row 2, column 'y' \(the target\): empty/);
    expect(() => loadCsv('a,y\n1,2\n', { target: 'label' })).toThrow(/target column 'label' not found; the columns are a, y/);
    expect(() => loadCsv('')).toThrow(/no rows/);
  });
});
