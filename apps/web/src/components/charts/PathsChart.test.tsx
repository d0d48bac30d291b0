import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { viridis } from './palette';
import { PathsChart } from './PathsChart';

interface Snapshot {
  x: number;
  y: number;
  epoch: number;
  loss: number;
}

// 3 spirals of 6 snapshots each, epochs 0, 5, ..., 25
const paths = [0, 1, 2].map((k) => ({
  id: `run-${k}`,
  label: `run ${k}`,
  data: Array.from({ length: 6 }, (_, i) => ({
    x: Math.cos(i / 2 + (2 * Math.PI * k) / 3) * (6 - i),
    y: Math.sin(i / 2 + (2 * Math.PI * k) / 3) * (6 - i),
    epoch: 5 * i,
    loss: 1 / (i + 1),
  })),
}));

const props = {
  width: 400,
  height: 360,
  paths,
  x: (d: Snapshot) => d.x,
  y: (d: Snapshot) => d.y,
  epoch: (d: Snapshot) => d.epoch,
  loss: (d: Snapshot) => d.loss,
};

describe('PathsChart', () => {
  it('draws a path per training and a dot per snapshot, coloured by epoch', () => {
    const { container } = render(<PathsChart {...props} />);
    expect(container.querySelectorAll('path.saddle-path')).toHaveLength(3);
    const dots = [...container.querySelectorAll('circle.saddle-point')];
    expect(dots).toHaveLength(18);
    expect(dots[0]?.getAttribute('fill')).toBe(viridis(0));
    expect(dots[5]?.getAttribute('fill')).toBe(viridis(1));
  });

  it('shows run, epoch and loss of the hovered snapshot', () => {
    const { container } = render(<PathsChart {...props} />);
    const dot = container.querySelectorAll('circle.saddle-point')[8] as Element; // run-1, snapshot 2
    fireEvent.mouseMove(container.querySelector('rect.saddle-hit') as Element, {
      clientX: Number(dot.getAttribute('cx')),
      clientY: Number(dot.getAttribute('cy')),
    });
    const tip = screen.getByRole('tooltip').textContent ?? '';
    expect(tip).toContain('run 1');
    expect(tip).toContain('epoch10');
    expect(tip).toContain('loss0.3333');
  });

  it('toggles a training off', () => {
    const { container } = render(<PathsChart {...props} />);
    fireEvent.click(screen.getByRole('button', { name: 'run 0' }));
    expect(container.querySelectorAll('path.saddle-path')).toHaveLength(2);
  });
});
