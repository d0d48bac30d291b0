import { describe, expect, it } from 'vitest';
import { dashArray, traceEnvelope, tracePolyline } from './canvas-lines';

function recorder() {
  const calls: string[] = [];
  return {
    calls,
    moveTo: (x: number, y: number) => calls.push(`M${x},${y}`),
    lineTo: (x: number, y: number) => calls.push(`L${x},${y}`),
    closePath: () => calls.push('Z'),
  };
}

const id = (v: number) => v;

describe('tracePolyline', () => {
  it('starts a new piece after every gap and skips non-finite positions', () => {
    const sink = recorder();
    const data = [1, 2, Number.NaN, 4, 5, 6];
    const traced = tracePolyline(sink, data, (d) => d * 10, id, (d) => !Number.isNaN(d));
    expect(sink.calls).toEqual(['M10,1', 'L20,2', 'M40,4', 'L50,5', 'L60,6']);
    expect(traced).toBe(5);
    const infinite = recorder();
    tracePolyline(infinite, [1, Number.POSITIVE_INFINITY, 3], id, id, () => true);
    expect(infinite.calls).toEqual(['M1,1', 'M3,3']);
  });
});

describe('traceEnvelope', () => {
  it('outlines upper then lower edge of each defined piece, one point pieces left out', () => {
    const sink = recorder();
    const data = [0, 1, 2, -1, 4];
    traceEnvelope(sink, data, id, (d) => d + 1, (d) => d - 1, (d) => d >= 0);
    expect(sink.calls).toEqual(['M0,1', 'L1,2', 'L2,3', 'L2,1', 'L1,0', 'L0,-1', 'Z']);
  });
});

describe('dashArray', () => {
  it('reads SVG dash patterns', () => {
    expect(dashArray(undefined)).toEqual([]);
    expect(dashArray('6 3')).toEqual([6, 3]);
    expect(dashArray('9 3 2 3')).toEqual([9, 3, 2, 3]);
  });
});
