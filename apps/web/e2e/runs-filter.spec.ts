import { expect, test } from '@playwright/test';
import { gql } from './api';

/**
 * The runs table's filter builder beyond config and final conditions (issue 13): status, tags,
 * origin and creation time, chosen in the form, each kept in the URL, and the rows the API
 * returns for them. Runs are logged through the API as a script would.
 */
const tag = `rf-${Date.now().toString(36)}`;

async function loggedRun(experimentName: string, name: string, tags: string[], status: 'SUCCEEDED' | 'FAILED'): Promise<void> {
  const { createRun } = await gql<{ createRun: { id: string } }>('mutation($input: CreateRunInput!) { createRun(input: $input) { id } }', {
    input: { name, experimentName, tags, config: { width: name.length } },
  });
  await gql('mutation($id: ID!, $status: RunStatus!) { finishRun(runId: $id, status: $status) { id } }', { id: createRun.id, status });
}

test.beforeAll(async () => {
  // Experiment A (tags: tag): ok-a SUCCEEDED, bad-a FAILED. Experiment B (tags: tag, extra): ok-b, bad-b.
  await loggedRun(`${tag} A`, 'ok-a', [tag], 'SUCCEEDED');
  await loggedRun(`${tag} A`, 'bad-a', [tag], 'FAILED');
  await loggedRun(`${tag} B`, 'ok-b', [tag, `${tag}-extra`], 'SUCCEEDED');
  await loggedRun(`${tag} B`, 'bad-b', [tag, `${tag}-extra`], 'FAILED');
});

test('filters by status, tags, origin and creation time from the builder, with the state in the URL', async ({ page }) => {
  await page.goto('/runs');
  const filters = page.getByRole('form', { name: 'Filter runs' });
  const rows = page.getByRole('table', { name: 'Runs' }).locator('tbody tr[data-run]');
  const runKeys = async () => (await rows.locator('td:nth-child(2)').allTextContents()).sort();
  const params = () => new URL(page.url()).searchParams;

  // Status FAILED among this test's runs (tag), on every experiment with the tag.
  await filters.getByLabel('Tags').fill(tag);
  await filters.getByRole('group', { name: 'Status' }).getByLabel('failed').check();
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('runs-count')).toContainText('2 runs');
  expect(await runKeys()).toEqual(['bad-a', 'bad-b']);
  expect(params().get('status')).toBe('FAILED');
  expect(params().get('tags')).toBe(tag);

  // Both tags: only experiment B's; with SUCCEEDED too, both of its runs.
  await filters.getByLabel('Tags').fill(`${tag}, ${tag}-extra`);
  await filters.getByRole('group', { name: 'Status' }).getByLabel('succeeded').check();
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('runs-count')).toContainText('2 runs');
  expect(await runKeys()).toEqual(['bad-b', 'ok-b']);
  expect(params().get('tags')).toBe(`${tag},${tag}-extra`);
  expect(params().get('status')).toBe('FAILED,SUCCEEDED');

  // The URL alone brings the view (and the form) back.
  await page.reload();
  await expect(page.getByTestId('runs-count')).toContainText('2 runs');
  expect(await runKeys()).toEqual(['bad-b', 'ok-b']);
  await expect(filters.getByLabel('Tags')).toHaveValue(`${tag}, ${tag}-extra`);
  await expect(filters.getByRole('group', { name: 'Status' }).getByLabel('failed')).toBeChecked();

  // Origin: logged by scripts matches, launched from a preset does not.
  await filters.getByLabel('Launched from').selectOption({ label: 'a preset' });
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('runs-count')).toContainText('0 runs');
  await expect(rows).toHaveCount(0);
  expect(params().get('origin')).toBe('PRESET');
  await filters.getByLabel('Launched from').selectOption({ label: 'a script (logged)' });
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('runs-count')).toContainText('2 runs');

  // Creation time: before an hour ago none of these runs exist; after an hour ago all do.
  const hourAgo = new Date(Date.now() - 3600_000);
  const local = new Date(hourAgo.getTime() - hourAgo.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await filters.getByLabel('Created before').fill(local);
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('runs-count')).toContainText('0 runs');
  expect(Date.parse(params().get('before') ?? '')).toBe(Date.parse(`${local}:00`));
  await filters.getByLabel('Created before').fill('');
  await filters.getByLabel('Created after').fill(local);
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('runs-count')).toContainText('2 runs');
  expect(params().get('before')).toBeNull();
  expect(params().get('after')).not.toBeNull();

  // Clear filter: every field goes, the URL with it.
  await filters.getByRole('button', { name: 'Clear filter' }).click();
  await expect(filters.getByLabel('Tags')).toHaveValue('');
  expect([...params().keys()]).toEqual([]);
});
