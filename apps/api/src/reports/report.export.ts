/**
 * A report's exports, from the one assembled report (report.service.ts): Markdown with its
 * figures as SVG and PNG files beside it (a zip, or files written into a folder), one
 * self-contained HTML file (figures inlined as SVG, notes rendered and sanitised), and a PDF
 * printed from that HTML by Chromium through playwright-core. Figures are drawn by
 * cli/figure-render.ts, the renderer behind `saddle figure`: title, axes, legend.
 *
 * The HTML's print rules are what keep the PDF a document: each section starts a page, and a
 * figure (image and caption) is never split across pages.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { renderFigureSvg, svgToPng } from '../cli/figure-render.js';
import { formatTorchSummary } from '../cli/torchsummary.js';
import { SaddleError, ErrorCode } from '../errors.js';
import { renderNoteHtml } from './note-html.js';
import type { ReportData, ReportFigureRef, ReportSectionData } from './report.service.js';

/** Figure size in the exports: wide enough for a legend, fits an A4 page's width. */
export const EXPORT_FIGURE_SIZE = { width: 800, height: 480 } as const;

export interface DrawnFigure {
  ref: ReportFigureRef;
  /** File name stem, unique within the report: `<section key>--<figure id>`. */
  stem: string;
  svg: string;
}

/** Draws every figure of the report once (the Markdown and HTML exports share the drawings). */
export async function drawReportFigures(report: ReportData): Promise<Map<ReportSectionData, DrawnFigure[]>> {
  const drawn = new Map<ReportSectionData, DrawnFigure[]>();
  for (const section of report.sections) {
    const figures: DrawnFigure[] = [];
    for (const ref of section.figures) {
      const figure = await ref.load();
      // A figure with nothing drawn yet (a metric figure of queued runs) is left out of the files.
      if (figure.panels.every((p) => isEmptyPanel(p.data))) continue;
      figures.push({ ref, stem: fileStem(`${section.key}--${ref.figureId}`), svg: renderFigureSvg(figure, EXPORT_FIGURE_SIZE) });
    }
    drawn.set(section, figures);
  }
  return drawn;
}

function isEmptyPanel(data: Parameters<typeof renderFigureSvg>[0]['panels'][number]['data']): boolean {
  switch (data.kind) {
    case 'lines':
      return data.series.every((s) => s.points.length === 0);
    case 'scatter':
      return data.points.length === 0;
    case 'paths':
      return data.views.every((v) => v.paths.length === 0);
    case 'grid':
      return data.values.length === 0;
    case 'histogram':
      return data.bins.length === 0;
    default: {
      const other: never = data;
      return other;
    }
  }
}

const fileStem = (text: string): string => text.replace(/[^A-Za-z0-9._-]+/g, '-');

// ---- Markdown -----------------------------------------------------------------------------------

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const when = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC');

