import { describe, expect, it } from 'vitest';
import { missingFigureReason } from './missing-figures';

describe('missingFigureReason', () => {
  it('is null when every run finished (a declared figure not drawn was never asked for)', () => {
    expect(missingFigureReason([{ key: 'a', status: 'SUCCEEDED' }, { key: 'b', status: 'DIVERGED' }])).toBeNull();
  });

  it('names the runs that ended short and how, and how many finished', () => {
    expect(missingFigureReason([{ key: 'adam', status: 'SUCCEEDED' }, { key: 'sgd', status: 'CANCELLED' }, { key: 'rmsprop', status: 'FAILED' }])).toBe(
      'Not drawn: the analyses had only the 1 of 3 runs that finished, and sgd (cancelled), rmsprop (failed) did not finish. Re-run the experiment to draw it.',
    );
  });

  it('counts the runs past the fifth', () => {
    const runs = [{ key: 'ok', status: 'SUCCEEDED' }, ...Array.from({ length: 7 }, (_, i) => ({ key: `r${i}`, status: 'CANCELLED' }))];
    expect(missingFigureReason(runs)).toMatch(/r0 \(cancelled\), r1 \(cancelled\), r2 \(cancelled\), r3 \(cancelled\), r4 \(cancelled\) and 2 more did not finish/);
  });
});
