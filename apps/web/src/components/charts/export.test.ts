import { describe, expect, it } from 'vitest';
import { composeFigureSvg, PAPER_SIZES, paperLayout, readLegend, slug, toCsv, wrapText } from './export';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A drawn panel as the charts make it: an svg.saddle-chart with an axis label and a line. */
function panel(width: number, height: number, axisLabel: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', 'saddle-chart');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  const label = document.createElementNS(SVG_NS, 'text');
  label.textContent = axisLabel;
  const hover = document.createElementNS(SVG_NS, 'g');
  hover.setAttribute('class', 'saddle-hover');
  svg.append(label, document.createElementNS(SVG_NS, 'path'), hover);
  return svg;
}

/** The Legend component's markup: a button per entry with a line swatch; `off` = hidden by the reader. */
function legendMarkup(items: { label: string; color: string; dashed?: boolean; off?: boolean }[]): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = `<div class="chart-legend">${items
    .map(
      (i) =>
        `<button class="chart-legend-item${i.off ? ' off' : ''}"><svg width="18" height="10"><line stroke="${i.color}"${i.dashed ? ' stroke-dasharray="4 3"' : ''}></line></svg>${i.label}</button>`,
    )
    .join('')}</div>`;
  return root;
}

function parse(text: string): Document {
  return new DOMParser().parseFromString(text, 'image/svg+xml');
}

describe('toCsv', () => {
  it('quotes only what needs quoting and doubles quotes', () => {
    const csv = toCsv(['run', 'step', 'value'], [
      ['deep, sinc', 1, 0.5],
      ['say "hi"', 2, null],
    ]);
    expect(csv).toBe('run,step,value\n"deep, sinc",1,0.5\n"say ""hi""",2,\n');
  });
});

describe('readLegend', () => {
  it('reads label, colour and dash of each shown entry, once each, leaving out the switched-off ones', () => {
    const root = legendMarkup([
      { label: 'deep', color: '#2563eb' },
      { label: 'shallow', color: '#e8590c', dashed: true },
      { label: 'medium', color: '#0f9d58', off: true },
      { label: 'deep', color: '#2563eb' },
    ]);
    expect(readLegend(root)).toEqual([
      { label: 'deep', color: '#2563eb', dashed: false },
      { label: 'shallow', color: '#e8590c', dashed: true, dash: '4 3' },
    ]);
  });

  it('keeps each line style’s own dash, so the exported legend tells the styles apart', () => {
    const root = document.createElement('div');
    root.innerHTML = ['6 3', '2 3']
      .map((dash, i) => `<button class="chart-legend-item"><svg width="18" height="10"><line stroke="#495057" stroke-dasharray="${dash}"></line></svg>target=${i}</button>`)
      .join('');
    const legend = readLegend(root);
    expect(legend.map((e) => e.dash)).toEqual(['6 3', '2 3']);
    const figure = composeFigureSvg({ title: 'Styles', panels: [panel(400, 100, 'loss')], legend });
    const dashes = [...parse(figure.text).querySelectorAll('.saddle-export-legend line')].map((l) => l.getAttribute('stroke-dasharray'));
    expect(dashes).toEqual(['6 3', '2 3']);
  });
});

