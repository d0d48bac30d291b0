import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { gql, launch, waitForExperiments } from './api';

const SHOTS = fileURLToPath(new URL('../test-results/screenshots', import.meta.url));

/** Printable width of an A4 page with the print stylesheet's half-inch margins, in CSS px. */
const A4_PRINTABLE_PX = (8.27 - 2 * 0.5) * 96;

/** A note that would run script three ways if it were rendered unsafely. */
const HOSTILE_NOTE = [
  'Deep **wins** here.',
  '',
  '<script>window.__noteRan = "script"</script>',
  '<img src="x" onerror="window.__noteRan = \'onerror\'">',
  '[click me](javascript:window.__noteRan=%22link%22)',
].join('\n');

async function noteRan(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __noteRan?: unknown }).__noteRan ?? null);
}

test.describe.serial('the report page of an experiment', () => {
  let experimentId = '';

  test.beforeAll(async () => {
    test.setTimeout(10 * 60_000);
    experimentId = await launch('fit-function');
    const states = await waitForExperiments([experimentId], 9 * 60_000);
    expect(states[experimentId]).toBe('SUCCEEDED');
  });

  test('shows the section in HW1’s order with its figures, and keeps the comment safe', async ({ page }) => {
    await page.goto(`/experiments/${experimentId}`);
    await page.getByRole('link', { name: 'Report', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/reports/${experimentId}$`));
    const section = page.getByRole('article').first();
    await expect(section.getByRole('heading', { level: 2 }).first()).toContainText('HW1-1');
    await expect(section.getByText('Question.')).toBeVisible();
    await expect(section.getByLabel('Setup')).toContainText('Adam');
    // torchsummary's layout and its four size lines
    const summary = section.getByRole('table', { name: /^Model summary of / }).first();
    await expect(summary.getByRole('columnheader')).toHaveText(['Layer (type)', 'Output Shape', 'Param #']);
    for (const line of ['Input size (MB)', 'Forward/backward pass size (MB)', 'Params size (MB)', 'Estimated Total Size (MB)']) await expect(section.getByText(line, { exact: true }).first()).toBeVisible();
    // the figures, drawn by the experiment page's components: title, axis titles, legend
    const figure = section.locator('[data-report-figure] section.chart-card').first();
    await expect(figure.locator('svg.saddle-chart path.saddle-line').first()).toBeVisible();
    await expect(figure.getByRole('heading', { level: 2 })).not.toBeEmpty();
    await expect(figure.locator('.chart-legend-item').first()).toBeVisible();
    await expect(figure.locator('svg.saddle-chart .saddle-axes text').filter({ hasText: /epoch|step|x/ }).first()).toBeVisible();
    await expect(section.getByRole('list', { name: 'Verdicts' })).toContainText('Evidence:');

    // the exported SVG of a report figure carries its title and legend
    const svgDownload = page.waitForEvent('download');
    await figure.getByRole('button', { name: 'SVG' }).click();
    const svg = readFileSync((await (await svgDownload).path()) ?? '', 'utf8');
    expect(svg).toContain('saddle-export-title');
    expect(svg).toContain('saddle-export-legend');
    // a single-column paper figure: 3.5 in at 300 dpi is 1050 px wide (the PNG header's width field)
    await figure.getByRole('combobox', { name: 'Export size' }).selectOption('single');
    const pngDownload = page.waitForEvent('download');
    await figure.getByRole('button', { name: 'PNG' }).click();
    const png = readFileSync((await (await pngDownload).path()) ?? '');
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1050);

    // a comment with script in it, saved through the API, rendered as text and links without script
    await section.getByRole('button', { name: /Add a comment|Edit comment/ }).click();
    await section.getByRole('textbox', { name: /^Comment on / }).fill(HOSTILE_NOTE);
    await section.getByRole('button', { name: 'Save comment' }).click();
    const body = section.getByTestId('note-body');
    await expect(body.locator('strong')).toHaveText('wins');
    await page.reload();
    await expect(page.getByTestId('note-body').first().locator('strong')).toHaveText('wins');
    const note = page.getByTestId('note-body').first();
    await expect(note.locator('script')).toHaveCount(0);
    await expect(note.locator('[onerror]')).toHaveCount(0);
    await expect(note.locator('a[href^="javascript:" i]')).toHaveCount(0);
    // clicking what is left of the link runs nothing either
    const link = note.locator('a');
    if ((await link.count()) > 0) await link.first().click({ noWaitAfter: true });
    await page.waitForTimeout(500);
    expect(await noteRan(page)).toBeNull();

    await page.setViewportSize({ width: 1400, height: 900 });
    await page.screenshot({ path: `${SHOTS}/report-1400.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/report-390.png`, fullPage: true });
    // the report itself never needs a horizontal scroll (the top bar's own overflow is issue 15's)
    const widest = await page.locator('.report').evaluate((el) => el.scrollWidth);
    expect(widest).toBeLessThanOrEqual(390);
  });

  test('prints as a document: no controls, figures within the page, one PDF', async ({ page }) => {
    await page.goto(`/reports/${experimentId}`);
    await expect(page.locator('[data-report-figure] svg.saddle-chart').first()).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('header.topbar')).toBeHidden();
    await expect(page.getByRole('button', { name: 'PDF' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'SVG' }).first()).toBeHidden();
    await expect(page.getByRole('button', { name: /Add a comment|Edit comment/ }).first()).toBeHidden();
    // the legend stays: it is part of the figure
    await expect(page.locator('.chart-legend-item').first()).toBeVisible();
    // every figure is redrawn at the print width, inside an A4 page's printable width
    const widths = await page.locator('svg.saddle-chart').evaluateAll((svgs) => svgs.map((svg) => svg.getBoundingClientRect().width));
    expect(widths.length).toBeGreaterThan(0);
    for (const width of widths) expect(width).toBeLessThanOrEqual(A4_PRINTABLE_PX);
    const breaks = await page.locator('.chart-card').first().evaluate((el) => getComputedStyle(el).breakInside);
    expect(breaks).toBe('avoid');
    await page.screenshot({ path: `${SHOTS}/report-print.png`, fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
  });

  test('downloads the HTML, PDF and Markdown exports through the API', async ({ page }) => {
    test.setTimeout(3 * 60_000);
    await page.goto(`/reports/${experimentId}`);
    const fetchExport = async (name: string): Promise<Buffer> => {
      const download = page.waitForEvent('download', { timeout: 120_000 });
      await page.getByRole('button', { name, exact: true }).click();
      return readFileSync((await (await download).path()) ?? '');
    };
    expect((await fetchExport('HTML')).toString('utf8')).toContain('<svg');
    expect((await fetchExport('PDF')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // a zip (report.md with its figures beside it)
    expect((await fetchExport('Markdown')).subarray(0, 2).toString('latin1')).toBe('PK');
    // (Next's route announcer is an alert of its own, outside the report)
    await expect(page.locator('.report [role="alert"]')).toHaveCount(0);
  });
});

test('Run the HW1 suite: the report page shows the suite’s progress, its ETA and what still runs', async ({ page }) => {
  await page.goto('/');
  const panel = page.getByRole('region', { name: 'HW1 suite' });
  await panel.getByRole('button', { name: 'quick' }).click();
  await panel.getByRole('button', { name: 'Run the HW1 suite' }).click();
  await expect(page).toHaveURL(/\/reports\/[^/]+$/);
  const suiteId = page.url().split('/').pop() ?? '';
  try {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/HW1/);
    await expect(page.getByRole('progressbar', { name: 'Suite progress' })).toBeVisible();
    await expect(page.getByLabel('Suite progress').first()).toBeVisible();
    await expect(page.getByTestId('report-running')).toContainText('still running');
    await expect(page.getByRole('article')).toHaveCount(10);
    await expect(page.locator('.suite-progress')).toContainText(/left|% done/);
    await page.screenshot({ path: `${SHOTS}/report-suite-live.png` });
  } finally {
    // the whole catalogue is not this test's business: stop it
    await gql('mutation($id: ID!) { cancelSuite(id: $id) { id } }', { id: suiteId });
  }
});
