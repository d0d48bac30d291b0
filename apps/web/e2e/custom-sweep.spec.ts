import { expect, test } from '@playwright/test';

/**
 * New experiment → Custom: a zoo MLP on a formula target, Adam, an lr sweep × 2 seeds, launched
 * from the dashboard; the experiment page lists the runs keyed by their lr and, once they are
 * done, draws the sweep's figure (final loss vs the learning rate, log axis, mean ± std).
 */
test('launch a custom lr × seeds sweep from the dashboard and see its sweep figure', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'connected');
  const opener = page.getByRole('button', { name: 'New experiment' });
  if (await opener.isVisible()) await opener.click();
  else await page.getByRole('button', { name: /New experiment|custom experiment/i }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New experiment' });
  await dialog.getByRole('button', { name: 'Custom', exact: true }).click();

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
