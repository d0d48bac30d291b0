/**
 * The lifecycle the dashboard drives (issue #15): renaming an experiment, launching it again
 * (rerunExperiment, Experiment.launchInput for "Clone and edit"), and cancelling one run, after
 * which the other runs' figures are still drawn — unlike cancelExperiment, which stops it all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-utils/server.js';
import { waitFor } from '../test-utils/temp.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

interface Launched {
  id: string;
  name: string;
  status: string;
  analysisStatus: string;
  tags: string[];
  launchInput: Record<string, unknown> | null;
  runs: { id: string; key: string; status: string; spec: Record<string, unknown> }[];
}
const FIELDS = 'id name status analysisStatus tags launchInput runs { id key status spec }';
const LAUNCH = `mutation($input: LaunchExperimentInput!) { launchExperiment(input: $input) { ${FIELDS} } }`;
const RERUN = `mutation($id: ID!, $name: String) { rerunExperiment(id: $id, name: $name) { ${FIELDS} } }`;
const RENAME = `mutation($id: ID!, $name: String!) { renameExperiment(id: $id, name: $name) { id name } }`;
const READ = `query($id: ID!) { experiment(id: $id) { ${FIELDS} error analyses { id data } } }`;

async function launch(input: Record<string, unknown>): Promise<Launched> {
  const { data, errors } = await server.run<{ launchExperiment: Launched }>(LAUNCH, { input });
  expect(errors).toBeUndefined();
  return data!.launchExperiment;
}

async function cancelAll(id: string): Promise<void> {
  await server.run(`mutation($id: ID!) { cancelExperiment(id: $id) { id } }`, { id });
  await server.runtime.queue.idle();
}

type Read = Launched & { error: string | null; analyses: { id: string; data: { series: { label: string }[] } }[] };
async function read(id: string): Promise<Read> {
  const { data, errors } = await server.run<{ experiment: Read }>(READ, { id });
  expect(errors).toBeUndefined();
  return data!.experiment;
}

describe('renameExperiment', () => {
  it('renames (trimmed), and refuses an empty or too long name on the `name` field, keeping the old one', async () => {
    const experiment = await launch({ preset: 'test-tiny', name: 'before' });
    await cancelAll(experiment.id);
    const renamed = await server.run<{ renameExperiment: { name: string } }>(RENAME, { id: experiment.id, name: '  lr sweep, take 2  ' });
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data?.renameExperiment.name).toBe('lr sweep, take 2');
    expect((await read(experiment.id)).name).toBe('lr sweep, take 2');

    for (const name of ['', '   ', 'x'.repeat(201)]) {
      const { errors } = await server.run(RENAME, { id: experiment.id, name });
      expect(errors?.[0]?.extensions, JSON.stringify(name)).toMatchObject({ code: 'BAD_USER_INPUT', path: ['name'] });
      expect(errors?.[0]?.message).toMatch(/name must not be empty or longer than 200 characters/);
    }
    expect((await read(experiment.id)).name).toBe('lr sweep, take 2');
    const missing = await server.run(RENAME, { id: '00000000-0000-0000-0000-000000000000', name: 'x' });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', kind: 'Experiment' });
  });
});

describe('rerunExperiment and launchInput', () => {
  it('launches a preset again with the same scale and overrides, its tags, as a new experiment', async () => {
    const original = await launch({ preset: 'test-tiny', scale: 'QUICK', overrides: { epochs: 3 }, name: 'tiny, 3 epochs', tags: ['baseline'] });
    await cancelAll(original.id);
    expect(original.launchInput).toEqual({ preset: 'test-tiny', scale: 'QUICK', overrides: { epochs: 3 } });

    const { data, errors } = await server.run<{ rerunExperiment: Launched }>(RERUN, { id: original.id });
    expect(errors).toBeUndefined();
    const again = data!.rerunExperiment;
    await cancelAll(again.id);
    expect(again.id).not.toBe(original.id);
    expect(again).toMatchObject({ name: 'tiny, 3 epochs (re-run)', status: 'QUEUED', analysisStatus: 'PENDING', tags: ['baseline'], launchInput: original.launchInput });
    expect(again.runs.map((r) => [r.key, r.spec.epochs])).toEqual([['seed0', 3], ['seed1', 3]]);
    // The original is untouched; a re-run of the re-run keeps one suffix; a name may be given.
    expect((await read(original.id)).name).toBe('tiny, 3 epochs');
    const twice = await server.run<{ rerunExperiment: Launched }>(RERUN, { id: again.id });
    await cancelAll(twice.data!.rerunExperiment.id);
    expect(twice.data?.rerunExperiment.name).toBe('tiny, 3 epochs (re-run)');
    const named = await server.run<{ rerunExperiment: Launched }>(RERUN, { id: original.id, name: 'third try' });
    await cancelAll(named.data!.rerunExperiment.id);
    expect(named.data?.rerunExperiment.name).toBe('third try');
    const empty = await server.run(RERUN, { id: original.id, name: ' ' });
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['name'] });
  });

  it('launches a spec sweep again with the same sweep and seeds; its launchInput launches the same runs', async () => {
    const spec = { model: { name: 'probe', layers: [{ type: 'dense', units: 4, activation: 'relu' }, { type: 'dense', units: 1 }] }, data: { kind: 'function', fn: 'sinc5', n: 32 }, epochs: 1 };
    const original = await launch({ spec, overrides: { batchSize: 8 }, sweep: { method: 'GRID', parameters: { 'optimizer.lr': { values: [0.001, 0.01] } } }, seeds: 2 });
    await cancelAll(original.id);
    const input = original.launchInput!;
    expect(input.sweep).toMatchObject({ method: 'GRID', parameters: { 'optimizer.lr': { values: [0.001, 0.01] } }, seeds: 2 });
    // The overrides are in the stored spec already: launching launchInput as given makes the same runs.
    expect((input.spec as { batchSize: number }).batchSize).toBe(8);
    expect(input.overrides).toBeUndefined();
    const cloned = await launch({ ...input, name: 'clone' });
    await cancelAll(cloned.id);
    const { data } = await server.run<{ rerunExperiment: Launched }>(RERUN, { id: original.id });
    const again = data!.rerunExperiment;
    await cancelAll(again.id);
    const runsOf = (e: Launched) => e.runs.map((r) => [r.key, r.spec]);
    expect(runsOf(again)).toEqual(runsOf(original));
    expect(runsOf(cloned)).toEqual(runsOf(original));
    expect(original.runs.map((r) => r.key)).toHaveLength(4);
  });

  it('refuses a script’s experiment: it was not launched here', async () => {
    const created = await server.run<{ createRun: { experiment: { id: string; launchInput: unknown } } }>(`mutation { createRun(input: { name: "logged" }) { experiment { id launchInput } } }`);
    const experiment = created.data!.createRun.experiment;
    expect(experiment.launchInput).toBeNull();
    const { errors } = await server.run(RERUN, { id: experiment.id });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['id'] });
    expect(errors?.[0]?.message).toMatch(/logged by scripts/);
  });
});

describe('cancelling one run', () => {
  it('leaves the other runs to finish and the analysis to draw their figures, naming the cancelled run', async () => {
    // test-tiny's two seeds train together (one batched job): seed1 is stopped within a step, seed0 goes on.
    const experiment = await launch({ preset: 'test-tiny', overrides: { epochs: 30 }, name: 'one cancelled' });
    const seed1 = experiment.runs.find((r) => r.key === 'seed1')!;
    const cancelled = await server.run<{ cancelRun: { status: string } }>(`mutation($id: ID!) { cancelRun(id: $id) { status } }`, { id: seed1.id });
    expect(cancelled.errors).toBeUndefined();
    const done = await waitFor(async () => {
      const e = await read(experiment.id);
      return e.analysisStatus === 'SUCCEEDED' || e.analysisStatus === 'FAILED' || e.analysisStatus === 'SKIPPED' ? e : null;
    }, { what: 'the analysis to end' });
    expect(done.runs.map((r) => [r.key, r.status])).toEqual([['seed0', 'SUCCEEDED'], ['seed1', 'CANCELLED']]);
    expect(done.analysisStatus).toBe('SUCCEEDED');
    expect(done.status).toBe('CANCELLED');
    expect(done.error).toBe('1 of 2 runs was cancelled: seed1. The figures show the 1 run that succeeded.');
    // The figure is drawn from seed0 alone.
    const figure = done.analyses.find((a) => a.id === 'final-loss');
    expect(figure?.data.series.map((s) => s.label.split(' ')[0])).toEqual(['seed0']);
  });

  it('cancelExperiment stops it all: no analysis, even of a run that had already succeeded', async () => {
    // A sweep over epochs trains its points one after the other: epochs=1 ends, epochs=2000 is still running.
    const spec = { model: { name: 'probe', layers: [{ type: 'dense', units: 4, activation: 'relu' }, { type: 'dense', units: 1 }] }, data: { kind: 'function', fn: 'sinc5', n: 32 } };
    const experiment = await launch({ spec, sweep: { method: 'GRID', parameters: { epochs: { values: [1, 2000] } } } });
    await waitFor(async () => {
      const runs = (await read(experiment.id)).runs;
      return runs[0]?.status === 'SUCCEEDED' && runs[1]?.status === 'RUNNING';
    }, { what: 'the first point to succeed and the second to run' });
    await cancelAll(experiment.id);
    const done = await waitFor(async () => {
      const e = await read(experiment.id);
      return e.status === 'CANCELLED' ? e : null;
    }, { what: 'the experiment to be cancelled' });
    expect(done.runs.map((r) => r.status)).toEqual(['SUCCEEDED', 'CANCELLED']);
    expect(done.analysisStatus).toBe('SKIPPED');
    expect(done.analyses).toEqual([]);
    expect(done.error).toBeNull();
  });
});
