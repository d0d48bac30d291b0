import type { FigureData } from '@saddle/engine';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { binValues, FigureView, measurementMarks } from './FigureView';
import { installFixedResizeObserver } from '../../test-utils/fixed-resize-observer';

// happy-dom has no layout: a ResizeObserver that reports a 640 px wide box lets the cards draw.
beforeAll(() => installFixedResizeObserver(640, 320));

/** Renders and waits for the measured width to arrive (ResizeObserver → requestAnimationFrame). */
async function renderDrawn(ui: ReactElement) {
  const result = render(ui);
  await waitFor(() => expect(result.container.querySelector('svg.saddle-chart')).not.toBeNull());
  return result;
}

const axis = (label: string, scale: 'linear' | 'log' = 'linear') => ({ label, scale });

const figures: Record<FigureData['kind'], FigureData> = {
  lines: {
    kind: 'lines',
    x: axis('α'),
    y: axis('loss', 'log'),
    series: [
      { label: 'train', points: [0, 0.5, 1].map((x) => ({ x, y: 0.1 + x * (1 - x) })) },
      { label: 'test', dashed: true, points: [0, 0.5, 1].map((x) => ({ x, y: 0.2 + x * (1 - x) })) },
    ],
  },
  scatter: {
    kind: 'scatter',
    x: axis('loss', 'log'),
    y: axis('minimal ratio'),
    points: [
      { x: 0.01, y: 0.4, runKey: 'r1', meta: { eigenvalues: [1, 2, -0.5, 3] } },
      { x: 0.02, y: 0.6, runKey: 'r2', marked: true, meta: { eigenvalues: [0.1, 0.2] } },
    ],
  },
  paths: {
    kind: 'paths',
    x: axis('PC1'),
    y: axis('PC2'),
    explainedVariance: [0.61, 0.22],
    views: [
      { id: 'model', label: 'whole model', paths: [{ label: 'run 1', points: [{ x: 0, y: 0, epoch: 0, loss: 1 }, { x: 1, y: 1, epoch: 5, loss: 0.5 }] }] },
      { id: 'layer-1', label: 'layer 1', paths: [{ label: 'run 1', points: [{ x: 0, y: 1, epoch: 0 }] }] },
    ],
  },
  grid: {
    kind: 'grid',
    x: axis('δ'),
    y: axis('η'),
    xs: [-1, 0, 1],
    ys: [-1, 0, 1],
    values: [
      [2, 1, 2],
      [1, 0.01, 1],
      [2, 1, 2],
    ],
    valueLabel: 'loss',
    path: [{ x: 1, y: 1 }, { x: 0, y: 0 }],
    slices: [{ label: 'along δ', points: [{ x: -1, y: 1 }, { x: 0, y: 0.01 }, { x: 1, y: 1 }] }],
  },
  histogram: { kind: 'histogram', x: axis('eigenvalue'), y: axis('count'), bins: [{ x0: 0, x1: 1, count: 3 }, { x0: 1, x1: 2, count: 1 }] },
};

