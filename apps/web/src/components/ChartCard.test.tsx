import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChartCard, PRINT_CHART_WIDTH } from './ChartCard';
import { LineChart } from './charts/LineChart';
import type { SeriesPoint } from './charts/series';
import { installFixedResizeObserver } from '../test-utils/fixed-resize-observer';

// happy-dom has no layout: report a 500 px wide box so the card draws its chart.
beforeAll(() => installFixedResizeObserver(500, 300));

afterEach(() => vi.restoreAllMocks());

/** Captures what `download` hands the browser: the blob behind each object URL and the file name. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names };
}

describe('ChartCard', () => {
  it('gives the chart the measured width and exports the full CSV it is handed', async () => {
    const { blobs, names } = captureDownloads();
    const widths: number[] = [];
    render(
      <ChartCard title="Loss vs epoch (deep)" csv={() => 'run,step,value\na,0,1\n'}>
        {(width, height) => {
          widths.push(width);
          return <svg className="saddle-chart" width={width} height={height} />;
        }}
      </ChartCard>,
    );
    await waitFor(() => expect(widths).toContain(500));
    fireEvent.click(screen.getByRole('button', { name: 'CSV' }));
    await waitFor(() => expect(names).toEqual(['loss-vs-epoch-deep.csv']));
    expect(await blobs[0]?.text()).toBe('run,step,value\na,0,1\n');
  });

  it('exports twin panels stacked into one figure', async () => {
    const { blobs, names } = captureDownloads();
    render(
      <ChartCard title="Twin">
        {(width) => (
          <div>
            <svg className="saddle-chart" width={width} height={100}>
              <path d="M0,0L1,1" />
            </svg>
            <svg className="saddle-chart" width={width} height={150}>
              <path d="M0,0L2,2" />
            </svg>
          </div>
        )}
      </ChartCard>,
    );
    await waitFor(() => expect(document.querySelectorAll('svg.saddle-chart')).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'SVG' }));
    expect(names).toEqual(['twin.svg']);
    const doc = new DOMParser().parseFromString((await blobs[0]?.text()) ?? '', 'image/svg+xml');
    const panels = [...doc.querySelectorAll('svg.saddle-chart')];
    expect(panels.map((p) => p.getAttribute('height'))).toEqual(['100', '150']);
    expect(Number(panels[1]?.getAttribute('y')) - Number(panels[0]?.getAttribute('y'))).toBe(100);
    expect(doc.querySelectorAll('path')).toHaveLength(2);
  });
});

describe('ChartCard figure exports', () => {
  /** A chart as the chart components draw it: panels with axis titles, the HTML legend under them. */
  function Chart({ width, height }: { width: number; height: number }) {
    return (
      <div className="chart">
        <svg className="saddle-chart" width={width} height={height} data-width={width}>
          <text>epoch</text>
          <text>train loss (log scale)</text>
        </svg>
        <div className="chart-legend">
          <button type="button" className="chart-legend-item">
            <svg width={18} height={10}>
              <line stroke="#2563eb" />
            </svg>
            deep
          </button>
          <button type="button" className="chart-legend-item">
            <svg width={18} height={10}>
              <line stroke="#e8590c" strokeDasharray="4 3" />
            </svg>
            shallow
          </button>
        </div>
      </div>
    );
  }

  it('exports the figure with its title, axis titles and legend', async () => {
    const { blobs, names } = captureDownloads();
    render(<ChartCard title="Loss vs epoch">{(width, height) => <Chart width={width} height={height} />}</ChartCard>);
    await waitFor(() => expect(document.querySelector('svg.saddle-chart')).not.toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'SVG' }));
    expect(names).toEqual(['loss-vs-epoch.svg']);
    const doc = new DOMParser().parseFromString((await blobs[0]?.text()) ?? '', 'image/svg+xml');
    expect(doc.querySelector('.saddle-export-title')?.textContent).toBe('Loss vs epoch');
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['epoch', 'train loss (log scale)', 'deep', 'shallow']));
    expect(doc.documentElement.getAttribute('width')).toBe('500');
  });

  it('draws the chart again at a paper column width for a paper-sized export, then removes the copy', async () => {
    const { blobs, names } = captureDownloads();
    const drawn: [number, number][] = [];
    render(
      <ChartCard title="Loss vs epoch">
        {(width, height) => {
          drawn.push([width, height]);
          return <Chart width={width} height={height} />;
        }}
      </ChartCard>,
    );
    await waitFor(() => expect(document.querySelector('svg.saddle-chart')).not.toBeNull());
    fireEvent.change(screen.getByRole('combobox', { name: 'Export size' }), { target: { value: 'single' } });
    fireEvent.click(screen.getByRole('button', { name: 'SVG' }));
    await waitFor(() => expect(names).toEqual(['loss-vs-epoch-single.svg']));
    // 3.5 in at 96 px per inch, the panels 2.6 in tall
    expect(drawn).toContainEqual([336, 250]);
    const doc = new DOMParser().parseFromString((await blobs[0]?.text()) ?? '', 'image/svg+xml');
    expect(doc.documentElement.getAttribute('width')).toBe('3.5in');
    expect(doc.querySelector('svg.saddle-chart')?.getAttribute('width')).toBe('336');
    expect([...doc.querySelectorAll('.saddle-export-legend text')].map((t) => t.textContent)).toEqual(['deep', 'shallow']);
    await waitFor(() => expect(document.querySelector('.chart-export-stage')).toBeNull());
    expect(document.querySelectorAll('svg.saddle-chart')).toHaveLength(1);
  });

  it('keeps a series the legend hid hidden in the paper-sized copy and when the chart is drawn again', async () => {
    const { blobs, names } = captureDownloads();
    const series = ['a', 'b'].map((id, k) => ({ id, label: id, data: Array.from({ length: 20 }, (_, i) => ({ x: i, y: (k + 1) * Math.exp(-i / 5) })) }));
    const pointX = (d: SeriesPoint) => d.x;
    const pointY = (d: SeriesPoint) => d.y;
    const view = (round: number) => (
      <ChartCard title="Loss">{(width, height) => <LineChart<SeriesPoint> key={round} width={width} height={height} series={series} x={pointX} y={pointY} />}</ChartCard>
    );
    const { container, rerender } = render(view(0));
    await waitFor(() => expect(container.querySelectorAll('path.saddle-line')).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'b' }));
    expect(container.querySelectorAll('path.saddle-line')).toHaveLength(1);
    // a new key remounts the chart: its legend state lives in the card, not the chart
    rerender(view(1));
    expect(container.querySelectorAll('path.saddle-line')).toHaveLength(1);
    fireEvent.change(screen.getByRole('combobox', { name: 'Export size' }), { target: { value: 'double' } });
    fireEvent.click(screen.getByRole('button', { name: 'SVG' }));
    await waitFor(() => expect(names).toEqual(['loss-double.svg']));
    const doc = new DOMParser().parseFromString((await blobs[0]?.text()) ?? '', 'image/svg+xml');
    expect(doc.querySelectorAll('path.saddle-line')).toHaveLength(1);
  });

  it('redraws the chart at the print width while the page prints, and back after', async () => {
    const drawn: number[] = [];
    render(
      <ChartCard title="Loss">
        {(width, height) => {
          drawn.push(width);
          return <Chart width={width} height={height} />;
        }}
      </ChartCard>,
    );
    await waitFor(() => expect(drawn).toContain(500));
    window.dispatchEvent(new Event('beforeprint'));
    await waitFor(() => expect(document.querySelector('svg.saddle-chart')?.getAttribute('width')).toBe(String(PRINT_CHART_WIDTH)));
    window.dispatchEvent(new Event('afterprint'));
    await waitFor(() => expect(document.querySelector('svg.saddle-chart')?.getAttribute('width')).toBe('500'));
  });
});

describe('ChartCard accessibility', () => {
  it('is a region named by its title, with the data-table alternative behind a "Data table" disclosure', () => {
    render(
      <ChartCard title="Train loss" dataTable={<table aria-label="Train loss: data"><tbody><tr><td>0.43</td></tr></tbody></table>}>
        {(width) => <svg role="img" aria-label="train/loss vs step" width={width} />}
      </ChartCard>,
    );
    expect(screen.getByRole('region', { name: 'Train loss' })).toBeTruthy();
    const details = screen.getByText('Data table').closest('details');
    expect(details?.open).toBe(false);
    expect(screen.getByRole('table', { name: 'Train loss: data', hidden: true }).textContent).toBe('0.43');
  });

  it('has no disclosure when there is no table', () => {
    render(<ChartCard title="Landscape">{() => null}</ChartCard>);
    expect(screen.queryByText('Data table')).toBeNull();
  });
});
