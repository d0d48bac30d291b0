/**
 * `saddle runs`: conditions as typed on the command line become Query.runs's filter, and the
 * same runs come back from a running server (--url) and from its data directory's store.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, startTestServer, type TestServer } from '../test-utils/server.js';
import { tempDir } from '../test-utils/temp.js';
import { parseCondition, runsCommand, toRunFilter, toRunOrder } from './runs-command.js';

describe('saddle runs: the conditions', () => {
  it('reads FIELD OP VALUE with the longest operator, numbers as numbers and a comma list as IN', () => {
    expect(parseCondition('config.optimizer.lr>=1e-3')).toEqual({ field: 'config.optimizer.lr', op: 'GTE', value: 0.001 });
    expect(parseCondition('final.test/loss<0.1')).toEqual({ field: 'final.test/loss', op: 'LT', value: 0.1 });
    expect(parseCondition('config.model=mlp-shallow,mlp-deep')).toEqual({ field: 'config.model', op: 'IN', value: ['mlp-shallow', 'mlp-deep'] });
    expect(parseCondition('config.augment!=true')).toEqual({ field: 'config.augment', op: 'NE', value: true });
    expect(parseCondition('text~sweep')).toEqual({ field: 'text', op: 'CONTAINS', value: 'sweep' });
    expect(() => parseCondition('final.loss')).toThrow(/expected FIELD OP VALUE/);
  });

  it('maps run fields onto the filter and refuses what Query.runs does not have, naming the fix', () => {
    const filter = toRunFilter(['status=succeeded,DIVERGED', 'tag=torch', 'tag=mlp', 'origin=external', 'after=2026-12-01', 'config.batchSize>32', 'final.train/loss<=0.5'].map(parseCondition));
    expect(filter).toEqual({
      status: ['SUCCEEDED', 'DIVERGED'],
      tags: ['torch', 'mlp'],
      origin: 'EXTERNAL',
      createdAfter: '2026-12-01T00:00:00.000Z',
      config: [{ path: 'batchSize', op: 'GT', value: 32 }],
      final: [{ key: 'train/loss', op: 'LTE', value: 0.5 }],
    });
    expect(() => toRunFilter([parseCondition('lr>1')])).toThrow(/not a field of a run; use config.<path>, final.<key>/);
    expect(() => toRunFilter([parseCondition('status=DONE')])).toThrow(/"DONE" is not a run status/);
    expect(() => toRunFilter([parseCondition('after=yesterday')])).toThrow(/not a date/);
    expect(toRunOrder(['-final.test/loss', 'key'])).toEqual([
      { field: 'final.test/loss', direction: 'DESC' },
      { field: 'key', direction: 'ASC' },
    ]);
  });
});

describe('saddle runs against a server and its store', () => {
  const dir = tempDir();
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ dataDir: dir.path, workers: 0 });
    for (const [i, lr] of [1e-4, 1e-3, 1e-2, 1e-1].entries()) {
      const created = await postGraphQL<{ createRun: { id: string } }>(server.url, 'mutation($input: CreateRunInput!) { createRun(input: $input) { id } }', {
        input: { name: `lr${i}`, experimentName: 'cli-runs', config: { optimizer: { lr } } },
      });
      const runId = created.data?.createRun.id ?? '';
      // test loss smallest at lr 1e-2
      const loss = [0.9, 0.5, 0.2, 0.7][i];
      await postGraphQL(server.url, 'mutation($runId: ID!, $points: [MetricPointInput!]!) { logMetrics(runId: $runId, points: $points) { accepted } }', {
        runId,
        points: [{ key: 'test/loss', step: 0, value: loss }],
      });
      await postGraphQL(server.url, 'mutation($runId: ID!) { finishRun(runId: $runId, status: SUCCEEDED) { id } }', { runId });
    }
  });
  afterAll(async () => {
    await server?.close();
    dir.remove();
  });

  async function saddleRuns(options: Partial<Parameters<typeof runsCommand>[0]>): Promise<{ code: number; out: string; err: string }> {
    const out = new PassThrough();
    const err = new PassThrough();
    const chunks = { out: '', err: '' };
    out.on('data', (c: Buffer) => (chunks.out += c.toString()));
    err.on('data', (c: Buffer) => (chunks.err += c.toString()));
    const code = await runsCommand({ where: [], sort: [], first: 20, ...options }, { out, err });
    return { code, ...chunks };
  }

  it('finds the best run of a sweep by its final test loss, as a table naming the columns asked about', async () => {
    const best = await saddleRuns({ url: server.url, where: ['config.optimizer.lr>=1e-3'], sort: ['final.test/loss'], first: 2 });
    expect(best.code).toBe(0);
    const lines = best.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^run\s+experiment\s+key\s+status\s+config\.optimizer\.lr\s+final\.test\/loss$/);
    expect(lines.slice(1, 3).map((l) => l.split(/\s+/).slice(2))).toEqual([
      ['lr2', 'SUCCEEDED', '0.01000', '0.2000'],
      ['lr1', 'SUCCEEDED', '0.001000', '0.5000'],
    ]);
    expect(lines[3]).toBe('(2 of 3; --first 3 for more)');
  });

  it('gives the same runs from the data directory as from the server, and says why a condition is refused', async () => {
    const fromServer = JSON.parse((await saddleRuns({ url: server.url, sort: ['-final.test/loss'], json: true })).out) as { totalCount: number; runs: { key: string; final: Record<string, number> }[] };
    expect(fromServer.runs.map((r) => [r.key, r.final['test/loss']])).toEqual([
      ['lr0', 0.9],
      ['lr3', 0.7],
      ['lr1', 0.5],
      ['lr2', 0.2],
    ]);
    const fromStore = JSON.parse((await saddleRuns({ dataDir: dir.path, sort: ['-final.test/loss'], json: true })).out) as typeof fromServer;
    expect(fromStore).toEqual(fromServer);
    for (const backend of [{ url: server.url }, { dataDir: dir.path }]) {
      const refused = await saddleRuns({ ...backend, sort: ['final'] });
      expect(refused.code).toBe(2);
      expect(refused.err).toMatch(/^saddle runs: .*cannot sort runs by "final" \(allowed: .*final\.<key>/);
    }
    const typo = await saddleRuns({ dataDir: dir.path, where: ['lr>1'] });
    expect(typo).toMatchObject({ code: 2, out: '' });
    expect(typo.err).toMatch(/not a field of a run/);
  });
});
