import { randomUUID } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunSpec } from '@saddle/engine';
import { downsampleMinMax } from '../metrics/downsample.js';
import { tempDir } from '../test-utils/temp.js';
import { rewindRunOutputs } from './checkpoints.js';
import type { DatabaseConfig } from './database.js';
import { METRIC_BLOCK_STEPS } from './metric-blocks.js';
import { downsampledSeriesQuery } from './metric-downsample.js';
import { storedToNumber } from './metric-values.js';
import { migrationProvider } from './migrations.js';
import type { StoredMetricPoint } from './records.js';
import { Store, type NewExperiment, type NewRun } from './store.js';
import type { MetricBlockTable } from './tables.js';
import { TEST_POSTGRES_URL, testSchemas } from '../test-utils/postgres.js';

const spec = { model: { name: 'm', layers: [] } } as unknown as RunSpec;
const newRun = (key: string): NewRun => ({ id: randomUUID(), key, group: 'g', config: {}, spec, external: false, status: 'QUEUED' });
const experiment = (id: string): NewExperiment => ({ id, name: 'B', preset: null, scale: null, origin: 'external', spec: {}, status: 'RUNNING', analysisStatus: 'SKIPPED', tags: [] });

type BlockRow = Omit<MetricBlockTable, 'run_id'>;

/** The blocks a run's points should have, computed here from the points alone. */
function expectedBlocks(points: readonly StoredMetricPoint[]): BlockRow[] {
  const blocks = new Map<string, BlockRow>();
  for (const p of [...points].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.step - b.step))) {
    // Non-finite values take no part in the extremes: a block with none finite is (+∞, −∞) at its first step.
    const finite = Number.isFinite(p.value);
    const block = Math.floor(p.step / METRIC_BLOCK_STEPS);
    const id = `${p.key}/${block}`;
    const row = blocks.get(id);
    if (!row) {
      blocks.set(id, { key: p.key, block, count: 1, lo: finite ? p.value : Infinity, lo_step: p.step, hi: finite ? p.value : -Infinity, hi_step: p.step });
      continue;
    }
    row.count++;
    if (finite && p.value < row.lo) [row.lo, row.lo_step] = [p.value, p.step];
    if (finite && p.value > row.hi) [row.hi, row.hi_step] = [p.value, p.step];
  }
  return [...blocks.values()];
}

async function storedBlocks(db: Kysely<unknown>, runId: string): Promise<BlockRow[]> {
  const rows = await (db as Kysely<{ metric_blocks: BlockRow & { run_id: string } }>)
    .selectFrom('metric_blocks')
    .select(['key', 'block', 'count', 'lo', 'lo_step', 'hi', 'hi_step'])
    .where('run_id', '=', runId)
    .orderBy('key')
    .orderBy('block')
    .execute();
  return rows.map((r) => ({ key: r.key, block: Number(r.block), count: Number(r.count), lo: Number(r.lo), lo_step: Number(r.lo_step), hi: Number(r.hi), hi_step: Number(r.hi_step) }));
}

/**
 * A random series with coarse values (many ties), rare spikes, dips and non-finite points (NaN,
 * ±∞), and a stretch of 300 non-finite ones from 60% of its length (whole blocks and buckets
 * without a finite value).
 */
function randomSeries(key: string, firstStep: number, length: number, seed: number): StoredMetricPoint[] {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const stretch = Math.floor(length * 0.6);
  const nonFinite = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  return Array.from({ length }, (_, i) => {
    const r = random();
    const value =
      i >= stretch && i < stretch + 300
        ? (nonFinite[i % 3] as number)
        : r < 0.01
          ? 1e6 * random()
          : r < 0.02
            ? -1e6 * random()
            : r < 0.025
              ? Number.NaN
              : r < 0.03
                ? (nonFinite[1 + (i % 2)] as number)
                : Math.round(random() * 8) / 4;
    return { key, step: firstStep + i, value, wallTime: 1e12 + i, epoch: null };
  });
}

