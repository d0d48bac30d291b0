import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createScriptRun, finishRun, logLoss } from './api';

const SHOTS = fileURLToPath(new URL('../test-results/screenshots', import.meta.url));

/** The card of a chart by its title. */
function card(page: Page, title: string): Locator {
  return page.locator('section.card', { has: page.getByRole('heading', { name: title, exact: true }) });
}

/** The number in a card's caption "N runs · M points drawn". */
async function pointsDrawn(chart: Locator): Promise<number> {
  const caption = (await chart.locator('.caption').textContent()) ?? '';
  const match = /([\d,]+) points drawn/.exec(caption);
  return match ? Number(match[1]?.replace(/,/g, '')) : 0;
}

test('launch fit-function quick from the UI, watch its curves grow, open a run, export CSV', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'connected');
  const quick = page.getByRole('button', { name: 'Launch fit-function (quick)' });
  if (await quick.isVisible()) {
    await page.screenshot({ path: `${SHOTS}/01-empty-state.png` });
    await quick.click();
  } else {
    await page.getByRole('button', { name: 'New experiment' }).click();
    await page.getByRole('dialog', { name: 'New experiment' }).locator('select[name="preset"]').selectOption('fit-function');
    await page.getByRole('button', { name: 'Launch', exact: true }).click();
  }
  await expect(page).toHaveURL(/\/experiments\/[^/]+$/);

  // The first metric figure fills in while the runs train: its drawn points keep growing.
  const chart = page.locator('section.chart-card').first();
  await expect(chart.locator('path.saddle-line').first()).toBeVisible({ timeout: 5 * 60_000 });
  const early = await pointsDrawn(chart);
  await expect.poll(() => pointsDrawn(chart), { timeout: 5 * 60_000, intervals: [1000] }).toBeGreaterThan(early);
  await page.screenshot({ path: `${SHOTS}/02-fit-function-live.png`, fullPage: true });

  await expect(page.locator('.page-head .badge').first()).toHaveAttribute('data-status', /SUCCEEDED|FAILED/, { timeout: 10 * 60_000 });
  await page.screenshot({ path: `${SHOTS}/03-fit-function-done.png`, fullPage: true });

  // Run page: the Keras-style summary, every metric, and a CSV of the full series.
  await page.getByRole('table', { name: 'Runs' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/runs\/[^/]+$/);
  const summary = page.getByRole('table', { name: 'Model summary' });
  await expect(summary.locator('tbody tr').first()).toBeVisible();
  await expect(page.locator('section.chart-card path.saddle-line').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/04-run-page.png`, fullPage: true });

  const metricCard = page.locator('section.chart-card').first();
  const downloadPromise = page.waitForEvent('download');
  await metricCard.getByRole('button', { name: 'CSV' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = readFileSync((await download.path()) ?? '', 'utf8').trim().split('\n');
  expect(csv[0]).toBe('run,run_id,metric,step,epoch,wall_time,value');
  expect(csv.length).toBeGreaterThan(2);
  // the CSV holds every stored point, not the drawn sample
  expect(csv.length - 1).toBeGreaterThanOrEqual(await pointsDrawn(metricCard));
});

test('runs logged by a script stream into the experiment page live', async ({ page }) => {
  const first = await createScriptRun('script-a', 'a');
  const second = await createScriptRun('script-b', 'b', first.experimentId);
  await logLoss(first.runId, 0, 20);
  await page.goto(`/experiments/${first.experimentId}`);
  const chart = card(page, 'train/loss');
  await expect(chart.locator('path.saddle-line')).toHaveCount(1);
  // new points arrive over the subscription: no reload
  await logLoss(second.runId, 0, 30);
  await logLoss(first.runId, 20, 40);
  await expect(chart.locator('path.saddle-line')).toHaveCount(2);
  await expect.poll(() => pointsDrawn(chart)).toBe(90);
  await finishRun(first.runId);
  await finishRun(second.runId);
  await expect(page.getByRole('table', { name: 'Runs' }).locator('[data-status="SUCCEEDED"]')).toHaveCount(2);

  // hover shows both runs; a legend click hides one
  const box = await chart.locator('rect.saddle-hit').boundingBox();
  if (!box) throw new Error('no plot area');
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5);
  await expect(page.getByRole('tooltip')).toContainText('script-a');
  await chart.getByRole('button', { name: 'b' }).click();
  await expect(chart.locator('path.saddle-line')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/05-script-runs.png`, fullPage: true });

  // PNG and SVG of the drawn chart (rendered in the browser from the SVG)
  const pngDownload = page.waitForEvent('download');
  await chart.getByRole('button', { name: 'PNG' }).click();
  const png = await pngDownload;
  expect(png.suggestedFilename()).toBe('train-loss.png');
  const pngBytes = readFileSync((await png.path()) ?? '');
  expect(pngBytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(pngBytes.length).toBeGreaterThan(5000);
  const svgDownload = page.waitForEvent('download');
  await chart.getByRole('button', { name: 'SVG' }).click();
  const svgText = readFileSync((await (await svgDownload).path()) ?? '', 'utf8');
  expect(svgText).toContain('<svg');
  expect(svgText.match(/class="[^"]*saddle-line"/g)).toHaveLength(1); // run b is hidden by its legend toggle

  // compare: both runs overlaid, smoothed, log y
  await page.getByRole('link', { name: 'Compare runs' }).click();
  await expect(page).toHaveURL(/\/compare\?runs=/);
  await expect(page.locator('section.chart-card path.saddle-line')).toHaveCount(2);
  // the view's state lives in the URL: the box turns checked once the router has replaced it
  const logY = page.getByRole('checkbox', { name: 'log y', exact: true });
  await logY.click();
  await expect(logY).toBeChecked();
  await expect(page).toHaveURL(/ylog=1/);
  await page.getByRole('slider', { name: 'Smoothing' }).fill('0.6');
  await expect(page.locator('section.chart-card path.saddle-line-raw')).toHaveCount(2);
  await page.screenshot({ path: `${SHOTS}/06-compare.png`, fullPage: true });
});

test('the New experiment form shows the API’s errors beside the field', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'New experiment' }).click();
  const dialog = page.getByRole('dialog', { name: 'New experiment' });
  await dialog.locator('select[name="preset"]').selectOption('fit-function');
  await dialog.locator('input[name="optimizer.lr"]').fill('-1');
  await dialog.getByRole('button', { name: 'Launch', exact: true }).click();
  await expect(dialog.locator('.field-error, .notice.error').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/07-new-experiment-error.png` });
});
