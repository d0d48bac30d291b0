/**
 * The renderer on what stored series really hold: a diverged run (NaN, Infinity) and values a
 * log axis cannot place (≤ 0) break the line instead of poisoning the SVG with NaN coordinates;
 * a log axis is ticked at decades; twin panels share one legend.
 */
import { describe, expect, it } from 'vitest';
import { renderFigureSvg } from './figure-render.js';

describe('renderFigureSvg', () => {
  it('breaks a line at NaN, ±Infinity and (on a log axis) values ≤ 0, and never writes NaN', () => {
    const values = [1, 0.1, Number.NaN, 0.01, Number.POSITIVE_INFINITY, 0, -1, 0.001, 0.0001];
    const svg = renderFigureSvg({
      title: 'diverged',
      panels: [{ data: { kind: 'lines', x: { label: 'step', scale: 'linear' }, y: { label: 'loss', scale: 'log' }, series: [{ label: 'run', points: values.map((y, x) => ({ x, y })) }] } }],
    });
    expect(svg).not.toMatch(/NaN|Infinity/);
    const d = /<path class="series" data-label="run" d="([^"]*)"/.exec(svg)?.[1] ?? '';
    // Three placeable stretches: [1, 0.1], [0.01], [0.001, 0.0001].
    expect(d.match(/M/g)).toHaveLength(3);
    expect(d.match(/L/g)).toHaveLength(2);
    for (const decade of ['1e-4', '1e-3', '1e-2', '1e-1', '1e0']) expect(svg).toContain(`>${decade}</text>`);
  });

  it('stacks twin panels under one title with a legend entry per run, not per panel', () => {
    const panel = (key: string) => ({ title: key, data: { kind: 'lines' as const, x: { label: 'step', scale: 'linear' as const }, y: { label: key, scale: 'linear' as const }, series: ['a', 'b'].map((label) => ({ label, points: [{ x: 0, y: 1 }, { x: 1, y: 2 }] })) } });
    const svg = renderFigureSvg({ title: 'Gradient norm and loss', panels: [panel('grad_norm'), panel('train/loss')] }, { width: 600, height: 600 });
    expect(svg.match(/class="series"/g)).toHaveLength(4);
    expect(svg.match(/class="x-label"/g)).toHaveLength(2);
    const legend = svg.slice(svg.indexOf('class="legend"'));
    expect(legend.match(/<rect /g)).toHaveLength(2);
    // The same run has the same colour in both panels.
    const strokes = [...svg.matchAll(/data-label="a" d="[^"]*" fill="none" stroke="([^"]+)"/g)].map((m) => m[1]);
    expect(strokes).toHaveLength(2);
    expect(new Set(strokes).size).toBe(1);
  });

  it('rings marked points and says in the legend what a ring means (the series’ markedLabel)', () => {
    const svg = renderFigureSvg({
      title: 'variance',
      panels: [{ data: { kind: 'lines', x: { label: 'x', scale: 'linear' }, y: { label: 'y', scale: 'linear' }, series: [{ label: 'train', markedLabel: 'variance clamped to 0', points: [{ x: 0, y: 1, marked: true }, { x: 1, y: 2 }, { x: 2, y: 3, marked: true }] }] } }],
    });
    expect(svg.match(/class="marked"/g)).toHaveLength(2);
    expect(svg.slice(svg.indexOf('class="legend"'))).toContain('>variance clamped to 0</text>');
  });

  it('refuses a figure with nothing to draw, naming it', () => {
    expect(() => renderFigureSvg({ title: 'empty', panels: [] })).toThrow(/renderFigureSvg: figure "empty" has no panels/);
  });
});
