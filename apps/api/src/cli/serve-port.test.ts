/**
 * `saddle serve` on a port that is taken: through the real CLI, it exits 1 at once with a message
 * naming the port and the fix, before it recovers (and trains) the store's queued runs.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunSpec } from '@saddle/engine';
import { databaseConfigFromEnv } from '../store/database.js';
import { Store } from '../store/store.js';
import { tempDir, TINY_PRESET_MODULE } from '../test-utils/temp.js';

const SADDLE_BIN = fileURLToPath(new URL('../../bin/saddle.mjs', import.meta.url));
const dir = tempDir();
afterAll(() => dir.remove());

describe('saddle serve on a port already taken', () => {
  it('exits 1 naming the port and the fix, leaving queued runs alone', async () => {
    // A store with a queued run, as another server's would have.
    const store = await Store.open(databaseConfigFromEnv(dir.path));
    const runId = randomUUID();
    await store.createExperiment(
      { id: randomUUID(), name: 'queued elsewhere', preset: null, scale: null, origin: 'spec', spec: {}, status: 'QUEUED', analysisStatus: 'SKIPPED', tags: [] },
      [{ id: runId, key: 'run', group: 'g', config: {}, spec: { model: { name: 'm', layers: [] } } as unknown as RunSpec, external: false, status: 'QUEUED' }],
    );
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    try {
      const child = spawn(process.execPath, [SADDLE_BIN, 'serve', '--port', String(port), '--workers', '1', '--data-dir', dir.path], {
        env: { ...process.env, SADDLE_PRESET_MODULES: TINY_PRESET_MODULE },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve(null);
        }, 20_000);
        child.once('exit', (exitCode) => {
          clearTimeout(timer);
          resolve(exitCode);
        });
      });
      expect(code, `saddle serve did not exit on its own; stderr: ${stderr}`).toBe(1);
      expect(stderr).toContain(`saddle serve: port ${port} on 127.0.0.1 is already in use`);
      expect(stderr).toContain('--port <port>');
      expect(stderr).not.toMatch(/\n\s+at /); // a message, not a stack
      // Nothing was recovered or trained: the run is still queued, unowned.
      expect(await store.getRun(runId)).toMatchObject({ status: 'QUEUED', owner: null, attempt: 0 });
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
      await store.close();
    }
  }, 30_000);
});
