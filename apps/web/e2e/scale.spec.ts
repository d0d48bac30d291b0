import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { gql } from './api';

/**
 * The dashboard past one page of everything (issue 15, "Speed"): more than 100 experiments, and a
 * comparison of more runs than SVG can redraw in a frame. Runs are logged through the API as a
 * script would, so nothing waits for training. (Timings are bench/dashboard-load.mjs's job.)
 */
const SHOTS = fileURLToPath(new URL('../test-results/screenshots', import.meta.url));
const tag = `scale-${Date.now().toString(36)}`;

async function loggedRun(name: string, experiment: { id?: string; name?: string }, points: number, config: Record<string, unknown> = {}, index = 0): Promise<{ id: string; experimentId: string }> {
  const input = { name, config, ...(experiment.id ? { experimentId: experiment.id } : { experimentName: experiment.name, tags: ['e2e', tag] }) };
  const { createRun } = await gql<{ createRun: { id: string; experimentId: string } }>('mutation($input: CreateRunInput!) { createRun(input: $input) { id experimentId } }', { input });
  const series = Array.from({ length: points }, (_, step) => ({ key: 'train/loss', step, value: (Math.exp(-step / (30 + 4 * index)) + 0.05 + 0.02 * (index % 3)) * (1 + 0.05 * Math.sin(step / 3 + index)), epoch: step / 20 }));
  await gql('mutation($id: ID!, $points: [MetricPointInput!]!) { logMetrics(runId: $id, points: $points) { accepted } }', { id: createRun.id, points: series });
  await gql('mutation($id: ID!) { finishRun(runId: $id, status: SUCCEEDED) { id } }', { id: createRun.id });
  return createRun;
}

/** GraphQL operations the page sends over HTTP, by name. */
function countOperations(page: Page): Map<string, number> {
  const counts = new Map<string, number>();
  page.on('request', (request) => {
    if (request.method() !== 'POST' || new URL(request.url()).pathname !== '/graphql') return;
    const name = (JSON.parse(request.postData() ?? '{}') as { operationName?: string }).operationName ?? '';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  });
  return counts;
}

let oldRuns: string[] = [];
const oldName = `${tag} oldest`;
const bigRuns: string[] = [];

test.beforeAll(async () => {
  // One experiment first (the oldest), then 105 newer ones: it is on no first page of 100.
  const first = await loggedRun('a', { name: oldName }, 60);
  const second = await loggedRun('b', { id: first.experimentId }, 60);
  oldRuns = [first.id, second.id];
  for (let i = 0; i < 105; i++) await loggedRun('run', { name: `${tag} newer ${String(i).padStart(3, '0')}` }, 5);
  // 45 runs (over the 40 that LineChart draws as SVG) in one experiment.
  let experimentId: string | undefined;
  for (let i = 0; i < 45; i++) {
    const run = await loggedRun(`r${String(i).padStart(2, '0')}`, experimentId ? { id: experimentId } : { name: `${tag} many runs` }, 300, { model: ['shallow', 'deep', 'middle'][i % 3] }, i);
    experimentId = run.experimentId;
    bigRuns.push(run.id);
  }
});

test('a shared compare link to runs older than the newest 100 experiments resolves, in one request for the series', async ({ page }) => {
  const operations = countOperations(page);
  await page.goto(`/compare?runs=${oldRuns.join(',')}`);
  const chart = page.locator('section.chart-card');
  await expect(chart.locator('path.saddle-line[data-series]')).toHaveCount(2);
  await expect(page.getByText('Nothing to compare yet')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'train/loss — 2 runs' })).toBeVisible();
  expect(operations.get('WebCompareRuns')).toBe(1);
  // The picker lists it among the picked runs, and finds its experiment by search.
  const picker = page.getByRole('region', { name: 'Runs to compare' });
  await expect(picker.getByText(`${oldName} / a`)).toBeVisible();
  await picker.getByRole('searchbox', { name: 'Search experiments' }).fill(oldName);
  await expect(picker.locator('details summary', { hasText: oldName })).toBeVisible();
  await expect(picker.getByText('1 experiment matching')).toBeVisible();
});

test('the compare picker pages past the first experiments', async ({ page }) => {
  await page.goto('/compare');
  const picker = page.getByRole('region', { name: 'Runs to compare' });
  await expect(picker.locator('details')).toHaveCount(20);
  await picker.getByRole('button', { name: 'Load 20 more' }).click();
  await expect(picker.locator('details')).toHaveCount(40);
});

test('the experiments list pages past 100 experiments and searches them', async ({ page }) => {
  await page.goto('/');
  const table = page.getByRole('table', { name: 'Experiments' });
  await expect(table.locator('tbody tr')).toHaveCount(50);
  const pages = page.getByRole('navigation', { name: 'Experiment pages' });
  await expect(pages).toContainText('1–50 of');
  await pages.getByRole('button', { name: 'Older →' }).click();
  await expect(pages).toContainText('51–100 of');
  await pages.getByRole('button', { name: 'Older →' }).click();
  await expect(pages).toContainText('101–');
  await expect(table.getByRole('link', { name: oldName })).toBeVisible();
  await pages.getByRole('button', { name: '← Newer' }).click();
  await expect(pages).toContainText('51–100 of');
  await page.getByRole('searchbox', { name: 'Search experiments' }).fill(oldName);
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.getByRole('link', { name: oldName })).toBeVisible();
});

test('45 runs: one request, drawn on canvas, hover without re-rendering, CSV with progress; screenshots', async ({ page }) => {
  const operations = countOperations(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`/compare?runs=${bigRuns.join(',')}`);
  const chart = page.locator('section.chart-card .chart');
  await expect(chart).toHaveAttribute('data-lines-drawn', '45');
  expect(operations.get('WebCompareRuns')).toBe(1);
  await expect(chart.locator('canvas.saddle-lines-canvas')).toHaveCount(1);
  await expect(chart.locator('path.saddle-line')).toHaveCount(0);

  await page.screenshot({ path: `${SHOTS}/compare-45-runs-lines-1400.png` });

  // Smoothing and grouping redraw from what was loaded: no request.
  const version = Number(await chart.getAttribute('data-draw-version'));
  await page.getByRole('combobox', { name: 'Group by' }).selectOption('model');
  await expect.poll(async () => Number(await chart.getAttribute('data-draw-version'))).toBeGreaterThan(version);
  await page.getByRole('checkbox', { name: 'log y' }).check();
  await expect(page).toHaveURL(/ylog=1/);
  expect(operations.get('WebCompareRuns')).toBe(1);

  const box = await chart.locator('rect.saddle-hit').boundingBox();
  if (!box) throw new Error('no hit area');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const tooltip = chart.getByRole('tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip.locator('.chart-tooltip-row')).toHaveCount(12);
  await expect(tooltip.locator('.chart-tooltip-more')).toHaveText('+33 more');
  await page.screenshot({ path: `${SHOTS}/compare-45-runs-1400.png` });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV', exact: true }).click()]);
  const csv = await (await download.createReadStream()).toArray();
  const lines = Buffer.concat(csv).toString('utf8').trimEnd().split('\n');
  expect(lines).toHaveLength(1 + 45 * 300);
  expect(operations.get('WebSeriesCsvBatch')).toBe(5);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SHOTS}/compare-45-runs-390.png`, fullPage: true });
  await page.goto('/');
  await page.screenshot({ path: `${SHOTS}/experiments-paged-390.png` });
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.screenshot({ path: `${SHOTS}/experiments-paged-1400.png`, fullPage: true });
});
