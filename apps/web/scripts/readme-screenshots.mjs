#!/usr/bin/env node
/**
 * Retakes the README's dashboard screenshots (apps/web/docs/screenshots/) from a running
 * `saddle serve --web` whose store holds the ten presets (the newest experiment of each is used):
 *
 *   saddle serve --web --port 4100 --data-dir <data dir of `saddle run hw1 --scale standard`>
 *   node apps/web/scripts/readme-screenshots.mjs --url http://127.0.0.1:4100
 *
 * Figures at 1400×900 (each figure's card alone), the fit-function page and a run page as the
 * window shows them, and the experiment page on a 390×844 phone. Debian's Chromium, as the e2e tests.
 */
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';

const { values } = parseArgs({ options: { url: { type: 'string', default: 'http://127.0.0.1:4100' }, out: { type: 'string', default: new URL('../docs/screenshots/', import.meta.url).pathname } } });
const base = values.url.replace(/\/$/, '');
const out = values.out.endsWith('/') ? values.out : `${values.out}/`;
mkdirSync(out, { recursive: true });

/** README file → [preset, figure id]: one figure card each. */
const FIGURES = {
  'pca-trajectories.png': ['pca-trajectories', 'pca'],
  'loss-landscape.png': ['loss-landscape', 'landscape'],
  'gradient-norm.png': ['gradient-norm', 'grad-norm'],
  'minimal-ratio.png': ['minimal-ratio', 'ratio-vs-loss'],
  'hessian-spectrum.png': ['minimal-ratio', 'spectrum'],
  'interpolation.png': ['interpolation', 'loss-vs-alpha'],
  'params-vs-generalization.png': ['params-vs-generalization', 'accuracy-vs-params'],
  'sensitivity.png': ['sensitivity', 'sensitivity-vs-batch'],
  'random-labels.png': ['random-labels', 'loss'],
};

async function graphql(query, variables = {}) {
  const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors) throw new Error(body.errors[0].message);
  return body.data;
}

const { experiments } = await graphql('{ experiments(first: 100) { edges { node { id preset status runs { id key } } } } }');
/** The newest finished experiment of each preset. */
const byPreset = new Map();
for (const { node } of experiments.edges) if (node.preset && node.status === 'SUCCEEDED' && !byPreset.has(node.preset)) byPreset.set(node.preset, node);
const missing = [...new Set(Object.values(FIGURES).map(([preset]) => preset)), 'fit-function', 'train-cnn'].filter((p) => !byPreset.has(p));
if (missing.length > 0) throw new Error(`no finished experiment of ${missing.join(', ')} at ${base}: run \`saddle run hw1\` into its data directory first`);

const browser = await chromium.launch({ executablePath: process.env.SADDLE_CHROMIUM ?? '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme: 'light' });

/** Opens an experiment page and waits until every figure is drawn (none pending, no loading block). */
async function openExperiment(id) {
  await page.goto(`${base}/experiments/${id}`);
  await page.locator('[data-figure-id]').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-figure-pending], .loading-block').length === 0, undefined, { timeout: 60_000 });
  // charts measure their width after layout; the canvas layers paint a frame later
  await page.waitForTimeout(800);
}

for (const [file, [preset, figureId]] of Object.entries(FIGURES)) {
  await openExperiment(byPreset.get(preset).id);
  const card = page.locator(`[data-figure-id="${figureId}"]`);
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: `${out}${file}` });
  console.log(`${file}: ${preset} / ${figureId}`);
}

const fit = byPreset.get('fit-function');
await openExperiment(fit.id);
await page.screenshot({ path: `${out}experiment-fit-function.png` });
console.log('experiment-fit-function.png: the fit-function page');

const cnnRun = byPreset.get('train-cnn').runs[0];
await page.goto(`${base}/runs/${cnnRun.id}`);
await page.locator('section.chart-card').first().waitFor();
await page.waitForTimeout(800);
await page.screenshot({ path: `${out}run-page.png` });
console.log(`run-page.png: train-cnn run ${cnnRun.key}`);

await page.goto(`${base}/compare?runs=${fit.runs.slice(0, 12).map((r) => r.id).join(',')}`);
await page.locator('section.chart-card path.saddle-line, section.chart-card canvas').first().waitFor();
const logY = page.getByRole('checkbox', { name: 'log y', exact: true });
if (!(await logY.isChecked())) await logY.click();
await page.waitForTimeout(800);
await page.locator('section.chart-card').first().screenshot({ path: `${out}compare.png` });
console.log('compare.png: 12 fit-function runs, log y');

const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, colorScheme: 'light' });
await phone.goto(`${base}/experiments/${fit.id}`);
await phone.locator('[data-figure-id]').first().waitFor();
await phone.waitForTimeout(1500);
await phone.screenshot({ path: `${out}phone-experiment.png` });
console.log('phone-experiment.png: the fit-function page at 390×844');

await browser.close();