async function expectReadsMatchReference(store: Store, runId: string, keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    const whole = await store.metricSeries(runId, key);
    for (const maxPoints of [2, 3, 10, 101, 1000, 2000]) {
      const reduced = await store.metricSeriesDownsampled(runId, key, maxPoints);
      expect(reduced.totalPoints, `${key}: totalPoints`).toBe(whole.length);
      expect(reduced.points, `${key} at maxPoints ${maxPoints}`).toEqual(downsampleMinMax(whole, maxPoints));
    }
  }
}

function blocksContract(name: string, config: () => DatabaseConfig) {
  describe(`metric blocks on ${name}`, () => {
    it('stay equal to blocks computed from the points after duplicates, overwrites, rewinds and deletes; reads equal downsampleMinMax', async () => {
      const store = await Store.open(config());
      try {
        const id = randomUUID();
        const run = newRun('b');
        await store.createExperiment(experiment(id), [run]);
        // Starts off a block boundary; sent in overlapping batches, the overlap with new values
        // (a re-sent point replaces itself: it must not count twice in its block).
        const dense = randomSeries('dense', 37, 9_000, 7);
        const late = randomSeries('late', 5_030, 400, 11);
        await store.upsertMetrics(run.id, [...dense.slice(0, 5_000), ...late]);
        const resent = dense.slice(4_000, 9_000).map((p, i) => (i % 97 === 0 ? { ...p, value: i % 2 ? 5e6 : -5e6 } : p));
        await store.upsertMetrics(run.id, resent);
        await store.upsertMetrics(run.id, resent.slice(0, 300));
        const stored = await store.allMetrics(run.id);
        expect(stored).toHaveLength(9_400);
        expect(await storedBlocks(store.db as Kysely<unknown>, run.id)).toEqual(expectedBlocks(stored));
        await expectReadsMatchReference(store, run.id, ['dense', 'late']);

        // A rewind cuts through a block of `dense` and empties the one `late` starts in.
        await rewindRunOutputs(store.db, store.dialect, run.id, 5_010);
        const rewound = await store.allMetrics(run.id);
        expect(rewound.filter((p) => p.key === 'late')).toEqual([]);
        expect(await storedBlocks(store.db as Kysely<unknown>, run.id)).toEqual(expectedBlocks(rewound));
        await expectReadsMatchReference(store, run.id, ['dense']);

        await store.resetRunOutputs(run.id);
        expect(await storedBlocks(store.db as Kysely<unknown>, run.id)).toEqual([]);
        await store.upsertMetrics(run.id, dense.slice(0, 100));
        await rewindRunOutputs(store.db, store.dialect, run.id, null);
        expect(await storedBlocks(store.db as Kysely<unknown>, run.id)).toEqual([]);
        await store.upsertMetrics(run.id, dense.slice(0, 100));
        expect(await store.deleteExperiment(id)).toBe(true);
        expect(await storedBlocks(store.db as Kysely<unknown>, run.id)).toEqual([]);
      } finally {
        await store.close();
      }
    });

    it('the bucketing SQL over the blocks equals downsampleMinMax for every bucket shape (inside a block, one block exactly, cut and aligned ends)', async () => {
      const store = await Store.open(config());
      try {
        const run = newRun('s');
        await store.createExperiment(experiment(randomUUID()), [run]);
        // 'aligned' starts on a block and has 40 blocks (maxPoints 80: every bucket one whole
        // block); 'offset' starts and ends inside a block.
        await store.upsertMetrics(run.id, [...randomSeries('aligned', 0, 40 * METRIC_BLOCK_STEPS, 13), ...randomSeries('offset', 37, 3_001, 17)]);
        for (const key of ['aligned', 'offset']) {
          const whole = await store.metricSeries(run.id, key);
          const stats = { count: whole.length, firstStep: whole[0]?.step ?? 0, lastStep: whole[whole.length - 1]?.step ?? 0 };
          for (const maxPoints of [2, 3, 4, 5, 7, 10, 16, 33, 40, 64, 79, 80, 81, 101, 128, 160, 250, 999, 1_000, 2_000]) {
            // Run on the API's connection: on a SQLite file the store reads narrow buckets whole.
            const { rows } = await store.db.executeQuery(downsampledSeriesQuery(store.db, store.dialect, run.id, key, stats, maxPoints));
            const points = rows.map((r) => ({ key, step: Number(r.step), value: storedToNumber(r.value, r.nonfinite), wallTime: Number(r.wall_time), epoch: r.epoch === null ? null : Number(r.epoch) }));
            expect(points, `${key} at maxPoints ${maxPoints}`).toEqual(downsampleMinMax(whole, maxPoints));
          }
        }
      } finally {
        await store.close();
      }
    });
  });
}

