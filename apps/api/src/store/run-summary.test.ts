import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunSpec } from '@saddle/engine';
import { tempDir } from '../test-utils/temp.js';
import { rewindRunOutputs } from './checkpoints.js';
import type { DatabaseConfig } from './database.js';
import { nonFiniteName } from './metric-values.js';
import type { StoredMetricPoint } from './records.js';
import { lastValues, lastValuesOfRuns, type LastValues } from './run-summary.js';
import { Store, type NewExperiment, type NewRun } from './store.js';
import { TEST_POSTGRES_URL, testSchemas } from '../test-utils/postgres.js';

const spec = { model: { name: 'm', layers: [] } } as unknown as RunSpec;
const newRun = (key: string): NewRun => ({ id: randomUUID(), key, group: 'g', config: {}, spec, external: true, status: 'RUNNING' });
const experiment = (id: string): NewExperiment => ({ id, name: 'L', preset: null, scale: null, origin: 'external', spec: {}, status: 'RUNNING', analysisStatus: 'SKIPPED', tags: [] });

/** The last values computed here from every stored point of the run. */
function reference(points: readonly StoredMetricPoint[]): LastValues {
  const last = new Map<string, StoredMetricPoint>();
  for (const p of points) {
    const seen = last.get(p.key);
    if (!seen || p.step > seen.step) last.set(p.key, p);
  }
  const final: LastValues['final'] = {};
  for (const key of [...last.keys()].sort()) {
    const value = (last.get(key) as StoredMetricPoint).value;
    final[key] = nonFiniteName(value) ?? value;
  }
  const steps = [...last.values()].reduce<number | null>((max, p) => (max === null || p.step > max ? p.step : max), null);
  return { final, steps };
}

function lastValuesContract(name: string, config: () => DatabaseConfig) {
  describe(`last values of many runs on ${name}`, () => {
    it('equal, run by run, the last point of each key read from all points: gaps, out-of-order batches, non-finite last values, rewinds, runs without points', async () => {
      const store = await Store.open(config());
      try {
        const runs = Array.from({ length: 7 }, (_, i) => newRun(`r${i}`));
        await store.createExperiment(experiment(randomUUID()), runs);
        const series = (key: string, steps: number[], value: (s: number) => number): StoredMetricPoint[] =>
          steps.map((step) => ({ key, step, value: value(step), wallTime: 1e12 + step, epoch: null }));
        const range = (from: number, to: number, by = 1) => Array.from({ length: Math.floor((to - from) / by) + 1 }, (_, i) => from + i * by);
        const [r0, r1, r2, r3, r4, r5] = runs.map((r) => r.id) as [string, string, string, string, string, string];
        await store.upsertMetrics(r0, [...series('train/loss', range(0, 4_999), (s) => 1 / (s + 1)), ...series('train/accuracy', range(0, 4_999), (s) => s / 5_000)]);
        // Later steps sent first, then the start: the last is the largest step, not the last sent.
        await store.upsertMetrics(r1, series('b', range(600, 700), (s) => -s));
        await store.upsertMetrics(r1, [...series('b', range(0, 599), (s) => s), ...series('a', range(3, 3_000, 7), (s) => s * 2)]);
        await store.upsertMetrics(r2, [...series('x', [0, 1, 2], () => 1), ...series('x', [3], () => Number.NaN), ...series('y', [9], () => Number.NEGATIVE_INFINITY), ...series('z', [1_000_000], () => Number.POSITIVE_INFINITY)]);
        // A point sent again replaces itself.
        await store.upsertMetrics(r3, series('k', range(0, 200), (s) => s));
        await store.upsertMetrics(r3, series('k', [200], () => 0.25));
        // A rewind drops the later points (and their blocks).
        await store.upsertMetrics(r4, series('k', range(0, 300), (s) => s));
        await rewindRunOutputs(store.db, store.dialect, r4, 130);
        // r5 and the seventh run have no points.

        const ids = runs.map((r) => r.id);
        const batched = await lastValuesOfRuns(store, [...ids, ids[0] as string, 'no-such-run']);
        expect([...batched.keys()]).toEqual([...ids, 'no-such-run']);
        for (const id of ids) {
          const expected = reference(await store.allMetrics(id));
          expect(batched.get(id), id).toEqual(expected);
          expect(await lastValues(store, id), id).toEqual(expected);
        }
        expect(batched.get(r0)).toEqual({ final: { 'train/accuracy': 4_999 / 5_000, 'train/loss': 1 / 5_000 }, steps: 4_999 });
        expect(batched.get(r1)).toEqual({ final: { a: 2_999 * 2, b: -700 }, steps: 2_999 });
        expect(batched.get(r2)).toEqual({ final: { x: 'NaN', y: '-Infinity', z: 'Infinity' }, steps: 1_000_000 });
        expect(batched.get(r3)?.final).toEqual({ k: 0.25 });
        expect(batched.get(r5)).toEqual({ final: {}, steps: null });
        expect(batched.get('no-such-run')).toEqual({ final: {}, steps: null });
      } finally {
        await store.close();
      }
    });
  });
}

const dir = tempDir();
afterAll(() => dir.remove());
lastValuesContract('SQLite', () => ({ kind: 'sqlite', file: `${dir.path}/last.db` }));

const postgresUrl = TEST_POSTGRES_URL;
const schemas = testSchemas();
const freshSchema = () => schemas.fresh();
lastValuesContract('PostgreSQL', () => ({ kind: 'postgres', url: postgresUrl, schema: freshSchema() }));
