'use client';

import { useParentSize } from '@visx/responsive';
import { useRef, useState, type ReactNode } from 'react';
import { download, serializeSvg, slug, svgToPng } from './charts/export';

export interface ChartCardProps {
  /** Heading of the card; also names exported files. */
  title: string;
  /** A line under the chart (what is drawn, how many points). */
  caption?: ReactNode;
  /** Controls shown beside the export buttons (view pickers, toggles). */
  controls?: ReactNode;
  /** The full data behind the chart as CSV (fetched unsampled from the API when needed). */
  csv?: () => Promise<string> | string;
  /** Height of the chart area, px. */
  height?: number;
  /** Draws the chart at the measured width. */
  children: (width: number, height: number) => ReactNode;
}

/** Only width changes re-render (a constant: a new array each render would re-subscribe the observer). */
const IGNORE_HEIGHT: ['height'] = ['height'];

/** A chart in a card: title, controls, CSV/SVG/PNG export, and the measured width fed to the chart. */
export function ChartCard({ title, caption, controls, csv, height = 320, children }: ChartCardProps) {
  const body = useRef<HTMLDivElement>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  // visx's ParentSize measures an absolutely positioned box (it needs a parent of fixed height);
  // its hook on a normal block lets the card grow with the chart and its legend.
  const { parentRef, width } = useParentSize({ debounceTime: 50, ignoreDimensions: IGNORE_HEIGHT });
  const svgs = () => [...(body.current?.querySelectorAll<SVGSVGElement>('svg.saddle-chart') ?? [])];

  async function exportCsv() {
    if (!csv) return;
    try {
      setExportError(null);
      download(`${slug(title)}.csv`, await csv(), 'text/csv;charset=utf-8');
    } catch (error) {
      setExportError(`CSV export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Several panels (twin charts) are stacked into one image. */
  function combinedSvg(): { text: string; width: number; height: number } | null {
    const list = svgs();
    const first = list[0];
    if (!first) return null;
    if (list.length === 1) return { text: serializeSvg(first), width: first.width.baseVal.value, height: first.height.baseVal.value };
    let offset = 0;
    const width = Math.max(...list.map((s) => s.width.baseVal.value));
    const parts = list.map((s) => {
      const part = `<g transform="translate(0,${offset})">${serializeSvg(s)}</g>`;
      offset += s.height.baseVal.value;
      return part;
    });
    return { text: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${offset}">${parts.join('')}</svg>`, width, height: offset };
  }

  async function exportImage(kind: 'svg' | 'png') {
    const image = combinedSvg();
    if (!image) return;
    try {
      setExportError(null);
      if (kind === 'svg') download(`${slug(title)}.svg`, image.text, 'image/svg+xml');
      else download(`${slug(title)}.png`, await svgToPng(image.text, image.width, image.height));
    } catch (error) {
      setExportError(`${kind.toUpperCase()} export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return (
    <section className="card chart-card" data-figure={slug(title)}>
      <div className="card-head">
        <h2>{title}</h2>
        <div className="row">
          {controls}
          <div className="toolbar" role="group" aria-label={`Export ${title}`}>
            {csv ? (
              <button type="button" onClick={exportCsv} title="Download the full data (not just the drawn points) as CSV">
                CSV
              </button>
            ) : null}
            <button type="button" onClick={() => exportImage('svg')} title="Download the chart as SVG">
              SVG
            </button>
            <button type="button" onClick={() => exportImage('png')} title="Download the chart as PNG (2×)">
              PNG
            </button>
          </div>
        </div>
      </div>
      <div className="card-body" ref={body}>
        <div ref={parentRef} style={{ width: '100%', minHeight: height }}>
          {width > 0 ? children(Math.floor(width), height) : null}
        </div>
      </div>
      {exportError ? <div className="notice error">{exportError}</div> : null}
      {caption ? <div className="caption">{caption}</div> : null}
    </section>
  );
}
