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

  test('a model keeps its colour across the figures of a page, and every dash is in a legend', async ({ page }) => {
    await page.goto(`/experiments/${experimentOf.get('fit-function')}`);
    const swatches = async (figureId: string) => {
      const card = page.locator(`[data-figure-id="${figureId}"]`);
      await expect(card.locator('svg.saddle-chart').first()).toBeVisible({ timeout: 20_000 });
      const entries = await card.locator('.chart-legend-item').evaluateAll((items) =>
        items.map((item) => ({ label: (item.textContent ?? '').trim(), color: item.querySelector('line')?.getAttribute('stroke') ?? '', dash: item.querySelector('line')?.getAttribute('stroke-dasharray') ?? '' })),
      );
      const dashes = await card.locator('path.saddle-line').evaluateAll((lines) => lines.map((line) => line.getAttribute('stroke-dasharray') ?? ''));
      return { entries, dashes };
    };
    const loss = await swatches('loss');
    const models = ['mlp-shallow', 'mlp-middle', 'mlp-deep'];
    // the loss chart: one entry per model, one per target (the two targets are told apart by dash)
    expect(loss.entries.map((e) => e.label)).toEqual([...models, 'target=sinc5', 'target=sgn-sin5pi']);
    for (const figureId of ['prediction-sinc5', 'prediction-sgn-sin5pi']) {
      const prediction = await swatches(figureId);
      for (const model of models) {
        expect(prediction.entries.find((e) => e.label === model)?.color, `${model} in ${figureId}`).toBe(loss.entries.find((e) => e.label === model)?.color);
      }
      // ground truth wears no model's colour
      const truth = prediction.entries.find((e) => e.label === 'ground truth');
      expect(models.map((m) => loss.entries.find((e) => e.label === m)?.color)).not.toContain(truth?.color);
    }
    // every dash drawn in the loss chart is a dash its legend shows
    const shown = new Set(loss.entries.map((e) => e.dash));
    for (const dash of loss.dashes) expect(shown.has(dash), `dash "${dash}" explained`).toBe(true);

    // PCA: each view labels its own explained variance; the loss chart has a colour per seed
    await page.goto(`/experiments/${experimentOf.get('pca-trajectories')}`);
    const pca = page.locator('[data-figure-id="pca"]');
    await expect(pca.locator('svg.saddle-chart').first()).toBeVisible({ timeout: 20_000 });
    const axisLabels = () => pca.locator('svg.saddle-chart text').evaluateAll((texts) => texts.map((t) => t.textContent ?? '').filter((t) => /^PC \d/.test(t)));
    const whole = await axisLabels();
    await pca.getByRole('button', { name: /^layer / }).click();
    const layer = await axisLabels();
    expect(whole).toHaveLength(2);
    expect(layer).toHaveLength(2);
    expect(layer).not.toEqual(whole);
    const seeds = await page.locator('[data-figure-id="loss"] .chart-legend-item').evaluateAll((items) => items.map((item) => item.querySelector('line')?.getAttribute('stroke') ?? ''));
    expect(seeds.length).toBeGreaterThanOrEqual(2);
    expect(new Set(seeds).size).toBe(seeds.length);
  });
});
