import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-utils/server.js';

let server: TestServer;
beforeAll(async () => {
  // Launches here are cancelled at once or refused: one worker process is enough.
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const LAUNCH = /* GraphQL */ `
  mutation Launch($input: LaunchExperimentInput!) {
    launchExperiment(input: $input) { id name preset scale status analysisStatus tags runs { key status spec } }
  }
`;

describe('Query.presets', () => {
  it('lists the catalogue with figure kinds, knobs and default runs per scale', async () => {
    const { data, errors } = await server.run<{ presets: { id: string; figures: { id: string; kind: string; metrics: string[] | null }[]; knobs: { key: string; quick: unknown; full: unknown }[]; defaultRuns: { key: string; spec: { epochs: number } }[] }[] }>(
      `{ presets { id title description figures { id title kind metrics x yScale } knobs { key description quick full } defaultRuns(scale: FULL) { key group config spec } } }`,
    );
    expect(errors).toBeUndefined();
    const tiny = data?.presets.find((p) => p.id === 'test-tiny');
    expect(tiny?.figures).toEqual([
      { id: 'loss', title: 'Loss', kind: 'METRIC_LINES', metrics: ['train/loss'], x: 'epoch', yScale: 'log' },
      { id: 'final-loss', title: 'Final loss per run', kind: 'LINES', metrics: null, x: null, yScale: null },
    ]);
    expect(tiny?.knobs).toEqual([{ key: 'epochs', description: 'Epochs per run', quick: 4, full: 40 }]);
    expect(tiny?.defaultRuns.map((r) => [r.key, r.spec.epochs])).toEqual([['seed0', 40], ['seed1', 40]]);
    // The engine's catalogue is served too.
    expect(data?.presets.some((p) => p.id === 'fit-function')).toBe(true);
  });
});

describe('launchExperiment', () => {
  it('stores the experiment and its runs (specs completed and validated), QUEUED, then lets it be cancelled', async () => {
    const { data, errors } = await server.run<{ launchExperiment: { id: string; name: string; scale: string; status: string; analysisStatus: string; tags: string[]; runs: { key: string; status: string; spec: { epochs: number; evalEvery: number } }[] } }>(
      LAUNCH,
      { input: { preset: 'test-tiny', scale: 'QUICK', overrides: { epochs: 2 }, tags: ['smoke', 'api'] } },
    );
    expect(errors).toBeUndefined();
    const experiment = data!.launchExperiment;
    expect(experiment).toMatchObject({ name: 'Tiny test preset (quick)', scale: 'QUICK', status: 'QUEUED', analysisStatus: 'PENDING', tags: ['api', 'smoke'] });
    expect(experiment.runs.map((r) => [r.key, r.spec.epochs])).toEqual([['seed0', 2], ['seed1', 2]]);

    const cancelled = await server.run<{ cancelExperiment: { status: string; runs: { status: string }[] } }>(
      `mutation($id: ID!) { cancelExperiment(id: $id) { status runs { status } } }`,
      { id: experiment.id },
    );
    expect(cancelled.errors).toBeUndefined();
    await server.runtime.queue.idle();
    const after = await server.run<{ experiment: { status: string; runs: { status: string }[] } }>(`query($id: ID!) { experiment(id: $id) { status runs { status } } }`, { id: experiment.id });
    expect(after.data?.experiment.runs.every((r) => r.status === 'CANCELLED')).toBe(true);
    expect(after.data?.experiment.status).toBe('CANCELLED');
  });

  it('launches one run from a raw spec, completed with the engine defaults, with no analysis', async () => {
    const { data, errors } = await server.run<{ launchExperiment: { id: string; name: string; preset: string | null; analysisStatus: string; runs: { key: string; spec: { epochs: number; optimizer: { kind: string; beta1: number } } }[] } }>(LAUNCH, {
      input: { spec: { model: { name: 'probe', layers: [{ type: 'dense', units: 4, activation: 'relu' }, { type: 'dense', units: 1 }] }, epochs: 1 } },
    });
    expect(errors).toBeUndefined();
    const experiment = data!.launchExperiment;
    expect(experiment).toMatchObject({ name: 'probe run', preset: null, analysisStatus: 'SKIPPED' });
    expect(experiment.runs).toHaveLength(1);
    expect(experiment.runs[0]!.spec).toMatchObject({ epochs: 1, optimizer: { kind: 'adam', beta1: 0.9 } });
    await server.run(`mutation($id: ID!) { cancelExperiment(id: $id) { id } }`, { id: experiment.id });
    await server.runtime.queue.idle();
  });

  it('refuses bad input before storing anything, naming the field and what is allowed', async () => {
    const before = (await server.run<{ experiments: { totalCount: number } }>(`{ experiments { totalCount } }`)).data!.experiments.totalCount;
    const cases: [Record<string, unknown>, (string | number)[], RegExp][] = [
      [{ preset: 'no-such-preset' }, ['input', 'preset'], /unknown preset/],
      [{}, ['input', 'preset'], /give a preset/],
      [{ preset: 'test-tiny', spec: { model: { name: 'm', layers: [] } } }, ['input', 'spec'], /either a preset or a spec/],
      [{ preset: 'test-tiny', overrides: { colour: 'red' } }, ['input', 'overrides'], /unknown override 'colour'/],
      [{ preset: 'test-tiny', overrides: { epochs: 0 } }, ['input', 'overrides'], /positive integer/],
      // An own `__proto__` key, as JSON variables carry it: refused like any unknown key, not dropped.
      [{ preset: 'fit-function', overrides: JSON.parse('{"__proto__": {"epochs": 2}}') as Record<string, unknown> }, ['input', 'overrides'], /unknown override '__proto__'/],
      [{ preset: 'test-tiny', tags: ['ok', ' bad'] }, ['input', 'tags', 1], /tag " bad" is not allowed/],
      [{ preset: 'test-tiny', name: '   ' }, ['input', 'name'], /name must not be empty/],
    ];
    for (const [input, path, message] of cases) {
      const { errors } = await server.run(LAUNCH, { input });
      expect(errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', path });
      expect(errors?.[0]?.message).toMatch(message);
    }
    const unknown = await server.run(LAUNCH, { input: { preset: 'nope' } });
    expect(unknown.errors?.[0]?.extensions?.allowed).toContain('test-tiny');

    const badSpec = await server.run(LAUNCH, {
      input: { spec: { model: { name: 'm', layers: [{ type: 'dense', units: 1 }] }, optimizer: { kind: 'sgd', lr: -1 } } },
    });
    expect(badSpec.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'spec', 'optimizer', 'lr'] });

    const badScale = await server.run(LAUNCH, { input: { preset: 'test-tiny', scale: 'HUGE' } });
    expect(badScale.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    expect((await server.run<{ experiments: { totalCount: number } }>(`{ experiments { totalCount } }`)).data!.experiments.totalCount).toBe(before);
  });
});

describe('experiment mutations', () => {
  async function launchAndCancel(): Promise<string> {
    const { data } = await server.run<{ launchExperiment: { id: string } }>(LAUNCH, { input: { preset: 'test-tiny', name: 'to edit' } });
    const id = data!.launchExperiment.id;
    await server.run(`mutation($id: ID!) { cancelExperiment(id: $id) { id } }`, { id });
    await server.runtime.queue.idle();
    return id;
  }

  it('tags, writes notes, and deletes', async () => {
    const id = await launchAndCancel();
    const tagged = await server.run<{ tagExperiment: { tags: string[] } }>(`mutation($id: ID!, $tags: [String!]!) { tagExperiment(id: $id, tags: $tags) { tags } }`, { id, tags: ['b', 'a', 'b'] });
    expect(tagged.data?.tagExperiment.tags).toEqual(['a', 'b']);
    const noted = await server.run<{ setNotes: { notes: string } }>(`mutation($id: ID!) { setNotes(id: $id, notes: "lr too high?") { notes } }`, { id });
    expect(noted.data?.setNotes.notes).toBe('lr too high?');
    const filtered = await server.run<{ experiments: { edges: { node: { id: string } }[] } }>(`{ experiments(filter: { tag: "a", text: "TOO HIGH" }) { edges { node { id } } } }`);
    expect(filtered.data?.experiments.edges.map((e) => e.node.id)).toEqual([id]);
    const deleted = await server.run<{ deleteExperiment: string }>(`mutation($id: ID!) { deleteExperiment(id: $id) }`, { id });
    expect(deleted.data?.deleteExperiment).toBe(id);
    expect((await server.run<{ experiment: null }>(`query($id: ID!) { experiment(id: $id) { id } }`, { id })).data?.experiment).toBeNull();
  });

  it('answers NOT_FOUND, BAD_USER_INPUT and LIMIT_EXCEEDED with the bad field', async () => {
    const id = await launchAndCancel();
    const missing = '00000000-0000-0000-0000-000000000000';
    for (const mutation of [
      `mutation { cancelExperiment(id: "${missing}") { id } }`,
      `mutation { tagExperiment(id: "${missing}", tags: ["x"]) { id } }`,
      `mutation { setNotes(id: "${missing}", notes: "x") { id } }`,
      `mutation { deleteExperiment(id: "${missing}") }`,
    ]) {
      const { errors } = await server.run(mutation);
      expect(errors?.[0]?.extensions, mutation).toMatchObject({ code: 'NOT_FOUND', kind: 'Experiment', id: missing });
    }
    const badTag = await server.run(`mutation($id: ID!) { tagExperiment(id: $id, tags: ["fine", "no\\"quotes"]) { id } }`, { id });
    expect(badTag.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['tags', 1] });
    const tooMany = await server.run(`mutation($id: ID!, $tags: [String!]!) { tagExperiment(id: $id, tags: $tags) { id } }`, { id, tags: Array.from({ length: 33 }, (_, i) => `t${i}`) });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 32, got: 33 });
    const longNotes = await server.run(`mutation($id: ID!, $notes: String!) { setNotes(id: $id, notes: $notes) { id } }`, { id, notes: 'x'.repeat(100_001) });
    expect(longNotes.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 100_000 });
    const bigPage = await server.run(`{ experiments(first: 1000) { totalCount } }`);
    expect(bigPage.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 100 });
    const badCursor = await server.run(`{ experiments(after: "not-a-cursor") { totalCount } }`);
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['after'] });
  });

  it('pages with cursors, newest first', async () => {
    // Apart by a few ms: experiments made in the same millisecond are ordered by id, not by launch.
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(await launchAndCancel());
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: { data?: { experiments: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } | null } = await server.run(
        `query($after: String) { experiments(first: 2, after: $after, filter: { status: [CANCELLED] }) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const connection = result.data!.experiments;
      seen.push(...connection.edges.map((e) => e.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen.slice(0, 3)).toEqual([...ids].reverse());
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('limits and errors', () => {
  it('refuses too deep and too costly queries with LIMIT_EXCEEDED', async () => {
    const deep = await server.run(`{ experiments { edges { node { runs { experiment { runs { experiment { runs { experiment { runs { experiment { runs { id } } } } } } } } } } } } }`);
    expect(deep.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 12 });
    const costly = await server.run(`{ experiments(first: 100) { edges { node { runs { metrics { key points { step value } } } } } } }`);
    expect(costly.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 20_000 });
  });
});