/** The report as Markdown; figures are `figures/<stem>.svg` (and `.png`) relative to it. */
export function reportMarkdown(report: ReportData, figures: Map<ReportSectionData, DrawnFigure[]>): string {
  const out: string[] = [`# ${report.title}`, '', `Launched ${when(report.createdAt)} · scale ${report.scale ?? '—'} · written by Saddle from the stored data.`];
  const running = report.sections.filter((s) => s.running);
  if (running.length > 0) out.push('', `> Still running: ${running.map((s) => `${s.part} ${s.title}`.trim()).join('; ')}. Figures and verdicts of those sections will change.`);
  for (const section of report.sections) {
    out.push('', `## ${[section.part, section.title].filter(Boolean).join(' · ')}`, '');
    if (section.question) out.push(`**Question.** ${section.question}`, '');
    if (!section.experimentId) {
      out.push('_Not launched in this suite._');
      continue;
    }
    if (section.running) out.push(`_Running (${section.status ?? ''}): this section is not final._`, '');
    if (section.setup) {
      const s = section.setup;
      out.push('**Setup.**', '', '| data | optimiser | batch size | epochs | seeds | runs | scale |', '| --- | --- | --- | --- | --- | --- | --- |');
      out.push(`| ${cell(s.data)} | ${cell(s.optimizer)} | ${cell(s.batchSize)} | ${cell(s.epochs)} | ${s.seeds} | ${s.runs} | ${s.scale ?? '—'} |`, '');
    }
    for (const model of section.models) out.push(`**Model \`${model.model}\`** (${model.groups.join(', ')}):`, '', '```text', formatTorchSummary(model).trimEnd(), '```', '');
    for (const figure of figures.get(section) ?? []) {
      out.push(`![${figure.ref.title}](figures/${figure.stem}.svg)`, '', `*${figure.ref.title}* ([PNG](figures/${figure.stem}.png))`, '');
    }
    if (section.claim) out.push(`**Claim.** ${section.claim}`, '');
    if (section.verdicts.length > 0) {
      out.push('| verdict | on | evidence | seeds |', '| --- | --- | --- | --- |');
      for (const v of section.verdicts) out.push(`| **${v.verdict}** | ${cell(v.claim)} | ${cell(v.evidence)} | ${v.seeds} |`);
      out.push('');
    }
    // The note as its sanitised HTML (valid Markdown): a viewer that runs a note's raw HTML or
    // follows its javascript: links gets none of them from an export.
    const note = renderNoteHtml(section.note);
    if (note) out.push('**Comment.**', '', note.trim(), '');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** The Markdown export's files: `report.md` and `figures/*.svg|png`, paths relative to one folder. */
export async function markdownFiles(report: ReportData): Promise<Map<string, Uint8Array>> {
  const figures = await drawReportFigures(report);
  const files = new Map<string, Uint8Array>([['report.md', strToU8(reportMarkdown(report, figures))]]);
  for (const list of figures.values()) {
    for (const figure of list) {
      files.set(`figures/${figure.stem}.svg`, strToU8(figure.svg));
      files.set(`figures/${figure.stem}.png`, new Uint8Array(svgToPng(figure.svg)));
    }
  }
  return files;
}

/** The Markdown export as one zip (the dashboard's download). */
export async function markdownZip(report: ReportData): Promise<Uint8Array> {
  const files = await markdownFiles(report);
  return zipSync(Object.fromEntries(files), { level: 6 });
}

/** Writes the Markdown export into a folder: `<dir>/<name>.md` and `<dir>/figures/…`. Returns the paths written. */
export async function writeMarkdown(report: ReportData, markdownPath: string): Promise<string[]> {
  const dir = dirname(markdownPath);
  const written: string[] = [];
  for (const [name, bytes] of await markdownFiles(report)) {
    const path = name === 'report.md' ? markdownPath : join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    written.push(path);
  }
  return written;
}

// ---- HTML ---------------------------------------------------------------------------------------

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Ids inside an inlined SVG made unique in the page (two figures each have a `plot-0` clip path). */
export function scopeSvgIds(svg: string, prefix: string): string {
  return svg.replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`).replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`);
}

const STYLE = `
  :root { color: #111; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.45; }
  body { max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.8rem; margin: 0 0 .3rem; }
  h2 { font-size: 1.35rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 0; }
  .meta, .running { color: #555; }
  .running { border-left: 3px solid #e6a700; padding-left: .6rem; }
  section.report-section { margin-top: 2.5rem; }
  table { border-collapse: collapse; margin: .4rem 0 1rem; font-size: .92em; }
  th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
  pre { background: #f6f6f6; padding: .6rem; overflow-x: auto; font-size: 8.5pt; line-height: 1.25; }
  figure { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
  figure svg { width: 100%; height: auto; display: block; }
  figcaption { color: #444; font-size: .9em; text-align: center; }
  .verdict { font-weight: bold; text-transform: uppercase; font-size: .85em; }
  .verdict-holds { color: #17663a; } .verdict-does-not-hold { color: #a11d1d; } .verdict-mixed { color: #8a5a00; } .verdict-undecided { color: #555; }
  .note { border-left: 3px solid #1f77b4; padding-left: .8rem; }
  @page { size: A4; margin: 14mm; }
  @media print {
    body { max-width: none; margin: 0; padding: 0; }
    section.report-section { margin-top: 0; }
    section.report-section + section.report-section { break-before: page; page-break-before: always; }
    pre, table { break-inside: avoid; page-break-inside: avoid; }
  }
`;

/** One self-contained HTML document: no external resources, figures inlined as SVG. */
export async function reportHtml(report: ReportData): Promise<string> {
  const figures = await drawReportFigures(report);
  const out: string[] = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(report.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head><body>',
    `<header><h1>${escapeHtml(report.title)}</h1><p class="meta">Launched ${escapeHtml(when(report.createdAt))} · scale ${escapeHtml(report.scale ?? '—')} · written by Saddle from the stored data.</p>`,
  ];
  const running = report.sections.filter((s) => s.running);
  if (running.length > 0) out.push(`<p class="running">Still running: ${escapeHtml(running.map((s) => `${s.part} ${s.title}`.trim()).join('; '))}. Figures and verdicts of those sections will change.</p>`);
  out.push('</header>');
  let figureIndex = 0;
  for (const section of report.sections) {
    out.push(`<section class="report-section" id="${escapeHtml(section.key)}" data-section="${escapeHtml(section.key)}">`);
    out.push(`<h2>${escapeHtml([section.part, section.title].filter(Boolean).join(' · '))}</h2>`);
    if (section.question) out.push(`<p><strong>Question.</strong> ${escapeHtml(section.question)}</p>`);
    if (!section.experimentId) {
      out.push('<p class="meta"><em>Not launched in this suite.</em></p></section>');
      continue;
    }
    if (section.running) out.push(`<p class="running">Running (${escapeHtml(section.status ?? '')}): this section is not final.</p>`);
    if (section.setup) {
      const s = section.setup;
      out.push('<table class="setup"><thead><tr><th>data</th><th>optimiser</th><th>batch size</th><th>epochs</th><th>seeds</th><th>runs</th><th>scale</th></tr></thead><tbody><tr>');
      out.push([s.data, s.optimizer, s.batchSize, s.epochs, String(s.seeds), String(s.runs), s.scale ?? '—'].map((v) => `<td>${escapeHtml(v)}</td>`).join(''));
      out.push('</tr></tbody></table>');
    }
    for (const model of section.models) {
      out.push(`<p><strong>Model <code>${escapeHtml(model.model)}</code></strong> (${escapeHtml(model.groups.join(', '))})</p><pre class="torchsummary">${escapeHtml(formatTorchSummary(model))}</pre>`);
    }
    for (const figure of figures.get(section) ?? []) {
      out.push(`<figure class="report-figure" data-figure="${escapeHtml(figure.ref.figureId)}">${scopeSvgIds(figure.svg, `f${figureIndex++}`)}<figcaption>${escapeHtml(figure.ref.title)}</figcaption></figure>`);
    }
    if (section.claim) out.push(`<p><strong>Claim.</strong> ${escapeHtml(section.claim)}</p>`);
    if (section.verdicts.length > 0) {
      out.push('<table class="verdicts"><thead><tr><th>verdict</th><th>on</th><th>evidence</th><th>seeds</th></tr></thead><tbody>');
      for (const v of section.verdicts) {
        out.push(`<tr><td class="verdict verdict-${v.verdict.replace(/ /g, '-')}">${escapeHtml(v.verdict)}</td><td>${escapeHtml(v.claim)}</td><td>${escapeHtml(v.evidence)}</td><td>${v.seeds}</td></tr>`);
      }
      out.push('</tbody></table>');
    }
    const note = renderNoteHtml(section.note);
    if (note) out.push(`<div class="note"><p><strong>Comment.</strong></p>${note}</div>`);
    out.push('</section>');
  }
  out.push('</body></html>');
  return `${out.join('\n')}\n`;
}

// ---- PDF ----------------------------------------------------------------------------------------

/** Where Chromium may be: SADDLE_CHROMIUM, then Debian's and Ubuntu's paths. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [env.SADDLE_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => Boolean(p));
  return candidates.find((path) => existsSync(path)) ?? null;
}

export const NO_CHROMIUM_MESSAGE =
  'PDF export needs Chromium, and none was found (looked at $SADDLE_CHROMIUM, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome). ' +
  'Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set SADDLE_CHROMIUM to a Chrome/Chromium binary; the HTML export (--format html) needs none.';

export class ChromiumMissingError extends SaddleError {
  constructor() {
    super(ErrorCode.UNAVAILABLE, NO_CHROMIUM_MESSAGE, { install: 'apt-get install -y chromium', env: 'SADDLE_CHROMIUM' });
  }
}

/** The HTML printed to an A4 PDF by headless Chromium (backgrounds on, the page's own print rules). */
export async function htmlToPdf(html: string, env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  const executablePath = findChromium(env);
  if (!executablePath) throw new ChromiumMissingError();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
