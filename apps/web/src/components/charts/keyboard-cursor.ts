/**
 * The keyboard's cursor through a chart's points (ScatterChart, PathsChart, Histogram) or cells
 * (HeatmapContour), as LineChart's ← → read its values: the chart takes focus, keys move the
 * cursor, the chart's tooltip shows what is under it. Pure, so it is tested without a browser.
 */

/** Where a key moves a cursor over `count` items in order: an index; null hides it (Escape); undefined: not a cursor key. */
export function nextIndex(key: string, shift: boolean, current: number | null, count: number): number | null | undefined {
  if (count === 0) return key === 'Escape' ? null : undefined;
  const last = count - 1;
  const stride = shift ? Math.max(1, Math.round(count / 5)) : 1;
  const at = current ?? 0;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(last, current === null ? 0 : at + stride);
    case 'ArrowLeft':
    case 'ArrowUp':
      return Math.max(0, current === null ? last : at - stride);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'Escape':
      return null;
    default:
      return undefined;
  }
}

/** A cell of a grid: column i (x), row j (y, upwards). */
export interface GridCell {
  i: number;
  j: number;
}

/** Where a key moves a cursor over an nx × ny grid: ← → along x, ↑ ↓ along y (Shift: a fifth), Home/End the row's ends; null hides it; undefined: not a cursor key. */
export function nextCell(key: string, shift: boolean, current: GridCell | null, nx: number, ny: number): GridCell | null | undefined {
  if (nx === 0 || ny === 0) return key === 'Escape' ? null : undefined;
  const at = current ?? { i: Math.floor((nx - 1) / 2), j: Math.floor((ny - 1) / 2) };
  const sx = shift ? Math.max(1, Math.round(nx / 5)) : 1;
  const sy = shift ? Math.max(1, Math.round(ny / 5)) : 1;
  const clamp = (v: number, n: number) => Math.min(n - 1, Math.max(0, v));
  switch (key) {
    case 'ArrowRight':
      return { i: clamp(at.i + sx, nx), j: at.j };
    case 'ArrowLeft':
      return { i: clamp(at.i - sx, nx), j: at.j };
    case 'ArrowUp':
      return { i: at.i, j: clamp(at.j + sy, ny) };
    case 'ArrowDown':
      return { i: at.i, j: clamp(at.j - sy, ny) };
    case 'Home':
      return { i: 0, j: at.j };
    case 'End':
      return { i: nx - 1, j: at.j };
    case 'Escape':
      return null;
    default:
      return undefined;
  }
}