describe('FigureView', () => {
  it('draws lines figures as line charts, dashed series dashed', async () => {
    const { container } = await renderDrawn(<FigureView title="Interpolation" data={figures.lines} />);
    const lines = container.querySelectorAll('path.saddle-line');
    expect(lines).toHaveLength(2);
    expect(lines[1]?.getAttribute('stroke-dasharray')).toBe('5 4');
  });

  it('draws a scatter and the spectrum of the selected point', async () => {
    const { container } = await renderDrawn(<FigureView title="Minimal ratio" data={figures.scatter} />);
    expect(container.querySelectorAll('circle.saddle-point')).toHaveLength(2);
    // the marked point is selected first: its 2 eigenvalues are binned into the side histogram
    expect(screen.getByText('eigenvalues of r2')).toBeTruthy();
    expect(container.querySelectorAll('rect.saddle-bar').length).toBeGreaterThan(0);
  });

  it('draws the points the analysis marks hollow, with a legend entry saying what they are', async () => {
    const data: FigureData = {
      kind: 'scatter',
      x: axis('loss', 'log'),
      y: axis('minimal ratio'),
      markedLabel: 'not converged: ‖∇L‖ stayed above the threshold',
      points: [
        { x: 0.01, y: 0.4, runKey: 'r1', group: 'mlp' },
        { x: 0.02, y: 0.6, runKey: 'r2', group: 'mlp', marked: true },
        { x: 0.03, y: 0.5, runKey: 'r3', group: 'mlp' },
      ],
    };
    const { container } = await renderDrawn(<FigureView title="Minimal ratio" data={data} />);
    const hollow = [...container.querySelectorAll('circle.flagged')];
    expect(hollow.map((c) => c.getAttribute('data-key'))).toEqual(['r2']);
    expect(hollow[0]?.getAttribute('fill')).toBe('#fff');
    expect(container.querySelector('circle[data-key="r1"]')?.getAttribute('fill')).not.toBe('#fff');
    expect(screen.getByRole('button', { name: 'not converged: ‖∇L‖ stayed above the threshold' })).toBeTruthy();
  });

  it('switches a scatter between definitions of y, read from each point’s meta, and says which it shows', async () => {
    const data: FigureData = {
      kind: 'scatter',
      x: axis('loss', 'log'),
      y: axis('positive / all'),
      points: [
        { x: 0.01, y: 0.2, runKey: 'r1', meta: { all: 0.2, nonFlat: 0.9 } },
        { x: 0.02, y: 0.1, runKey: 'r2', meta: { all: 0.1, nonFlat: Number.NaN } },
      ],
      views: [
        { id: 'all', label: 'over all eigenvalues', y: axis('positive / all'), metaKey: 'all' },
        { id: 'non-flat', label: 'over non-flat eigenvalues', y: axis('positive / non-flat'), metaKey: 'nonFlat' },
      ],
    };
    const { container } = await renderDrawn(<FigureView title="Minimal ratio" data={data} />);
    expect(container.querySelectorAll('circle.saddle-point')).toHaveLength(2);
    expect(screen.getByText(/y: over all eigenvalues · 2 points/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'over non-flat eigenvalues' }));
    // r2 has no finite value under this definition: left out, and counted in the caption.
    expect(container.querySelectorAll('circle.saddle-point')).toHaveLength(1);
    expect(screen.getByText(/y: over non-flat eigenvalues · 1 points \(1 without a value here\)/)).toBeTruthy();
    expect(screen.getAllByText('positive / non-flat').length).toBeGreaterThan(0);
  });

  it('rings the marked points of a lines figure and says what a ring means', async () => {
    const data: FigureData = {
      kind: 'lines',
      x: axis('α'),
      y: axis('loss', 'log'),
      series: [{ label: 'train', markedLabel: 'variance clamped to 0', points: [{ x: -1, y: 1e4, marked: true }, { x: 0, y: 0.1 }, { x: 1, y: 0.2 }] }],
    };
    const { container } = await renderDrawn(<FigureView title="Interpolation" data={data} />);
    expect(container.querySelectorAll('circle.saddle-marker')).toHaveLength(1);
    expect(screen.getByText('○ variance clamped to 0')).toBeTruthy();
    const { container: plain } = await renderDrawn(<FigureView title="Plain" data={figures.lines} />);
    expect(plain.querySelectorAll('circle.saddle-marker')).toHaveLength(0);
  });

  it('switches paths views', async () => {
    const { container } = await renderDrawn(<FigureView title="PCA" data={figures.paths} />);
    expect(container.querySelectorAll('circle.saddle-point')).toHaveLength(2);
    expect(screen.getByText(/PC1 \(61\.0% var\.\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'layer 1' }));
    expect(container.querySelectorAll('circle.saddle-point')).toHaveLength(1);
  });

  it('labels each paths view with its own explained variance', async () => {
    const data: FigureData = {
      ...(figures.paths as Extract<FigureData, { kind: 'paths' }>),
      explainedVariance: [0.55, 0.406],
      views: [
        { id: 'model', label: 'whole model', explainedVariance: [0.55, 0.406], paths: [{ label: 'run 1', points: [{ x: 0, y: 0, epoch: 0 }, { x: 1, y: 1, epoch: 5 }] }] },
        { id: 'layer', label: 'layer dense_3', explainedVariance: [0.547, 0.394], paths: [{ label: 'run 1', points: [{ x: 0, y: 1, epoch: 0 }] }] },
      ],
    };
    await renderDrawn(<FigureView title="PCA" data={data} />);
    expect(screen.getByText('PC1 (55.0% var.)')).toBeTruthy();
    expect(screen.getByText('PC2 (40.6% var.)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'layer dense_3' }));
    expect(screen.getByText('PC1 (54.7% var.)')).toBeTruthy();
    expect(screen.getByText('PC2 (39.4% var.)')).toBeTruthy();
    expect(screen.queryByText('PC1 (55.0% var.)')).toBeNull();
  });

  it('draws grids as heatmap + contours with their 1-D slices beside', async () => {
    const { container } = await renderDrawn(<FigureView title="Landscape" data={figures.grid} />);
    expect(container.querySelectorAll('rect.saddle-cell')).toHaveLength(9);
    expect(container.querySelectorAll('circle.saddle-trajectory-point')).toHaveLength(2);
    expect(screen.getByText('Landscape: 1-D slices')).toBeTruthy();
  });

  it('draws histograms', async () => {
    const { container } = await renderDrawn(<FigureView title="Spectrum" data={figures.histogram} />);
    expect(container.querySelectorAll('rect.saddle-bar')).toHaveLength(2);
  });
});

describe('binValues', () => {
  it('counts every value once, the maximum in the last bin', () => {
    const bins = binValues([0, 1, 2, 3, 4], 4);
    expect(bins.map((b) => b.count)).toEqual([1, 1, 1, 2]);
    expect(bins[0]?.x0).toBe(0);
    expect(bins[3]?.x1).toBe(4);
  });
});

describe('lines figures of a few measurements (HW1 plots them as points)', () => {
  const sensitivity: Extract<FigureData, { kind: 'lines' }> = {
    kind: 'lines',
    x: axis('batch size', 'log'),
    y: axis('sensitivity'),
    series: [{ label: 'sensitivity', points: [64, 256, 1024].map((x, i) => ({ x, y: 3 - i })) }],
  };
  const dense: Extract<FigureData, { kind: 'lines' }> = {
    kind: 'lines',
    x: axis('α'),
    y: axis('loss'),
    series: [{ label: 'train', points: Array.from({ length: 41 }, (_, i) => ({ x: -1 + i / 20, y: i })) }],
  };

  it('marks each of a few x values with a point and, on a log axis, ticks exactly at them; a dense sweep stays a line', () => {
    expect(measurementMarks(sensitivity)).toEqual({ points: true, xTicks: [64, 256, 1024] });
    expect(measurementMarks({ ...sensitivity, x: axis('parameters') })).toEqual({ points: true, xTicks: undefined });
    expect(measurementMarks(dense)).toEqual({ points: false, xTicks: undefined });
  });

  it('draws a dot per measurement and labels the batch-size axis 64, 256, 1024 (not decades)', async () => {
    const { container } = await renderDrawn(<FigureView title="Sensitivity vs batch size" data={sensitivity} />);
    expect(container.querySelectorAll('circle.saddle-point')).toHaveLength(3);
    const ticks = [...container.querySelectorAll('.visx-axis-bottom .visx-axis-tick text')].map((t) => t.textContent);
    expect(ticks).toEqual(['64', '256', '1,024']);
  });

  it('draws no dots on a dense sweep', async () => {
    const { container } = await renderDrawn(<FigureView title="Interpolation" data={dense} />);
    expect(container.querySelectorAll('circle.saddle-point')).toHaveLength(0);
  });
});
