/**
 * Lines and envelopes on a 2-D canvas: what LineChart draws when a chart holds more points than
 * SVG paths can re-render in a frame (100 runs × 2,000 points is 200,000 path vertices, and every
 * React render of the SVG rebuilt them all).
 */

/** The part of CanvasRenderingContext2D a trace uses (a recorder stands in for it in tests). */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
}

/**
 * Adds one polyline per run of defined points to `sink`: an undefined point (a gap, a value a log
 * axis cannot show) ends the current piece, as SVG's `defined` does. Returns the points traced.
 */
export function tracePolyline<Datum>(
  sink: PathSink,
  data: readonly Datum[],
  px: (d: Datum, index: number) => number,
  py: (d: Datum, index: number) => number,
  defined: (d: Datum, index: number) => boolean,
): number {
  let drawing = false;
  let traced = 0;
  for (let i = 0; i < data.length; i++) {
    const d = data[i] as Datum;
    if (!defined(d, i)) {
      drawing = false;
      continue;
    }
    const x = px(d, i);
    const y = py(d, i);
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      drawing = false;
      continue;
    }
    if (drawing) sink.lineTo(x, y);
    else sink.moveTo(x, y);
    drawing = true;
    traced++;
  }
  return traced;
}

/**
 * Adds the closed outlines of an envelope (upper edge left to right, lower edge back) for each
 * run of defined points to `sink`; fill them once after.
 */
export function traceEnvelope<Datum>(
  sink: PathSink & { closePath(): void },
  data: readonly Datum[],
  px: (d: Datum) => number,
  upper: (d: Datum) => number,
  lower: (d: Datum) => number,
  defined: (d: Datum) => boolean,
): void {
  let piece: Datum[] = [];
  const flush = () => {
    const first = piece[0];
    if (first !== undefined && piece.length > 1) {
      sink.moveTo(px(first), upper(first));
      for (let i = 1; i < piece.length; i++) sink.lineTo(px(piece[i] as Datum), upper(piece[i] as Datum));
      for (let i = piece.length - 1; i >= 0; i--) sink.lineTo(px(piece[i] as Datum), lower(piece[i] as Datum));
      sink.closePath();
    }
    piece = [];
  };
  for (const d of data) {
    if (defined(d) && Number.isFinite(px(d)) && Number.isFinite(upper(d)) && Number.isFinite(lower(d))) piece.push(d);
    else flush();
  }
  flush();
}

/** An SVG dash pattern ("6 3") as canvas's setLineDash wants it; solid for undefined. */
export function dashArray(dash: string | undefined): number[] {
  if (!dash) return [];
  return dash
    .split(/[\s,]+/)
    .map(Number)
    .filter((n) => Number.isFinite(n) && n >= 0);
}

/**
 * Offsets (px) of the 1-px strokes that together draw one opaque line `width` px wide: one stroke
 * for a width ≤ 1, else three, at the corners of an equilateral triangle, so the band they cover
 * across a line is width − 1 (−7 % … +9 %) wider than one stroke in every direction.
 *
 * Why: Skia (Chromium's canvas without a GPU) draws a line of at most one device pixel as an
 * antialiased hairline, and anything wider by stroking it into an outline and filling that: for
 * 100 runs × 2,000 points at 1.75 px that was 0.4–1.6 s a redraw (bench/dashboard-load.mjs, the
 * trace's CanvasRenderingContext2D::FinalizeFrame), against 30–70 ms for the same lines at 1 px.
 */
export function hairlineOffsets(width: number): [number, number][] {
  if (!(width > 1)) return [[0, 0]];
  // The triangle's extent across a direction lies between 1.5 r and √3 r; 1.6 r is the middle.
  const r = (width - 1) / 1.6;
  return [90, 210, 330].map((deg) => {
    const a = (deg * Math.PI) / 180;
    return [r * Math.cos(a), r * Math.sin(a)];
  });
}

/** What `strokeLine` draws on: a 2-D context (a recorder in tests). */
export interface StrokeTarget {
  globalAlpha: number;
  lineWidth: number;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(path?: Path2D): void;
  save(): void;
  restore(): void;
  translate(x: number, y: number): void;
}

/**
 * Strokes the polyline `trace` adds, `width` px wide, in the context's current colour, alpha and
 * dash. With `hairlines` (a canvas whose pixel is a device pixel) an opaque line wider than 1 px
 * is drawn as `hairlineOffsets` 1-px strokes of one Path2D — the same look for a fraction of the
 * raster time; translucent lines are stroked once (overlapping strokes would darken them).
 */
export function strokeLine(context: StrokeTarget, trace: (sink: PathSink) => void, width: number, hairlines: boolean): void {
  const offsets = hairlines && context.globalAlpha >= 1 ? hairlineOffsets(width) : null;
  if (!offsets || offsets.length === 1) {
    context.beginPath();
    trace(context);
    context.lineWidth = width;
    context.stroke();
    return;
  }
  const path = new Path2D();
  trace(path);
  context.lineWidth = 1;
  for (const [dx, dy] of offsets) {
    context.save();
    context.translate(dx, dy);
    context.stroke(path);
    context.restore();
  }
}
