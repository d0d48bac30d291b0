import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChartCard } from './ChartCard';

// happy-dom has no layout: report a 500 px wide box so the card draws its chart.
beforeAll(() => {
  class FixedResizeObserver {
    constructor(private readonly callback: (entries: { contentRect: { width: number; height: number; top: number; left: number } }[]) => void) {}
    observe() {
      this.callback([{ contentRect: { width: 500, height: 300, top: 0, left: 0 } }]);
    }
    unobserve() {}
    disconnect() {}
  }
  Object.defineProperty(window, 'ResizeObserver', { configurable: true, value: FixedResizeObserver });
});

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

  it('exports the drawn SVG, stacking twin panels into one document', async () => {
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
    const text = (await blobs[0]?.text()) ?? '';
    expect(text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="500" height="250">/);
    expect(text).toContain('translate(0,100)');
    expect(text.match(/<path /g)).toHaveLength(2);
  });
});
