import { render, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { MetricFigure, splitsOfOneQuantity, type FigureRun } from './MetricFigure';
import { installFixedResizeObserver } from '../test-utils/fixed-resize-observer';

// happy-dom has no layout: a ResizeObserver that reports a 640 px wide box lets the card draw.
beforeAll(() => installFixedResizeObserver(640, 320));

const points = (f: (epoch: number) => number) => Array.from({ length: 10 }, (_, i) => ({ step: i * 10, epoch: i + 1, value: f(i), wallTime: 1_700_000_000_000 + i }));
const run: FigureRun = {
  id: 'r1',
  label: 'random-labels',
  group: 'random-labels',
  series: { 'train/loss': points((e) => 2.3 - 0.2 * e), 'test/loss': points((e) => 2.3 + 0.1 * e), grad_norm: points(() => 1), 'batch/loss': points(() => 2) },
};

describe('MetricFigure', () => {
  it('knows one quantity on two splits from two quantities', () => {
    expect(splitsOfOneQuantity(['train/loss', 'test/loss'])).toEqual({ quantity: 'loss', splits: ['train', 'test'] });
    expect(splitsOfOneQuantity(['train/accuracy', 'test/accuracy'])).toEqual({ quantity: 'accuracy', splits: ['train', 'test'] });
    expect(splitsOfOneQuantity(['grad_norm', 'batch/loss'])).toBeNull();
    expect(splitsOfOneQuantity(['train/loss'])).toBeNull();
    expect(splitsOfOneQuantity(['train/loss', 'train/accuracy'])).toBeNull();
  });

  it('draws train and test of one quantity on one axis, a line style each, named in the legend (random labels, HW1)', async () => {
    const { container } = render(<MetricFigure title="Loss vs epoch" metrics={['train/loss', 'test/loss']} runs={[run]} x="epoch" yScale="linear" />);
    await waitFor(() => expect(container.querySelector('svg.saddle-chart')).not.toBeNull());
    expect(container.querySelectorAll('svg.saddle-chart')).toHaveLength(1);
    const lines = [...container.querySelectorAll('path.saddle-line')];
    expect(lines).toHaveLength(2);
    // one solid, one dashed
    expect(lines.map((l) => l.getAttribute('stroke-dasharray') ?? 'solid').sort()).toEqual(['6 3', 'solid']);
    const legend = container.textContent ?? '';
    expect(legend).toContain('train');
    expect(legend).toContain('test');
    expect([...container.querySelectorAll('text')].some((t) => t.textContent === 'loss')).toBe(true);
  });

  it('names a run once in that legend, with an entry per split’s line style, also for a run of no group (seeds coloured each)', async () => {
    const seed: FigureRun = { id: 'r2', label: 'random-labels/seed1', color: '#d62728', series: run.series };
    const { container } = render(<MetricFigure title="Loss vs epoch" metrics={['train/loss', 'test/loss']} runs={[seed]} x="epoch" yScale="linear" />);
    await waitFor(() => expect(container.querySelector('svg.saddle-chart')).not.toBeNull());
    const entries = [...container.querySelectorAll('.legend button, [class*="legend"] button')].map((b) => b.textContent?.trim());
    expect(entries).toEqual(['random-labels/seed1', 'train', 'test']);
    expect([...container.querySelectorAll('path.saddle-line')].map((l) => l.getAttribute('stroke'))).toEqual(['#d62728', '#d62728']);
  });

  it('keeps two quantities in twin panels', async () => {
    const { container } = render(<MetricFigure title="Gradient norm and loss" metrics={['grad_norm', 'batch/loss']} runs={[run]} x="step" yScale="log" />);
    await waitFor(() => expect(container.querySelector('svg.saddle-chart')).not.toBeNull());
    expect(container.querySelectorAll('svg.saddle-chart').length).toBe(2);
  });
});
