/**
 * A full disk, simulated with SQLite's max_page_count: the write fails with SQLite's own error
 * behind a message naming the run ("disk full while storing metrics of run …"), and where SQLite
 * has ended the transaction itself, not with the ROLLBACK's "cannot rollback - no transaction is
 * active"; nothing of the batch is stored, and
 * the store works again once there is room. Over the API the script gets STORAGE_FULL and the
 * operator's log gets SQLITE_FULL.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { RunSpec } from '@saddle/engine';
import { StorageFullError } from '../errors.js';
import { postGraphQL, startTestServer } from '../test-utils/server.js';
import { tempDir } from '../test-utils/temp.js';
import { Store } from './store.js';

const dir = tempDir();
afterAll(() => dir.remove());

/** Lets the database grow by only `extra` pages from now on (per connection; the file is untouched). */
async function capPages(store: Store, extra: number): Promise<void> {
  const { rows } = await sql<{ page_count: number }>`PRAGMA page_count`.execute(store.db);
  await sql.raw(`PRAGMA max_page_count = ${(rows[0]?.page_count ?? 0) + extra}`).execute(store.db);
}

const points = (n: number, key = 'train/loss') => Array.from({ length: n }, (_, step) => ({ key, step, value: Math.random(), wallTime: 1_700_000_000_000 + step, epoch: null }));

describe('a full disk while storing metrics', () => {
  it('reports SQLITE_FULL as "disk full while storing metrics of run …", stores nothing of the batch, and writes again once there is room', async () => {
    const store = await Store.open({ kind: 'sqlite', file: join(dir.path, 'full.db') });
    try {
      const runId = randomUUID();
      await store.createExperiment(
        { id: randomUUID(), name: 'disk full', preset: null, scale: null, origin: 'external', spec: {}, status: 'RUNNING', analysisStatus: 'SKIPPED', tags: [] },
        [{ id: runId, key: 'run', group: 'g', config: {}, spec: { model: { name: 'm', layers: [] } } as unknown as RunSpec, external: true, status: 'RUNNING' }],
      );
      await store.upsertMetrics(runId, points(10));
      await capPages(store, 2);

      const failure = await store.upsertMetrics(runId, points(20_000, 'big')).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(StorageFullError);
      const full = failure as StorageFullError;
      expect(full.message).toMatch(new RegExp(`^disk full while storing metrics of run ${runId}: nothing of it was stored`));
      expect(full.extensions.code).toBe('STORAGE_FULL');
      expect(full.cause).toMatchObject({ code: 'SQLITE_FULL' });
      expect(String(full.cause)).not.toMatch(/cannot rollback/);

      // All or nothing, and the store still serves reads.
      expect(await store.metricKeys(runId)).toEqual(['train/loss']);
      await capPages(store, 10_000);
      await store.upsertMetrics(runId, points(100, 'big'));
      expect(await store.metricKeys(runId)).toEqual(['big', 'train/loss']);
    } finally {
      await store.close();
    }
  });

  it('keeps SQLite’s SQLITE_FULL when SQLite has already rolled the transaction back itself', async () => {
    // At max_page_count SQLite undoes only the failing statement when it keeps a statement journal
    // (the metrics table's NOT NULL columns make it keep one); a statement without one, like a
    // real full disk failing a WAL write or the COMMIT, ends the whole transaction. Kysely's
    // ROLLBACK then failed with "cannot rollback - no transaction is active", hiding SQLITE_FULL.
    const store = await Store.open({ kind: 'sqlite', file: join(dir.path, 'rolled-back.db') });
    try {
      await sql`CREATE TABLE scratch (v TEXT)`.execute(store.db);
      await capPages(store, 2);
      const failure = await store.db
        .transaction()
        .execute(async (trx) => {
          for (let i = 0; i < 100; i++) await sql`INSERT INTO scratch VALUES (${'x'.repeat(4000)})`.execute(trx);
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(failure).toMatchObject({ code: 'SQLITE_FULL' });
      expect(String(failure)).not.toMatch(/cannot rollback/);
      expect((await sql<{ n: number }>`SELECT count(*) AS n FROM scratch`.execute(store.db)).rows[0]?.n).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('answers logMetrics with STORAGE_FULL and logs SQLite’s own error', async () => {
    const server = await startTestServer({ workers: 0 });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const created = await postGraphQL<{ createRun: { id: string } }>(server.url, `mutation { createRun(input: { name: "full" }) { id } }`);
      const runId = created.data!.createRun.id;
      await capPages(server.runtime.store, 2);
      const answer = await postGraphQL(server.url, `mutation($id: ID!, $points: [MetricPointInput!]!) { logMetrics(runId: $id, points: $points) { accepted } }`, {
        id: runId,
        points: points(10_000).map(({ key, step, value }) => ({ key, step, value })),
      });
      expect(answer.errors?.[0]?.extensions).toEqual({ code: 'STORAGE_FULL' });
      expect(answer.errors?.[0]?.message).toMatch(`disk full while storing metrics of run ${runId}`);
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(`disk full while storing metrics of run ${runId}`), expect.objectContaining({ code: 'SQLITE_FULL' }));
    } finally {
      logged.mockRestore();
      await server.close();
    }
  });
});
