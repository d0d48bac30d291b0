import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LineChart } from './LineChart';
import type { Series, SeriesPoint } from './series';

const line = (id: string, slope: number): Series<SeriesPoint> => ({ id, label: id, data: Array.from({ length: 41 }, (_, i) => ({ x: i, y: 1 + slope * i })) });
const x = (d: SeriesPoint) => d.x;
const y = (d: SeriesPoint) => d.y;
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(null)));

describe('LineChart from the keyboard', () => {
  it('is reachable with Tab; focus shows the last x, arrows and Home move it, Escape and blur hide it', async () => {
    render(<LineChart width={500} height={300} series={[line('a', 1), line('b', 2)]} x={x} y={y} xLabel="step" yLabel="loss" />);
    const chart = screen.getByRole('group', { name: 'loss vs step: ← → read the values' });
    expect(chart.tabIndex).toBe(0);
    fireEvent.focus(chart);
    let tooltip = await screen.findByRole('tooltip');
    expect(tooltip.textContent).toMatch(/step = 40/);
    expect(tooltip.querySelectorAll('.chart-tooltip-row')).toHaveLength(2);

    fireEvent.keyDown(chart, { key: 'Home' });
    await frame();
    tooltip = screen.getByRole('tooltip');
    expect(tooltip.textContent).toMatch(/step = 0/);
    fireEvent.keyDown(chart, { key: 'ArrowRight', shiftKey: true }); // a fifth of the width: step 8
    await frame();
    expect(screen.getByRole('tooltip').textContent).toMatch(/step = 8/);

    fireEvent.keyDown(chart, { key: 'Escape' });
    await frame();
    expect(screen.queryByRole('tooltip')).toBeNull();
    fireEvent.keyDown(chart, { key: 'End' });
    await frame();
    expect(screen.getByRole('tooltip').textContent).toMatch(/step = 40/);
    fireEvent.blur(chart);
    await frame();
    expect(screen.queryByRole('tooltip')).toBeNull();
  });
});
