/**
 * The renderer on what stored series really hold: a diverged run (NaN, Infinity) and values a
 * log axis cannot place (≤ 0) break the line instead of poisoning the SVG with NaN coordinates;
 * a log axis is ticked at decades; twin panels share one legend; given the experiment's runs, a
 * colour per model (seeds share it), a dash per facet, and a legend of models + styles.
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

  it('draws a symmetric-log axis for both signs: ticks at 0 and the decades each side, equal decades equally wide, no label on another', () => {
    const ys = [-0.002, -1e-4, 0, 1e-3, 0.1, 10, 1000];
    const svg = renderFigureSvg({
      title: 'spectrum',
      panels: [{ data: { kind: 'scatter', x: { label: 'rank', scale: 'linear' }, y: { label: 'eigenvalue', scale: 'symlog' }, points: ys.map((y, x) => ({ x, y })) } }],
    });
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(svg).toContain('eigenvalue (symmetric log)');
    // the y ticks: label text → its y position
    const ticks = new Map([...svg.matchAll(/<text[^>]*y="([\d.]+)"[^>]*text-anchor="end"[^>]*>([^<]+)<\/text>/g)].map((m) => [m[2]!, Number(m[1])]));
    for (const label of ['0', '10', '1000']) expect(ticks.has(label), `${label} in ${[...ticks.keys()].join(' ')}`).toBe(true);
    // the negative side lies in the linear core (|v| < c = 0.1): its end would sit on 0's label, so it is left out
    expect([...ticks.keys()].some((l) => l.startsWith('-'))).toBe(false);
    const positions = [...ticks.values()].sort((a, b) => a - b);
    for (let i = 1; i < positions.length; i++) expect(positions[i]! - positions[i - 1]!).toBeGreaterThanOrEqual(24);
    // far beyond the linear core (c = 1e-4 × 1000 = 0.1) every decade is as wide as the next
    const decade = (a: string, b: string) => Math.abs(ticks.get(b)! - ticks.get(a)!);
    expect(decade('10', '100') / decade('100', '1000')).toBeCloseTo(1, 1);
    expect(ticks.get('10')!).toBeLessThan(ticks.get('0')!);
    // a negative side reaching past the linear core is ticked at its decades, below 0 (SVG y grows downwards)
    const wide = renderFigureSvg({
      title: 'spectrum',
      panels: [{ data: { kind: 'scatter', x: { label: 'rank', scale: 'linear' }, y: { label: 'eigenvalue', scale: 'symlog' }, points: [-100, -1, 0, 1, 100].map((y, x) => ({ x, y })) } }],
    });
    const wideTicks = new Map([...wide.matchAll(/<text[^>]*y="([\d.]+)"[^>]*text-anchor="end"[^>]*>([^<]+)<\/text>/g)].map((m) => [m[2]!, Number(m[1])]));
    expect(wideTicks.get('-100')!).toBeGreaterThan(wideTicks.get('0')!);
    expect(wideTicks.get('100')!).toBeLessThan(wideTicks.get('0')!);
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

  // fit-function at standard scale: 3 models × 2 targets × 5 seeds, group = model
  const models = ['mlp-shallow', 'mlp-mid', 'mlp-deep'];
  const targets = ['sinc5', 'sgn-sin5pi'];
  const fitRuns = models.flatMap((model) => targets.flatMap((target) => [0, 1, 2, 3, 4].map((seed) => ({ key: `${model}/${target}/seed${seed}`, group: model, config: { model, target, seed, 'model.name': model, 'data.fn': target } }))));
  const lossFigure = (runs: typeof fitRuns) => ({
    title: 'Training loss vs epoch',
    runs: fitRuns,
    panels: [{ data: { kind: 'lines' as const, x: { label: 'epoch', scale: 'linear' as const }, y: { label: 'train/loss', scale: 'log' as const }, series: runs.map((r, i) => ({ label: r.key, group: r.group, runKey: r.key, points: [{ x: 0, y: 1 + i }, { x: 1, y: 0.5 + i }] })) } }],
  });
  const strokeOf = (svg: string, label: string) => new RegExp(`data-label="${label.replace(/[/]/g, '\\/')}"(?: data-style="[^"]*")? d="[^"]*" fill="none" stroke="([^"]+)"`).exec(svg)?.[1];
  const legendTexts = (svg: string) => [...svg.slice(svg.indexOf('class="legend"')).matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

  it('colours 30 runs by model, seeds sharing it, dashes each target, with a legend of 3 models + 2 styles', () => {
    const svg = renderFigureSvg(lossFigure(fitRuns));
    expect(svg.match(/class="series"/g)).toHaveLength(30);
    const colourOfModel = models.map((model) => new Set(fitRuns.filter((r) => r.group === model).map((r) => strokeOf(svg, r.key))));
    // one colour per model, three different ones
    for (const set of colourOfModel) expect(set.size).toBe(1);
    expect(new Set(colourOfModel.map((set) => [...set][0])).size).toBe(3);
    // a dash per target: the first style solid, the second dashed, and the series say their style
    const dashOf = (key: string) => new RegExp(`data-label="${key}" data-style="[^"]*" d="[^"]*" fill="none" stroke="[^"]+" stroke-width="1.6"(?: stroke-dasharray="([^"]+)")?`).exec(svg);
    expect(dashOf('mlp-deep/sinc5/seed3')?.[1]).toBeUndefined();
    expect(dashOf('mlp-deep/sgn-sin5pi/seed3')?.[1]).toBe('6 3');
    expect(svg).toContain('data-label="mlp-mid/sgn-sin5pi/seed0" data-style="target=sgn-sin5pi"');
    expect(legendTexts(svg)).toEqual([...models, 'target=sinc5', 'target=sgn-sin5pi']);
    expect(svg).not.toContain('more</text>');
    const legend = svg.slice(svg.indexOf('class="legend"'));
    expect(legend.match(/<rect /g)).toHaveLength(3);
    expect(legend.match(/class="legend-line"[^>]*stroke-dasharray="6 3"/g)).toHaveLength(1);
  });

  it('gives a model the same colour in every figure drawn with the same runs, whatever each draws first', () => {
    const all = renderFigureSvg(lossFigure(fitRuns));
    // a prediction figure: the deep model first, ground truth (no run) beside it
    const prediction = renderFigureSvg({
      title: 'Predictions on sinc5',
      runs: fitRuns,
      panels: [{ data: { kind: 'lines', x: { label: 'x', scale: 'linear' }, y: { label: 'y', scale: 'linear' }, series: [
        { label: 'ground truth', dashed: true, points: [{ x: 0, y: 1 }, { x: 1, y: 0 }] },
        { label: 'mlp-deep', group: 'mlp-deep', runKey: 'mlp-deep/sinc5/seed0', points: [{ x: 0, y: 1 }, { x: 1, y: 0.1 }] },
        { label: 'mlp-shallow', group: 'mlp-shallow', runKey: 'mlp-shallow/sinc5/seed0', points: [{ x: 0, y: 0.9 }, { x: 1, y: 0.2 }] },
      ] } }],
    });
    expect(strokeOf(prediction, 'mlp-deep')).toBe(strokeOf(all, 'mlp-deep/sinc5/seed0'));
    expect(strokeOf(prediction, 'mlp-shallow')).toBe(strokeOf(all, 'mlp-shallow/sinc5/seed0'));
    // the ground truth takes a colour no model has
    const truth = strokeOf(prediction, 'ground truth');
    expect(models.map((m) => strokeOf(all, `${m}/sinc5/seed0`))).not.toContain(truth);
    expect(legendTexts(prediction)).toEqual(['ground truth', 'mlp-deep', 'mlp-shallow']);
  });

  it('gives each seed its own colour and legend entry when all runs are seeds of one model', () => {
    const seeds = [0, 1, 2].map((seed) => ({ key: `seed${seed}`, group: 'mlp-deep', config: { seed, 'model.name': 'mlp-deep' } }));
    const svg = renderFigureSvg({ title: 'loss', runs: seeds, panels: [{ data: { kind: 'lines', x: { label: 'epoch', scale: 'linear' }, y: { label: 'loss', scale: 'linear' }, series: seeds.map((r) => ({ label: r.key, group: r.group, runKey: r.key, points: [{ x: 0, y: 1 }, { x: 1, y: 2 }] })) } }] });
    expect(new Set(seeds.map((r) => strokeOf(svg, r.key))).size).toBe(3);
    expect(legendTexts(svg)).toEqual(['seed0', 'seed1', 'seed2']);
    expect(svg).not.toContain('stroke-dasharray');
  });

  it('gives series of no run distinct colours even when the runs use the whole palette (a sweep of ten models)', () => {
    const sweep = Array.from({ length: 10 }, (_, i) => ({ key: `m${i}`, group: `m${i}`, config: { model: `m${i}` } }));
    const svg = renderFigureSvg({ title: 'final accuracy', runs: sweep, panels: [{ data: { kind: 'lines', x: { label: 'parameters', scale: 'log' }, y: { label: 'accuracy', scale: 'linear' }, series: ['train', 'test'].map((label) => ({ label, points: [{ x: 10, y: 0.5 }, { x: 100, y: 0.9 }] })) } }] });
    expect(strokeOf(svg, 'train')).not.toBe(strokeOf(svg, 'test'));
  });

  it('colours a scatter’s groups as the runs’ groups', () => {
    const svg = renderFigureSvg({ title: 'scatter', runs: fitRuns, panels: [{ data: { kind: 'scatter', x: { label: 'x', scale: 'linear' }, y: { label: 'y', scale: 'linear' }, points: [{ x: 0, y: 0, group: 'mlp-deep' }, { x: 1, y: 1, group: 'mlp-shallow' }] } }] });
    const fill = (group: string) => new RegExp(`data-label="${group}" fill="([^"]+)"`).exec(svg)?.[1];
    const lines = renderFigureSvg(lossFigure(fitRuns));
    expect(fill('mlp-deep')).toBe(strokeOf(lines, 'mlp-deep/sinc5/seed0'));
    expect(fill('mlp-shallow')).toBe(strokeOf(lines, 'mlp-shallow/sinc5/seed0'));
  });

  it('refuses a figure with nothing to draw, naming it', () => {
    expect(() => renderFigureSvg({ title: 'empty', panels: [] })).toThrow(/renderFigureSvg: figure "empty" has no panels/);
  });
});
