import { rmSync } from 'node:fs';
import { STATE_FILE, stopStack } from './global-setup';

/** Stops the stack global-setup started and removes its data (unless SADDLE_E2E_KEEP_DATA). */
export default async function globalTeardown(): Promise<void> {
  const stopped = await stopStack();
  rmSync(STATE_FILE, { force: true });
  if (stopped && !process.env.SADDLE_E2E_KEEP_DATA) rmSync(stopped.dataDir, { recursive: true, force: true });
}
