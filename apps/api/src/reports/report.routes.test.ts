/**
 * The export downloads over real HTTP with tokens required: a finished experiment's report as
 * HTML (self-contained: every figure inlined as SVG, the note sanitised), as a Markdown zip
 * (every relative link resolves to a file in the zip; each SVG has a PNG twin) and as a PDF
 * (when this machine has Chromium); no token → 401, an unknown id → 404.
 */
import { existsSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../auth/token.service.js';
import { startTestServer, type TestServer } from '../test-utils/server.js';
import { findChromium, scopeSvgIds } from './report.export.js';

let server: TestServer;
let readToken: string;
let experimentId: string;
let origin: string;

beforeAll(async () => {
  server = await startTestServer({ auth: 'required', workers: 1 });
  origin = server.url.replace(/\/graphql$/, '');
  readToken = (await createToken(server.runtime.store, 'read', 'dashboard')).token;
  const experiment = await server.services.experiments.launch({ preset: 'test-tiny', overrides: { epochs: 2 } });
  experimentId = experiment.id;
  for (let i = 0; i < 300; i++) {
    const record = await server.runtime.store.getExperiment(experimentId);
    if (record && ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(record.status)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await server.services.reports.setNote(experimentId, 'experiment', 'Fits **well**.\n\n<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))');
}, 120_000);
afterAll(async () => {
  await server.close();
});

const get = (path: string, token: string | null = readToken) => fetch(`${origin}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('GET /reports/:id.(html|md.zip|pdf)', () => {
  it('refuses a request without a token (401) and an unknown report (404), as JSON errors', async () => {
    const anonymous = await get(`/reports/${experimentId}.html`, null);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const unknown = await get('/reports/no-such-report.html');
    expect(unknown.status).toBe(404);
  });

  it('serves one self-contained HTML file with every figure inlined and the note sanitised', async () => {
    const response = await get(`/reports/${experimentId}.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    const report = await server.services.reports.require(experimentId);
    const figureIds = report.sections.flatMap((s) => s.figures.map((f) => f.figureId));
    expect(figureIds).toEqual(['loss', 'final-loss']);
    for (const id of figureIds) expect(html).toMatch(new RegExp(`<figure class="report-figure" data-figure="${id}"><svg `));
    // Self-contained: nothing fetched from elsewhere.
    expect(html).not.toMatch(/<(link|script|iframe|object)\b/i);
    expect(html).toContain('<strong>well</strong>');
    // The script's body is dropped with it; the handler attribute and a javascript: href are gone
    // (the link written on the script's line stays inert text, as Markdown leaves it).
    expect(html).not.toMatch(/<script|alert\(1\)|\sonerror=|href="javascript:/i);
    // The torchsummary table of the model, with torchsummary's size lines.
    expect(html).toContain('Forward/backward pass size (MB): 0.00');
    // Two figures' clip paths do not collide once inlined in one page.
    const ids = [...html.matchAll(/\bid="(f\d+-[^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('serves the Markdown as a zip whose every relative link resolves, each SVG with its PNG', async () => {
    const response = await get(`/reports/${experimentId}.md.zip`);
    expect(response.status).toBe(200);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const markdown = strFromU8(files['report.md']!);
    // The note comes sanitised, as in the HTML.
    expect(markdown).toContain('<strong>well</strong>');
    expect(markdown).not.toMatch(/<script|alert\(1\)|\sonerror=|href="javascript:/i);
    const links = [...markdown.matchAll(/\]\(((?![a-z]+:)[^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBe(4); // two figures, each an SVG image and a PNG link
    for (const link of links) expect(Object.keys(files)).toContain(link);
    for (const name of Object.keys(files).filter((n) => n.endsWith('.svg'))) {
      expect(strFromU8(files[name]!)).toMatch(/^<svg /);
      const png = files[name.replace(/\.svg$/, '.png')]!;
      expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    }
  });

  it.skipIf(!findChromium())('serves a PDF printed by Chromium', async () => {
    const response = await get(`/reports/${experimentId}.pdf`);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);
});

describe('findChromium and scopeSvgIds', () => {
  it('finds Chromium where SADDLE_CHROMIUM says, and nothing where nothing is', () => {
    expect(findChromium({ SADDLE_CHROMIUM: process.execPath })).toBe(process.execPath);
    if (!existsSync('/usr/bin/chromium') && !existsSync('/usr/bin/chromium-browser') && !existsSync('/usr/bin/google-chrome')) expect(findChromium({})).toBeNull();
  });

  it('prefixes ids and their url(#…) references alike', () => {
    expect(scopeSvgIds('<clipPath id="plot-0"/><g clip-path="url(#plot-0)"/>', 'f3')).toBe('<clipPath id="f3-plot-0"/><g clip-path="url(#f3-plot-0)"/>');
  });
});
