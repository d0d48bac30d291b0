/**
 * Exports of a chart: CSV of the data behind it (callers pass the full series fetched from the
 * API, not the drawn sample), and the drawn chart as a figure (title, panels, legend) in an .svg
 * file or a PNG rendered from it, at screen size or a paper's column width.
 */

export type CsvCell = string | number | boolean | null | undefined;

/** RFC 4180 CSV: cells with commas, quotes or newlines are quoted; quotes doubled; `\n` line ends. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}

function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  const text = String(cell);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Sizes a figure can be exported at: as drawn on screen, or laid out for a paper's column. */
export type ExportSize = 'screen' | 'single' | 'double';

export interface PaperSize {
  label: string;
  /** Width of the whole figure on paper, inches (3.5 in fits one column of a two-column paper). */
  widthIn: number;
  /** Height of the plotting panels on paper, inches (title and legend come on top of it). */
  chartHeightIn: number;
  /** Resolution of the PNG; the SVG is vector and carries the size in inches. */
  dpi: number;
}

/** Journal figure widths: single column 3.5 in, double column 7 in, both at 300 dpi. */
export const PAPER_SIZES: Record<Exclude<ExportSize, 'screen'>, PaperSize> = {
  single: { label: 'single column (3.5 in, 300 dpi)', widthIn: 3.5, chartHeightIn: 2.6, dpi: 300 },
  double: { label: 'double column (7 in, 300 dpi)', widthIn: 7, chartHeightIn: 3.4, dpi: 300 },
};

/** CSS pixels per inch: a figure laid out at 336 px is 3.5 in, so its 11 px labels print at 8.25 pt. */
export const CSS_PX_PER_INCH = 96;

/** The CSS-pixel layout of a paper size and the PNG pixel ratio that gives its dpi. */
export function paperLayout(size: PaperSize): { width: number; chartHeight: number; pixelRatio: number } {
  return {
    width: Math.round(size.widthIn * CSS_PX_PER_INCH),
    chartHeight: Math.round(size.chartHeightIn * CSS_PX_PER_INCH),
    pixelRatio: size.dpi / CSS_PX_PER_INCH,
  };
}

/** One line of an exported legend, as the on-screen legend shows it. */
export interface ExportLegendEntry {
  label: string;
  color: string;
  dashed: boolean;
  /** The swatch's own dash pattern (line styles differ by dash), when dashed. */
  dash?: string;
}

/**
 * The entries of every on-screen legend under `root` (the `Legend` component's buttons), without
 * those the reader switched off: an export shows what the chart shows.
 */
export function readLegend(root: ParentNode): ExportLegendEntry[] {
  const entries: ExportLegendEntry[] = [];
  const seen = new Set<string>();
  for (const item of root.querySelectorAll<HTMLElement>('.chart-legend-item')) {
    if (item.classList.contains('off')) continue;
    const line = item.querySelector('line');
    const label = (item.textContent ?? '').trim();
    // a point swatch (a scatter's hollow points) has a circle instead of a line
    const color = line?.getAttribute('stroke') ?? item.querySelector('circle')?.getAttribute('stroke') ?? '#495057';
    const dash = line?.getAttribute('stroke-dasharray') ?? '';
    const dashed = dash !== '';
    // twin panels and repeated legends list a run once
    const key = `${label}\u0000${color}\u0000${dash}`;
    if (label === '' || seen.has(key)) continue;
    seen.add(key);
    entries.push(dashed ? { label, color, dashed, dash } : { label, color, dashed });
  }
  return entries;
}

export interface ComposeFigureOptions {
  /** Printed above the chart; long titles wrap. */
  title: string;
  /** The drawn panels (`svg.saddle-chart`), stacked top to bottom. */
  panels: readonly SVGSVGElement[];
  /** Drawn below the panels; empty = none. */
  legend: readonly ExportLegendEntry[];
  /** When set, the document carries its size in inches (its pixel layout is 96 px per inch). */
  paper?: PaperSize;
}

