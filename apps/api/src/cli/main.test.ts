/**
 * The CLI as a user runs it (in-process through `main`, output captured): exit codes, messages
 * naming the bad argument, a preset run with its JSON result, models, export and tokens.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../auth/token.service.js';
import { Store } from '../store/store.js';
import { tempDir, TINY_PRESET_MODULE } from '../test-utils/temp.js';
import { getPreset, initBackend, type Figure, type RunArtifacts } from '../engine.js';
import { formatBytes, main } from './main.js';

function capture(): { out: Writable & { text(): string }; err: Writable & { text(): string } } {
  const make = () => {
    let text = '';
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        text += chunk.toString();
        callback();
      },
    });
    return Object.assign(stream, { text: () => text });
  };
  return { out: make(), err: make() };
}

async function saddle(...args: string[]) {
  const io = capture();
  const code = await main(['node', 'saddle', ...args], io);
  return { code, out: io.out.text(), err: io.err.text() };
}

const dir = tempDir();
const previousModules = process.env.SADDLE_PRESET_MODULES;
beforeAll(() => {
  process.env.SADDLE_PRESET_MODULES = TINY_PRESET_MODULE;
});
afterAll(() => {
  if (previousModules === undefined) delete process.env.SADDLE_PRESET_MODULES;
  else process.env.SADDLE_PRESET_MODULES = previousModules;
  dir.remove();
});

describe('saddle (CLI)', () => {
  it('exits 2 naming the bad argument on bad usage', async () => {
    const scale = await saddle('run', 'test-tiny', '--scale', 'huge', '--data-dir', dir.path);
    expect(scale.code).toBe(2);
    expect(scale.err).toMatch(/--scale <scale>' argument 'huge' is invalid\. Allowed choices are quick, standard, full/);
    const preset = await saddle('run', 'no-such-preset', '--data-dir', dir.path);
    expect(preset.code).toBe(2);
    expect(preset.err).toMatch(/bad <preset> "no-such-preset".*\n\s+allowed: .*test-tiny/);
    const set = await saddle('run', 'test-tiny', '--set', 'colour=red', '--data-dir', dir.path);
    expect(set.code).toBe(2);
    expect(set.err).toMatch(/bad --set: .*unknown override 'colour'/);
    const malformed = await saddle('run', 'test-tiny', '--set', 'epochs', '--data-dir', dir.path);
    expect(malformed.code).toBe(2);
    expect(malformed.err).toMatch(/--set <key=value>' argument 'epochs' is invalid\. expected key=value/);
    expect((await saddle('bogus')).code).toBe(2);
    expect((await saddle('models', '--input', '32x0')).err).toMatch(/--input <shape>' argument '32x0' is invalid/);
    expect((await saddle('token', 'create', '--data-dir', dir.path)).err).toMatch(/required option '--scope <scope>'/);
    expect((await saddle('export', 'nope', '--data-dir', dir.path)).code).toBe(2);
  });

  it('prints the zoo with the HW1 parameter counts', async () => {
    const { code, out } = await saddle('models', '--json');
    expect(code).toBe(0);
    const summaries = JSON.parse(out) as Record<string, { totalParams: number }>;
    const counts = Object.values(summaries).map((s) => s.totalParams);
    for (const expected of [573, 34_634, 34_658, 3_294, 501_898]) expect(counts).toContain(expected);
  });

  it('runs a preset to the end, prints its result document, and exports everything', async () => {
    const run = await saddle('run', 'test-tiny', '--set', 'epochs=2', '--json', '--tag', 'cli', '--workers', '2', '--data-dir', dir.path);
    expect(run.err).toMatch(/run seed0: SUCCEEDED/); // line logs when stderr is not a terminal
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as { experiment: { id: string; status: string; tags: string[] }; runs: { key: string; status: string; steps: number }[]; analyses: { id: string }[] };
    expect(result.experiment).toMatchObject({ status: 'SUCCEEDED', tags: ['cli'] });
    expect(result.runs.map((r) => [r.key, r.status, r.steps])).toEqual([['seed0', 'SUCCEEDED', 8], ['seed1', 'SUCCEEDED', 8]]);
    expect(result.analyses.map((a) => a.id)).toEqual(['final-loss']);

    const file = join(dir.path, 'export.json');
    expect((await saddle('export', result.experiment.id, '--out', file, '--data-dir', dir.path)).code).toBe(0);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as {
      format: string;
      runs: { spec: { data: unknown }; data: unknown; metrics: Record<string, { step: number }[]>; weights: { parameters: { name: string; shape: number[]; values: number[] }[] } }[];
    };
    expect(exported.format).toBe('saddle-export/1');
    const first = exported.runs[0]!;
    expect(first.data).toEqual({ kind: 'function', fn: 'sinc5', n: 64, sampling: 'grid' });
    expect(first.weights.parameters.map((p) => [p.shape, p.values.length])).toEqual([[[1, 8], 8], [[8], 8], [[8, 1], 8], [[1], 1]]);
    expect(first.metrics['train/loss']?.length).toBeGreaterThan(0);

    const csv = await saddle('export', result.experiment.id, '--format', 'csv', '--data-dir', dir.path);
    const lines = csv.out.trim().split('\n');
    expect(lines[0]).toBe('run_id,run_key,key,step,value,wall_time,epoch');
    const pointCount = exported.runs.reduce((n, r) => n + Object.values(r.metrics).reduce((m, s) => m + s.length, 0), 0);
    expect(lines.length - 1).toBe(pointCount);
  });

  it('exports the snapshots’ values: the PCA figure recomputed from the file alone is the stored one', async () => {
    const overrides = { runs: 2, epochs: 10, 'data.n': 200 };
    const sets = Object.entries(overrides).flatMap(([key, value]) => ['--set', `${key}=${value}`]);
    const run = await saddle('run', 'pca-trajectories', ...sets, '--json', '--workers', '1', '--data-dir', dir.path);
    expect(run.code).toBe(0);
    const id = (JSON.parse(run.out) as { experiment: { id: string } }).experiment.id;
    const full = await saddle('export', id, '--data-dir', dir.path);
    expect(full.code).toBe(0);
    expect(full.err).toMatch(new RegExp(`^saddle export: ${formatBytes(Buffer.byteLength(full.out)).replace('.', '\\.')}\n$`));
    type Exported = {
      snapshotValues: boolean;
      runs: (Pick<RunArtifacts, 'key' | 'group' | 'config' | 'spec'> & {
        status: string;
        snapshots: { step: number; epoch: number; path: string; theta?: number[]; state?: number[] }[];
        weights: { step: number; parameters: { values: number[] }[]; buffers: { values: number[] }[] };
      })[];
      analyses: Figure[];
    };
    const exported = JSON.parse(full.out) as Exported;
    expect(exported.snapshotValues).toBe(true);
    // Only the file: runs rebuilt from it, snapshots from their values (no data directory).
    const runs: RunArtifacts[] = exported.runs.map((r) => ({
      key: r.key,
      group: r.group,
      config: r.config,
      spec: r.spec,
      end: {
        status: 'SUCCEEDED',
        steps: r.weights.step,
        epochs: 0,
        theta: Float32Array.from(r.weights.parameters.flatMap((p) => p.values)),
        state: Float32Array.from(r.weights.buffers.flatMap((b) => b.values)),
        final: {},
        durationMs: 0,
      },
      snapshots: r.snapshots.map((s) => ({ step: s.step, epoch: s.epoch, theta: Float32Array.from(s.theta!), state: Float32Array.from(s.state!) })),
    }));
    expect(runs[0]!.snapshots.length).toBeGreaterThan(1);
    // Analyses run in worker processes; this one runs here, on the engine's own backend.
    await initBackend();
    const [recomputed] = await getPreset('pca-trajectories').analyze(runs, { scale: 'quick', overrides });
    const stored = exported.analyses.find((f) => f.id === 'pca')!;
    expect(recomputed!.data).toEqual(stored.data);

    // --no-snapshots: steps and paths only, a smaller file, and the size says so.
    const slim = await saddle('export', id, '--no-snapshots', '--data-dir', dir.path);
    const slimDoc = JSON.parse(slim.out) as Exported;
    expect(slimDoc.snapshotValues).toBe(false);
    expect(slimDoc.runs[0]!.snapshots[0]).toEqual({ step: exported.runs[0]!.snapshots[0]!.step, epoch: exported.runs[0]!.snapshots[0]!.epoch, path: exported.runs[0]!.snapshots[0]!.path });
    expect(slim.out.length).toBeLessThan(full.out.length / 2);
    expect(slim.err).toMatch(/snapshot values left out/);
  });

  it('labels final weights after a zero-gradient phase with their own step, loss and ‖∇L‖', async () => {
    const sets = ['runs=1', 'epochs=20', 'data.n=50', 'zeroGradient.maxSteps=30'].flatMap((set) => ['--set', set]);
    const run = await saddle('run', 'minimal-ratio', ...sets, '--json', '--workers', '1', '--data-dir', dir.path);
    expect(run.code).toBe(0);
    const id = (JSON.parse(run.out) as { experiment: { id: string } }).experiment.id;
    const [exported] = (JSON.parse((await saddle('export', id, '--no-snapshots', '--data-dir', dir.path)).out) as {
      runs: {
        steps: number;
        final: Record<string, number>;
        zeroGradient: { steps: number; loss: number; gradNorm: number };
        weightsAt: { step: number; loss: number; gradNorm: number };
        weights: { step: number; loss: number; gradNorm: number };
        metrics: Record<string, { step: number; value: number }[]>;
      }[];
    }).runs;
    const { steps, zeroGradient, weightsAt, weights } = exported!;
    // The phase's best point: the step of its smallest ‖∇L‖, numbered on from training's steps.
    const best = exported!.metrics['zero_grad/grad_norm']!.reduce((a, b) => (b.value < a.value ? b : a));
    expect(weightsAt).toMatchObject({ step: best.step, loss: zeroGradient.loss, gradNorm: zeroGradient.gradNorm });
    expect(weightsAt.step).toBeGreaterThan(steps);
    expect(weights).toMatchObject({ step: weightsAt.step, loss: zeroGradient.loss, gradNorm: zeroGradient.gradNorm });
    expect(weights.loss).not.toBe(exported!.final['train/loss']);
  });

  it('judges a stored experiment: the finding’s numbers are those of its stored series', async () => {
    const run = await saddle('run', 'gradient-norm', '--set', 'epochs=20', '--json', '--workers', '1', '--data-dir', dir.path);
    expect(run.code).toBe(0);
    const id = (JSON.parse(run.out) as { experiment: { id: string } }).experiment.id;
    const json = await saddle('findings', id, '--json', '--data-dir', dir.path);
    expect(json.code).toBe(0);
    const [result] = JSON.parse(json.out) as { preset: string; scale: string; findings: { id: string; verdict: string; numbers: Record<string, number>; evidence: string }[] }[];
    expect(result).toMatchObject({ preset: 'gradient-norm', scale: 'quick' });
    const [finding] = result!.findings;
    expect(finding?.id).toBe('gradient-norm/small-near-minimum');
    // Recomputed from the export: the median of the last tenth of grad_norm over its peak.
    const exported = JSON.parse((await saddle('export', id, '--data-dir', dir.path)).out) as { runs: { metrics: Record<string, { value: number }[]> }[] };
    const norms = exported.runs[0]!.metrics.grad_norm!.map((p) => p.value);
    const tail = norms.slice(Math.floor(norms.length * 0.9)).sort((a, b) => a - b);
    const mid = tail.length >> 1;
    const median = tail.length % 2 ? tail[mid]! : (tail[mid - 1]! + tail[mid]!) / 2;
    expect(finding!.numbers.sinc5).toBeCloseTo(median / Math.max(...norms), 12);
    expect(finding!.verdict).toBe(median / Math.max(...norms) < 0.1 ? 'holds' : 'does not hold');
    const table = await saddle('findings', '--scale', 'quick', '--data-dir', dir.path);
    expect(table.out).toMatch(/^\| preset \| scale \| claim \| verdict \| seeds \| evidence \| wall time \|$/m);
    expect(table.out).toMatch(/\| gradient-norm \| quick \| As training approaches a minimum .* \| \*\*(holds|does not hold)\*\* \| 1 \| sinc5: late median \/ peak = /);
    expect((await saddle('findings', 'no-such-id', '--data-dir', dir.path)).err).toMatch(/saddle findings: bad <experimentIds>: Experiment "no-such-id" does not exist/);
  });

  it('a stop criterion reaches the stored run and the analysis run by the workers (the figure names who met it)', async () => {
    const run = await saddle('run', 'interpolation', '--set', 'data.trainSize=200', '--set', 'data.testSize=100', '--set', 'maxEpochs=2', '--set', 'trainAccuracy=0.5', '--set', 'alphas=3', '--set', 'evalSize=50', '--json', '--workers', '2', '--data-dir', dir.path);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as { experiment: { id: string }; analyses: { id: string; title: string }[] };
    const exported = JSON.parse((await saddle('export', result.experiment.id, '--no-snapshots', '--data-dir', dir.path)).out) as {
      runs: { key: string; final: Record<string, number>; stopCriterion?: { reached: boolean; step: number } }[];
    };
    for (const r of exported.runs) expect(r.stopCriterion?.reached, r.key).toBe(r.final['train/accuracy']! >= 0.5);
    const missed = exported.runs.filter((r) => !r.stopCriterion?.reached).map((r) => r.key);
    expect(result.analyses.find((a) => a.id === 'loss-vs-alpha')!.title).toContain(missed.length === 0 ? 'reached by all' : `NOT reached by ${missed.join(', ')}`);
  });

  it('explains a store it cannot open in one line naming the file, without a stack', async () => {
    const bad = join(dir.path, 'truncated');
    mkdirSync(bad);
    writeFileSync(join(bad, 'saddle.db'), '');
    const result = await saddle('token', 'create', '--scope', 'read', '--data-dir', bad);
    expect(result.code).toBe(1);
    expect(result.err).toBe(`saddle: the store ${join(bad, 'saddle.db')} is empty (0 bytes): it was truncated or made by something else, and Saddle will not start over in it. Restore it from a backup, or delete it to start a new, empty store.\n`);
  });

  it('creates tokens that are stored hashed', async () => {
    const { code, out } = await saddle('token', 'create', '--scope', 'write', '--name', 'ci', '--data-dir', dir.path);
    expect(code).toBe(0);
    const token = out.trim();
    expect(token).toMatch(/^sdl_[0-9a-f]{32}_[\w-]+$/);
    const store = await Store.open({ kind: 'sqlite', file: join(dir.path, 'saddle.db') });
    try {
      expect(await store.tokenByHash(hashToken(token))).toMatchObject({ scope: 'write', name: 'ci', revoked: false });
      const rows = await store.db.selectFrom('tokens').select('hash').execute();
      expect(rows.some((r) => r.hash.includes(token))).toBe(false);
    } finally {
      await store.close();
    }
  });
});
