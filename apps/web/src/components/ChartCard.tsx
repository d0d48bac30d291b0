'use client';

import { useParentSize } from '@visx/responsive';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { composeFigureSvg, download, PAPER_SIZES, paperLayout, readLegend, slug, svgToPng, type ExportSize, type PaperSize } from './charts/export';
import { LegendScope, useLegendState } from './charts/Legend';
import { usePrinting } from './usePrinting';

export interface ChartCardProps {
  /** Heading of the card; also the title of exported figures and the name of exported files. */
  title: string;
  /** A line under the chart (what is drawn, how many points). */
  caption?: ReactNode;
  /** Controls shown beside the export buttons (view pickers, toggles). */
  controls?: ReactNode;
  /**
   * The full data behind the chart as CSV (fetched unsampled from the API when needed); a long
   * export reports `onProgress(done, total)`, shown as a progress bar until the download starts.
   */
  csv?: (onProgress: (done: number, total: number) => void) => Promise<string | Blob> | string | Blob;
  /**
   * The numbers behind the chart as a table, behind a "Data table" disclosure: the alternative for
   * a screen reader and for anyone who wants exact values.
   */
  dataTable?: ReactNode;
  /** Height of the chart area, px. */
  height?: number;
  /** Draws the chart at the measured width. */
  children: (width: number, height: number) => ReactNode;
}

/** Only width changes re-render (a constant: a new array each render would re-subscribe the observer). */
const IGNORE_HEIGHT: ['height'] = ['height'];

/**
 * Width of a chart when the page is printed: 6.67 in, inside A4 and US Letter with half-inch page
 * margins and the card's padding, so the browser never clips a figure's right edge.
 */
export const PRINT_CHART_WIDTH = 640;

/** An image export waiting for the chart to be drawn again at a paper's size. */
interface PendingExport {
  kind: 'svg' | 'png';
  paper: PaperSize;
}

/**
 * A chart in a card: title, controls, CSV/SVG/PNG export (at screen size or a paper's column
 * width), and the measured width fed to the chart. Printing redraws the chart at the page's width.
 */
export function ChartCard({ title, caption, controls, csv, dataTable, height = 320, children }: ChartCardProps) {
  const headingId = useId();
  const body = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [csvProgress, setCsvProgress] = useState<{ done: number; total: number } | null>(null);
  const [exportSize, setExportSize] = useState<ExportSize>('screen');
  const [pending, setPending] = useState<PendingExport | null>(null);
  const printing = usePrinting();
  const legendState = useLegendState();
  // visx's ParentSize measures an absolutely positioned box (it needs a parent of fixed height);
  // its hook on a normal block lets the card grow with the chart and its legend.
  const { parentRef, width: measured } = useParentSize({ debounceTime: 50, ignoreDimensions: IGNORE_HEIGHT });
  const width = printing ? PRINT_CHART_WIDTH : measured;

  async function exportCsv() {
    if (!csv) return;
    try {
      setExportError(null);
      setCsvProgress({ done: 0, total: 0 });
      download(`${slug(title)}.csv`, await csv((done, total) => setCsvProgress({ done, total })), 'text/csv;charset=utf-8');
    } catch (error) {
      setExportError(`CSV export failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setCsvProgress(null);
    }
  }

  /** Composes the figure drawn under `root` (several panels, e.g. twin charts, are stacked into one image). */
  async function exportFrom(root: HTMLElement | null, kind: 'svg' | 'png', paper?: PaperSize) {
    const panels = [...(root?.querySelectorAll<SVGSVGElement>('svg.saddle-chart') ?? [])];
    if (panels.length === 0 || !root) return;
    try {
      setExportError(null);
      const figure = composeFigureSvg({ title, panels, legend: readLegend(root), paper });
      const name = `${slug(title)}${paper ? `-${exportSize}` : ''}`;
      if (kind === 'svg') download(`${name}.svg`, figure.text, 'image/svg+xml');
      else download(`${name}.png`, await svgToPng(figure.text, figure.width, figure.height, paper ? paperLayout(paper).pixelRatio : 2));
    } catch (error) {
      setExportError(`${kind.toUpperCase()} export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function exportImage(kind: 'svg' | 'png') {
    if (exportSize === 'screen') void exportFrom(body.current, kind);
    // the chart is drawn again at the paper's width (fonts keep their size, so they print at 8 pt)
    else setPending({ kind, paper: PAPER_SIZES[exportSize] });
  }

  // The staged copy is in the DOM once this effect runs; it is removed as soon as it is exported.
  useEffect(() => {
    if (!pending) return;
    void exportFrom(stage.current, pending.kind, pending.paper).finally(() => setPending(null));
    // only a new pending export runs it: exportFrom is a new function every render, and re-running
    // for its identity would export twice
  }, [pending]);

  const stagedLayout = pending ? paperLayout(pending.paper) : null;
  return (
    <section className="card chart-card" data-figure={slug(title)} aria-labelledby={headingId}>
      <div className="card-head">
        <h2 id={headingId}>{title}</h2>
        <div className="row">
          {controls}
          <div className="toolbar" role="group" aria-label={`Export ${title}`}>
            {csv ? (
              <button type="button" onClick={exportCsv} disabled={csvProgress !== null} title="Download the full data (not just the drawn points) as CSV">
                CSV
              </button>
            ) : null}
            <select
              aria-label="Export size"
              value={exportSize}
              onChange={(event) => setExportSize(event.target.value as ExportSize)}
              title={`Size of SVG/PNG exports: as drawn here, or laid out for a paper: ${PAPER_SIZES.single.label}, ${PAPER_SIZES.double.label}`}
            >
              <option value="screen">screen size</option>
              <option value="single" title={PAPER_SIZES.single.label}>
                1 column
              </option>
              <option value="double" title={PAPER_SIZES.double.label}>
                2 columns
              </option>
            </select>
            <button type="button" onClick={() => exportImage('svg')} title="Download the chart as SVG, with its title and legend">
              SVG
            </button>
            <button type="button" onClick={() => exportImage('png')} title="Download the chart as PNG, with its title and legend">
              PNG
            </button>
          </div>
        </div>
      </div>
      <div className="card-body" ref={body}>
        <div ref={parentRef} style={{ width: '100%', minHeight: height }}>
          <LegendScope state={legendState}>{width > 0 ? children(Math.floor(width), height) : null}</LegendScope>
        </div>
      </div>
      {csvProgress ? (
        <div className="caption csv-progress">
          <progress max={Math.max(1, csvProgress.total)} value={csvProgress.done} aria-label={`CSV export of ${title}`} /> CSV: {csvProgress.done} of {csvProgress.total} series read
        </div>
      ) : null}
      {exportError ? <div className="notice error">{exportError}</div> : null}
      {caption ? <div className="caption">{caption}</div> : null}
      {dataTable ? (
        <details className="chart-data">
          <summary>Data table</summary>
          <div className="chart-data-body">{dataTable}</div>
        </details>
      ) : null}
      {stagedLayout ? (
        <div ref={stage} className="chart-export-stage" aria-hidden="true" style={{ position: 'fixed', left: -20000, top: 0, width: stagedLayout.width }}>
          <LegendScope state={legendState}>{children(stagedLayout.width, stagedLayout.chartHeight)}</LegendScope>
        </div>
      ) : null}
    </section>
  );
}
