/**
 * `saddle serve` on a data directory or store it cannot use, through the real CLI: it exits 1 at
 * once with one message naming the path and the fix (no stack), and writes nothing into a store
 * it refused. Covers a data directory that cannot be made, an empty (truncated) saddle.db, a
 * file that is not a database, corruption in the middle of the file, and (as a non-root user) a
 * read-only store.
 */
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { chmodSync, closeSync, openSync, readFileSync, statSync, writeFileSync, writeSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunSpec } from '@saddle/engine';
import { Store } from '../store/store.js';
import { tempDir, TINY_PRESET_MODULE } from '../test-utils/temp.js';

const SADDLE_BIN = fileURLToPath(new URL('../../bin/saddle.mjs', import.meta.url));
const root = tempDir();
afterAll(() => {
  chmodSync(root.path, 0o755);
  root.remove();
});

/** Runs `saddle serve` on `dataDir`: its exit code, or 'serving' once it says where it serves (it is then stopped), and its stderr. */
async function serve(dataDir: string): Promise<{ code: number | 'serving' | null; stderr: string }> {
  const child = spawn(process.execPath, [SADDLE_BIN, 'serve', '--port', '0', '--workers', '1', '--data-dir', dataDir], {
    env: { ...process.env, SADDLE_PRESET_MODULES: TINY_PRESET_MODULE },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const code = await new Promise<number | 'serving' | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(null);
    }, 20_000);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (/saddle: API at /.test(stderr)) {
        clearTimeout(timer);
        resolve('serving');
      }
    });
    child.once('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  return { code, stderr };
}

function expectRefusal(result: { code: number | 'serving' | null; stderr: string }, ...mentions: (string | RegExp)[]): void {
  expect(result.code, `saddle serve did not exit 1; stderr: ${result.stderr}`).toBe(1);
  expect(result.stderr).toMatch(/^saddle serve: /);
  for (const mention of mentions) expect(result.stderr).toMatch(mention);
  expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack
}

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A store with a run and 30,000 metric points (a few hundred pages), closed (its WAL folded into the file). */
async function populatedStore(dataDir: string): Promise<string> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'saddle.db');
  const store = await Store.open({ kind: 'sqlite', file });
  const runId = randomUUID();
  await store.createExperiment(
    { id: randomUUID(), name: 'kept', preset: null, scale: null, origin: 'external', spec: {}, status: 'RUNNING', analysisStatus: 'SKIPPED', tags: [] },
    [{ id: runId, key: 'run', group: 'g', config: {}, spec: { model: { name: 'm', layers: [] } } as unknown as RunSpec, external: true, status: 'RUNNING' }],
  );
  await store.upsertMetrics(
    runId,
    Array.from({ length: 30_000 }, (_, step) => ({ key: 'train/loss', step, value: Math.sin(step), wallTime: 1_700_000_000_000 + step, epoch: null })),
  );
  await store.close();
  return file;
}

const isRoot = process.getuid?.() === 0;

describe('saddle serve on a store it cannot use', () => {
  it('a data directory that cannot be made: names the path and --data-dir', async () => {
    const blocker = join(root.path, 'a-file');
    writeFileSync(blocker, 'not a directory');
    const result = await serve(join(blocker, 'data'));
    expectRefusal(result, /ENOTDIR/, /--data-dir <dir>/);
    expect(result.stderr).toContain(blocker);
  });

  it('an empty saddle.db (truncated): refused, not started over', async () => {
    const dataDir = join(root.path, 'empty');
    mkdirSync(dataDir);
    const file = join(dataDir, 'saddle.db');
    writeFileSync(file, '');
    const result = await serve(dataDir);
    expectRefusal(result, `the store ${file} is empty (0 bytes)`, /Restore it from a backup, or delete it/);
    expect(statSync(file).size).toBe(0);
  });

  it('a file that is not a database', async () => {
    const dataDir = join(root.path, 'not-a-db');
    mkdirSync(dataDir);
    const file = join(dataDir, 'saddle.db');
    writeFileSync(file, 'these are the notes I keep in a file called saddle.db\n'.repeat(200));
    const before = digest(file);
    const result = await serve(dataDir);
    expectRefusal(result, `the store ${file} is corrupt`, /Saddle will not write into it/, /\.recover/);
    expect(digest(file)).toBe(before);
  });

  it('corruption in the middle of the file: found by quick_check at start, and nothing written into it', async () => {
    const dataDir = join(root.path, 'corrupt');
    const file = await populatedStore(dataDir);
    const pageSize = 4096;
    const pages = statSync(file).size / pageSize;
    expect(pages).toBeGreaterThan(50);
    // Scribble over a page of the metrics B-tree halfway through; the header (page 1) stays intact.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, Math.floor(pages / 2) * pageSize);
    closeSync(fd);
    const before = digest(file);
    const result = await serve(dataDir);
    expectRefusal(result, `the store ${file} is corrupt (PRAGMA quick_check:`, /Saddle will not write into it/, /restore it from a backup/);
    expect(digest(file)).toBe(before);
  });

  it('a healthy store still starts', async () => {
    const dataDir = join(root.path, 'healthy');
    await populatedStore(dataDir);
    const result = await serve(dataDir);
    expect(result.code, result.stderr).toBe('serving');
    expect(result.stderr).toMatch(/saddle: API at http:\/\/127\.0\.0\.1:\d+\/graphql/);
  });

  it.skipIf(isRoot)('a read-only store (not as root, who may write anyway): names the file and what to make writable', async () => {
    const dataDir = join(root.path, 'read-only');
    const file = await populatedStore(dataDir);
    chmodSync(file, 0o444);
    chmodSync(dataDir, 0o555);
    try {
      const result = await serve(dataDir);
      expectRefusal(result, /read-only|cannot (open|write)/, /writable/);
      expect(result.stderr).toContain(file);
    } finally {
      chmodSync(dataDir, 0o755);
      chmodSync(file, 0o644);
    }
  });
});
