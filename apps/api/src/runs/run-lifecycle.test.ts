/**
 * Issue 14's traps for scripts that log their own runs, through the real server over HTTP: a
 * silent script's run becomes CRASHED (also when it died while the API was down) and can be
 * resumed; heartbeats keep a quiet one alive; experiments are found by (project, name); nested
 * config is stored as given and flattened; a run's summary and its last values.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '../store/database.js';
import { postGraphQL, startTestServer, type TestServer } from '../test-utils/server.js';
import { experimentResult } from '../experiments/experiment.export.js';
import { heartbeatTimeoutMsFromEnv } from './run.service.js';
import { tempDir, waitFor } from '../test-utils/temp.js';
import { TEST_POSTGRES_URL, testSchemas } from '../test-utils/postgres.js';

const TIMEOUT_MS = 1500;

const CREATE = `mutation($input: CreateRunInput!) { createRun(input: $input) { id key status config rawConfig experiment { id name project tags } } }`;
const LOG = `mutation($runId: ID!, $points: [MetricPointInput!]!) { logMetrics(runId: $runId, points: $points) { accepted } }`;
const STATUS = `query($id: ID!) { run(id: $id) { status error timings { finishedAt lastHeartbeatAt } experiment { status error } } }`;
const RESUME = `mutation($id: ID!) { resumeRun(id: $id) { status error timings { finishedAt } experiment { status } } }`;
const HEARTBEAT = `mutation($runId: ID!) { heartbeat(runId: $runId) { status timings { lastHeartbeatAt } } }`;
const FINISH = `mutation($runId: ID!, $status: RunStatus!, $error: String) { finishRun(runId: $runId, status: $status, error: $error) { status error } }`;

interface Created {
  id: string;
  key: string;
  config: Record<string, unknown>;
  rawConfig: Record<string, unknown>;
  experiment: { id: string; name: string; project: string | null; tags: string[] };
}
interface Status {
  status: string;
  error: string | null;
  timings: { finishedAt: string | null; lastHeartbeatAt: string | null };
  experiment: { status: string; error: string | null };
}

function lifecycleContract(storeName: string, database: () => DatabaseConfig | undefined) {
  describe(`logged runs on ${storeName} (real server)`, () => {
    let server: TestServer;
    beforeAll(async () => {
      const db = database();
      server = await startTestServer({ heartbeatTimeoutMs: TIMEOUT_MS, workers: 0, ...(db && { database: db }) });
    });
    afterAll(async () => {
      await server?.close();
    });

    async function gql<T>(query: string, variables: Record<string, unknown>, url = server.url): Promise<T> {
      const response = await postGraphQL<T>(url, query, variables);
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      return response.data as T;
    }
    const create = async (input: Record<string, unknown>, url = server.url) => (await gql<{ createRun: Created }>(CREATE, { input }, url)).createRun;
    const statusOf = async (id: string, url = server.url) => (await gql<{ run: Status }>(STATUS, { id }, url)).run;
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    describe('heartbeats', () => {
      it('a script that goes silent: its run becomes CRASHED, its experiment FAILED; resumeRun continues it and logging works again', async () => {
        const run = await create({ name: 'killed', experimentName: 'heartbeats', project: 'issue14' });
        await gql(LOG, { runId: run.id, points: [{ key: 'loss', step: 0, value: 1 }] });
        const crashed = await waitFor(async () => {
          const s = await statusOf(run.id);
          return s.status === 'CRASHED' && s;
        }, { timeoutMs: 10_000, what: 'CRASHED' });
        expect(crashed.error).toMatch(/no heartbeat for \d+ s \(the timeout is 1\.5 s.*resumeRun/);
        expect(crashed.timings.finishedAt).not.toBeNull();
        expect(crashed.experiment.status).toBe('FAILED');
        expect(crashed.experiment.error).toMatch(/killed: crashed: no heartbeat/);

        // The script's next heartbeat is refused with the way out; resuming makes it RUNNING again.
        const refused = await postGraphQL(server.url, HEARTBEAT, { runId: run.id });
        expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
        expect(refused.errors?.[0]?.message).toMatch(/CRASHED, not RUNNING; resumeRun/);
        const resumed = (await gql<{ resumeRun: { status: string; error: string | null; timings: { finishedAt: string | null }; experiment: { status: string } } }>(RESUME, { id: run.id })).resumeRun;
        expect(resumed).toEqual({ status: 'RUNNING', error: null, timings: { finishedAt: null }, experiment: { status: 'RUNNING' } });
        expect((await gql<{ logMetrics: { accepted: number } }>(LOG, { runId: run.id, points: [{ key: 'loss', step: 1, value: 0.5 }] })).logMetrics.accepted).toBe(1);
        expect((await gql<{ finishRun: { status: string } }>(FINISH, { runId: run.id, status: 'SUCCEEDED' })).finishRun.status).toBe('SUCCEEDED');
        expect((await statusOf(run.id)).experiment.status).toBe('SUCCEEDED');
      });

      it('a quiet script that sends heartbeats stays RUNNING past the timeout; so does one that logs', async () => {
        const quiet = await create({ name: 'quiet' });
        const logging = await create({ name: 'logging' });
        const until = Date.now() + TIMEOUT_MS * 2.5;
        for (let step = 0; Date.now() < until; step++) {
          const beat = (await gql<{ heartbeat: { status: string; timings: { lastHeartbeatAt: string } } }>(HEARTBEAT, { runId: quiet.id })).heartbeat;
          expect(beat.status).toBe('RUNNING');
          await gql(LOG, { runId: logging.id, points: [{ key: 'loss', step, value: 1 / (step + 1) }] });
          await sleep(300);
        }
        expect((await statusOf(quiet.id)).status).toBe('RUNNING');
        expect((await statusOf(logging.id)).status).toBe('RUNNING');
        expect(Date.parse((await statusOf(quiet.id)).timings.lastHeartbeatAt ?? '')).toBeGreaterThan(Date.now() - 1000);
      });

      it('a script’s finishRun after the server called its run CRASHED still ends it as the script says', async () => {
        const run = await create({ name: 'late finish' });
        await waitFor(async () => (await statusOf(run.id)).status === 'CRASHED', { timeoutMs: 10_000, what: 'CRASHED' });
        const finished = (await gql<{ finishRun: { status: string; error: string } }>(FINISH, { runId: run.id, status: 'FAILED', error: 'ValueError: loss is nan' })).finishRun;
        expect(finished).toEqual({ status: 'FAILED', error: 'ValueError: loss is nan' });
      });

      it('finishRun(CRASHED) is refused: that verdict is the server’s', async () => {
        const run = await create({ name: 'no self-crash' });
        const refused = await postGraphQL(server.url, FINISH, { runId: run.id, status: 'CRASHED' });
        expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['status'], allowed: ['SUCCEEDED', 'FAILED', 'CANCELLED', 'DIVERGED'] });
      });

      it('a script that died while the API was down: its run becomes CRASHED once the API is back', async () => {
        const dir = tempDir();
        // A store of its own: the suite's server (timeout 1.5 s) must not watch it while "the API is down".
        const db = database();
        const restartDb = db?.kind === 'postgres' ? { ...db, schema: `${db.schema ?? 'public'}_restart` } : undefined;
        try {
          const first = await startTestServer({ dataDir: dir.path, heartbeatTimeoutMs: 60_000, workers: 0, ...(restartDb && { database: restartDb }) });
          const run = await create({ name: 'died during downtime' }, first.url);
          await first.close();
          // Down for longer than the timeout of the next start; nobody heartbeats meanwhile.
          await sleep(TIMEOUT_MS + 200);
          const second = await startTestServer({ dataDir: dir.path, heartbeatTimeoutMs: TIMEOUT_MS, workers: 0, ...(restartDb && { database: restartDb }) });
          try {
            expect((await statusOf(run.id, second.url)).status).toBe('RUNNING');
            const crashed = await waitFor(async () => {
              const s = await statusOf(run.id, second.url);
              return s.status === 'CRASHED' && s;
            }, { timeoutMs: 10_000, what: 'CRASHED after the restart' });
            expect(crashed.error).toMatch(/no heartbeat for [2-9] s/);
          } finally {
            await second.close();
          }
        } finally {
          dir.remove();
        }
      });
    });

    describe('experiments found by name, projects', () => {
      it('createRun with the same experimentName three times: one experiment, three runs (a repeated run name gets a suffix)', async () => {
        const a = await create({ name: 'seed0', experimentName: 'lr sweep', project: 'vision', tags: ['torch'] });
        const b = await create({ name: 'seed1', experimentName: 'lr sweep', project: 'vision', tags: ['mlp'] });
        const c = await create({ name: 'seed0', experimentName: 'lr sweep', project: 'vision' });
        expect(new Set([a.experiment.id, b.experiment.id, c.experiment.id]).size).toBe(1);
        expect([a.key, b.key, c.key]).toEqual(['seed0', 'seed1', 'seed0-2']);
        expect(c.experiment).toMatchObject({ name: 'lr sweep', project: 'vision', tags: ['mlp', 'torch'] });
        // The same name in another project (or none) is another experiment.
        const other = await create({ name: 'seed0', experimentName: 'lr sweep', project: 'audio' });
        const none = await create({ name: 'seed0', experimentName: 'lr sweep' });
        expect(new Set([a.experiment.id, other.experiment.id, none.experiment.id]).size).toBe(3);
        // Without experimentName each run still gets an experiment of its own.
        const solo1 = await create({ name: 'solo', project: 'vision' });
        const solo2 = await create({ name: 'solo', project: 'vision' });
        expect(solo1.experiment.id).not.toBe(solo2.experiment.id);

        const listed = await gql<{ experiments: { totalCount: number; edges: { node: { name: string; project: string; runs: { key: string }[] } }[] } }>(
          `query($p: String) { experiments(filter: { project: $p }) { totalCount edges { node { name project runs { key } } } } }`,
          { p: 'vision' },
        );
        expect(listed.experiments.totalCount).toBe(3);
        const sweep = listed.experiments.edges.find((e) => e.node.name === 'lr sweep');
        expect(sweep?.node.runs.map((r) => r.key)).toEqual(['seed0', 'seed1', 'seed0-2']);
        const projects = await gql<{ projects: { name: string; experimentCount: number }[] }>(`{ projects { name experimentCount lastCreatedAt } }`, {});
        expect(projects.projects).toEqual(expect.arrayContaining([{ name: 'vision', experimentCount: 3 }, { name: 'audio', experimentCount: 1 }].map((p) => expect.objectContaining(p))));
      });

      it('makes one experiment of many concurrent first calls with one name', async () => {
        const runs = await Promise.all(Array.from({ length: 5 }, (_, i) => create({ name: `w${i}`, experimentName: 'concurrent', project: 'race' })));
        expect(new Set(runs.map((r) => r.experiment.id)).size).toBe(1);
      });
    });

    describe('createRun with a client id (idempotent)', () => {
      it('sent again, one at a time or at once, returns the first call’s run: no second run', async () => {
        const id = randomUUID();
        const input = { id, name: 'retried', experimentName: 'idempotent', project: 'issue14' };
        const first = await create(input);
        expect(first.id).toBe(id);
        const again = await create(input);
        const atOnce = await Promise.all([create({ ...input, id: randomUUID(), name: 'twin' }), create(input)]);
        expect(again).toEqual(first);
        expect(atOnce[1]).toEqual(first);
        const twin = randomUUID();
        const copies = await Promise.all(Array.from({ length: 4 }, () => create({ id: twin, name: 'copies', experimentId: first.experiment.id })));
        expect(new Set(copies.map((r) => r.id))).toEqual(new Set([twin]));
        const listed = await gql<{ experiment: { runs: { key: string }[] } }>(`query($id: ID!) { experiment(id: $id) { runs { key } } }`, { id: first.experiment.id });
        expect(listed.experiment.runs.map((r) => r.key).sort()).toEqual(['copies', 'retried', 'twin']);
      });

      it('refuses an id that is not a UUID, and one of a run Saddle trains, naming the field', async () => {
        const bad = await postGraphQL(server.url, CREATE, { input: { id: 'run-1', name: 'x' } });
        expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'id'] });
        const preset = await gql<{ launchExperiment: { runs: { id: string }[] } }>(`mutation { launchExperiment(input: { preset: "fit-function" }) { runs { id } } }`, {});
        const trained = preset.launchExperiment.runs[0]?.id;
        const taken = await postGraphQL(server.url, CREATE, { input: { id: trained, name: 'x' } });
        expect(taken.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      });

      it('suffixes names with LIKE’s wildcards in them like other names', async () => {
        const keys: string[] = [];
        for (const name of ['100%_done', '100%_done', '100x_done', '100%_done']) keys.push((await create({ name, experimentName: 'wildcards', project: 'issue14' })).key);
        expect(keys).toEqual(['100%_done', '100%_done-2', '100x_done', '100%_done-3']);
      });
    });

    describe('config', () => {
      it('accepts nested JSON (lists, dicts, null), keeps it as given and flattens it to dotted paths', async () => {
        const config = { optimizer: { name: 'adam', lr: 1e-3, betas: [0.9, 0.999] }, layers: [{ units: 64 }, { units: 10 }], scheduler: null, tags: [] };
        const run = await create({ name: 'nested config', config });
        expect(run.rawConfig).toEqual(config);
        expect(run.config).toEqual({
          'optimizer.name': 'adam',
          'optimizer.lr': 1e-3,
          'optimizer.betas.0': 0.9,
          'optimizer.betas.1': 0.999,
          'layers.0.units': 64,
          'layers.1.units': 10,
          scheduler: null,
          tags: [],
        });
      });

      it('refuses a config over 256 KiB and two values on one path, naming the field', async () => {
        const huge = await postGraphQL(server.url, CREATE, { input: { name: 'huge', config: { blob: 'x'.repeat(300 * 1024) } } });
        expect(huge.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 256 * 1024 });
        const collide = await postGraphQL(server.url, CREATE, { input: { name: 'collide', config: { 'a.b': 1, a: { b: 2 } } } });
        expect(collide.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'config'] });
        expect(collide.errors?.[0]?.message).toMatch(/config: two values flatten to the path "a\.b"/);
      });
    });

    describe('summary, final and steps of a logged run', () => {
      const READ = `query($id: ID!) { run(id: $id) { final steps summaryValues } }`;

      it('final is the value at the last step of each key (not a downsampled bucket’s min or max), steps the last step', async () => {
        const run = await create({ name: 'final values' });
        expect((await gql<{ run: { final: unknown; steps: unknown } }>(READ, { id: run.id })).run).toMatchObject({ final: {}, steps: null });
        // Logged out of order, with a spike: the last step's value is what a table should show.
        const loss = Array.from({ length: 5000 }, (_, step) => ({ key: 'train/loss', step, value: step === 4000 ? 99 : 1 / (step + 1) }));
        await gql(LOG, { runId: run.id, points: loss.slice(2500) });
        await gql(LOG, { runId: run.id, points: loss.slice(0, 2500) });
        await gql(LOG, { runId: run.id, points: [{ key: 'test/acc', step: 10, value: 0.8 }, { key: 'test/acc', step: 20, value: 0.9 }] });
        const read = (await gql<{ run: { final: Record<string, number>; steps: number } }>(READ, { id: run.id })).run;
        expect(read.final).toEqual({ 'test/acc': 0.9, 'train/loss': 1 / 5000 });
        expect(read.steps).toBe(4999);
        // `saddle export` reports the same numbers.
        const exported = await experimentResult(server.runtime.store, run.experiment.id);
        expect(exported.runs[0]).toMatchObject({ final: { 'test/acc': 0.9, 'train/loss': 1 / 5000 }, steps: 4999 });
      });

      it('an experiment’s runs read their final and steps together (one batched read) and each equals its own run(id) read', async () => {
        const first = await create({ name: 'batch 0', experimentName: 'batched last values' });
        const runs = [first, await create({ name: 'batch 1', experimentName: 'batched last values' }), await create({ name: 'batch 2', experimentName: 'batched last values' })];
        expect(new Set(runs.map((r) => r.experiment.id)).size).toBe(1);
        // Different keys, lengths and last values per run; the third logs nothing.
        await gql(LOG, { runId: runs[0]?.id, points: Array.from({ length: 300 }, (_, step) => ({ key: 'train/loss', step, value: 1 / (step + 1) })) });
        await gql(LOG, { runId: runs[1]?.id, points: [{ key: 'a', step: 7, value: 2 }, { key: 'b', step: 3, value: -1 }] });
        const EXPERIMENT = `query($id: ID!) { experiment(id: $id) { runs { id final steps } } }`;
        const read = (await gql<{ experiment: { runs: { id: string; final: unknown; steps: unknown }[] } }>(EXPERIMENT, { id: first.experiment.id })).experiment.runs;
        const byId = new Map(read.map((r) => [r.id, { final: r.final, steps: r.steps }]));
        expect(byId.get(runs[0]?.id as string)).toEqual({ final: { 'train/loss': 1 / 300 }, steps: 299 });
        expect(byId.get(runs[1]?.id as string)).toEqual({ final: { a: 2, b: -1 }, steps: 7 });
        expect(byId.get(runs[2]?.id as string)).toEqual({ final: {}, steps: null });
        for (const run of runs) expect((await gql<{ run: { final: unknown; steps: unknown } }>(`query($id: ID!) { run(id: $id) { final steps } }`, { id: run.id })).run).toEqual(byId.get(run.id));
      });

      it('setSummary merges keys, null removes one, and works after the run ended', async () => {
        const run = await create({ name: 'summary' });
        const SET = `mutation($runId: ID!, $summary: JSONObject!) { setSummary(runId: $runId, summary: $summary) { summaryValues } }`;
        await gql(SET, { runId: run.id, summary: { 'best/acc': 0.91, notes: 'warmup', confusion: [[1, 0], [0, 1]] } });
        await gql(FINISH, { runId: run.id, status: 'SUCCEEDED' });
        const set = await gql<{ setSummary: { summaryValues: Record<string, unknown> } }>(SET, { runId: run.id, summary: { 'best/acc': 0.93, notes: null } });
        expect(set.setSummary.summaryValues).toEqual({ 'best/acc': 0.93, confusion: [[1, 0], [0, 1]] });
        const big = await postGraphQL(server.url, SET, { runId: run.id, summary: { blob: 'x'.repeat(300 * 1024) } });
        expect(big.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED' });
      });
    });
  });
}

lifecycleContract('SQLite', () => undefined);

const postgresUrl = TEST_POSTGRES_URL;
const schema = testSchemas().fresh(['_restart']);
lifecycleContract('PostgreSQL', () => ({ kind: 'postgres', url: postgresUrl, schema }));

describe('SADDLE_HEARTBEAT_TIMEOUT_S', () => {
  it('is seconds, 300 by default; anything but a positive number is refused naming the variable', () => {
    expect(heartbeatTimeoutMsFromEnv({})).toBe(300_000);
    expect(heartbeatTimeoutMsFromEnv({ SADDLE_HEARTBEAT_TIMEOUT_S: '2.5' })).toBe(2500);
    for (const bad of ['soon', '0', '-5', 'Infinity']) {
      expect(() => heartbeatTimeoutMsFromEnv({ SADDLE_HEARTBEAT_TIMEOUT_S: bad })).toThrow(/SADDLE_HEARTBEAT_TIMEOUT_S must be a positive number of seconds/);
    }
  });
});
