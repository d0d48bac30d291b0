import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LineChart } from './LineChart';
import { seriesColor } from './palette';
import type { Series, SeriesPoint } from './series';

const x = (d: SeriesPoint) => d.x;
const y = (d: SeriesPoint) => d.y;

const curve = (id: string, group: string | undefined, style: string | undefined, f: (x: number) => number, extra: Partial<Series<SeriesPoint>> = {}): Series<SeriesPoint> => ({
  id,
  label: id,
  ...(group !== undefined && { group }),
  ...(style !== undefined && { style }),
  data: Array.from({ length: 11 }, (_, i) => ({ x: i, y: f(i) })),
  ...extra,
});

const lineOf = (container: HTMLElement, id: string) => container.querySelector(`path.saddle-line[data-series="${id}"]`);
const legendLabels = (container: HTMLElement) => [...container.querySelectorAll('.chart-legend-item')].map((b) => b.textContent?.trim());

// fit-function's loss chart: three models × two targets, one seed each
const fit: Series<SeriesPoint>[] = ['shallow', 'deep'].flatMap((model, m) =>
  ['target=sinc5', 'target=sgn'].flatMap((target, t) => [
    curve(`${model}/${target}`, model, target, (i) => 1 + m + 10 * t + i * 0.01),
    curve(`${model}/${target}/seed1`, model, target, (i) => 1.5 + m + 10 * t + i * 0.01),
  ]),
);

describe('LineChart line styles', () => {
  it('draws replicas of a group solid in one colour, and explains every dash in the legend', () => {
    const { container } = render(<LineChart width={500} height={300} series={fit} x={x} y={y} />);
    // replicas (seeds) of one model and target: same colour, same (solid) style
    const a = lineOf(container, 'shallow/target=sinc5');
    const b = lineOf(container, 'shallow/target=sinc5/seed1');
    expect(a?.getAttribute('stroke')).toBe(b?.getAttribute('stroke'));
    expect(a?.getAttribute('stroke-dasharray')).toBeNull();
    expect(b?.getAttribute('stroke-dasharray')).toBeNull();
    // the other target: the same model colour, dashed
    const other = lineOf(container, 'shallow/target=sgn');
    expect(other?.getAttribute('stroke')).toBe(a?.getAttribute('stroke'));
    const dash = other?.getAttribute('stroke-dasharray');
    expect(dash).toBeTruthy();
    // the legend: one entry per model, one per style; the style entry's swatch has the lines' dash
    expect(legendLabels(container)).toEqual(['shallow', 'deep', 'target=sinc5', 'target=sgn']);
    const styleSwatch = screen.getByRole('button', { name: 'target=sgn' }).querySelector('line');
    expect(styleSwatch?.getAttribute('stroke-dasharray')).toBe(dash);
    expect(screen.getByRole('button', { name: 'target=sinc5' }).querySelector('line')?.getAttribute('stroke-dasharray')).toBeNull();
    // every dash drawn is one a legend entry shows
    const legendDashes = new Set([...container.querySelectorAll('.chart-legend-item line')].map((l) => l.getAttribute('stroke-dasharray')));
    for (const line of container.querySelectorAll('path.saddle-line')) expect(legendDashes.has(line.getAttribute('stroke-dasharray'))).toBe(true);
  });

  it('a style entry hides every line of that style', () => {
    const { container } = render(<LineChart width={500} height={300} series={fit} x={x} y={y} />);
    fireEvent.click(screen.getByRole('button', { name: 'target=sgn' }));
    const shown = [...container.querySelectorAll('path.saddle-line')].map((p) => p.getAttribute('data-series'));
    expect(shown.sort()).toEqual(['deep/target=sinc5', 'deep/target=sinc5/seed1', 'shallow/target=sinc5', 'shallow/target=sinc5/seed1']);
  });

  it('averages within a group and style, never across styles', () => {
    const { container } = render(<LineChart width={500} height={300} series={fit} x={x} y={y} bands />);
    // 2 models × 2 targets, 2 seeds each
    expect(container.querySelectorAll('path.saddle-mean')).toHaveLength(4);
    expect(container.querySelectorAll('path.saddle-band')).toHaveLength(4);
  });

  it('keeps the colours it is given and takes free palette colours for the rest (ground truth never wears a model’s colour)', () => {
    const series = [
      curve('truth', undefined, undefined, (i) => i, { dashed: true }),
      curve('m0', 'm0', undefined, (i) => i + 1, { color: seriesColor(0) }),
      curve('m1', 'm1', undefined, (i) => i + 2, { color: seriesColor(1) }),
    ];
    const { container } = render(<LineChart width={500} height={300} series={series} x={x} y={y} />);
    expect(lineOf(container, 'm0')?.getAttribute('stroke')).toBe(seriesColor(0));
    expect(lineOf(container, 'm1')?.getAttribute('stroke')).toBe(seriesColor(1));
    const truth = lineOf(container, 'truth')?.getAttribute('stroke');
    expect(truth).not.toBe(seriesColor(0));
    expect(truth).not.toBe(seriesColor(1));
  });

  it('draws a band over a family drawn in a colour each (seeds with a band key) in a neutral colour', () => {
    const seeds = [0, 1, 2].map((s) => curve(`seed${s}`, undefined, undefined, (i) => Math.exp(-i / (3 + s)), { band: 'mlp', color: seriesColor(s) }));
    const { container } = render(<LineChart width={500} height={300} series={seeds} x={x} y={y} yScale="log" bands />);
    expect(legendLabels(container)).toEqual(['seed0', 'seed1', 'seed2']);
    const mean = container.querySelectorAll('path.saddle-mean');
    expect(mean).toHaveLength(1);
    expect(seeds.map((s) => s.color)).not.toContain(mean[0]?.getAttribute('stroke'));
  });

  it('on a log axis the band runs as far as its mean line, even where the runs spread over decades', () => {
    // at the later x one run stays 5 decades above two others: mean − std < 0 arithmetically
    const spread = [curve('a', 'g', undefined, (i) => (i < 5 ? 1 : 1e-5)), curve('b', 'g', undefined, () => 1), curve('c', 'g', undefined, (i) => (i < 5 ? 1 : 1e-5))];
    const { container } = render(<LineChart width={500} height={300} series={spread} x={x} y={y} yScale="log" bands />);
    const band = container.querySelector('path.saddle-band')?.getAttribute('d') ?? '';
    const mean = container.querySelector('path.saddle-mean')?.getAttribute('d') ?? '';
    const lastX = (d: string) => Math.max(...[...d.matchAll(/[ML,]?(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map((m) => Number(m[1])));
    expect(band).not.toBe('');
    expect(lastX(band)).toBeCloseTo(lastX(mean), 6);
    // one unbroken band: a single move-to
    expect(band.match(/M/g)).toHaveLength(1);
  });
});
