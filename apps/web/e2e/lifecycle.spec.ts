import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { createScriptRun, finishRun, gql, logLoss } from './api';

/**
 * Issue 15, "The lifecycle in the UI" and "Everyone can use it": tags, notes, cancelling a run and
 * deleting an experiment behind confirmations; no horizontal overflow at 390 px; dark mode; page
 * titles; the favicon. Runs are logged through the API as a script would, so nothing trains.
 */
const SHOTS = fileURLToPath(new URL('../test-results/screenshots', import.meta.url));

async function experiment(id: string): Promise<{ tags: string[]; notes: string; runs: { id: string; status: string }[] } | null> {
  const data = await gql<{ experiment: { tags: string[]; notes: string; runs: { id: string; status: string }[] } | null }>(
    'query($id: ID!) { experiment(id: $id) { tags notes runs { id status } } }',
    { id },
  );
  return data.experiment;
}

/** The page's widest content at the current viewport: the document's scroll width. */
async function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
}

test.describe.serial('the lifecycle of an experiment in the UI', () => {
  let experimentId = '';
  let finishedRun = '';
  let liveRun = '';

  test.beforeAll(async () => {
    const first = await createScriptRun('lifecycle-done', 'a');
    experimentId = first.experimentId;
    finishedRun = first.runId;
    await logLoss(finishedRun, 0, 120);
    await finishRun(finishedRun);
    liveRun = (await createScriptRun('lifecycle-live', 'b', experimentId)).runId;
    await logLoss(liveRun, 0, 60);
  });

  test('tags and notes are edited on the experiment page and stored', async ({ page }) => {
    await page.goto(`/experiments/${experimentId}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('e2e: script-logged runs');
    await expect(page).toHaveTitle('e2e: script-logged runs · Saddle');
    const tags = page.getByRole('textbox', { name: 'Tags (comma-separated)' });
    await tags.fill('e2e, lifecycle, lifecycle');
    await page.getByRole('button', { name: 'Save tags' }).click();
    await expect(page.getByRole('status')).toHaveText('Tags saved.');
    await page.getByRole('textbox', { name: 'Notes' }).fill('lr 0.1 diverges after epoch 3');
    await page.getByRole('button', { name: 'Save notes' }).click();
    await expect(page.getByRole('status')).toHaveText('Notes saved.');
    const stored = await experiment(experimentId);
    expect(stored?.tags).toEqual(['e2e', 'lifecycle']);
    expect(stored?.notes).toBe('lr 0.1 diverges after epoch 3');
    // A reload shows what the API stored.
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveValue('lr 0.1 diverges after epoch 3');
  });

  test('a run is cancelled from its page only after the confirmation, and its bar is not the green of success', async ({ page }) => {
    await page.goto(`/runs/${liveRun}`);
    await expect(page).toHaveTitle(/^lifecycle-live · e2e: script-logged runs · Saddle$/);
    await page.getByRole('button', { name: 'Cancel run' }).click();
    await expect(page.getByRole('group', { name: /Cancel run lifecycle-live\?/ })).toBeVisible();
    await page.getByRole('button', { name: 'Keep' }).click();
    expect((await experiment(experimentId))?.runs.find((r) => r.id === liveRun)?.status).toBe('RUNNING');

    await page.getByRole('button', { name: 'Cancel run' }).click();
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await expect(page.locator('[data-status="CANCELLED"]').first()).toBeVisible();
    expect((await experiment(experimentId))?.runs.find((r) => r.id === liveRun)?.status).toBe('CANCELLED');

    await page.goto(`/experiments/${experimentId}`);
    await expect(page.getByRole('progressbar', { name: 'lifecycle-live progress' })).toHaveClass('progress stopped');
    await expect(page.getByRole('progressbar', { name: 'lifecycle-done progress' })).toHaveClass('progress done');
    // The chart is a region named by its title, with its numbers as a table for those who cannot see it.
    const chart = page.getByRole('region', { name: 'train/loss' });
    await chart.getByText('Data table').click();
    const doneRow = chart.getByRole('table', { name: 'train/loss: data' }).getByRole('row', { name: /lifecycle-done/ });
    await expect(doneRow).toHaveText(/lifecycle-donetrain\/loss120119/);
    await expect(doneRow.locator('td').nth(4)).toHaveText(await page.getByRole('table', { name: 'Runs' }).getByRole('row', { name: /lifecycle-done/ }).locator('td').nth(5).innerText());
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.screenshot({ path: `${SHOTS}/lifecycle-experiment-1400.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    // The charts re-measure their card after a resize: shoot once the layout is the phone's.
    await expect.poll(() => scrollWidth(page)).toBe(390);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/lifecycle-experiment-390.png`, fullPage: true });
  });

  test('no page is wider than a 390 px phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const paths = ['/', '/compare', `/compare?runs=${finishedRun},${liveRun}`, `/experiments/${experimentId}`, `/runs/${finishedRun}`, `/reports/${experimentId}`];
    const widths: Record<string, number> = {};
    for (const path of paths) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      widths[path] = await scrollWidth(page);
    }
    expect(widths).toEqual(Object.fromEntries(paths.map((p) => [p, 390])));
  });

  test('dark mode follows the system, the toggle overrides it and is remembered; the favicon is served', async ({ page }) => {
    const missing: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 404) missing.push(r.url());
    });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`/experiments/${experimentId}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(13, 17, 23)');
    await page.screenshot({ path: `${SHOTS}/dark-experiment-1400.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => scrollWidth(page)).toBe(390);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/dark-experiment-390.png`, fullPage: true });

    // system (dark here) → dark → light: light wins over the system's dark, and survives a reload.
    const toggle = page.getByTestId('theme-toggle');
    await toggle.click();
    await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await background()).toBe('rgb(246, 247, 249)');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await toggle.click(); // back to the system's choice
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);

    const icon = await page.locator('head link[rel="icon"]').first().getAttribute('href');
    expect(icon).toMatch(/icon/);
    const served = await page.request.get(icon ?? '');
    expect(served.status()).toBe(200);
    expect(missing).toEqual([]);
  });

  test('an experiment is deleted only after the confirmation that names it', async ({ page }) => {
    await page.goto(`/experiments/${experimentId}`);
    await page.getByRole('button', { name: 'Delete experiment' }).click();
    await expect(page.getByText('Delete e2e: script-logged runs with all its runs, series and figures? This cannot be undone.')).toBeVisible();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page).toHaveTitle('Experiments · Saddle');
    expect(await experiment(experimentId)).toBeNull();
  });
});
