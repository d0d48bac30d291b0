/**
 * Spec launches with overrides, seeds and sweeps, effective configs, and the launch-time checks
 * (data that cannot be found, a data source a preset does not use, a preset with no runs),
 * through a real server with a worker process: a 2 × 2 learning-rate sweep trains to the end and
 * its figure is checked against its runs' stored final losses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zoo } from '../engine.js';
import { startTestServer, type GraphQLErrorLike, type TestServer } from '../test-utils/server.js';
import { waitFor } from '../test-utils/temp.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ workers: 1 });
});
afterAll(async () => {
  await server.close();
});

const LAUNCH = /* GraphQL */ `
  mutation Launch($input: LaunchExperimentInput!) {
    launchExperiment(input: $input) { id name origin status analysisStatus runs { id key group status config spec } }
  }
`;

interface Launched {
  launchExperiment: { id: string; name: string; origin: string; status: string; analysisStatus: string; runs: { id: string; key: string; group: string; status: string; config: Record<string, unknown>; spec: { epochs: number; seed: number; optimizer: { lr: number } } }[] };
}

const tinySpec = {
  data: { kind: 'function', n: 64 },
  model: { name: 'tiny-mlp', layers: [{ type: 'dense', units: 8, activation: 'relu' }, { type: 'dense', units: 1, activation: 'linear' }] },
  batchSize: 16,
  epochs: 2,
};

function onlyError(errors: readonly GraphQLErrorLike[] | undefined): GraphQLErrorLike {
  expect(errors).toHaveLength(1);
  return errors![0]!;
}

async function cancel(id: string): Promise<void> {
  await server.run(`mutation($id: ID!) { cancelExperiment(id: $id) { id } }`, { id });
}

