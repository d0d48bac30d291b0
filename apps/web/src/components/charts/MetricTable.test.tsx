import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MetricDatum } from '../../lib/metrics';
import { MetricTable, metricTableRows } from './MetricTable';

const t0 = 1_764_547_200_000;

describe('metricTableRows', () => {
  it('gives each run its last loaded point (not a bucket extreme), and min/max over finite values', () => {
    const runs: { label: string; series: Record<string, MetricDatum[]> }[] = [
      {
        label: 'lr=0.1',
        series: {
          'train/loss': [
            { step: 0, value: 2, wallTime: t0, epoch: 0 },
            { step: 10, value: 0.2, wallTime: t0 + 1000, epoch: 1 },
            { step: 20, value: 0.4349, wallTime: t0 + 2000, epoch: 2 },
          ],
        },
      },
      { label: 'lr=1', series: { 'train/loss': [{ step: 0, value: 3, wallTime: t0 }, { step: 5, value: null, nonFinite: 'Infinity', wallTime: t0 + 500 }] } },
      { label: 'no points', series: {} },
    ];
    expect(metricTableRows(runs, ['train/loss'], 'step')).toEqual([
      { run: 'lr=0.1', metric: 'train/loss', points: 3, lastX: 20, last: 0.4349, lastNonFinite: null, min: 0.2, max: 2 },
      { run: 'lr=1', metric: 'train/loss', points: 2, lastX: 5, last: null, lastNonFinite: 'Infinity', min: 3, max: 3 },
    ]);
    expect(metricTableRows(runs, ['train/loss'], 'wall')[0]?.lastX).toBe(2);
  });

  it('renders as a named table with the x heading of the chart', () => {
    const rows = metricTableRows([{ label: 'a', series: { acc: [{ step: 3, value: 0.5, wallTime: t0, epoch: 1.5 }] } }], ['acc'], 'epoch');
    render(<MetricTable title="Accuracy" rows={rows} x="epoch" />);
    const table = screen.getByRole('table', { name: 'Accuracy: data' });
    expect(table.querySelector('thead')?.textContent).toContain('Last epoch');
    expect(table.querySelector('tbody tr')?.textContent).toBe('aacc11.50.50.50.5');
  });
});
