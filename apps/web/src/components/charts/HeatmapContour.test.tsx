import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { gridToData, HeatmapContour } from './HeatmapContour';
import { viridis } from './palette';

// A bowl f(a, b) = a² + b² on an 11 × 9 grid over [-1, 1]².
const xs = Array.from({ length: 11 }, (_, i) => -1 + i / 5);
const ys = Array.from({ length: 9 }, (_, j) => -1 + j / 4);
const values = ys.map((b) => xs.map((a) => a * a + b * b));

describe('HeatmapContour', () => {
  it('draws one cell per grid value, darkest at the minimum', () => {
    const { container } = render(<HeatmapContour width={500} height={400} xs={xs} ys={ys} values={values} />);
    const cells = [...container.querySelectorAll('rect.saddle-cell')];
    expect(cells).toHaveLength(99);
    // centre (i = 5, j = 4) holds the minimum 0
    expect(cells[4 * 11 + 5]?.getAttribute('fill')).toBe(viridis(0));
    expect(cells[0]?.getAttribute('fill')).toBe(viridis(1));
  });

  it('draws the requested contour levels as closed rings around the minimum', () => {
    const { container } = render(<HeatmapContour width={500} height={400} xs={xs} ys={ys} values={values} levels={5} />);
    const contours = [...container.querySelectorAll('path.saddle-contour')];
    expect(contours).toHaveLength(5);
    for (const c of contours) expect(c.getAttribute('d')).toMatch(/Z$/);
  });

  it('maps d3-contour coordinates back onto the grid', () => {
    // index i sits at coordinate i + 0.5
    expect(gridToData(xs, 0.5)).toBeCloseTo(-1, 12);
    expect(gridToData(xs, 5.5)).toBeCloseTo(0, 12);
    expect(gridToData(xs, 6)).toBeCloseTo(0.1, 12);
  });

  it('overlays the trajectory and reports the value under the pointer', () => {
    const path = [
      { x: 0.8, y: 0.8 },
      { x: 0.4, y: 0.3 },
      { x: 0, y: 0 },
    ];
    const { container } = render(
      <HeatmapContour width={500} height={400} xs={xs} ys={ys} values={values} valueLabel="loss" path={path} x={(d) => d.x} y={(d) => d.y} />,
    );
    expect(container.querySelectorAll('circle.saddle-trajectory-point')).toHaveLength(3);
    fireEvent.mouseMove(container.querySelector('rect.saddle-hit') as Element, { clientX: 0, clientY: 0 });
    // top-left corner of the plot is (xs[0], ys[last]) = (-1, 1): loss 2
    expect(screen.getByRole('tooltip').textContent).toContain('loss2');
  });

  it('handles log values spanning decades', () => {
    const steep = ys.map((b) => xs.map((a) => 10 ** (4 * (a * a + b * b)) * 1e-4));
    const { container } = render(<HeatmapContour width={500} height={400} xs={xs} ys={ys} values={steep} logValues />);
    for (const c of container.querySelectorAll('path.saddle-contour')) expect(c.getAttribute('d')).not.toMatch(/NaN/);
  });

  it('labels its colour bar with what the colours are (and when they are log)', () => {
    const { container, rerender } = render(<HeatmapContour width={500} height={400} xs={xs} ys={ys} values={values} valueLabel="train loss" />);
    expect(container.querySelector('.saddle-colorbar-title')?.textContent).toBe('train loss');
    rerender(<HeatmapContour width={500} height={400} xs={xs} ys={ys} values={values} valueLabel="train loss" logValues />);
    expect(container.querySelector('.saddle-colorbar-title')?.textContent).toBe('train loss (log colour)');
  });

  it('draws no contour along the heatmap’s edges: levels are closed a step outside the cells and clipped there', () => {
    // A tilted plane: every level is a straight line across the grid, so any horizontal or vertical
    // run of a contour inside the cells would be the border artefact (d3-contour closing a polygon).
    const plane = ys.map((b) => xs.map((a) => a + 0.5 * b));
    const { container } = render(<HeatmapContour width={500} height={400} xs={xs} ys={ys} values={plane} levels={6} />);
    const cells = [...container.querySelectorAll('rect.saddle-cell')].map((r) => ({ x: Number(r.getAttribute('x')), y: Number(r.getAttribute('y')), w: Number(r.getAttribute('width')), h: Number(r.getAttribute('height')) }));
    const left = Math.min(...cells.map((c) => c.x));
    const top = Math.min(...cells.map((c) => c.y));
    const right = Math.max(...cells.map((c) => c.x + c.w)) - 0.5;
    const bottom = Math.max(...cells.map((c) => c.y + c.h)) - 0.5;
    const inside = (p: { x: number; y: number }) => p.x > left + 0.5 && p.x < right - 0.5 && p.y > top + 0.5 && p.y < bottom - 0.5;
    const contours = [...container.querySelectorAll('path.saddle-contour')];
    expect(contours.length).toBe(6);
    let interior = 0;
    for (const path of contours) {
      expect(path.closest('g[clip-path]')).not.toBeNull();
      const points = [...(path.getAttribute('d') ?? '').matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
      for (let k = 1; k < points.length; k++) {
        const a = points[k - 1]!;
        const b = points[k]!;
        const dx = Math.abs(a.x - b.x);
        const dy = Math.abs(a.y - b.y);
        if (dx < 0.01 && dy < 0.01) continue; // a repeated vertex
        const axisAligned = dx < 0.01 || dy < 0.01;
        const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
        if (inside(mid)) {
          interior++;
          expect(axisAligned, `${JSON.stringify([a, b])} inside ${JSON.stringify({ left, top, right, bottom })}`).toBe(false);
        }
      }
    }
    expect(interior).toBeGreaterThan(0);
  });
});
