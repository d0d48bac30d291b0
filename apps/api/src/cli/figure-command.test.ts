/**
 * `saddle figure` and `saddle plot` through the real CLI (spawned), on a store seeded with one
 * stored figure of every analysis kind and with metric series: the SVG holds the title, the axis
 * labels (log where the figure says) and one mark per series; the PNG is a PNG of the size asked
 * for; the text plot fits 80 columns in a pseudo-terminal (`script`), keeps a one-step spike
 * (min/max buckets) and states min, max and the step range.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figure, RunSpec } from '@saddle/engine';
import { Store } from '../store/store.js';
import { tempDir } from '../test-utils/temp.js';

const SADDLE_BIN = fileURLToPath(new URL('../../bin/saddle.mjs', import.meta.url));
const root = tempDir('saddle-figure-');
const dataDir = join(root.path, 'data');
const experimentId = randomUUID();
const runIds = { shallow: randomUUID(), deep: randomUUID() };
const SPIKE_STEP = 537;

const axis = (label: string, scale: 'linear' | 'log' = 'linear') => ({ label, scale });
/** One stored figure of each analysis kind, with the number of series each should draw. */
const FIGURES: { figure: Figure; series: number }[] = [
  {
    figure: { id: 'predictions', title: 'Prediction vs ground truth', data: { kind: 'lines', x: axis('input x'), y: axis('output f(x)'), series: [0, 1, 2].map((k) => ({ label: `model ${k}`, points: [0, 1, 2, 3].map((x) => ({ x, y: Math.sin(x + k), ...(x === 3 && { marked: true, error: 0.1 }) })) })) } },
    series: 3,
  },
  {
    figure: { id: 'ratio', title: 'Minimal ratio vs loss', data: { kind: 'scatter', x: axis('training loss', 'log'), y: axis('minimal ratio'), points: [1e-4, 1e-3, 1e-2, 1e-1].map((x, i) => ({ x, y: i / 4, group: i % 2 === 0 ? 'mlp-a' : 'mlp-b', meta: { nonFlat: 10 ** -i } })), views: [{ id: 'all', label: 'all eigenvalues', y: axis('minimal ratio'), metaKey: 'ratio' }, { id: 'non-flat', label: 'non-flat eigenvalues', y: axis('minimal ratio (non-flat)', 'log'), metaKey: 'nonFlat' }] } },
    series: 2,
  },
  {
    figure: { id: 'pca', title: 'Trajectories in the PCA plane', data: { kind: 'paths', x: axis('PC 1'), y: axis('PC 2'), explainedVariance: [0.6, 0.3], views: [
      { id: 'model', label: 'whole model', paths: ['seed0', 'seed1'].map((label, k) => ({ label, points: [0, 5, 10].map((epoch) => ({ x: epoch * (k + 1), y: -epoch, epoch })) })) },
      { id: 'layer1', label: 'first layer', paths: [{ label: 'seed0', points: [0, 5, 10].map((epoch) => ({ x: epoch, y: epoch, epoch })) }] },
    ] } },
    series: 2,
  },
  {
    figure: { id: 'landscape', title: 'Loss landscape', data: { kind: 'grid', x: axis('direction 1'), y: axis('direction 2'), xs: [-1, 0, 1], ys: [-1, 0, 1], values: [[3, 2, 3], [2, 1, 2], [3, 2, 3]], valueLabel: 'training loss', path: [{ x: -1, y: -1 }, { x: 0, y: 0 }] } },
    series: 2, // the cells and the trajectory
  },
  {
    figure: { id: 'spectrum', title: 'Hessian spectrum', data: { kind: 'histogram', x: axis('eigenvalue'), y: axis('count', 'log'), bins: [{ x0: -1, x1: 0, count: 3 }, { x0: 0, x1: 1, count: 300 }, { x0: 1, x1: 2, count: 7 }] } },
    series: 1,
  },
];

