/**
 * Concurrent first opens of a new store (two `saddle run` started at once on a new data dir):
 * every opener succeeds and the schema is migrated once. SQLite openers are separate processes
 * (better-sqlite3 is synchronous: two connections in one thread would wait on each other), each
 * opening at the same instant; PostgreSQL openers are pools of one process on a new schema.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test-utils/temp.js';
import { Store } from './store.js';
import { TEST_POSTGRES_URL, testSchemas } from '../test-utils/postgres.js';

const DATABASE_MODULE = fileURLToPath(new URL('../../dist/store/database.js', import.meta.url));
const OPENERS = 6;

/** One process that opens (and migrates) the SQLite store at `file` at `startAt`, then closes it. */
function openInChild(file: string, startAt: number): Promise<{ code: number | null; stderr: string }> {
  const script = `
    const { openDatabase } = await import(${JSON.stringify(DATABASE_MODULE)});
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, ${startAt} - Date.now())));
    const { db } = await openDatabase({ kind: 'sqlite', file: ${JSON.stringify(file)} });
    await db.destroy();
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

describe('concurrent first opens', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it(`SQLite: ${OPENERS} processes opening a new store at once all succeed`, async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const file = `${dir.path}/new-${attempt}/saddle.db`;
      // Far enough ahead that every child has loaded its modules (about a second on a busy 2-core machine).
      const startAt = Date.now() + 2000;
      const results = await Promise.all(Array.from({ length: OPENERS }, () => openInChild(file, startAt)));
      for (const result of results) expect(result.stderr).toBe('');
      expect(results.map((r) => r.code)).toEqual(Array.from({ length: OPENERS }, () => 0));
      const store = await Store.open({ kind: 'sqlite', file });
      expect(await store.listExperiments({ first: 1 })).toMatchObject({ totalCount: 0 });
      await store.close();
    }
  }, 90_000);

  const postgresUrl = TEST_POSTGRES_URL;
  const schema = testSchemas().fresh();

  it(`PostgreSQL: ${OPENERS} stores opening a new schema at once all succeed`, async () => {
    const stores = await Promise.all(Array.from({ length: OPENERS }, () => Store.open({ kind: 'postgres', url: postgresUrl, schema })));
    try {
      for (const store of stores) expect(await store.listExperiments({ first: 1 })).toMatchObject({ totalCount: 0 });
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  }, 60_000);
});
