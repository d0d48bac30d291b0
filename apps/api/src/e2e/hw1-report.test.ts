/**
 * Issue 12's "done when", as a new user would do it, through the real CLI (spawned) on an empty
 * data directory: `saddle run hw1 --scale quick` (the whole catalogue, ~1 min on two cores),
 * then `saddle report <suite> --format md|html|pdf`. Markdown: every relative link resolves to a
 * file beside it; HTML: every figure of every section inlined; PDF: rasterised with pdftoppm and,
 * for each section (found on its pages by pdftotext), a page of it holds a figure (coloured
 * pixels).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../reports/report.export.js';
import { HW1_SECTIONS } from '../reports/sections.js';
import { tempDir } from '../test-utils/temp.js';

const SADDLE_BIN = fileURLToPath(new URL('../../bin/saddle.mjs', import.meta.url));
const hasPoppler = spawnSync('pdftoppm', ['-v']).error === undefined && spawnSync('pdftotext', ['-v']).error === undefined;

const dir = tempDir('saddle-hw1-report-');
const dataDir = join(dir.path, 'data');
const out = join(dir.path, 'out');
let suiteId = '';

const saddle = (args: string[], timeout: number) => spawnSync(process.execPath, [SADDLE_BIN, ...args, '--data-dir', dataDir], { encoding: 'utf8', timeout, env: { ...process.env, SADDLE_PRESET_MODULES: '' } });

beforeAll(() => {
  const run = saddle(['run', 'hw1', '--scale', 'quick'], 600_000);
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  suiteId = /^suite (\S+): SUCCEEDED/m.exec(run.stdout)?.[1] ?? '';
  expect(suiteId).not.toBe('');
}, 620_000);
afterAll(() => {
  dir.remove();
});

describe('saddle run hw1 --scale quick, then saddle report', () => {
  it('writes Markdown whose every relative link resolves, figures as SVG and PNG beside it', () => {
    const md = join(out, 'hw1-report.md');
    // `latest`: the newest suite, as the README's commands use it.
    const written = saddle(['report', 'latest', '--format', 'md', '--out', md], 120_000);
    expect(written.status, written.stderr).toBe(0);
    const text = readFileSync(md, 'utf8');
    for (const section of HW1_SECTIONS) expect(text).toContain(`## ${section.part} · ${section.title}`);
    const links = [...text.matchAll(/\]\(((?![a-z]+:)[^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThanOrEqual(2 * HW1_SECTIONS.length);
    for (const link of links) expect(existsSync(resolve(dirname(md), link)), link).toBe(true);
    const svgs = readdirSync(join(out, 'figures')).filter((f) => f.endsWith('.svg'));
    for (const svg of svgs) expect(existsSync(join(out, 'figures', svg.replace(/\.svg$/, '.png')))).toBe(true);
    // torchsummary's four size lines, for every model table.
    expect(text.match(/Forward\/backward pass size \(MB\): /g)?.length).toBe(text.match(/Estimated Total Size \(MB\): /g)?.length);
  }, 120_000);

  it('writes one HTML file with every section and every figure inlined', () => {
    const html = join(out, 'hw1-report.html');
    const written = saddle(['report', suiteId, '--format', 'html', '--out', html], 120_000);
    expect(written.status, written.stderr).toBe(0);
    const text = readFileSync(html, 'utf8');
    const sections = text.split('<section class="report-section"').slice(1);
    expect(sections.map((s) => /data-section="([^"]+)"/.exec(s)?.[1])).toEqual(HW1_SECTIONS.map((s) => s.key));
    for (const section of sections) expect(section, section.slice(0, 200)).toMatch(/<figure class="report-figure" data-figure="[^"]+"><svg /);
    expect(text).not.toMatch(/<(link|script|iframe)\b/i);
    // Each inlined figure is a whole SVG (resvg parses it).
    const first = /<svg [\s\S]*?<\/svg>/.exec(text)?.[0];
    expect(new Resvg(first!).width).toBeGreaterThan(0);
  }, 120_000);

  it.skipIf(!findChromium() || !hasPoppler)('writes a PDF with a figure on a page of every section (pdftoppm, pdftotext)', () => {
    const pdf = join(out, 'hw1-report.pdf');
    const written = saddle(['report', suiteId, '--format', 'pdf', '--out', pdf], 180_000);
    expect(written.status, written.stderr).toBe(0);
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(HW1_SECTIONS.length);
    // Which section each page belongs to: a section starts the page its heading is on.
    const sectionOfPage: (string | undefined)[] = [];
    let current: string | undefined;
    for (let page = 1; page <= pages; page++) {
      const text = spawnSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
      current = HW1_SECTIONS.find((s) => text.includes(`${s.part} · ${s.title}`))?.key ?? current;
      sectionOfPage.push(current);
    }
    expect([...new Set(sectionOfPage.filter(Boolean))]).toEqual(HW1_SECTIONS.map((s) => s.key));
    const raster = join(out, 'page');
    expect(spawnSync('pdftoppm', ['-r', '40', pdf, raster]).status).toBe(0);
    const withFigure = new Set<string>();
    const files = readdirSync(out).filter((f) => f.startsWith('page') && f.endsWith('.ppm')).sort();
    expect(files.length).toBe(pages);
    files.forEach((file, index) => {
      // Measured at 40 dpi: pages of text and tables 0–95 such pixels (verdict badges, links),
      // pages with a figure 293 and more.
      if (colouredPixels(readFileSync(join(out, file))) > 200) withFigure.add(sectionOfPage[index] ?? '');
    });
    for (const section of HW1_SECTIONS) expect(withFigure.has(section.key), `a figure on a page of ${section.key}`).toBe(true);
  }, 240_000);
});

/**
 * Saturated pixels of a binary PPM (pdftoppm's default output: `P6 width height 255` then RGB
 * bytes) with a colour: series are drawn in d3's category10, text and rules are black and grey.
 */
function colouredPixels(ppm: Buffer): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString('latin1', 0, 64));
  if (!header) throw new Error('colouredPixels: not a binary PPM with maxval 255');
  const [, width, height] = header.map(Number) as [number, number, number];
  const start = header[0].length;
  let count = 0;
  for (let i = 0; i < width * height; i++) {
    const r = ppm[start + 3 * i]!;
    const g = ppm[start + 3 * i + 1]!;
    const b = ppm[start + 3 * i + 2]!;
    // > 40, not more: a series of no run takes a colour the runs leave free (purple after four
    // seeds), and category10's purple under the renderer's 0.75 fill opacity is (175, 141, 206)
    if (Math.max(r, g, b) - Math.min(r, g, b) > 40) count++;
  }
  return count;
}
