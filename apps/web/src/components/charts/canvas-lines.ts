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
