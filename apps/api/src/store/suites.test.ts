/**
 * Suites and report notes in the store, on SQLite and on PostgreSQL alike: a suite keeps its
 * experiments in the order given; suites list newest first; a note is set, replaced and removed
 * per (report, section); deleting an experiment takes it out of its suite and drops its notes.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test-utils/temp.js';
import type { DatabaseConfig } from './database.js';
import { Store } from './store.js';
import { TEST_POSTGRES_URL, testSchemas } from '../test-utils/postgres.js';

function suiteContract(name: string, open: () => Promise<Store>): void {
  describe(`suites and report notes on ${name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    const experiment = async (): Promise<string> => {
      const id = randomUUID();
      await store.createExperiment({ id, name: id, preset: 'fit-function', scale: 'quick', origin: 'preset', spec: { preset: 'fit-function', scale: 'quick' }, status: 'QUEUED', analysisStatus: 'PENDING', tags: [] }, []);
      return id;
    };

    it('keeps a suite’s experiments in the order given, and lists suites newest first', async () => {
      const ids = [await experiment(), await experiment(), await experiment()];
      const first = randomUUID();
      await store.createSuite({ id: first, name: 'HW1 suite (quick)', suite: 'hw1', scale: 'quick', tags: ['a', 'b'] }, [ids[2]!, ids[0]!, ids[1]!]);
      await new Promise((r) => setTimeout(r, 5));
      const second = randomUUID();
      await store.createSuite({ id: second, name: 'HW1 suite (full)', suite: 'hw1', scale: 'full', tags: [] }, []);
      expect(await store.getSuite(first)).toMatchObject({ id: first, scale: 'quick', tags: ['a', 'b'], experimentIds: [ids[2], ids[0], ids[1]] });
      expect((await store.listSuites(2)).map((s) => s.id)).toEqual([second, first]);
      expect(await store.getSuite('nope')).toBeUndefined();

      // An experiment deleted on its own leaves the suite, and its notes go with it.
      await store.setReportNote(ids[0]!, 'experiment', 'gone with it');
      await store.deleteExperiment(ids[0]!);
      expect((await store.getSuite(first))?.experimentIds).toEqual([ids[2], ids[1]]);
      expect((await store.reportNotes(ids[0]!)).size).toBe(0);
    });

    it('sets, replaces and removes one section’s note, leaving the others', async () => {
      const report = randomUUID();
      await store.setReportNote(report, 'hw1-1-simulate-function', 'first');
      await store.setReportNote(report, 'hw1-2-gradient-norm', 'other');
      await store.setReportNote(report, 'hw1-1-simulate-function', 'second');
      expect(Object.fromEntries(await store.reportNotes(report))).toEqual({ 'hw1-1-simulate-function': 'second', 'hw1-2-gradient-norm': 'other' });
      await store.setReportNote(report, 'hw1-1-simulate-function', '');
      expect(Object.fromEntries(await store.reportNotes(report))).toEqual({ 'hw1-2-gradient-norm': 'other' });
    });
  });
}

const sqliteDir = tempDir();
afterAll(() => sqliteDir.remove());
suiteContract('SQLite', () => Store.open({ kind: 'sqlite', file: `${sqliteDir.path}/saddle.db` }));

const postgresUrl = TEST_POSTGRES_URL;
const schema = testSchemas().fresh();
const postgres: DatabaseConfig = { kind: 'postgres', url: postgresUrl, schema };
suiteContract('PostgreSQL', () => Store.open(postgres));
