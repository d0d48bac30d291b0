import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSpec } from '@saddle/engine';
import { downsampleMinMax } from '../metrics/downsample.js';
import { tempDir } from '../test-utils/temp.js';
import { rewindRunOutputs } from './checkpoints.js';
import type { DatabaseConfig } from './database.js';
import { Store, type NewRun } from './store.js';
import { TEST_POSTGRES_URL, testSchemas, uniqueSchemaName } from '../test-utils/postgres.js';

const spec = { model: { name: 'm', layers: [] } } as unknown as RunSpec;
const newRun = (key: string): NewRun => ({ id: randomUUID(), key, group: 'g', config: { lr: 0.1 }, spec, external: false, status: 'QUEUED' });

/** The same behaviour asserted on both dialects: one query layer, one set of migrations. */
function storeContract(name: string, open: () => Promise<Store>) {
  describe(`Store on ${name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('stores an experiment with tags and runs, and reads them back', async () => {
      const id = randomUUID();
      const runs = [newRun('a'), newRun('b')];
      await store.createExperiment(
        { id, name: 'First', preset: 'fit-function', scale: 'quick', origin: 'preset', spec: { preset: 'fit-function', scale: 'quick' }, status: 'QUEUED', analysisStatus: 'PENDING', tags: ['x', 'y', 'x'] },
        runs,
      );
      const experiment = await store.getExperiment(id);
      expect(experiment).toMatchObject({ id, name: 'First', origin: 'preset', status: 'QUEUED', spec: { preset: 'fit-function' } });
      expect((await store.tagsOf([id])).get(id)).toEqual(['x', 'y']);
      const stored = await store.runsOf(id);
      expect(stored.map((r) => r.key)).toEqual(['a', 'b']);
      expect(stored[0]).toMatchObject({ config: { lr: 0.1 }, spec, external: false, status: 'QUEUED', attempt: 0 });
    });

    it('upserts metric points idempotently per (run, key, step) and keeps non-finite values as NaN', async () => {
      const id = randomUUID();
      const run = newRun('m');
      await store.createExperiment({ id, name: 'M', preset: null, scale: null, origin: 'external', spec: {}, status: 'RUNNING', analysisStatus: 'SKIPPED', tags: [] }, [run]);
      const batch = Array.from({ length: 2500 }, (_, step) => ({ key: 'loss', step, value: 1 / (step + 1), wallTime: 1000 + step, epoch: step / 100 }));
      await store.upsertMetrics(run.id, batch);
      await store.upsertMetrics(run.id, batch);
      expect(await store.metricCount(run.id)).toBe(2500);
      await store.upsertMetrics(run.id, [{ key: 'loss', step: 7, value: Number.NaN, wallTime: 5, epoch: null }, { key: 'acc', step: 0, value: 0.5, wallTime: 5, epoch: null }]);
      expect(await store.metricCount(run.id)).toBe(2501);
      const series = await store.metricSeries(run.id, 'loss');
      expect(series[7]?.value).toBeNaN();
      expect(series[8]?.value).toBeCloseTo(1 / 9, 12);
      expect(await store.metricKeys(run.id)).toEqual(['acc', 'loss']);
      const page = await store.metricPage(run.id, 'loss', 2490, 5);
      expect(page.points.map((p) => p.step)).toEqual([2491, 2492, 2493, 2494, 2495]);
      expect(page.hasMore).toBe(true);
    });

    it('keeps NaN, +Infinity and -Infinity apart, marks the run diverged at the first, and a rewind past it clears the mark', async () => {
      const run = newRun('nf');
      await store.createExperiment({ id: randomUUID(), name: 'NF', preset: null, scale: null, origin: 'external', spec: {}, status: 'RUNNING', analysisStatus: 'SKIPPED', tags: [] }, [run]);
      const values = [0.5, Number.POSITIVE_INFINITY, Number.NaN, Number.NEGATIVE_INFINITY, -2];
      await store.upsertMetrics(run.id, values.map((value, i) => ({ key: 'loss', step: 10 + i, value, wallTime: 1e12, epoch: null })));
      expect((await store.metricSeries(run.id, 'loss')).map((p) => p.value)).toEqual(values);
      expect((await store.metricPage(run.id, 'loss', null, 10)).points.map((p) => p.value)).toEqual(values);
      expect((await store.getRun(run.id))?.divergedAtStep).toBe(11);
      // A later non-finite step leaves the mark; an earlier one (another series) moves it.
      await store.upsertMetrics(run.id, [{ key: 'acc', step: 20, value: Number.NaN, wallTime: 1e12, epoch: null }]);
      expect((await store.getRun(run.id))?.divergedAtStep).toBe(11);
      await store.upsertMetrics(run.id, [{ key: 'acc', step: 3, value: Number.NEGATIVE_INFINITY, wallTime: 1e12, epoch: null }]);
      expect((await store.getRun(run.id))?.divergedAtStep).toBe(3);
      // Downsampled: the extremes are finite; the whole-series path returns every spelling.
      expect((await store.metricSeriesDownsampled(run.id, 'loss', 10)).points.map((p) => p.value)).toEqual(values);
      expect((await store.metricSeriesDownsampled(run.id, 'loss', 2)).points.map((p) => p.value)).toEqual([0.5, -2]);
      await rewindRunOutputs(store.db, store.dialect, run.id, 2);
      expect((await store.getRun(run.id))?.divergedAtStep).toBeNull();
      await store.upsertMetrics(run.id, [{ key: 'loss', step: 1, value: Number.NaN, wallTime: 1e12, epoch: null }]);
      await store.resetRunOutputs(run.id);
      expect((await store.getRun(run.id))?.divergedAtStep).toBeNull();
    });

    it('downsamples in SQL exactly as downsampleMinMax does on the whole series (random series with spikes, ties, gaps, NaN)', async () => {
      const id = randomUUID();
      const run = newRun('d');
      await store.createExperiment({ id, name: 'D', preset: null, scale: null, origin: 'external', spec: {}, status: 'RUNNING', analysisStatus: 'SKIPPED', tags: [] }, [run]);
      let seed = 12345;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const shapes: { key: string; length: number; gaps: boolean }[] = [
        { key: 'dense', length: 5003, gaps: false },
        { key: 'gappy', length: 3001, gaps: true },
        { key: 'short', length: 40, gaps: true },
      ];
      for (const { key, length, gaps } of shapes) {
        let step = gaps ? 17 : 0;
        const points = Array.from({ length }, () => {
          const r = random();
          // Coarse values make ties common; rare spikes, dips and non-finite points test the extremes.
          const value = r < 0.01 ? 1e6 * random() : r < 0.02 ? -1e6 * random() : r < 0.03 ? Number.NaN : Math.round(random() * 8) / 4;
          const point = { key, step, value, wallTime: 1e12 + step, epoch: r < 0.5 ? null : step / 100 };
          step += gaps ? 1 + Math.floor(random() * 5) : 1;
          return point;
        });
        // A stretch with no finite value: its bucket keeps its first point as the lowest.
        for (let i = 200; i < 260 && i < length; i++) points[i]!.value = Number.NaN;
        await store.upsertMetrics(run.id, points);
        const whole = await store.metricSeries(run.id, key);
        for (const maxPoints of [2, 3, 10, 101, 1000, 10_000]) {
          const reduced = await store.metricSeriesDownsampled(run.id, key, maxPoints);
          expect(reduced.totalPoints).toBe(length);
          expect(reduced.points, `${key} at ${maxPoints}`).toEqual(downsampleMinMax(whole, maxPoints));
        }
      }
      expect(await store.metricSeriesDownsampled(run.id, 'absent', 100)).toEqual({ points: [], totalPoints: 0 });
      expect(await store.metricKeys(run.id)).toEqual(['dense', 'gappy', 'short']);
    });

    it('claims a run only once (QUEUED → RUNNING is atomic)', async () => {
      const id = randomUUID();
      const run = newRun('c');
      await store.createExperiment({ id, name: 'C', preset: null, scale: null, origin: 'spec', spec: {}, status: 'QUEUED', analysisStatus: 'SKIPPED', tags: [] }, [run]);
      const claims = await Promise.all([1, 2, 3].map(() => store.transitionRun(run.id, ['QUEUED'], { status: 'RUNNING', owner: 'h:1' })));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.transitionAnalysis(id, 'SKIPPED', 'QUEUED')).toBe(true);
      expect(await store.transitionAnalysis(id, 'SKIPPED', 'QUEUED')).toBe(false);
    });

    it('pages experiments newest first with filters, and deletes everything of one', async () => {
      const tag = `t${randomUUID().slice(0, 6)}`;
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const id = randomUUID();
        ids.push(id);
        await store.createExperiment(
          { id, name: `Paged ${i} 100%_done`, preset: i % 2 ? 'a' : 'b', scale: null, origin: 'spec', spec: {}, status: i === 0 ? 'FAILED' : 'QUEUED', analysisStatus: 'SKIPPED', tags: [tag] },
          [newRun('r')],
        );
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
      const first = await store.listExperiments({ first: 2, filter: { tag } });
      expect(first.totalCount).toBe(5);
      expect(first.items.map((e) => e.id)).toEqual([ids[4], ids[3]]);
      const last = first.items[1]!;
      const second = await store.listExperiments({ first: 10, after: { createdAt: last.createdAt, id: last.id }, filter: { tag } });
      expect(second.items.map((e) => e.id)).toEqual([ids[2], ids[1], ids[0]]);
      expect(second.hasNextPage).toBe(false);
      expect((await store.listExperiments({ first: 10, filter: { tag, status: ['FAILED'] } })).items.map((e) => e.id)).toEqual([ids[0]]);
      expect((await store.listExperiments({ first: 10, filter: { tag, preset: 'a' } })).totalCount).toBe(2);
      // `%` and `_` in the text are literal, not LIKE wildcards.
      expect((await store.listExperiments({ first: 10, filter: { tag, text: 'PAGED 3 100%_' } })).items.map((e) => e.id)).toEqual([ids[3]]);
      expect((await store.listExperiments({ first: 10, filter: { tag, text: '100%x' } })).totalCount).toBe(0);

      const [runToDelete] = await store.runsOf(ids[2]!);
      await store.upsertMetrics(runToDelete!.id, [{ key: 'k', step: 0, value: 1, wallTime: 0, epoch: null }]);
      expect(await store.deleteExperiment(ids[2]!)).toBe(true);
      expect(await store.getExperiment(ids[2]!)).toBeUndefined();
      expect(await store.getRun(runToDelete!.id)).toBeUndefined();
      expect(await store.metricCount(runToDelete!.id)).toBe(0);
      expect((await store.tagsOf([ids[2]!])).get(ids[2]!)).toEqual([]);
    });

    it('stores figures and tokens', async () => {
      const id = randomUUID();
      await store.createExperiment({ id, name: 'F', preset: null, scale: null, origin: 'spec', spec: {}, status: 'QUEUED', analysisStatus: 'SKIPPED', tags: [] }, []);
      const data = { kind: 'scatter' as const, x: { label: 'x', scale: 'linear' as const }, y: { label: 'y', scale: 'log' as const }, points: [{ x: 1, y: 2 }] };
      await store.replaceFigures(id, [{ id: 'f1', title: 'One', data }]);
      await store.replaceFigures(id, [{ id: 'f1', title: 'One', data }]);
      expect(await store.figuresOf(id)).toMatchObject([{ id: 'f1', kind: 'scatter', data }]);
      const hash = randomUUID();
      await store.addToken({ id: hash.slice(0, 8), name: 'n', scope: 'read', hash });
      expect(await store.tokenByHash(hash)).toMatchObject({ scope: 'read', revoked: false });
      await store.revokeToken(hash.slice(0, 8));
      expect((await store.tokenByHash(hash))?.revoked).toBe(true);
    });
  });
}

const sqliteDir = tempDir();
afterAll(() => sqliteDir.remove());
storeContract('SQLite', () => Store.open({ kind: 'sqlite', file: `${sqliteDir.path}/saddle.db` }));

const postgresUrl = TEST_POSTGRES_URL;
const schema = testSchemas().fresh();
const postgres: DatabaseConfig = { kind: 'postgres', url: postgresUrl, schema };
storeContract('PostgreSQL', () => Store.open(postgres));

describe('migrations', () => {
  it('open a new PostgreSQL store while another schema holds kysely migration tables (they are looked for in the store’s own schema)', async () => {
    const other = uniqueSchemaName();
    const fresh = uniqueSchemaName();
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA ${other}`);
      await client.query(`CREATE TABLE ${other}.kysely_migration_lock (id text primary key, is_locked integer not null default 0)`);
      const store = await Store.open({ kind: 'postgres', url: postgresUrl, schema: fresh });
      expect(await store.listExperiments({ first: 1 })).toMatchObject({ totalCount: 0 });
      await store.close();
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS ${other} CASCADE`);
      await client.query(`DROP SCHEMA IF EXISTS ${fresh} CASCADE`);
      await client.end();
    }
  });

  it('are idempotent: reopening a migrated database changes nothing', async () => {
    const dir = tempDir();
    try {
      const file = `${dir.path}/again.db`;
      await (await Store.open({ kind: 'sqlite', file })).close();
      const store = await Store.open({ kind: 'sqlite', file });
      expect(await store.listExperiments({ first: 1 })).toMatchObject({ totalCount: 0 });
      await store.close();
    } finally {
      dir.remove();
    }
  });
});

describe('the SQLite reader thread', () => {
  it('stops a read past readTimeoutMs with LIMIT_EXCEEDED, and reads again afterwards', async () => {
    const dir = tempDir();
    const store = await Store.open({ kind: 'sqlite', file: `${dir.path}/slow.db` }, { readTimeoutMs: 25 });
    try {
      const run = newRun('slow');
      await store.createExperiment({ id: randomUUID(), name: 'S', preset: null, scale: null, origin: 'external', spec: {}, status: 'RUNNING', analysisStatus: 'SKIPPED', tags: [] }, [run]);
      // Every other step: a series with gaps is bucketed by scanning every point (consecutive steps
      // are read from the blocks, too quickly for this limit).
      await store.upsertMetrics(run.id, Array.from({ length: 300_000 }, (_, i) => ({ key: 'k', step: 2 * i, value: i % 7, wallTime: 0, epoch: null })));
      await expect(store.metricSeriesDownsampled(run.id, 'k', 1000)).rejects.toMatchObject({ extensions: { code: 'LIMIT_EXCEEDED', limit: 25 } });
      // A fresh reader thread answers the next (quick) read.
      expect((await store.metricPage(run.id, 'k', null, 3)).points.map((p) => p.step)).toEqual([0, 2, 4]);
    } finally {
      await store.close();
      dir.remove();
    }
  });
});
