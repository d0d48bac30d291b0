import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

/**
 * The dashboard against an API that requires tokens (SADDLE_AUTH=required, as with
 * `--host 0.0.0.0`): a second stack of its own, started here, beside global-setup's open one.
 */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const port = Number(process.env.SADDLE_E2E_AUTH_PORT ?? 4320);
const origin = `http://127.0.0.1:${port}`;
let dataDir: string;
let stack: ChildProcess | undefined;

function saddle(...args: string[]): string {
  const result = spawnSync(process.execPath, ['apps/api/bin/saddle.mjs', ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, SADDLE_DATA_DIR: dataDir } });
  if (result.status !== 0) throw new Error(`saddle ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

test.beforeAll(async () => {
  test.skip(Boolean(process.env.SADDLE_E2E_URL), 'starts a stack of its own; with SADDLE_E2E_URL the suite uses a running one');
  dataDir = mkdtempSync(join(tmpdir(), 'saddle-e2e-auth-'));
  saddle('token', 'create', '--scope', 'read', '--name', 'e2e'); // first, so the store is migrated before serve
  stack = spawn(process.execPath, ['apps/api/bin/saddle.mjs', 'serve', '--web', '--port', String(port), '--workers', '1'], {
    cwd: repoRoot,
    env: { ...process.env, SADDLE_DATA_DIR: dataDir, SADDLE_AUTH: 'required', SADDLE_HOST: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
    detached: true,
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${origin}/`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`the tokens-required stack at ${origin} did not come up`);
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(async () => {
  if (stack?.pid) {
    try {
      process.kill(-stack.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 3000));
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('sign in with a token; a read token gets read-only views; the token survives a reload; sign out', async ({ page }) => {
  const readToken = saddle('token', 'create', '--scope', 'read', '--name', 'dashboard');
  await page.goto(`${origin}/`);
  // Not the raw 401 and "Connecting…" forever: the sign-in form.
  const token = page.getByLabel('Token');
  await expect(token).toBeVisible();

  await token.fill('sdl_00000000000000000000000000000000_wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'not valid' })).toBeVisible();

  await page.getByLabel('Token').fill(readToken);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Experiments' })).toBeVisible();
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'connected');
  await expect(page.getByTestId('read-only')).toBeVisible();
  const create = page.getByRole('button', { name: 'New experiment' });
  await expect(create).toBeDisabled();
  await expect(create).toHaveAttribute('title', /scope read/);
  await page.screenshot({ path: new URL('../test-results/screenshots/09-read-only.png', import.meta.url).pathname });

  await page.reload();
  await expect(page.getByTestId('read-only')).toBeVisible();
  await expect(page.getByLabel('Token')).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Token')).toBeVisible();
  expect(await page.evaluate(() => window.localStorage.getItem('saddle.token'))).toBeNull();
});
