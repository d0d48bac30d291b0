import { describe, expect, it } from 'vitest';
import { figureToCsv } from './figure-csv';

describe('figureToCsv', () => {
  it('writes one row per grid cell with its coordinates', () => {
    const csv = figureToCsv({
      kind: 'grid',
      x: { label: 'a', scale: 'linear' },
      y: { label: 'b', scale: 'linear' },
      xs: [0, 1],
      ys: [10, 20],
      values: [
        [1, 2],
        [3, 4],
      ],
      valueLabel: 'loss',
    });
    expect(csv).toBe('a,b,loss\n0,10,1\n1,10,2\n0,20,3\n1,20,4\n');
  });

  it('flattens scatter metadata, joining arrays', () => {
    const csv = figureToCsv({
      kind: 'scatter',
      x: { label: 'loss', scale: 'log' },
      y: { label: 'minimal ratio', scale: 'linear' },
      points: [{ x: 0.1, y: 0.5, runKey: 'r1', meta: { eigenvalues: [1, -2] } }],
    });
    expect(csv).toBe('label,run,group,marked,loss,minimal ratio,eigenvalues\n,r1,,false,0.1,0.5,1 -2\n');
  });
});