beforeAll(async () => {
  mkdirSync(dataDir, { recursive: true });
  const store = await Store.open({ kind: 'sqlite', file: join(dataDir, 'saddle.db') });
  const spec = { model: { name: 'm', layers: [] } } as unknown as RunSpec;
  // A fit-function experiment: its preset's metric figure `loss` (train/loss vs epoch, log y) is drawn from the runs' series.
  await store.createExperiment(
    { id: experimentId, name: 'figures', preset: 'fit-function', scale: 'quick', origin: 'preset', spec: { preset: 'fit-function', scale: 'quick' }, status: 'SUCCEEDED', analysisStatus: 'SUCCEEDED', tags: [] },
    Object.entries(runIds).map(([key, id]) => ({ id, key, group: key, config: {}, spec, external: false, status: 'SUCCEEDED' as const })),
  );
  for (const [index, id] of Object.values(runIds).entries()) {
    // 1000 steps of a decaying loss, with a one-step spike (the plot's min/max buckets must keep it).
    const points = Array.from({ length: 1000 }, (_, step) => ({ key: 'train/loss', step, value: step === SPIKE_STEP ? 42 : (1 + index) * Math.exp(-step / 200), wallTime: 1_700_000_000_000 + step, epoch: Math.floor(step / 10) }));
    await store.upsertMetrics(id, points);
  }
  await store.replaceFigures(experimentId, FIGURES.map((f) => f.figure));
  await store.close();
});
afterAll(() => root.remove());

function saddle(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [SADDLE_BIN, ...args, '--data-dir', dataDir], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const count = (text: string, pattern: RegExp): number => text.match(new RegExp(pattern.source, 'g'))?.length ?? 0;

describe('saddle figure', () => {
  it('lists the figure ids: the preset’s metric figures, then the stored analyses', () => {
    const { code, stdout } = saddle('figure', experimentId);
    expect(code).toBe(0);
    const ids = stdout.trim().split('\n').map((line) => line.split(/\s+/)[0]);
    // The store keeps figures made together in no particular order.
    expect(ids[0]).toBe('loss');
    expect(ids.slice(1).sort()).toEqual(FIGURES.map((f) => f.figure.id).sort());
    expect(stdout).toMatch(/^ratio\s+scatter\s+Minimal ratio vs loss  \[--view all \| non-flat\]$/m);
    expect(stdout).toMatch(/^pca\s+paths\s+Trajectories in the PCA plane  \[--view model \| layer1\]$/m);
  });

  it.each(FIGURES.map((f) => [f.figure.data.kind, f] as const))('draws a %s figure to SVG: title, axis labels, ticks and one mark per series', (_kind, { figure, series }) => {
    const out = join(root.path, `${figure.id}.svg`);
    const { code, stderr } = saddle('figure', experimentId, figure.id, '--out', out);
    expect(code, stderr).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="800" height="500"/);
    expect(svg).toContain(`<title>${figure.title}</title>`);
    const { x, y } = figure.data;
    expect(svg).toContain(`class="x-label"`);
    expect(svg).toContain(`>${x.label}${x.scale === 'log' ? ' (log)' : ''}</text>`);
    expect(svg).toContain(`>${y.label}${y.scale === 'log' ? ' (log)' : ''}</text>`);
    expect(count(svg, /class="series"/)).toBe(series);
    // A log axis is ticked at decades.
    if (x.scale === 'log') expect(svg).toMatch(/>1e-3<\/text>/);
    if (y.scale === 'log') expect(svg).toMatch(/>1e2<\/text>/);
    expect(svg).toContain('class="legend"');
  });

  it('draws a metric figure from the stored series: a line per run on the log axis the preset asks for', () => {
    const out = join(root.path, 'loss.svg');
    expect(saddle('figure', experimentId, 'loss', '--out', out).code).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toContain('<title>Training loss vs epoch</title>');
    expect(svg).toContain('>epoch</text>');
    expect(svg).toContain('>train/loss (log)</text>');
    const paths = [...svg.matchAll(/<path class="series" data-label="([^"]+)" d="([^"]*)"/g)];
    expect(paths.map((m) => m[1])).toEqual(['shallow', 'deep']);
    for (const [, , d] of paths) expect(count(d ?? '', /L/)).toBeGreaterThan(100);
  });

  it('draws another view: a layer’s PCA paths, a scatter’s y read from each point’s meta on its own axis', () => {
    const layer = join(root.path, 'pca-layer1.svg');
    expect(saddle('figure', experimentId, 'pca', '--view', 'layer1', '--out', layer).code).toBe(0);
    expect(count(readFileSync(layer, 'utf8'), /class="series"/)).toBe(1);
    const nonFlat = join(root.path, 'ratio-non-flat.svg');
    expect(saddle('figure', experimentId, 'ratio', '--view', 'non-flat', '--out', nonFlat).code).toBe(0);
    const svg = readFileSync(nonFlat, 'utf8');
    expect(svg).toContain('>minimal ratio (non-flat) (log)</text>');
    // meta.nonFlat spans 1e-3 … 1e0 on the log y axis.
    for (const decade of ['1e-3', '1e-2', '1e-1', '1e0']) expect(svg).toContain(`>${decade}</text>`);
    const bad = saddle('figure', experimentId, 'pca', '--view', 'layer9', '--out', layer);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad --view: figure pca has no view "layer9"\n\s+allowed: model, layer1/);
  });

  it('writes a PNG of the size asked for', () => {
    const out = join(root.path, 'landscape.png');
    const { code, stderr } = saddle('figure', experimentId, 'landscape', '--out', out, '--width', '640', '--height', '400');
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/wrote .*landscape\.png \(Loss landscape, 640×400\)/);
    const png = readFileSync(out);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: width and height, big-endian, after the signature, the chunk length and its type.
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([640, 400]);
  });

  it('exits 2 naming the bad argument', () => {
    const unknownFigure = saddle('figure', experimentId, 'nope', '--out', join(root.path, 'x.svg'));
    expect(unknownFigure.code).toBe(2);
    expect(unknownFigure.stderr).toMatch(/bad <figureId>: .*no figure "nope"\n\s+allowed: loss(, (predictions|ratio|pca|landscape|spectrum)){5}\n/);
    const extension = saddle('figure', experimentId, 'pca', '--out', join(root.path, 'x.jpg'));
    expect(extension.code).toBe(2);
    expect(extension.stderr).toMatch(/bad --out: ".*x\.jpg" ends in neither \.svg nor \.png/);
    expect(saddle('figure', experimentId, 'pca').stderr).toMatch(/bad --out: missing; give --out fig\.svg or --out fig\.png/);
    const noFigure = saddle('figure', experimentId, '--out', join(root.path, 'x.png'));
    expect(noFigure.code).toBe(2);
    expect(noFigure.stderr).toMatch(/bad <figureId>: missing; --out .*x\.png draws one figure\n\s+allowed: loss, /);
    const experiment = saddle('figure', 'no-such-experiment');
    expect(experiment.code).toBe(2);
    expect(experiment.stderr).toMatch(/saddle figure: bad <experimentId>: Experiment "no-such-experiment" does not exist/);
  });
});

