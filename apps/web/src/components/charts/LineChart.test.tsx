import { fireEvent, render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { describe, expect, it } from 'vitest';
import { CANVAS_SERIES, LineChart } from './LineChart';
import type { Series, SeriesPoint } from './series';

/** Deterministic pseudo-random numbers (mulberry32) so the seeded data is the same every run. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function lossCurve(id: string, seed: number, group?: string): Series<SeriesPoint> {
  const random = rng(seed);
  return {
    id,
    label: id,
    group,
    data: Array.from({ length: 50 }, (_, i) => ({ x: i, y: Math.exp(-i / 10) * (1 + 0.2 * random()) + 1e-4 })),
  };
}

const x = (d: SeriesPoint) => d.x;
const y = (d: SeriesPoint) => d.y;

function linePaths(container: HTMLElement) {
  return [...container.querySelectorAll('path.saddle-line')];
}

describe('LineChart', () => {
  it('draws one path per series', () => {
    const { container } = render(<LineChart width={500} height={300} series={[lossCurve('a', 1), lossCurve('b', 2), lossCurve('c', 3)]} x={x} y={y} />);
    expect(linePaths(container)).toHaveLength(3);
    expect(screen.getAllByRole('button', { pressed: true })).toHaveLength(3);
  });

  it('labels a single series in a legend too, so an exported figure says what its line is', () => {
    const { container } = render(<LineChart width={500} height={300} series={[lossCurve('seed0', 1)]} x={x} y={y} />);
    const items = [...container.querySelectorAll('.chart-legend-item')];
    expect(items.map((item) => item.textContent?.trim())).toEqual(['seed0']);
  });

  it('draws a log axis over a wide range without NaN and skips non-positive values', () => {
    const wide: Series<SeriesPoint> = {
      id: 'wide',
      label: 'wide',
      data: [
        { x: 0, y: 0 },
        { x: 1, y: 1e-7 },
        { x: 2, y: 1e-3 },
        { x: 3, y: 10 },
        { x: 4, y: 1e3 },
      ],
    };
    const { container } = render(<LineChart width={500} height={300} series={[wide]} x={x} y={y} yScale="log" />);
    const d = linePaths(container)[0]?.getAttribute('d') ?? '';
    expect(d).not.toMatch(/NaN|Infinity/);
    // the 0 is left out: the path starts at x = 1, i.e. a single M with 4 points
    expect(d.match(/[ML]/g)).toHaveLength(4);
    const ticks = [...container.querySelectorAll('.visx-axis-left .visx-axis-tick text')].map((t) => t.textContent);
    // powers of ten only, at most one label per 26 px of the 246 px plot (two decades apart here)
    expect(ticks).toEqual(['1e-7', '1e-5', '1e-3', '0.1', '10', '1000']);
  });

  it('hides a series when its legend entry is clicked, and shows it again', () => {
    const { container } = render(<LineChart width={500} height={300} series={[lossCurve('a', 1), lossCurve('b', 2)]} x={x} y={y} />);
    fireEvent.click(screen.getByRole('button', { name: 'a' }));
    expect(linePaths(container).map((p) => p.getAttribute('data-series'))).toEqual(['b']);
    fireEvent.click(screen.getByRole('button', { name: 'a' }));
    expect(linePaths(container)).toHaveLength(2);
  });

  it('with smoothing draws the EMA over a faint raw copy', () => {
    const { container } = render(<LineChart width={500} height={300} series={[lossCurve('a', 1)]} x={x} y={y} smoothing={0.8} />);
    const raw = container.querySelector('path.saddle-line-raw');
    const smooth = linePaths(container)[0];
    expect(raw).not.toBeNull();
    expect(Number(raw?.getAttribute('stroke-opacity'))).toBeLessThan(0.5);
    expect(smooth?.getAttribute('d')).not.toBe(raw?.getAttribute('d'));
  });

  it('draws one mean ± std band per group of two or more runs', () => {
    const { container } = render(
      <LineChart
        width={500}
        height={300}
        series={[lossCurve('a1', 1, 'a'), lossCurve('a2', 2, 'a'), lossCurve('b1', 3, 'b')]}
        x={x}
        y={y}
        bands
      />,
    );
    expect(container.querySelectorAll('path.saddle-band')).toHaveLength(1);
    expect(container.querySelectorAll('path.saddle-mean')).toHaveLength(1);
    // legend is per group
    expect(screen.getAllByRole('button', { pressed: true }).map((b) => b.textContent)).toEqual(['a', 'b']);
  });

  it('builds the band from the smoothed curves when smoothing is on', () => {
    const flat = (id: string, value: number, spikeAt: number): Series<SeriesPoint> => ({
      id,
      label: id,
      group: 'g',
      data: Array.from({ length: 20 }, (_, i) => ({ x: i, y: i === spikeAt ? 100 : value })),
    });
    const props = { width: 500, height: 300, series: [flat('a', 1, 10), flat('b', 1, 15)], x, y, bands: true };
    const raw = render(<LineChart {...props} />).container.querySelector('path.saddle-mean')?.getAttribute('d');
    const smooth = render(<LineChart {...props} smoothing={0.9} />).container.querySelector('path.saddle-mean')?.getAttribute('d');
    expect(raw).toBeTruthy();
    expect(smooth).not.toBe(raw);
  });

  it('draws min/max envelopes for bucketed series', () => {
    const bucketed: Series<SeriesPoint> = { id: 'b', label: 'b', data: [{ x: 0, y: 1, min: 0.5, max: 9 }, { x: 1, y: 1, min: 0.9, max: 1.1 }] };
    const { container } = render(<LineChart width={500} height={300} series={[bucketed]} x={x} y={y} yMin={(d) => d.min} yMax={(d) => d.max} />);
    expect(container.querySelectorAll('path.saddle-envelope')).toHaveLength(1);
    // the spike's max sets the top of the y domain
    const ticks = [...container.querySelectorAll('.visx-axis-left .visx-axis-tick text')].map((t) => Number(t.textContent));
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(8);
  });

  it('shows every visible series in the tooltip at the hovered x', async () => {
    const { container } = render(<LineChart width={500} height={300} series={[lossCurve('a', 1), lossCurve('b', 2)]} x={x} y={y} xLabel="epoch" />);
    const hit = container.querySelector('rect.saddle-hit') as Element;
    fireEvent.mouseMove(hit, { clientX: 200, clientY: 100 });
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip.textContent).toMatch(/epoch = /);
    expect(tooltip.querySelectorAll('.chart-tooltip-row')).toHaveLength(2);
    expect(container.querySelectorAll('.saddle-hover circle')).toHaveLength(2);
    fireEvent.mouseLeave(hit);
    await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    expect(screen.queryByRole('tooltip')).toBeNull();
    expect(container.querySelectorAll('.saddle-hover circle')).toHaveLength(0);
  });

  it('paints hover without a React render, lists 12 rows and counts the rest', async () => {
    let renders = 0;
    const many = Array.from({ length: 20 }, (_, i) => lossCurve(`r${i}`, i + 1));
    const { container } = render(
      <Profiler id="chart" onRender={() => renders++}>
        <LineChart width={500} height={300} series={many} x={x} y={y} />
      </Profiler>,
    );
    const before = renders;
    const hit = container.querySelector('rect.saddle-hit') as Element;
    for (const clientX of [100, 150, 200]) fireEvent.mouseMove(hit, { clientX, clientY: 100 });
    const tooltip = await screen.findByRole('tooltip');
    expect(renders).toBe(before);
    expect(tooltip.querySelectorAll('.chart-tooltip-row')).toHaveLength(12);
    expect(tooltip.querySelector('.chart-tooltip-more')?.textContent).toBe('+8 more');
  });

  it('draws big charts on one canvas over SVG axes, and small ones as SVG paths', () => {
    const many = Array.from({ length: CANVAS_SERIES + 1 }, (_, i) => lossCurve(`r${i}`, i + 1));
    const big = render(<LineChart width={500} height={300} series={many} x={x} y={y} />).container;
    expect(big.querySelector('canvas.saddle-lines-canvas')).not.toBeNull();
    expect(linePaths(big)).toHaveLength(0);
    expect(big.querySelectorAll('.visx-axis-left .visx-axis-tick').length).toBeGreaterThan(1);
    const small = render(<LineChart width={500} height={300} series={many.slice(0, 3)} x={x} y={y} />).container;
    expect(small.querySelector('canvas')).toBeNull();
    expect(linePaths(small)).toHaveLength(3);
    const forced = render(<LineChart width={500} height={300} series={many.slice(0, 3)} x={x} y={y} render="canvas" />).container;
    expect(forced.querySelector('canvas.saddle-lines-canvas')).not.toBeNull();
  });
});
