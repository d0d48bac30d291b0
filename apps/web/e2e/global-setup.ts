import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseURL } from './playwright.config';

export const STATE_FILE = join(tmpdir(), 'saddle-e2e-stack.json');

/** Waits until the stack answers a GraphQL query and serves the dashboard. */
async function waitForStack(url: string, timeoutMs: number, exited: () => string | null): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const failure = exited();
    if (failure) throw new Error(`e2e: the stack exited before it was ready: ${failure}`);
    try {
      const api = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ presets { id } }' }) });
      const page = await fetch(`${url}/`);
      if (api.ok && page.ok) return;
      last = `graphql ${api.status}, / ${page.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`e2e: the stack at ${url} was not ready after ${timeoutMs / 1000} s (${last})`);
}

/** Starts `saddle serve --web` on `dataDir` and records its process group for teardown (and restarts). */
export async function startStack(dataDir: string): Promise<void> {
  const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
  const port = new URL(baseURL).port;
  const stack = spawn(process.execPath, ['apps/api/bin/saddle.mjs', 'serve', '--web', '--port', port], {
    cwd: repoRoot,
    env: { ...process.env, SADDLE_DATA_DIR: dataDir, SADDLE_PORT: port, SADDLE_HOST: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let exit: string | null = null;
  stack.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  stack.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  stack.on('exit', (code, signal) => (exit = `code ${code} signal ${signal}\n${output.slice(-2000)}`));
  stack.unref();
  writeFileSync(STATE_FILE, JSON.stringify({ pid: stack.pid, dataDir }));
  await waitForStack(baseURL, 180_000, () => exit);
}

/**
 * `saddle serve --web` starts `next start` in a process group of its own and is meant to stop it;
 * measured 2026-11-29, that Next server outlived the stop. Any process still carrying this run's
 * SADDLE_DATA_DIR is ours: stop it (Linux /proc; elsewhere nothing to scan).
 */
function stopOrphans(dataDir: string): void {
  if (!existsSync('/proc')) return;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8');
      if (environ.split('\0').includes(`SADDLE_DATA_DIR=${dataDir}`)) process.kill(Number(entry), 'SIGTERM');
    } catch {
      // gone, or not ours to read
    }
  }
}

/** Stops the stack recorded in the state file: its whole process group (API, workers, Next). */
export async function stopStack(): Promise<{ dataDir: string } | null> {
  if (!existsSync(STATE_FILE)) return null;
  const { pid, dataDir } = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { pid: number; dataDir: string };
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return { dataDir }; // already gone
  }
  // `saddle serve` stops its API and workers, then the Next server it started in a process group
  // of its own: give it the time, or that Next server outlives the test run.
  const deadline = Date.now() + 20_000;
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // exited cleanly
  }
  stopOrphans(dataDir);
  return { dataDir };
}

/**
 * Starts `node apps/api/bin/saddle.mjs serve --web` from the repository root in a fresh data
 * directory, unless SADDLE_E2E_URL names a running stack.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.SADDLE_E2E_URL) {
    await waitForStack(baseURL, 30_000, () => null);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'saddle-e2e-'));
  await startStack(dataDir);
  console.log(`e2e: stack up at ${baseURL} (data in ${dataDir})`);
}
