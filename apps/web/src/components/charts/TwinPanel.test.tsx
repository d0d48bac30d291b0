import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from './series';
import { TwinPanel } from './TwinPanel';

const run = (id: string, n: number, f: (i: number) => number) => ({ id, label: id, data: Array.from({ length: n }, (_, i) => ({ x: i, y: f(i) })) });

describe('TwinPanel', () => {
  it('stacks two panels over one x domain and toggles a run in both', () => {
    // the loss run is longer: both panels must still end at x = 99
    const { container } = render(
      <TwinPanel<SeriesPoint>
        width={600}
        height={400}
        x={(d) => d.x}
        xLabel="iteration"
        top={{ series: [run('r1', 60, (i) => 1 / (i + 1)), run('r2', 60, (i) => 2 / (i + 1))], y: (d) => d.y, yLabel: 'grad norm', yScale: 'log' }}
        bottom={{ series: [run('r1', 100, (i) => Math.exp(-i / 30)), run('r2', 100, (i) => Math.exp(-i / 20))], y: (d) => d.y, yLabel: 'loss' }}
      />,
    );
    const svgs = container.querySelectorAll('svg.saddle-chart');
    expect(svgs).toHaveLength(2);
    const lastTick = (svg: Element) => {
      const ticks = [...svg.querySelectorAll('.visx-axis-bottom .visx-axis-tick')];
      return ticks.length;
    };
    expect(lastTick(svgs[0] as Element)).toBe(lastTick(svgs[1] as Element));
    // the upper panel's x tick labels are hidden; the lower one carries them
    expect([...(svgs[0] as Element).querySelectorAll('.visx-axis-bottom text')].every((t) => t.textContent === '')).toBe(true);
    expect([...(svgs[1] as Element).querySelectorAll('.visx-axis-bottom text')].some((t) => t.textContent === '80')).toBe(true);
    expect(container.querySelectorAll('path.saddle-line')).toHaveLength(4);
    fireEvent.click(screen.getByRole('button', { name: 'r1' }));
    expect([...container.querySelectorAll('path.saddle-line')].map((p) => p.getAttribute('data-series'))).toEqual(['r2', 'r2']);
  });
});