describe('launchExperiment with a sweep', () => {
  it('trains an lr grid × 2 seeds, keyed by the swept values, configs effective, and draws final loss vs lr (mean ± std)', async () => {
    const { data, errors } = await server.run<Launched>(LAUNCH, {
      input: { spec: tinySpec, sweep: { method: 'GRID', parameters: { 'optimizer.lr': { values: [0.001, 0.01] } } }, seeds: 2 },
    });
    expect(errors).toBeUndefined();
    const experiment = data!.launchExperiment;
    expect(experiment).toMatchObject({ name: 'tiny-mlp sweep over optimizer.lr', origin: 'spec', analysisStatus: 'PENDING' });
    expect(experiment.runs.map((run) => [run.key, run.group, run.spec.optimizer.lr, run.spec.seed])).toEqual([
      ['optimizer.lr=0.001', 'optimizer.lr=0.001', 0.001, 0],
      ['optimizer.lr=0.001/seed1', 'optimizer.lr=0.001', 0.001, 1],
      ['optimizer.lr=0.01', 'optimizer.lr=0.01', 0.01, 0],
      ['optimizer.lr=0.01/seed1', 'optimizer.lr=0.01', 0.01, 1],
    ]);
    expect(experiment.runs[1]!.config).toMatchObject({ 'optimizer.lr': 0.001, seed: 1, epochs: 2, batchSize: 16, 'model.name': 'tiny-mlp', 'data.n': 64, 'optimizer.kind': 'adam' });

    const done = await waitFor(
      async () => {
        const reply = await server.run<{ experiment: { status: string; analyses: { id: string; title: string; data: { x: { scale: string }; series: { points: { x: number; y: number; error?: number }[] }[] } }[]; runs: { key: string; final: Record<string, number> | null }[] } }>(
          `query($id: ID!) { experiment(id: $id) { status analyses { id title data } runs { key final } } }`,
          { id: experiment.id },
        );
        const found = reply.data?.experiment;
        return found && ['SUCCEEDED', 'FAILED'].includes(found.status) && found;
      },
      { timeoutMs: 120_000, what: 'the sweep to end' },
    );
    expect(done.status).toBe('SUCCEEDED');
    const figure = done.analyses.find((a) => a.id === 'sweep-train-loss-vs-optimizer.lr')!;
    expect(figure.title).toBe('Final train/loss vs optimizer.lr (mean ± std over 2 seeds)');
    const final = (key: string) => done.runs.find((run) => run.key === key)!.final!['train/loss']!;
    const [low, high] = figure.data.series[0]!.points;
    expect(low!.x).toBe(0.001);
    expect(low!.y).toBeCloseTo((final('optimizer.lr=0.001') + final('optimizer.lr=0.001/seed1')) / 2, 6);
    expect(low!.error).toBeCloseTo(Math.abs(final('optimizer.lr=0.001') - final('optimizer.lr=0.001/seed1')) / Math.SQRT2, 6);
    expect(high!.x).toBe(0.01);
  }, 150_000);

  it('applies overrides to a spec launch (no longer dropped) and trains it once per seed', async () => {
    const { data, errors } = await server.run<Launched>(LAUNCH, { input: { spec: tinySpec, overrides: { epochs: 3, 'optimizer.lr': 0.02 }, seeds: 3 } });
    expect(errors).toBeUndefined();
    const experiment = data!.launchExperiment;
    await cancel(experiment.id);
    expect(experiment.analysisStatus).toBe('SKIPPED');
    expect(experiment.runs.map((run) => [run.key, run.spec.epochs, run.spec.optimizer.lr, run.spec.seed])).toEqual([
      ['run', 3, 0.02, 0],
      ['run/seed1', 3, 0.02, 1],
      ['run/seed2', 3, 0.02, 2],
    ]);
    expect(experiment.runs[0]!.config).toMatchObject({ epochs: 3, 'optimizer.lr': 0.02, seed: 0, 'model.name': 'tiny-mlp' });
  });

  it('names the field of a bad sweep, seeds, override or expression', async () => {
    const cases: [Record<string, unknown>, (string | number)[], RegExp][] = [
      [{ spec: tinySpec, sweep: { method: 'GRID', parameters: { optimiser: { values: [1] } } } }, ['input', 'sweep', 'parameters', 'optimiser'], /unknown override 'optimiser'/],
      [{ spec: tinySpec, sweep: { method: 'GRID', parameters: { 'optimizer.lr': { min: 1, max: 0.1 } } } }, ['input', 'sweep', 'parameters', 'optimizer.lr', 'max'], /greater than min/],
      [{ spec: tinySpec, sweep: { method: 'GRID', parameters: { epochs: { values: [1] } }, seeds: 2 }, seeds: 3 }, ['input', 'seeds'], /disagree/],
      [{ spec: tinySpec, seeds: 0 }, ['input', 'seeds'], /integer from 1/],
      [{ spec: tinySpec, overrides: { 'optimizer.lr': -1 } }, ['input', 'overrides', 'optimizer', 'lr'], /positive learning rate/],
      [{ preset: 'test-tiny', sweep: { method: 'GRID', parameters: { epochs: { values: [1] } } } }, ['input', 'sweep'], /goes with a spec launch/],
      [{ spec: { ...tinySpec, data: { kind: 'function', expression: 'exp(-x)*cos(2*pi*x' } } }, ['input', 'spec', 'data', 'expression'], /does not parse: .* at char 19/],
    ];
    for (const [input, path, message] of cases) {
      const error = onlyError((await server.run(LAUNCH, { input })).errors);
      expect(error.extensions?.code, JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(error.extensions?.path, JSON.stringify(input)).toEqual(path);
      expect(error.message).toMatch(message);
    }
  });
});

describe('launch-time checks and effective configs of presets', () => {
  it('gives a preset run its effective config: --set model=mlp-shallow says mlp-shallow', async () => {
    const { data, errors } = await server.run<Launched>(LAUNCH, {
      input: { preset: 'fit-function', scale: 'QUICK', overrides: { models: 'mlp-deep', targets: 'sinc5', model: 'mlp-shallow', epochs: 1 } },
    });
    expect(errors).toBeUndefined();
    await cancel(data!.launchExperiment.id);
    expect(data!.launchExperiment.runs[0]!.config).toMatchObject({ model: 'mlp-shallow', 'model.name': 'mlp-shallow', target: 'sinc5', epochs: 1, 'data.fn': 'sinc5' });
  });

  it('refuses data a preset does not use, and CIFAR-10 without its files, before anything is stored', async () => {
    const before = (await server.run<{ experiments: { totalCount: number } }>(`{ experiments { totalCount } }`)).data!.experiments.totalCount;
    const onFunctions = onlyError((await server.run(LAUNCH, { input: { preset: 'fit-function', data: 'CIFAR10' } })).errors);
    expect(onFunctions.extensions?.path).toEqual(['input', 'data']);
    expect(onFunctions.message).toMatch(/preset 'fit-function' trains on function data, so data 'cifar10' does not apply/);

    const saved = process.env.SADDLE_CIFAR10_DIR;
    delete process.env.SADDLE_CIFAR10_DIR;
    try {
      const missing = onlyError((await server.run(LAUNCH, { input: { preset: 'train-cnn', data: 'CIFAR10' } })).errors);
      expect(missing.extensions?.path).toEqual(['input', 'data']);
      expect(missing.message).toMatch(/CIFAR-10 binary files not found .*SADDLE_CIFAR10_DIR.*cifar-10-binary\.tar\.gz/);
      const inSpec = onlyError(
        (await server.run(LAUNCH, { input: { spec: { model: zoo['cnn-shallow']!.spec, data: { kind: 'cifar10', dir: '/nonexistent/cifar' }, loss: 'cross-entropy' } } })).errors,
      );
      expect((inSpec.extensions?.path as unknown[]).slice(0, 2)).toEqual(['input', 'spec']);
    } finally {
      if (saved !== undefined) process.env.SADDLE_CIFAR10_DIR = saved;
    }
    expect((await server.run<{ experiments: { totalCount: number } }>(`{ experiments { totalCount } }`)).data!.experiments.totalCount).toBe(before);
  });
});

describe('the model zoo by name', () => {
  it('lists the zoo, and a spec launch takes a zoo model by its name', async () => {
    const { data, errors } = await server.run<{ modelZoo: { id: string; data: string; parameters: number }[] }>(`{ modelZoo { id data parameters } }`);
    expect(errors).toBeUndefined();
    expect(data!.modelZoo.find((model) => model.id === 'mlp-deep')).toEqual({ id: 'mlp-deep', data: 'function', parameters: 573 });
    expect(data!.modelZoo.find((model) => model.id === 'cnn-shallow')?.data).toBe('image');
    const launched = await server.run<Launched>(LAUNCH, { input: { spec: { model: 'mlp-shallow', epochs: 1 } } });
    expect(launched.errors).toBeUndefined();
    await cancel(launched.data!.launchExperiment.id);
    expect(launched.data!.launchExperiment.runs[0]!.config['model.name']).toBe('mlp-shallow');
  });
});
