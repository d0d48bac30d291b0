import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ScatterChart } from './ScatterChart';

interface RunPoint {
  loss: number;
  ratio: number;
  run: string;
  split: string;
  marked?: boolean;
}

const points: RunPoint[] = Array.from({ length: 20 }, (_, i) => ({
  loss: 1e-3 * (i + 1),
  ratio: (i % 7) / 7,
  run: `run-${i}`,
  split: i % 2 === 0 ? 'train' : 'test',
  marked: i === 5,
}));

const props = {
  width: 400,
  height: 300,
  data: points,
  x: (d: RunPoint) => d.loss,
  y: (d: RunPoint) => d.ratio,
  pointKey: (d: RunPoint) => d.run,
  group: (d: RunPoint) => d.split,
  marked: (d: RunPoint) => d.marked === true,
};

describe('ScatterChart', () => {
  it('draws one circle per point and rings the marked one', () => {
    const { container } = render(<ScatterChart {...props} />);
    expect(container.querySelectorAll('circle.saddle-point')).toHaveLength(20);
    const marked = container.querySelectorAll('circle.marked');
    expect(marked).toHaveLength(1);
    expect(marked[0]?.getAttribute('data-key')).toBe('run-5');
  });

  it('hides a group from the legend', () => {
    const { container } = render(<ScatterChart {...props} />);
    fireEvent.click(screen.getByRole('button', { name: 'test' }));
    expect(container.querySelectorAll('circle.saddle-point')).toHaveLength(10);
  });

  it('shows details of the point under the pointer and selects it on click', () => {
    const onSelect = vi.fn();
    const { container } = render(
      <ScatterChart {...props} xScale="linear" renderTooltip={(d) => <span>run {d.run}</span>} onSelect={onSelect} />,
    );
    // hover exactly over run-0: its circle's centre, relative to the hit rect (rects are at 0,0 in happy-dom)
    const first = container.querySelector('circle[data-key="run-0"]') as Element;
    const cx = Number(first.getAttribute('cx'));
    const cy = Number(first.getAttribute('cy'));
    const hit = container.querySelector('rect.saddle-hit') as Element;
    fireEvent.mouseMove(hit, { clientX: cx, clientY: cy });
    expect(screen.getByRole('tooltip').textContent).toBe('run run-0');
    fireEvent.click(hit);
    expect(onSelect).toHaveBeenCalledWith(points[0]);
  });

  it('draws flagged points hollow, unlike the others, with a legend entry that says what hollow means', () => {
    const flaggedRuns = new Set(['run-3', 'run-8']);
    const { container } = render(<ScatterChart {...props} marked={undefined} flagged={(d) => flaggedRuns.has(d.run)} flaggedLabel="not converged" />);
    const flagged = [...container.querySelectorAll('circle.flagged')];
    expect(flagged.map((c) => c.getAttribute('data-key')).sort()).toEqual(['run-3', 'run-8']);
    const plain = container.querySelector('circle[data-key="run-2"]') as Element;
    // a filled point vs a ring in its group's colour
    expect(plain.getAttribute('fill')).not.toBe('#fff');
    for (const c of flagged) {
      expect(c.getAttribute('fill')).toBe('#fff');
      expect(c.getAttribute('stroke')).not.toBe('#fff');
    }
    const entry = screen.getByRole('button', { name: 'not converged' });
    expect(entry.querySelector('circle')).not.toBeNull();
    // toggling the entry hides exactly the flagged points
    fireEvent.click(entry);
    expect(container.querySelectorAll('circle.saddle-point')).toHaveLength(18);
    expect(container.querySelectorAll('circle.flagged')).toHaveLength(0);
  });

  it('has no flagged legend entry when no point is flagged', () => {
    render(<ScatterChart {...props} flagged={() => false} flaggedLabel="not converged" />);
    expect(screen.queryByRole('button', { name: 'not converged' })).toBeNull();
  });

  it('places points on a log x axis by decade', () => {
    const { container } = render(<ScatterChart {...props} xScale="log" />);
    const cxs = [...container.querySelectorAll('circle.saddle-point')].map((c) => Number(c.getAttribute('cx')));
    expect(cxs.every(Number.isFinite)).toBe(true);
  });
});
