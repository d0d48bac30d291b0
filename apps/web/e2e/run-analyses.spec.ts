import { expect, test } from '@playwright/test';
import { gql, waitForExperiments } from './api';

/**
 * Issue 13, "Analyses on any run", from a run's page: a tiny spec trained twice (two seeds), then
 * the Hessian spectrum, ε-sharpness and the interpolation to the other run asked for with the
 * Analyze control; each ends SUCCEEDED on the page with its figure drawn, and the API holds it.
 */
const SPEC = {
  model: { name: 'tiny-tanh', layers: [{ type: 'dense', units: 4, activation: 'tanh' }, { type: 'dense', units: 1 }] },
  data: { kind: 'function', expression: 'sin(3*x)', n: 200 },
  batchSize: 50,
  epochs: 3,
};

test('a run page analyses its run: Hessian, sharpness, and the interpolation to another run', async ({ page }) => {
  const launched = await gql<{ launchExperiment: { id: string; runs: { id: string }[] } }>(
    'mutation($input: LaunchExperimentInput!) { launchExperiment(input: $input) { id runs { id } } }',
    { input: { spec: SPEC, seeds: 2, name: 'e2e: analyses on a run', tags: ['e2e'] } },
  );
  const [runA, runB] = launched.launchExperiment.runs.map((r) => r.id);
  if (!runA || !runB) throw new Error('expected two runs');
  expect(await waitForExperiments([launched.launchExperiment.id], 120_000)).toEqual({ [launched.launchExperiment.id]: 'SUCCEEDED' });

  await page.goto(`/runs/${runA}`);
  const panel = page.getByRole('region', { name: 'Analyses' });
  await expect(panel).toContainText('No analyses of this run yet');

  const analyze = async (kind: string) => {
    await panel.getByRole('combobox', { name: 'Analysis kind' }).selectOption(kind);
    if (kind === 'INTERPOLATION') await panel.getByRole('textbox', { name: 'Second run id' }).fill(runB);
    await panel.getByRole('button', { name: 'Analyze', exact: true }).click();
  };

  await analyze('HESSIAN');
  const hessian = panel.getByRole('article', { name: 'Hessian spectrum' });
  await expect(hessian.locator('[data-status="SUCCEEDED"]')).toBeVisible({ timeout: 60_000 });
  await expect(hessian.locator('svg.saddle-chart').first()).toBeVisible();

  await analyze('SHARPNESS');
  const sharpness = panel.getByRole('article', { name: 'ε-sharpness' });
  await expect(sharpness.locator('[data-status="SUCCEEDED"]')).toBeVisible({ timeout: 60_000 });
  await expect(sharpness.locator('svg.saddle-chart').first()).toBeVisible();

  await analyze('INTERPOLATION');
  const interpolation = panel.getByRole('article', { name: new RegExp(`^Interpolation from run ${runA} \\(α = 0\\) to run ${runB}`) });
  await expect(interpolation.locator('[data-status="SUCCEEDED"]')).toBeVisible({ timeout: 60_000 });
  await expect(interpolation.locator('svg.saddle-chart').first()).toBeVisible();

  // The API holds all three; the interpolation is on the other run's page too.
  const stored = await gql<{ run: { analyses: { kind: string; status: string }[] } }>('query($id: ID!) { run(id: $id) { analyses { kind status } } }', { id: runA });
  expect(stored.run.analyses.map((a) => `${a.kind} ${a.status}`).sort()).toEqual(['HESSIAN SUCCEEDED', 'INTERPOLATION SUCCEEDED', 'SHARPNESS SUCCEEDED']);
  await page.goto(`/runs/${runB}`);
  await expect(page.getByRole('region', { name: 'Analyses' }).getByRole('article', { name: /^Interpolation from run/ })).toBeVisible();
  await page.screenshot({ path: new URL('../test-results/screenshots/14-run-analyses.png', import.meta.url).pathname, fullPage: true });
});
