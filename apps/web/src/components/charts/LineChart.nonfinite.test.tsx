import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LineChart } from './LineChart';
import type { Series, SeriesPoint } from './series';
import { toDrawn } from '../MetricFigure';

/** A loss that diverges: finite for steps 0–5, then NaN, +∞, and finite again at 9. */
const logged = [0.9, 0.7, 0.5, 0.45, 0.4, 0.38].map((value, step) => ({ step, value, wallTime: 0, nonFinite: null }));
const points = [
  ...logged,
  { step: 6, value: null, wallTime: 0, nonFinite: 'NaN' },
  { step: 7, value: null, wallTime: 0, nonFinite: 'Infinity' },
  { step: 8, value: null, wallTime: 0 },
  { step: 9, value: 0.3, wallTime: 0, nonFinite: null },
];

describe('LineChart with non-finite points', () => {
  it('draws them as a gap in the line with a titled marker at their x on the top edge', () => {
    const drawn = toDrawn(points, 'step');
    expect(drawn.map((d) => d.nonFinite)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, 'NaN', 'Infinity', 'not finite', undefined]);
    const series: Series<SeriesPoint>[] = [{ id: 'run/loss', label: 'run', data: drawn }];
    const { container } = render(<LineChart width={500} height={300} series={series} x={(d) => d.x} y={(d) => d.y} nonFinite={(d) => d.nonFinite} />);
    const markers = [...container.querySelectorAll('path.saddle-nonfinite')];
    expect(markers.map((m) => m.querySelector('title')?.textContent)).toEqual(['run: NaN at x = 6', 'run: Infinity at x = 7', 'run: not finite at x = 8']);
    // Each marker's tip is on the top edge (y = 0), at increasing x.
    const tips = markers.map((m) => /^M([\d.]+),0 h8 l-4,7 z$/.exec(m.getAttribute('d') ?? '')?.[1]).map(Number);
    expect(tips.every((t) => Number.isFinite(t))).toBe(true);
    expect([...tips].sort((a, b) => a - b)).toEqual(tips);
    // The line breaks at the gap: two runs of points (a path with two move-tos).
    const line = container.querySelector('path.saddle-line')?.getAttribute('d') ?? '';
    expect(line.match(/M/g)).toHaveLength(2);
  });

  it('draws no marker without the accessor or for finite data', () => {
    const series: Series<SeriesPoint>[] = [{ id: 'a', label: 'a', data: toDrawn(logged, 'step') }];
    const { container } = render(<LineChart width={500} height={300} series={series} x={(d) => d.x} y={(d) => d.y} nonFinite={(d) => d.nonFinite} />);
    expect(container.querySelectorAll('path.saddle-nonfinite')).toHaveLength(0);
  });
});

describe('TwinPanel with non-finite points', () => {
  it('marks them in the panel whose metric diverged, not in the other', async () => {
    const { TwinPanel } = await import('./TwinPanel');
    const lossSeries: Series<SeriesPoint>[] = [{ id: 'run/loss', label: 'run', data: toDrawn(points, 'step') }];
    const accSeries: Series<SeriesPoint>[] = [{ id: 'run/acc', label: 'run', data: toDrawn(logged, 'step') }];
    const { container } = render(
      <TwinPanel<SeriesPoint>
        width={500}
        height={400}
        x={(d) => d.x}
        nonFinite={(d) => d.nonFinite}
        top={{ series: lossSeries, y: (d) => d.y, yLabel: 'loss' }}
        bottom={{ series: accSeries, y: (d) => d.y, yLabel: 'acc' }}
      />,
    );
    const panels = [...container.querySelectorAll('.twin-panel > *')];
    expect(panels).toHaveLength(2);
    expect(panels[0]?.querySelectorAll('path.saddle-nonfinite')).toHaveLength(3);
    expect(panels[1]?.querySelectorAll('path.saddle-nonfinite')).toHaveLength(0);
  });
});