const dir = tempDir();
afterAll(() => dir.remove());
blocksContract('SQLite', () => ({ kind: 'sqlite', file: `${dir.path}/blocks.db` }));

const postgresUrl = TEST_POSTGRES_URL;
const schemas = testSchemas();
const freshSchema = () => schemas.fresh();
blocksContract('PostgreSQL', () => ({ kind: 'postgres', url: postgresUrl, schema: freshSchema() }));

describe('migrations 0004_metric_blocks and 0006_non_finite_metrics', () => {
  /** A store as it was before blocks existed (migrated up to 0003), holding `points` of one run. */
  async function storeBefore0004(db: Kysely<unknown>, runId: string, points: readonly StoredMetricPoint[], schema?: string): Promise<void> {
    // With a schema named: kysely looks for its migration tables in any schema otherwise.
    const migrator = new Migrator({ db, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) });
    const { error } = await migrator.migrateTo('0003_run_checkpoints');
    if (error) throw error;
    const typed = db as Kysely<{ experiments: Record<string, unknown>; runs: Record<string, unknown>; metrics: Record<string, unknown> }>;
    const now = Date.now();
    await typed.insertInto('experiments').values({ id: 'e', name: 'E', origin: 'external', spec: '{}', status: 'RUNNING', analysis_status: 'SKIPPED', created_at: now, updated_at: now }).execute();
    await typed.insertInto('runs').values({ id: runId, experiment_id: 'e', key: 'r', position: 0, group_name: 'g', config: '{}', status: 'RUNNING', created_at: now, updated_at: now }).execute();
    for (let start = 0; start < points.length; start += 1_000) {
      const rows = points.slice(start, start + 1_000).map((p) => ({ run_id: runId, key: p.key, step: p.step, value: Number.isFinite(p.value) ? p.value : null, wall_time: p.wallTime, epoch: p.epoch }));
      await typed.insertInto('metrics').values(rows).execute();
    }
    await db.destroy();
  }

  const points = [...randomSeries('a', 0, 3_000, 3), ...randomSeries('b', 1_000, 700, 5)];
  const firstNonFiniteStep = Math.min(...points.filter((p) => !Number.isFinite(p.value)).map((p) => p.step));

  it('builds the blocks of a SQLite store made before it', async () => {
    const file = `${dir.path}/old.db`;
    await storeBefore0004(new Kysely({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }) }), 'run-1', points);
    const store = await Store.open({ kind: 'sqlite', file });
    try {
      expect(await storedBlocks(store.db as Kysely<unknown>, 'run-1')).toEqual(expectedBlocks(await store.allMetrics('run-1')));
      await expectReadsMatchReference(store, 'run-1', ['a', 'b']);
      // A NULL stored before 0006 reads back as NaN, and marks the run where the first one is.
      expect((await store.getRun('run-1'))?.divergedAtStep).toBe(firstNonFiniteStep);
    } finally {
      await store.close();
    }
  });

  it('builds the blocks of a PostgreSQL store made before it', async () => {
    const schema = freshSchema();
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.end();
    const pool = new pg.Pool({ connectionString: postgresUrl, options: `-c search_path=${schema}` });
    await storeBefore0004(new Kysely({ dialect: new PostgresDialect({ pool }) }), 'run-1', points, schema);
    const store = await Store.open({ kind: 'postgres', url: postgresUrl, schema });
    try {
      expect(await storedBlocks(store.db as Kysely<unknown>, 'run-1')).toEqual(expectedBlocks(await store.allMetrics('run-1')));
      await expectReadsMatchReference(store, 'run-1', ['a', 'b']);
      // A NULL stored before 0006 reads back as NaN, and marks the run where the first one is.
      expect((await store.getRun('run-1'))?.divergedAtStep).toBe(firstNonFiniteStep);
    } finally {
      await store.close();
    }
  });
});
