/**
 * A real `saddle serve` in a child process on a free port over a throw-away data directory, as a
 * script outside the monorepo would meet it; it can be stopped and started again on the same port
 * and data (a server restart in the middle of a run).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// @saddle/api's entry is dist/index.js; its CLI is bin/saddle.mjs beside dist.
const SADDLE_BIN = join(dirname(dirname(fileURLToPath(import.meta.resolve('@saddle/api')))), 'bin', 'saddle.mjs');

export interface ServedSaddle {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  dataDir: string;
  /** Starts the server (again) on the same port and data directory. */
  start(): Promise<void>;
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Stops it and removes the data directory. */
  dispose(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function serveSaddle(options: { env?: Record<string, string> } = {}): Promise<ServedSaddle> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'saddle-client-'));
  let child: ChildProcess | undefined;
  const served: ServedSaddle = {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    async start() {
      const proc = spawn(process.execPath, [SADDLE_BIN, 'serve', '--port', String(port), '--data-dir', dataDir, '--workers', '1'], {
        env: { ...process.env, SADDLE_AUTH: 'off', ...options.env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child = proc;
      await new Promise<void>((resolve, reject) => {
        let log = '';
        const timer = setTimeout(() => reject(new Error(`saddle serve did not start in 60 s:\n${log}`)), 60_000);
        proc.stderr?.on('data', (chunk: Buffer) => {
          log += chunk.toString();
          if (log.includes('API at')) {
            clearTimeout(timer);
            resolve();
          }
        });
        proc.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`saddle serve exited (${String(code)}) before it started:\n${log}`));
        });
      });
    },
    async stop() {
      const proc = child;
      child = undefined;
      if (!proc || proc.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      });
    },
    async dispose() {
      await served.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  await served.start();
  return served;
}