describe('saddle plot', () => {
  it('plots a stored run’s metric in 80 columns of a terminal, keeping the spike, with min/max and the step range', () => {
    // A pseudo-terminal of 80 columns, as a user's: `script` runs the CLI with a tty for stdout.
    const command = `stty cols 80 rows 40; ${JSON.stringify(process.execPath)} ${JSON.stringify(SADDLE_BIN)} plot ${runIds.shallow} train/loss --height 12 --data-dir ${JSON.stringify(dataDir)}`;
    const output = execFileSync('script', ['-qfc', command, '/dev/null'], { encoding: 'utf8', timeout: 60_000 }).replace(/\r/g, '');
    const lines = output.split('\n').filter((line) => line.length > 0);
    expect(lines[0]).toBe('train/loss of run shallow: 1000 points, steps 0–999');
    expect(lines[1]).toBe(`min ${Number(Math.exp(-999 / 200).toPrecision(4))} at step 999, max 42 at step ${SPIKE_STEP}`);
    expect(lines[2]).toBe('(1000 points drawn as the min and max of 34 buckets)');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    const chart = lines.slice(3, -1);
    expect(chart).toHaveLength(12);
    // The spike survives the buckets: the top row (42) holds a mark past the axis.
    expect(chart[0]).toMatch(/^\s+42\.00 [┤┼]\s+╭╮$/);
    expect(lines.at(-1)).toMatch(/^\s+step {2}\d+\s+999$/);
  });

  it('exits 2 naming a metric the run does not have, and lists its metrics', () => {
    const result = saddle('plot', runIds.shallow, 'test/accuracy');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/saddle plot: bad <metricKey>: run shallow \(.*\) has no metric "test\/accuracy"\n\s+allowed: train\/loss/);
    expect(saddle('plot', 'no-such-run', 'train/loss').stderr).toMatch(/bad <runId>: Run "no-such-run" does not exist/);
  });
});
