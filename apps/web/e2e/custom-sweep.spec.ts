import { expect, test, type Page } from '@playwright/test';
import { gql } from './api';

/**
 * New experiment → Custom: a zoo MLP on a formula target, Adam, an lr sweep × 2 seeds, launched
 * from the dashboard; the experiment page lists the runs keyed by their lr and, once they are
 * done, draws the sweep's figure (final loss vs the learning rate, log axis, mean ± std).
 */
async function openCustom(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'connected');
  const opener = page.getByRole('button', { name: 'New experiment' });
  if (await opener.isVisible()) await opener.click();
  else await page.getByRole('button', { name: /New experiment|custom experiment/i }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New experiment' });
  await dialog.getByRole('button', { name: 'Custom', exact: true }).click();
  return dialog;
}

test('launch a custom lr × seeds sweep from the dashboard and see its sweep figure', async ({ page }) => {
  const dialog = await openCustom(page);

  await dialog.locator('select[name="model"]').selectOption('mlp-shallow');
  await dialog.locator('select[name="target"]').selectOption('formula');
  // A typo first: the API's message names where it is, beside the formula.
  await dialog.locator('input[name="formula"]').fill('exp(-x)*cos(2*pi*x');
  await dialog.locator('input[name="epochs"]').fill('3');
  await dialog.locator('input[name="seeds"]').fill('2');
  await dialog.locator('input[name="sweep-values-0"]').fill('0.001, 0.01');
  await dialog.getByRole('button', { name: 'Launch', exact: true }).click();
  await expect(dialog.locator('.field-error').first()).toContainText(/does not parse: .* at char 19/);

  await dialog.locator('input[name="formula"]').fill('exp(-x)*cos(2*pi*x)');
  await dialog.getByRole('button', { name: 'Launch', exact: true }).click();
  await expect(page).toHaveURL(/\/experiments\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('mlp-shallow sweep over optimizer.lr');
  const runs = page.getByRole('table', { name: 'Runs' });
  await expect(runs).toContainText('optimizer.lr=0.001/seed1');
  await expect(runs).toContainText('optimizer.lr=0.01');

  await expect(page.locator('.page-head .badge').first()).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 5 * 60_000 });
  await expect(page.getByRole('heading', { name: 'Final train/loss vs optimizer.lr (mean ± std over 2 seeds)' })).toBeVisible({ timeout: 60_000 });
});

/**
 * The model layer by layer: a conv2d on a function's 1-D input is refused beside that layer; with
 * it removed and the two dense layers reordered, the run trains the model as built (the stored
 * spec's layers, the output added) to the end.
 */
test('build a model layer by layer, see a misfit layer refused beside it, and train the model as built', async ({ page }) => {
  const dialog = await openCustom(page);
  await dialog.getByRole('button', { name: 'layer by layer' }).click();
  const layers = dialog.getByRole('region', { name: 'Layers' });
  const layer = (n: number) => layers.getByRole('group', { name: `Layer ${n}` });
  await layer(1).getByLabel(/^Units/).fill('8');
  await layer(1).getByLabel('Activation').selectOption('tanh');
  await layer(2).getByLabel(/^Units/).fill('4');
  await layers.getByRole('button', { name: '+ Add a layer' }).click();
  await layer(3).getByLabel('Type').selectOption('conv2d');
  await layer(3).getByLabel(/^Filters/).fill('2');
  await layer(3).getByRole('button', { name: 'Move layer 3 up' }).click();
  await layer(2).getByRole('button', { name: 'Move layer 2 up' }).click();
  await layers.getByLabel('Model name').fill('built-mlp');
  await dialog.locator('input[name="epochs"]').fill('2');
  await dialog.locator('input[name="sweep-values-0"]').fill('0.01');
  await dialog.getByRole('button', { name: 'Launch', exact: true }).click();
  // The conv2d, now first, cannot take the function's [1] input: said under that layer.
  await expect(layer(1).locator('.field-error')).toContainText(/conv2d|rank|input/i);

  await layer(1).getByRole('button', { name: 'Remove layer 1' }).click();
  // dense 8 tanh, dense 4 relu → dense 4 relu, dense 8 tanh.
  await layer(2).getByRole('button', { name: 'Move layer 2 up' }).click();
  await expect(layer(1).getByLabel(/^Units/)).toHaveValue('4');
  await dialog.getByRole('button', { name: 'Launch', exact: true }).click();
  await expect(page).toHaveURL(/\/experiments\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('built-mlp sweep over optimizer.lr');
  const id = new URL(page.url()).pathname.split('/').pop()!;
  const { experiment } = await gql<{ experiment: { runs: { spec: { model: unknown } }[] } }>('query($id: ID!) { experiment(id: $id) { runs { spec } } }', { id });
  expect(experiment.runs.map((run) => run.spec.model)).toEqual([
    {
      name: 'built-mlp',
      layers: [
        { type: 'dense', units: 4, activation: 'relu' },
        { type: 'dense', units: 8, activation: 'tanh' },
        { type: 'dense', units: 1, activation: 'linear' },
      ],
    },
  ]);
  await expect(page.locator('.page-head .badge').first()).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 5 * 60_000 });
});

