import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { gql, logLoss } from './api';
import { STATE_FILE, startStack, stopStack } from './global-setup';

test('the dashboard reconnects when the API restarts, and catches up on what it missed', async ({ page }) => {
  test.info().annotations.push({ type: 'note', description: 'restarts the stack global-setup started; with SADDLE_E2E_URL there is none to restart' });
  if (process.env.SADDLE_E2E_URL || !existsSync(STATE_FILE)) return;
  const { dataDir } = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { dataDir: string };
  // an experiment of its own: the other specs' script runs share 'e2e: script-logged runs'
  const created = await gql<{ createRun: { id: string; experimentId: string } }>('mutation($input: CreateRunInput!) { createRun(input: $input) { id experimentId } }', {
    input: { name: 'before-restart', group: 'r', experimentName: 'e2e: reconnect', tags: ['e2e'] },
  });
  const run = { runId: created.createRun.id, experimentId: created.createRun.experimentId };
  await logLoss(run.runId, 0, 10);
  await page.goto(`/experiments/${run.experimentId}`);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'connected');
  const chart = page.locator('section.chart-card').first();
  await expect(chart.locator('.caption')).toContainText('10 points drawn');

  await stopStack();
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'reconnecting');
  await page.screenshot({ path: new URL('../test-results/screenshots/08-reconnecting.png', import.meta.url).pathname });
  await startStack(dataDir);
  // points logged while the page was away arrive through the refetch after reconnecting
  await logLoss(run.runId, 10, 15);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'connected', { timeout: 60_000 });
  await expect(chart.locator('.caption')).toContainText('25 points drawn', { timeout: 30_000 });
});
