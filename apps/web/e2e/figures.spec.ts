import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { launch, presets, waitForExperiments, type PresetInfo } from './api';

/**
 * Every preset's figures, drawn from a quick result. The store is seeded through the API (one
 * quick launch per preset, all queued at once) before the pages are opened.
 */
const FIGURES = fileURLToPath(new URL('../test-results/figures', import.meta.url));

test.describe.serial('each preset’s figures from a quick result', () => {
  let catalogue: PresetInfo[] = [];
  const experimentOf = new Map<string, string>();
  const statusOf = new Map<string, string>();

  test.beforeAll(async () => {
    test.setTimeout(40 * 60_000);
    catalogue = await presets();
    for (const preset of catalogue) experimentOf.set(preset.id, await launch(preset.id));
    const states = await waitForExperiments([...experimentOf.values()], 38 * 60_000);
    for (const [preset, id] of experimentOf) statusOf.set(preset, states[id] ?? 'MISSING');
  });

  test('every preset of the catalogue', async ({ page }) => {
    expect(catalogue.length).toBeGreaterThanOrEqual(10);
    for (const preset of catalogue) {
      await test.step(preset.id, async () => {
        const id = experimentOf.get(preset.id);
        await page.goto(`/experiments/${id}`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        expect.soft(statusOf.get(preset.id), `${preset.id} ended`).toBe('SUCCEEDED');
        for (const figure of preset.figures) {
          // fit-function's formula-target figures are drawn only for targets written as formulas;
          // the catalogue's quick runs use the built-in targets (formulas: fit-function.test.ts).
          if (/^prediction-expression-\d+$/.test(figure.id)) continue;
          // by id: an analysis may title its figure more precisely than the preset's declaration
          const figureCard = page.locator(`[data-figure-id="${figure.id}"]`);
          await expect(figureCard).toBeVisible();
          // analysis figures are drawn once the analyses stored them; metric figures as soon as points exist
          await expect.soft(figureCard.locator('svg.saddle-chart').first(), `${preset.id}: ${figure.title}`).toBeVisible({ timeout: 20_000 });
          await figureCard.screenshot({ path: `${FIGURES}/${preset.id}--${figure.id}.png` });
        }
        await page.screenshot({ path: `${FIGURES}/${preset.id}--page.png`, fullPage: true });
      });
    }
  });
});