export interface ComposedFigure {
  text: string;
  /** Size in CSS pixels (multiply by the pixel ratio for the PNG). */
  width: number;
  height: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const EXPORT_FONT = 'Inter, "Liberation Sans", Arial, sans-serif';
const TITLE_FONT_SIZE = 13;
const LEGEND_FONT_SIZE = 11;
const LEGEND_SWATCH = 18;
const PADDING = 8;

/**
 * Average advance of a character relative to the font size in a sans face: no layout engine runs
 * while serialising (and none in tests), so wrapping estimates widths; 0.58 errs on the wide side.
 */
const CHAR_WIDTH = 0.58;

/** Greedy word wrap of `text` into lines no wider than `maxWidth` px at `fontSize`. */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const perLine = Math.max(8, Math.floor(maxWidth / (fontSize * CHAR_WIDTH)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= perLine || line === '') line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * One standalone SVG of a chart as a figure for a paper or a slide: its title on top, the drawn
 * panels, and the legend drawn in SVG underneath (on screen the legend is HTML buttons, which an
 * SVG of the panels alone would leave out). Axes and their labels are part of the panels.
 */
export function composeFigureSvg({ title, panels, legend, paper }: ComposeFigureOptions): ComposedFigure {
  const doc = panels[0]?.ownerDocument ?? document;
  const width = Math.max(120, ...panels.map(svgWidth));
  const root = doc.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  root.setAttribute('font-family', EXPORT_FONT);
  const background = doc.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  root.appendChild(background);

  let y = PADDING;
  const titleLines = wrapText(title, width - 2 * PADDING, TITLE_FONT_SIZE);
  const heading = doc.createElementNS(SVG_NS, 'text');
  heading.setAttribute('class', 'saddle-export-title');
  heading.setAttribute('font-size', String(TITLE_FONT_SIZE));
  heading.setAttribute('font-weight', '600');
  heading.setAttribute('fill', '#1f2328');
  for (const [i, text] of titleLines.entries()) {
    const span = doc.createElementNS(SVG_NS, 'tspan');
    span.setAttribute('x', String(PADDING));
    span.setAttribute('y', String(y + TITLE_FONT_SIZE + i * (TITLE_FONT_SIZE + 4)));
    span.textContent = text;
    heading.appendChild(span);
  }
  root.appendChild(heading);
  y += titleLines.length * (TITLE_FONT_SIZE + 4) + 6;

  for (const panel of panels) {
    // a chart may draw its marks on a canvas beside the SVG (big series): they go in as images
    const canvases = canvasLayers(panel);
    for (const layer of canvases.below) root.appendChild(canvasImage(doc, panel, layer, y));
    const clone = panel.cloneNode(true) as SVGSVGElement;
    clone.removeAttribute('xmlns');
    clone.setAttribute('x', '0');
    clone.setAttribute('y', String(y));
    clone.setAttribute('width', String(svgWidth(panel)));
    clone.setAttribute('height', String(svgHeight(panel)));
    // hover marks are not part of the figure
    for (const hover of clone.querySelectorAll('.saddle-hover')) hover.remove();
    root.appendChild(clone);
    for (const layer of canvases.above) root.appendChild(canvasImage(doc, panel, layer, y));
    y += svgHeight(panel);
  }

  if (legend.length > 0) {
    const group = doc.createElementNS(SVG_NS, 'g');
    group.setAttribute('class', 'saddle-export-legend');
    group.setAttribute('font-size', String(LEGEND_FONT_SIZE));
    const rowHeight = LEGEND_FONT_SIZE + 7;
    let x = PADDING;
    y += 4;
    for (const entry of legend) {
      const itemWidth = LEGEND_SWATCH + 5 + entry.label.length * LEGEND_FONT_SIZE * CHAR_WIDTH + 14;
      if (x > PADDING && x + itemWidth > width - PADDING) {
        x = PADDING;
        y += rowHeight;
      }
      const line = doc.createElementNS(SVG_NS, 'line');
      line.setAttribute('x1', String(x));
      line.setAttribute('x2', String(x + LEGEND_SWATCH));
      line.setAttribute('y1', String(y + rowHeight / 2));
      line.setAttribute('y2', String(y + rowHeight / 2));
      line.setAttribute('stroke', entry.color);
      line.setAttribute('stroke-width', '2.5');
      if (entry.dashed) line.setAttribute('stroke-dasharray', entry.dash ?? '4 3');
      const label = doc.createElementNS(SVG_NS, 'text');
      label.setAttribute('x', String(x + LEGEND_SWATCH + 5));
      label.setAttribute('y', String(y + rowHeight / 2 + LEGEND_FONT_SIZE * 0.36));
      label.setAttribute('fill', '#343a40');
      label.textContent = entry.label;
      group.append(line, label);
      x += itemWidth;
    }
    root.appendChild(group);
    y += rowHeight;
  }
  const height = Math.ceil(y + PADDING);
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  if (paper) {
    root.setAttribute('width', `${formatInches(width / CSS_PX_PER_INCH)}in`);
    root.setAttribute('height', `${formatInches(height / CSS_PX_PER_INCH)}in`);
  } else {
    root.setAttribute('width', String(width));
    root.setAttribute('height', String(height));
  }
  return { text: new XMLSerializer().serializeToString(root), width, height };
}

/** Canvases drawn in the same chart box as `panel`, split by whether they sit under or over it. */
function canvasLayers(panel: SVGSVGElement): { below: HTMLCanvasElement[]; above: HTMLCanvasElement[] } {
  const below: HTMLCanvasElement[] = [];
  const above: HTMLCanvasElement[] = [];
  for (const canvas of panel.parentElement?.querySelectorAll('canvas') ?? []) {
    // DOCUMENT_POSITION_FOLLOWING: the canvas comes after the panel, so it is painted over it
    if (panel.compareDocumentPosition(canvas) & 4) above.push(canvas);
    else below.push(canvas);
  }
  return { below, above };
}

/** A canvas layer as an SVG image at its place relative to its panel (drawn at `top` in the figure). */
function canvasImage(doc: Document, panel: SVGSVGElement, canvas: HTMLCanvasElement, top: number): SVGImageElement {
  const panelBox = panel.getBoundingClientRect();
  const box = canvas.getBoundingClientRect();
  const image = doc.createElementNS(SVG_NS, 'image');
  image.setAttribute('x', String(box.left - panelBox.left));
  image.setAttribute('y', String(top + box.top - panelBox.top));
  image.setAttribute('width', String(box.width || canvas.clientWidth || canvas.width));
  image.setAttribute('height', String(box.height || canvas.clientHeight || canvas.height));
  let href = '';
  try {
    href = canvas.toDataURL('image/png');
  } catch {
    // a canvas without a 2-D context (tests) exports as an empty image rather than failing the export
  }
  image.setAttribute('href', href);
  return image;
}

function svgWidth(svg: SVGSVGElement): number {
  return Number(svg.getAttribute('width')) || svg.clientWidth || 0;
}

function svgHeight(svg: SVGSVGElement): number {
  return Number(svg.getAttribute('height')) || svg.clientHeight || 0;
}

function formatInches(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** Renders an SVG document to a PNG at `pixelRatio`× (browser only: needs Image and canvas). */
export async function svgToPng(svgText: string, width: number, height: number, pixelRatio = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('svgToPng: the SVG could not be loaded as an image'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * pixelRatio);
    canvas.height = Math.round(height * pixelRatio);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('svgToPng: no 2-D canvas context');
    context.scale(pixelRatio, pixelRatio);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('svgToPng: canvas.toBlob gave nothing'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Starts a browser download of `data` named `filename`. */
export function download(filename: string, data: Blob | string, type = 'text/plain;charset=utf-8'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = filename;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Revoke later: some browsers start reading the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A filename-safe slug: `Loss vs epoch (deep/sinc5)` → `loss-vs-epoch-deep-sinc5`. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'chart';
}