describe('composeFigureSvg', () => {
  it('puts the title on top, stacks the panels under it and draws the legend below them', () => {
    const top = panel(500, 100, 'grad norm');
    const bottom = panel(500, 150, 'train/loss (log scale)');
    const legend = readLegend(legendMarkup([{ label: 'deep', color: '#2563eb' }, { label: 'shallow', color: '#e8590c', dashed: true }]));
    const figure = composeFigureSvg({ title: 'Gradient norm and loss', panels: [top, bottom], legend });
    const doc = parse(figure.text);
    const root = doc.documentElement;
    expect(root.getAttribute('width')).toBe('500');
    expect(Number(root.getAttribute('height'))).toBe(figure.height);
    // title + 250 px of panels + one legend row
    expect(figure.height).toBeGreaterThan(250 + 13 + 18);
    expect(doc.querySelector('.saddle-export-title')?.textContent).toBe('Gradient norm and loss');
    const panels = [...doc.querySelectorAll('svg.saddle-chart')];
    expect(panels).toHaveLength(2);
    const titleBottom = Number(panels[0]?.getAttribute('y'));
    expect(titleBottom).toBeGreaterThan(13);
    expect(Number(panels[1]?.getAttribute('y'))).toBe(titleBottom + 100);
    expect(doc.querySelector('svg.saddle-chart text')?.textContent).toBe('grad norm');
    const legendGroup = doc.querySelector('.saddle-export-legend');
    expect([...(legendGroup?.querySelectorAll('text') ?? [])].map((t) => t.textContent)).toEqual(['deep', 'shallow']);
    const lines = [...(legendGroup?.querySelectorAll('line') ?? [])];
    expect(lines.map((l) => l.getAttribute('stroke'))).toEqual(['#2563eb', '#e8590c']);
    expect(lines[1]?.getAttribute('stroke-dasharray')).toBe('4 3');
    // the legend sits below the last panel
    expect(Number(lines[0]?.getAttribute('y1'))).toBeGreaterThan(titleBottom + 250);
    // a white background, hover marks gone, the drawn chart itself untouched
    expect(root.querySelector('rect')?.getAttribute('fill')).toBe('#ffffff');
    expect(doc.querySelectorAll('.saddle-hover')).toHaveLength(0);
    expect(top.querySelectorAll('.saddle-hover')).toHaveLength(1);
  });

  it('wraps the legend onto more rows when it is wider than the figure', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ label: `run-with-a-long-name-${i}`, color: '#2563eb', dashed: false }));
    const narrow = composeFigureSvg({ title: 'Loss', panels: [panel(336, 200, 'loss')], legend: many });
    const rows = new Set([...parse(narrow.text).querySelectorAll('.saddle-export-legend line')].map((l) => l.getAttribute('y1')));
    expect(rows.size).toBeGreaterThan(3);
    const wide = composeFigureSvg({ title: 'Loss', panels: [panel(1400, 200, 'loss')], legend: many });
    expect(narrow.height).toBeGreaterThan(wide.height);
  });

  it('brings lines drawn on a canvas over the panel into the figure as an image at the panel’s place', () => {
    const chart = document.createElement('div');
    const drawn = panel(500, 300, 'loss');
    const canvas = document.createElement('canvas');
    canvas.width = 420;
    canvas.height = 246;
    chart.append(drawn, canvas);
    const doc = parse(composeFigureSvg({ title: 'Loss', panels: [drawn], legend: [] }).text);
    const image = doc.querySelector('image');
    expect(image).not.toBeNull();
    // painted over the panel: after it in the document
    expect(doc.documentElement.lastElementChild?.tagName.toLowerCase()).toBe('image');
    expect(Number(image?.getAttribute('y'))).toBe(Number(doc.querySelector('svg.saddle-chart')?.getAttribute('y')));
    expect(image?.getAttribute('width')).toBe('420');
  });

  it('carries a paper size in inches, with the pixel layout as its viewBox', () => {
    const layout = paperLayout(PAPER_SIZES.single);
    expect(layout).toEqual({ width: 336, chartHeight: 250, pixelRatio: 300 / 96 });
    // the PNG of a single-column figure is 3.5 in × 300 dpi wide
    expect(Math.round(layout.width * layout.pixelRatio)).toBe(1050);
    expect(Math.round(paperLayout(PAPER_SIZES.double).width * paperLayout(PAPER_SIZES.double).pixelRatio)).toBe(2100);
    const figure = composeFigureSvg({ title: 'Loss', panels: [panel(layout.width, layout.chartHeight, 'loss')], legend: [], paper: PAPER_SIZES.single });
    const root = parse(figure.text).documentElement;
    expect(root.getAttribute('width')).toBe('3.5in');
    expect(root.getAttribute('viewBox')).toBe(`0 0 336 ${figure.height}`);
    expect(root.getAttribute('height')).toBe(`${Math.round((figure.height / 96) * 1000) / 1000}in`);
  });
});

describe('wrapText', () => {
  it('breaks at words to fit the width and keeps a word longer than a line whole', () => {
    expect(wrapText('Loss vs epoch', 1000, 13)).toEqual(['Loss vs epoch']);
    const lines = wrapText('Minimal ratio of the Hessian at points where the gradient is almost zero, against the loss', 200, 13);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ')).toBe('Minimal ratio of the Hessian at points where the gradient is almost zero, against the loss');
    expect(wrapText('supercalifragilisticexpialidocious', 40, 13)).toEqual(['supercalifragilisticexpialidocious']);
  });
});

describe('slug', () => {
  it('makes filenames', () => {
    expect(slug('Loss vs epoch (deep/sinc5)')).toBe('loss-vs-epoch-deep-sinc5');
  });
});
