import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Histogram } from './Histogram';

interface Bin {
  x0: number;
  x1: number;
  count: number;
}

// A spectrum-like histogram: a bulk near 0 and one outlier bin.
const bins: Bin[] = [
  { x0: -0.2, x1: 0, count: 12 },
  { x0: 0, x1: 0.2, count: 540 },
  { x0: 0.2, x1: 0.4, count: 0 },
  { x0: 0.4, x1: 0.6, count: 1 },
];
const props = { width: 400, height: 260, bins, x0: (b: Bin) => b.x0, x1: (b: Bin) => b.x1, count: (b: Bin) => b.count };

describe('Histogram', () => {
  it('draws one bar per bin with heights proportional to counts', () => {
    const { container } = render(<Histogram {...props} />);
    const bars = [...container.querySelectorAll('rect.saddle-bar')];
    expect(bars).toHaveLength(4);
    const heights = bars.map((b) => Number(b.getAttribute('height')));
    expect(heights[1]! / heights[0]!).toBeCloseTo(540 / 12, 6);
    expect(heights[2]).toBe(0);
  });

  it('keeps a count of one visible on a log axis', () => {
    const { container } = render(<Histogram {...props} yScale="log" />);
    const heights = [...container.querySelectorAll('rect.saddle-bar')].map((b) => Number(b.getAttribute('height')));
    expect(heights[3]).toBeGreaterThan(5);
    expect(heights.every(Number.isFinite)).toBe(true);
  });

  it('shows the bin range and count on hover', () => {
    const { container } = render(<Histogram {...props} />);
    fireEvent.mouseMove(container.querySelectorAll('rect.saddle-bar')[1] as Element, { clientX: 100, clientY: 50 });
    expect(screen.getByRole('tooltip').textContent).toBe('[0, 0.2)count540');
  });

  it('on a symlog x axis gives the negative bins room left of 0 and says its scale', () => {
    const spectrum: Bin[] = [
      { x0: -0.02, x1: -0.001, count: 3 },
      { x0: -0.001, x1: 0.001, count: 40 },
      { x0: 0.001, x1: 1, count: 5 },
      { x0: 1, x1: 10, count: 2 },
    ];
    const { container } = render(<Histogram {...props} bins={spectrum} xScale="symlog" xLabel="eigenvalue" yScale="log" />);
    const bars = [...container.querySelectorAll('rect.saddle-bar')].map((r) => Number(r.getAttribute('width')));
    // linear, the first bin would be 0.2% of the width; on symlog it is a bar of its own
    expect(bars[0]).toBeGreaterThan(20);
    expect(container.textContent).toContain('eigenvalue (symmetric log scale)');
  });
});
