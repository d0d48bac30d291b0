/**
 * Query.runs through the server (executeOperation) on SQLite and PostgreSQL: conditions on config
 * paths and final metrics, run and experiment fields, sorts with missing values last, paging,
 * totalCount, the value rows following a run that changes, and errors naming the argument.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '../store/database.js';
import { startTestServer, type TestServer } from '../test-utils/server.js';
import { TEST_POSTGRES_URL, testSchemas } from '../test-utils/postgres.js';

const CREATE = `mutation($input: CreateRunInput!) { createRun(input: $input) { id } }`;
const LOG = `mutation($runId: ID!, $points: [MetricPointInput!]!) { logMetrics(runId: $runId, points: $points) { accepted } }`;
const FINISH = `mutation($runId: ID!, $status: RunStatus!) { finishRun(runId: $runId, status: $status) { status } }`;
const RUNS = `query($filter: RunFilter, $orderBy: [RunOrder!], $first: Int, $after: String) {
  runs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { totalCount edges { cursor node { key status config final } } pageInfo { hasNextPage endCursor } }
}`;

interface RunsAnswer {
  runs: { totalCount: number; edges: { cursor: string; node: { key: string; status: string; config: Record<string, unknown>; final: Record<string, unknown> | null } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

function runsContract(name: string, database: () => DatabaseConfig | undefined) {
  describe(`Query.runs on ${name}`, () => {
    let server: TestServer;
    const ids = new Map<string, string>();

    async function logRun(key: string, experimentName: string, config: Record<string, unknown>, loss: number | null, status = 'SUCCEEDED', tags?: string[]) {
      const created = await server.run<{ createRun: { id: string } }>(CREATE, { input: { name: key, experimentName: `${experimentName}-${key}`, config, ...(tags && { tags }) } });
      const id = created.data!.createRun.id;
      ids.set(key, id);
      if (loss !== null) await server.run(LOG, { runId: id, points: [{ key: 'test/loss', step: 0, value: loss * 2 }, { key: 'test/loss', step: 1, value: loss }] });
      await server.run(FINISH, { runId: id, status });
    }

    async function runs(variables: Record<string, unknown>): Promise<RunsAnswer['runs']> {
      const answer = await server.run<RunsAnswer>(RUNS, variables);
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      return answer.data!.runs;
    }
    const keys = (page: RunsAnswer['runs']) => page.edges.map((e) => e.node.key);

    beforeAll(async () => {
      const db = database();
      server = await startTestServer({ workers: 0, ...(db && { database: db }) });
      // Created a few ms apart, so newest-first is a defined order.
      const sleep = () => new Promise((resolve) => setTimeout(resolve, 5));
      await logRun('a', 'sweep', { optimizer: { lr: 0.0001 }, model: 'mlp', batchSize: 64 }, 0.5, 'SUCCEEDED', ['lr']);
      await sleep();
      await logRun('b', 'sweep', { optimizer: { lr: 0.001 }, model: 'mlp', batchSize: 128 }, 0.2, 'SUCCEEDED', ['lr', 'best']);
      await sleep();
      await logRun('c', 'sweep', { optimizer: { lr: 0.01 }, model: 'cnn', batchSize: 64 }, 0.3, 'FAILED', ['lr']);
      await sleep();
      await logRun('d', 'other', { optimizer: { lr: 0.1 }, model: 'cnn' }, null);
    });
    afterAll(async () => {
      await server?.close();
    });

    it('lists every run newest first by default, with the total', async () => {
      const page = await runs({});
      expect(keys(page)).toEqual(['d', 'c', 'b', 'a']);
      expect(page.totalCount).toBe(4);
      expect(page.edges[0]?.node.config).toEqual({ 'optimizer.lr': 0.1, model: 'cnn' });
    });

    it('filters by dotted config paths and final metrics, and sorts by a final metric', async () => {
      const page = await runs({
        filter: { config: [{ path: 'optimizer.lr', op: 'GTE', value: 0.001 }], final: [{ key: 'test/loss', op: 'LT', value: 0.4 }] },
        orderBy: [{ field: 'final.test/loss', direction: 'ASC' }],
      });
      expect(keys(page)).toEqual(['b', 'c']);
      expect(page.edges[0]?.node.final).toMatchObject({ 'test/loss': 0.2 });
      expect(keys(await runs({ filter: { config: [{ path: 'model', op: 'IN', value: ['cnn'] }, { path: 'batchSize', op: 'EXISTS' }] } }))).toEqual(['c']);
      expect(keys(await runs({ filter: { config: [{ path: 'model', op: 'CONTAINS', value: 'ML' }] }, orderBy: [{ field: 'key' }] }))).toEqual(['a', 'b']);
      expect(keys(await runs({ filter: { config: [{ path: 'batchSize', op: 'NE', value: 64 }] } }))).toEqual(['b']);
    });

    it('puts runs without the sort value last in both directions', async () => {
      expect(keys(await runs({ orderBy: [{ field: 'final.test/loss', direction: 'DESC' }] }))).toEqual(['a', 'c', 'b', 'd']);
      expect(keys(await runs({ orderBy: [{ field: 'config.batchSize', direction: 'ASC' }, { field: 'config.optimizer.lr', direction: 'DESC' }] }))).toEqual(['c', 'a', 'b', 'd']);
    });

    it('filters by status, tags, experiment, origin, text and creation time', async () => {
      expect(keys(await runs({ filter: { status: ['FAILED'] } }))).toEqual(['c']);
      expect(keys(await runs({ filter: { tags: ['lr', 'best'] } }))).toEqual(['b']);
      const experiment = await server.run<{ run: { experimentId: string } }>(`query($id: ID!) { run(id: $id) { experimentId } }`, { id: ids.get('a') });
      expect(keys(await runs({ filter: { experiment: experiment.data!.run.experimentId } }))).toEqual(['a']);
      expect(keys(await runs({ filter: { origin: 'EXTERNAL', text: 'OTHER' } }))).toEqual(['d']);
      expect(keys(await runs({ filter: { origin: 'PRESET' } }))).toEqual([]);
      const all = await server.run<{ run: { timings: { createdAt: string } } }>(`query($id: ID!) { run(id: $id) { timings { createdAt } } }`, { id: ids.get('b') });
      const bornB = all.data!.run.timings.createdAt;
      expect(keys(await runs({ filter: { createdAfter: bornB } }))).toEqual(['d', 'c']);
      expect(keys(await runs({ filter: { createdBefore: bornB } }))).toEqual(['a']);
    });

    it('pages with cursors', async () => {
      const first = await runs({ first: 3, orderBy: [{ field: 'key' }] });
      expect(keys(first)).toEqual(['a', 'b', 'c']);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await runs({ first: 3, after: first.pageInfo.endCursor, orderBy: [{ field: 'key' }] });
      expect(keys(second)).toEqual(['d']);
      expect(second.pageInfo.hasNextPage).toBe(false);
    });

    it('pages through a value sort into the runs without the value', async () => {
      const orderBy = [{ field: 'final.test/loss', direction: 'DESC' }];
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 4; page++) {
        const answer: RunsAnswer['runs'] = await runs({ orderBy, first: 1, after, filter: { createdBefore: '2999-01-01T00:00:00.000Z' } });
        seen.push(...keys(answer));
        after = answer.pageInfo.endCursor;
        expect(answer.pageInfo.hasNextPage).toBe(page < 3);
      }
      expect(seen.filter((key) => key !== 'late')).toEqual(['a', 'c', 'b', 'd']);
      const tail = await runs({ orderBy, first: 2, after: (await runs({ orderBy, first: 3 })).pageInfo.endCursor });
      expect(keys(tail)).toEqual(['d']);
    });

    it('follows a run that changes after it was indexed', async () => {
      const created = await server.run<{ createRun: { id: string } }>(CREATE, { input: { name: 'late', config: { optimizer: { lr: 0.05 } } } });
      const id = created.data!.createRun.id;
      expect(keys(await runs({ filter: { final: [{ key: 'test/loss', op: 'EXISTS' }], config: [{ path: 'optimizer.lr', op: 'EQ', value: 0.05 }] } }))).toEqual([]);
      await server.run(LOG, { runId: id, points: [{ key: 'test/loss', step: 0, value: 0.01 }] });
      await server.run(FINISH, { runId: id, status: 'SUCCEEDED' });
      expect(keys(await runs({ filter: { final: [{ key: 'test/loss', op: 'LTE', value: 0.01 }] } }))).toEqual(['late']);
    });

    it('filters by the preset an experiment was launched from (and its origin)', async () => {
      const launched = await server.run<{ launchExperiment: { runs: { key: string }[] } }>(`mutation { launchExperiment(input: { preset: "fit-function" }) { runs { key } } }`);
      const launchedKeys = launched.data!.launchExperiment.runs.map((run) => run.key).sort();
      expect(launchedKeys.length).toBeGreaterThan(0);
      const byPreset = await runs({ filter: { preset: 'fit-function' }, first: 1000 });
      expect(keys(byPreset).sort()).toEqual(launchedKeys);
      expect(byPreset.totalCount).toBe(launchedKeys.length);
      expect(byPreset.edges.every((edge) => edge.node.status === 'QUEUED')).toBe(true);
      expect(keys(await runs({ filter: { origin: 'PRESET', status: ['QUEUED'] }, first: 1000 })).sort()).toEqual(launchedKeys);
      expect(keys(await runs({ filter: { preset: 'train-cnn' } }))).toEqual([]);
      // The logged runs belong to no preset.
      expect(keys(await runs({ filter: { preset: 'fit-function', origin: 'EXTERNAL' } }))).toEqual([]);
    });

    it('names the argument at fault', async () => {
      const badSort = await server.run(RUNS, { orderBy: [{ field: 'loss' }] });
      expect(badSort.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['orderBy', 0, 'field'] });
      expect(badSort.errors?.[0]?.message).toContain('cannot sort runs by "loss"');
      const badIn = await server.run(RUNS, { filter: { config: [{ path: 'model', op: 'IN', value: 'cnn' }] } });
      expect(badIn.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['filter', 'config', 0, 'value'] });
      const badFirst = await server.run(RUNS, { first: 5000 });
      expect(badFirst.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
      const badCursor = await server.run(RUNS, { after: 'nope' });
      expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['after'] });
    });
  });
}

runsContract('SQLite', () => undefined);

const postgresUrl = TEST_POSTGRES_URL;
const schema = testSchemas().fresh();
runsContract('PostgreSQL', () => ({ kind: 'postgres', url: postgresUrl, schema }));
