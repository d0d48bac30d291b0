import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunSpec } from '@saddle/engine';
import { downsampleMinMax } from '../metrics/downsample.js';
import { tempDir } from '../test-utils/temp.js';
import { downsampledSeriesQuery } from './metric-downsample.js';
import { storedToNumber } from './metric-values.js';
import type { StoredMetricPoint } from './records.js';
import { bucketsNarrowerThanBlocks } from './series-whole-read.js';
import { SqliteReader } from './sqlite-reader.js';
import { Store, type NewExperiment, type NewRun } from './store.js';

const spec = { model: { name: 'm', layers: [] } } as unknown as RunSpec;
const newRun = (): NewRun => ({ id: randomUUID(), key: 'w', group: 'g', config: {}, spec, external: true, status: 'RUNNING' });
const experiment = (id: string): NewExperiment => ({ id, name: 'W', preset: null, scale: null, origin: 'external', spec: {}, status: 'RUNNING', analysisStatus: 'SKIPPED', tags: [] });

/** Coarse values (ties), spikes, every non-finite kind, epochs with and without a value. */
function series(key: string, steps: readonly number[], seed: number): StoredMetricPoint[] {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const nonFinite = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  return steps.map((step, i) => {
    const r = random();
    const value = r < 0.01 ? 1e6 * random() : r < 0.02 ? -1e6 * random() : r < 0.04 ? (nonFinite[i % 3] as number) : i >= 3_000 && i < 3_200 ? (nonFinite[i % 3] as number) : Math.round(random() * 8) / 4;
    return { key, step, value, wallTime: 1.7e12 + i * 3, epoch: i % 5 === 0 ? null : Math.floor(i / 100) };
  });
}

const dir = tempDir();
afterAll(() => dir.remove());

describe('downsampled reads of whole series on SQLite (buckets narrower than a block)', () => {
  it('equal the bucketing SQL and downsampleMinMax: consecutive steps, gaps, non-finite values, null epochs', async () => {
    const store = await Store.open({ kind: 'sqlite', file: `${dir.path}/whole.db` });
    try {
      const run = newRun();
      await store.createExperiment(experiment(randomUUID()), [run]);
      const consecutive = series('dense', Array.from({ length: 5_000 }, (_, i) => 17 + i), 3);
      const gaps = series('gaps', Array.from({ length: 4_000 }, (_, i) => i * 3 + (i % 7 === 0 ? 1 : 0)), 5);
      await store.upsertMetrics(run.id, [...consecutive, ...gaps]);
      for (const key of ['dense', 'gaps']) {
        const whole = await store.metricSeries(run.id, key);
        for (const maxPoints of [200, 1_500, 2_001, 3_999]) {
          expect(bucketsNarrowerThanBlocks(whole.length, maxPoints), `${key} at ${maxPoints} takes the whole read`).toBe(true);
          const read = await store.metricSeriesDownsampled(run.id, key, maxPoints);
          expect(read.totalPoints).toBe(whole.length);
          expect(read.points, `${key} at ${maxPoints}`).toEqual(downsampleMinMax(whole, maxPoints));
          // The bucketing SQL, run on the API's connection, answers the same points.
          const steps = whole.map((p) => p.step);
          const query = downsampledSeriesQuery(store.db, 'sqlite', run.id, key, { count: whole.length, firstStep: steps[0] as number, lastStep: steps[steps.length - 1] as number }, maxPoints);
          const rows = (await store.db.executeQuery(query)).rows;
          const bySql = rows.map((r) => ({ key, step: Number(r.step), value: storedToNumber(r.value, r.nonfinite), wallTime: r.wall_time, epoch: r.epoch }));
          expect(read.points, `${key} at ${maxPoints}: SQL`).toEqual(bySql);
        }
        // Coarse buckets still go through the SQL over the blocks, with the same answer.
        expect(bucketsNarrowerThanBlocks(whole.length, 100)).toBe(false);
        expect((await store.metricSeriesDownsampled(run.id, key, 100)).points).toEqual(downsampleMinMax(whole, 100));
      }
    } finally {
      await store.close();
    }
  });

  it('SqliteReader.numbers answers columns of numbers (NULL as NaN) and names a column that is not', async () => {
    const store = await Store.open({ kind: 'sqlite', file: `${dir.path}/numbers.db` });
    const reader = new SqliteReader(`${dir.path}/numbers.db`);
    try {
      const columns = await reader.numbers({ sql: 'SELECT 1 AS a, NULL AS b, 2.5 AS c UNION ALL SELECT 4, 5, 9e999', parameters: [] });
      expect(columns.length).toBe(2);
      expect(columns.width).toBe(3);
      expect([...columns.data]).toEqual([1, 4, Number.NaN, 5, 2.5, Number.POSITIVE_INFINITY]);
      await expect(reader.numbers({ sql: "SELECT 1, 'x'", parameters: [] })).rejects.toThrow(/column 2 of the result holds a string, not a number or NULL/);
      // The same text through all() still answers rows.
      expect(await reader.all({ sql: 'SELECT 1 AS a, NULL AS b, 2.5 AS c UNION ALL SELECT 4, 5, 9e999', parameters: [] })).toEqual([
        { a: 1, b: null, c: 2.5 },
        { a: 4, b: 5, c: Number.POSITIVE_INFINITY },
      ]);
    } finally {
      await reader.close();
      await store.close();
    }
  });
});
