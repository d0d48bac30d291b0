/**
 * Every chart kind's tooltip from the keyboard (LineChart's is in LineChart.keyboard.test.tsx):
 * the chart is reached with Tab and named for what it shows; arrow keys move a cursor through
 * its points, snapshots, bins or cells; the tooltip says the values under it; Escape and blur hide it.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { HeatmapContour } from './HeatmapContour';
import { Histogram } from './Histogram';
import { PathsChart } from './PathsChart';
import { ScatterChart } from './ScatterChart';

const tooltipText = () => screen.getByRole('tooltip').textContent ?? '';

describe('ScatterChart from the keyboard', () => {
  interface Run {
    params: number;
    gap: number;
    name: string;
  }
  const runs: Run[] = [
    { params: 300, gap: 0.3, name: 'c' },
    { params: 100, gap: 0.1, name: 'a' },
    { params: 200, gap: 0.2, name: 'b' },
  ];

  it('goes through the points in x order, selects with Enter, hides with Escape and blur', () => {
    const onSelect = vi.fn();
    render(<ScatterChart width={400} height={300} data={runs} x={(r) => r.params} y={(r) => r.gap} xLabel="parameters" yLabel="gap" onSelect={onSelect} />);
    const chart = screen.getByRole('group', { name: 'gap vs parameters: ← → read the points, Enter selects' });
    expect(chart.tabIndex).toBe(0);
    fireEvent.focus(chart);
    expect(tooltipText()).toBe('parameters100gap0.1');
    expect(screen.getByRole('tooltip').getAttribute('aria-live')).toBe('polite');
    fireEvent.keyDown(chart, { key: 'ArrowRight' });
    expect(tooltipText()).toBe('parameters200gap0.2');
    fireEvent.keyDown(chart, { key: 'End' });
    expect(tooltipText()).toBe('parameters300gap0.3');
    fireEvent.keyDown(chart, { key: 'ArrowRight' }); // stays on the last point
    expect(tooltipText()).toBe('parameters300gap0.3');
    fireEvent.keyDown(chart, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledWith(runs[0]);
    fireEvent.keyDown(chart, { key: 'Escape' });
    expect(screen.queryByRole('tooltip')).toBeNull();
    fireEvent.keyDown(chart, { key: 'ArrowLeft' }); // from nothing shown, ← starts at the last point
    expect(tooltipText()).toBe('parameters300gap0.3');
    fireEvent.blur(chart);
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('skips the points of a hidden legend group', () => {
    const grouped = runs.map((r) => ({ ...r, group: r.name === 'b' ? 'test' : 'train' }));
    render(<ScatterChart width={400} height={300} data={grouped} x={(r) => r.params} y={(r) => r.gap} group={(r) => r.group} xLabel="parameters" yLabel="gap" />);
    fireEvent.click(screen.getByRole('button', { name: /test/ }));
    const chart = screen.getByRole('group', { name: 'gap vs parameters: ← → read the points' });
    fireEvent.focus(chart);
    fireEvent.keyDown(chart, { key: 'ArrowRight' });
    expect(tooltipText()).toBe('parameters300gap0.3');
  });
});

describe('PathsChart from the keyboard', () => {
  interface Snapshot {
    x: number;
    y: number;
    epoch: number;
    loss: number;
  }
  const paths = [0, 1].map((k) => ({
    id: `run-${k}`,
    label: `run ${k}`,
    data: Array.from({ length: 4 }, (_, i): Snapshot => ({ x: i + k, y: i * k, epoch: 5 * i, loss: (k + 1) / (i + 1) })),
  }));

  it('walks along a path with ← → and changes path with ↑ ↓, saying run, epoch and loss', () => {
    render(<PathsChart width={400} height={300} paths={paths} x={(d) => d.x} y={(d) => d.y} epoch={(d) => d.epoch} loss={(d) => d.loss} />);
    const chart = screen.getByRole('group', { name: "optimisation paths: ← → walk along a path's snapshots, ↑ ↓ change path" });
    expect(chart.tabIndex).toBe(0);
    fireEvent.focus(chart);
    expect(tooltipText()).toBe('run 0epoch0loss1');
    fireEvent.keyDown(chart, { key: 'ArrowRight' });
    fireEvent.keyDown(chart, { key: 'ArrowRight' });
    expect(tooltipText()).toBe('run 0epoch10loss0.3333');
    fireEvent.keyDown(chart, { key: 'ArrowDown' });
    expect(tooltipText()).toBe('run 1epoch10loss0.6667');
    fireEvent.keyDown(chart, { key: 'End' });
    expect(tooltipText()).toBe('run 1epoch15loss0.5');
    fireEvent.keyDown(chart, { key: 'ArrowUp' });
    expect(tooltipText()).toBe('run 0epoch15loss0.25');
    fireEvent.keyDown(chart, { key: 'Escape' });
    expect(screen.queryByRole('tooltip')).toBeNull();
  });
});

describe('Histogram from the keyboard', () => {
  interface Bin {
    x0: number;
    x1: number;
    count: number;
  }
  const bins: Bin[] = [
    { x0: 0, x1: 0.2, count: 540 },
    { x0: -0.2, x1: 0, count: 12 },
    { x0: 0.4, x1: 0.6, count: 1 },
  ];

  it('goes through the bins left to right, saying the range and count', () => {
    render(<Histogram width={400} height={260} bins={bins} x0={(b) => b.x0} x1={(b) => b.x1} count={(b) => b.count} xLabel="eigenvalue" />);
    const chart = screen.getByRole('group', { name: 'histogram of eigenvalue: ← → read the bins' });
    expect(chart.tabIndex).toBe(0);
    fireEvent.focus(chart);
    expect(tooltipText()).toBe('[-0.2, 0)count12');
    fireEvent.keyDown(chart, { key: 'ArrowRight' });
    expect(tooltipText()).toBe('[0, 0.2)count540');
    fireEvent.keyDown(chart, { key: 'End' });
    expect(tooltipText()).toBe('[0.4, 0.6)count1');
    fireEvent.keyDown(chart, { key: 'Home' });
    expect(tooltipText()).toBe('[-0.2, 0)count12');
    fireEvent.blur(chart);
    expect(screen.queryByRole('tooltip')).toBeNull();
  });
});

describe('HeatmapContour from the keyboard', () => {
  // f(a, b) = a + 10 b on a 5 × 3 grid.
  const xs = [0, 1, 2, 3, 4];
  const ys = [0, 1, 2];
  const values = ys.map((b) => xs.map((a) => a + 10 * b));

  it('starts at the middle cell; ← → move along x, ↑ ↓ along y, saying both coordinates and the value', () => {
    render(<HeatmapContour width={500} height={400} xs={xs} ys={ys} values={values} valueLabel="train loss" xLabel="α" yLabel="β" />);
    const chart = screen.getByRole('group', { name: 'train loss over α and β: arrow keys read the cells' });
    expect(chart.tabIndex).toBe(0);
    fireEvent.focus(chart);
    expect(tooltipText()).toBe('α2β1train loss12');
    fireEvent.keyDown(chart, { key: 'ArrowRight' });
    expect(tooltipText()).toBe('α3β1train loss13');
    fireEvent.keyDown(chart, { key: 'ArrowUp' });
    expect(tooltipText()).toBe('α3β2train loss23');
    fireEvent.keyDown(chart, { key: 'ArrowUp' }); // the top row: stays
    expect(tooltipText()).toBe('α3β2train loss23');
    fireEvent.keyDown(chart, { key: 'Home' });
    expect(tooltipText()).toBe('α0β2train loss20');
    fireEvent.keyDown(chart, { key: 'ArrowDown', shiftKey: true });
    expect(tooltipText()).toBe('α0β1train loss10');
    fireEvent.keyDown(chart, { key: 'Escape' });
    expect(screen.queryByRole('tooltip')).toBeNull();
  });
});
