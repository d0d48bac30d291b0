import { existsSync, readFileSync, rmSync } from 'node:fs';
import { STATE_FILE } from './global-setup';

/** Stops the stack global-setup started (its whole process group: API, workers, Next). */
export default async function globalTeardown(): Promise<void> {
  if (!existsSync(STATE_FILE)) return;
  const { pid, dataDir } = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { pid: number; dataDir: string };
  try {
    process.kill(-pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 2000));
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
  rmSync(STATE_FILE, { force: true });
  if (!process.env.SADDLE_E2E_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
}
