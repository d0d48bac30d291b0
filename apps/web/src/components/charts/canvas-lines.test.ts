import { afterEach, describe, expect, it, vi } from 'vitest';
import { dashArray, hairlineOffsets, strokeLine, traceEnvelope, tracePolyline, type StrokeTarget } from './canvas-lines';

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

describe('hairlineOffsets', () => {
  it('is one stroke for a line of 1 px or less', () => {
    expect(hairlineOffsets(1)).toEqual([[0, 0]]);
    expect(hairlineOffsets(0.5)).toEqual([[0, 0]]);
  });

  it('spreads three strokes across width − 1 px in every direction (within 8 %)', () => {
    for (const width of [1.75, 2.25]) {
      const offsets = hairlineOffsets(width);
      expect(offsets).toHaveLength(3);
      for (let deg = 0; deg < 180; deg += 5) {
        // the band the strokes cover across a line running at this angle
        const nx = -Math.sin((deg * Math.PI) / 180);
        const ny = Math.cos((deg * Math.PI) / 180);
        const across = offsets.map(([dx, dy]) => dx * nx + dy * ny);
        const spread = Math.max(...across) - Math.min(...across);
        expect(spread).toBeGreaterThan((width - 1) * 0.92);
        expect(spread).toBeLessThan((width - 1) * 1.09);
      }
    }
  });
});

class RecordedPath {
  static made = 0;
  calls: string[] = [];
  constructor() {
    RecordedPath.made++;
  }
  moveTo(x: number, y: number) {
    this.calls.push(`M${x},${y}`);
  }
  lineTo(x: number, y: number) {
    this.calls.push(`L${x},${y}`);
  }
}

function strokeRecorder(alpha: number) {
  const calls: string[] = [];
  const target: StrokeTarget = {
    globalAlpha: alpha,
    lineWidth: 10,
    beginPath: () => calls.push('begin'),
    moveTo: (x, y) => calls.push(`M${x},${y}`),
    lineTo: (x, y) => calls.push(`L${x},${y}`),
    stroke: (path?: Path2D) => calls.push(path ? `stroke path ${(path as unknown as RecordedPath).calls.join(' ')} at ${target.lineWidth}` : `stroke at ${target.lineWidth}`),
    save: () => calls.push('save'),
    restore: () => calls.push('restore'),
    translate: (x, y) => calls.push(`translate ${x.toFixed(2)},${y.toFixed(2)}`),
  };
  return { target, calls };
}

describe('strokeLine', () => {
  afterEach(() => vi.unstubAllGlobals());
  const trace = (sink: { moveTo(x: number, y: number): void; lineTo(x: number, y: number): void }) => {
    sink.moveTo(0, 0);
    sink.lineTo(5, 5);
  };

  it('draws an opaque wide line as three translated 1-px strokes of one path', () => {
    vi.stubGlobal('Path2D', RecordedPath);
    RecordedPath.made = 0;
    const { target, calls } = strokeRecorder(1);
    strokeLine(target, trace, 1.75, true);
    expect(RecordedPath.made).toBe(1);
    expect(calls.filter((c) => c.startsWith('stroke'))).toEqual(['stroke path M0,0 L5,5 at 1', 'stroke path M0,0 L5,5 at 1', 'stroke path M0,0 L5,5 at 1']);
    expect(calls.filter((c) => c.startsWith('translate'))).toEqual(hairlineOffsets(1.75).map(([x, y]) => `translate ${x.toFixed(2)},${y.toFixed(2)}`));
    expect(calls.filter((c) => c === 'save')).toHaveLength(3);
    expect(calls.filter((c) => c === 'restore')).toHaveLength(3);
  });

  it('strokes once at the real width when translucent, without hairlines, or 1 px wide', () => {
    vi.stubGlobal('Path2D', RecordedPath);
    for (const [alpha, width, hairlines] of [[0.35, 1.75, true], [1, 1.75, false], [1, 1, true]] as const) {
      const { target, calls } = strokeRecorder(alpha);
      strokeLine(target, trace, width, hairlines);
      expect(calls).toEqual(['begin', 'M0,0', 'L5,5', `stroke at ${width}`]);
    }
  });
});
