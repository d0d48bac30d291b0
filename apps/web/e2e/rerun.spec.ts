import { expect, test } from '@playwright/test';
import { gql } from './api';

/**
 * Issue 15, "The lifecycle in the UI": an experiment renamed from its page (an empty name refused
 * beside the field), one of its runs cancelled behind a confirmation while the sweep's figures are
 * still drawn from the other, then launched again (Re-run) and opened in New experiment (Clone and
 * edit, a refused change shown with its path, then launched).
 * A small spec sweep over epochs: the 1-epoch point ends in seconds, the long one is cancelled.
 */
const SPEC = {
  model: { name: 'e2e-probe', layers: [{ type: 'dense', units: 4, activation: 'tanh' }, { type: 'dense', units: 1 }] },
  data: { kind: 'function', fn: 'sinc5', n: 32 },
};
const SWEEP = { method: 'GRID', parameters: { epochs: { values: [1, 100000] } } };

interface Stored {
  name: string;
  status: string;
  error: string | null;
  launchInput: Record<string, unknown> | null;
  runs: { id: string; key: string; status: string }[];
}
async function stored(id: string): Promise<Stored> {
  const data = await gql<{ experiment: Stored }>('query($id: ID!) { experiment(id: $id) { name status error launchInput runs { id key status } } }', { id });
  return data.experiment;
}
async function until(probe: () => Promise<boolean>, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

test.describe.serial('rename, cancel one run, re-run, clone', () => {
  let id = '';
  const launched: string[] = [];

  test.beforeAll(async () => {
    const data = await gql<{ launchExperiment: { id: string } }>('mutation($input: LaunchExperimentInput!) { launchExperiment(input: $input) { id } }', {
      input: { spec: SPEC, sweep: SWEEP, name: 'e2e: lifecycle sweep', tags: ['e2e'] },
    });
    id = data.launchExperiment.id;
    launched.push(id);
  });

  test.afterAll(async () => {
    // Nothing of these should keep the machine busy for the other specs.
    for (const experimentId of launched) await gql('mutation($id: ID!) { cancelExperiment(id: $id) { id } }', { id: experimentId }).catch(() => undefined);
  });

  test('the experiment is renamed from its page; an empty name is refused beside the field', async ({ page }) => {
    await page.goto(`/experiments/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('e2e: lifecycle sweep');
    const name = page.getByRole('textbox', { name: 'Name', exact: true });
    await name.fill('   ');
    await page.getByRole('button', { name: 'Rename' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The name must not be empty.' })).toBeVisible();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    expect((await stored(id)).name).toBe('e2e: lifecycle sweep');

    await name.fill('e2e: renamed sweep');
    await page.getByRole('button', { name: 'Rename' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Name saved.' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('e2e: renamed sweep');
    expect((await stored(id)).name).toBe('e2e: renamed sweep');
  });

  test('one run is cancelled after the confirmation; the sweep’s figures are still drawn from the other, and the page names the cancelled run', async ({ page }) => {
    await until(async () => (await stored(id)).runs.find((r) => r.key.startsWith('epochs=1/') || r.key === 'epochs=1')?.status === 'SUCCEEDED', 'the 1-epoch run to succeed');
    const long = (await stored(id)).runs.find((r) => r.key.includes('100000'))!;
    await until(async () => (await stored(id)).runs.find((r) => r.id === long.id)?.status === 'RUNNING', 'the long run to start');
    await page.goto(`/experiments/${id}`);
    const row = page.getByRole('table', { name: 'Runs' }).getByRole('row', { name: new RegExp(long.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
    await row.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('group', { name: `Cancel run ${long.key}?` })).toBeVisible();
    await page.getByRole('button', { name: 'Keep' }).click();
    expect((await stored(id)).runs.find((r) => r.id === long.id)?.status).toBe('RUNNING');
    await row.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await until(async () => (await stored(id)).status === 'CANCELLED', 'the experiment to end', 60_000);
    const ended = await stored(id);
    expect(ended.error).toBe(`1 of 2 runs was cancelled: ${long.key}. The figures show the 1 run that succeeded.`);
    // The analysis ran on the run that finished: its figures are stored and drawn.
    const figures = (await gql<{ experiment: { analysisStatus: string; analyses: { title: string }[] } }>('query($id: ID!) { experiment(id: $id) { analysisStatus analyses { title } } }', { id })).experiment;
    expect(figures.analysisStatus).toBe('SUCCEEDED');
    expect(figures.analyses.length).toBeGreaterThan(0);
    await page.reload();
    await expect(page.getByText(`1 of 2 runs was cancelled: ${long.key}`)).toBeVisible();
    await expect(page.getByRole('heading', { name: figures.analyses[0]!.title, exact: true }).first()).toBeVisible();
  });

  test('Re-run launches the same sweep again as a new experiment', async ({ page }) => {
    await page.goto(`/experiments/${id}`);
    await page.getByRole('button', { name: 'Re-run' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('e2e: renamed sweep (re-run)');
    const again = page.url().split('/experiments/')[1]!;
    launched.push(again);
    expect(again).not.toBe(id);
    const original = await stored(id);
    const rerun = await stored(again);
    expect(rerun.launchInput).toEqual(original.launchInput);
    expect(rerun.runs.map((r) => r.key)).toEqual(original.runs.map((r) => r.key));
    await gql('mutation($id: ID!) { cancelExperiment(id: $id) { id } }', { id: again });
  });

  test('Clone and edit opens New experiment with the spec, sweep and a name to change', async ({ page }) => {
    await page.goto(`/experiments/${id}`);
    await page.getByRole('button', { name: 'Clone and edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'New experiment' });
    await expect(dialog.getByText('Cloned from e2e: renamed sweep')).toBeVisible();
    const json = dialog.getByRole('textbox', { name: 'Launch (JSON)' });
    const launch = JSON.parse(await json.inputValue()) as { spec: { model: { name: string } }; sweep: { parameters: { epochs: { values: number[] } } } };
    expect(launch.spec.model.name).toBe('e2e-probe');
    expect(launch.sweep.parameters.epochs.values).toEqual([1, 100000]);
    await expect(dialog.getByRole('textbox', { name: 'Name (optional)' })).toHaveValue('e2e: renamed sweep (edited)');
    // A change that the API refuses is shown with its path; a valid one launches.
    await json.fill(JSON.stringify({ ...launch, sweep: { ...launch.sweep, parameters: { epochs: { values: [1] } } }, spec: { ...launch.spec, optimizer: { kind: 'sgd', lr: -1 } } }));
    await dialog.getByRole('button', { name: 'Launch' }).click();
    await expect(dialog.getByText(/spec\.optimizer\.lr/)).toBeVisible();
    await json.fill(JSON.stringify({ ...launch, sweep: { ...launch.sweep, parameters: { epochs: { values: [1] } } } }));
    await dialog.getByRole('button', { name: 'Launch' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('e2e: renamed sweep (edited)');
    const clone = page.url().split('/experiments/')[1]!;
    launched.push(clone);
    expect((await stored(clone)).runs.map((r) => r.key)).toHaveLength(1);
  });
});
