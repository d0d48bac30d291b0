/** `saddle analyze` on a run trained through the real server's runtime: printed spectrum, JSON, and a refusal's exit code. */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-utils/server.js';
import { waitFor } from '../test-utils/temp.js';
import { analyzeCommand } from './analyze-command.js';

let server: TestServer;
let runId: string;

/** A tiny MLP trained to the end (seed picks its start), its id. */
async function trainedRun(seed: number): Promise<string> {
  const spec = { data: { kind: 'function', n: 32 }, model: { name: 'tiny', layers: [{ type: 'dense', units: 4, activation: 'tanh' }, { type: 'dense', units: 1, activation: 'linear' }] }, batchSize: 16, epochs: 2, seed };
  const launched = await server.run<{ launchExperiment: { runs: { id: string }[] } }>(`mutation($input: LaunchExperimentInput!) { launchExperiment(input: $input) { runs { id } } }`, { input: { spec } });
  const id = launched.data!.launchExperiment.runs[0]!.id;
  await waitFor(async () => (await server.run<{ run: { status: string } }>(`query($id: ID!) { run(id: $id) { status } }`, { id })).data?.run.status === 'SUCCEEDED', { timeoutMs: 60_000, what: 'the run' });
  return id;
}

beforeAll(async () => {
  server = await startTestServer({ workers: 1 });
  runId = await trainedRun(0);
});
afterAll(async () => {
  await server.close();
});

function io() {
  const out = new PassThrough();
  const err = new PassThrough();
  const text = { out: '', err: '' };
  out.on('data', (c: Buffer) => (text.out += c.toString()));
  err.on('data', (c: Buffer) => (text.err += c.toString()));
  return { io: { out, err }, text };
}

describe('saddle analyze', () => {
  it('prints the exact spectrum, and Lanczos’ extremes equal to it as JSON', async () => {
    const exact = io();
    expect(await analyzeCommand(server.runtime, runId, { kind: 'hessian' }, exact.io)).toBe(0);
    // 1→4→1: 4 + 4 + 4 + 1 parameters.
    expect(exact.text.out).toMatch(/Hessian \(exact, 13 parameters\) at loss \d/);
    expect(exact.text.out).toMatch(/trace -?\d.*positive \d+ of 13/);
    const lanczos = io();
    expect(await analyzeCommand(server.runtime, runId, { kind: 'hessian', method: 'lanczos', topK: 2, bottomK: 1, json: true }, lanczos.io)).toBe(0);
    const printed = JSON.parse(lanczos.text.out) as { summary: { top: number[]; bottom: number[] }; figures: string[] };
    expect(printed.figures).toEqual(['hessian-spectrum']);
    const { data } = await server.run<{ run: { analyses: { summary: { method: string; eigenvalues?: number[] } }[] } }>(`query($id: ID!) { run(id: $id) { analyses { summary } } }`, { id: runId });
    const eigenvalues = data!.run.analyses.find((a) => a.summary.method === 'exact')!.summary.eigenvalues!;
    expect(printed.summary.top[0]).toBeCloseTo(eigenvalues.at(-1)!, 3);
    expect(printed.summary.bottom[0]).toBeCloseTo(eigenvalues[0]!, 3);
  });

  it('prints a landscape centred on the run’s loss, a sharpness curve, and an interpolation between two runs of one spec', async () => {
    const landscape = io();
    expect(await analyzeCommand(server.runtime, runId, { kind: 'landscape', dims: 1, resolution: 5, json: true }, landscape.io)).toBe(0);
    const printed = JSON.parse(landscape.text.out) as { summary: { centerLoss: number; loss: number[] }; figures: string[] };
    expect(printed.figures).toEqual(['landscape-1d']);
    expect(printed.summary.loss[2]).toBeCloseTo(printed.summary.centerLoss, 6);
    const sharpness = io();
    expect(await analyzeCommand(server.runtime, runId, { kind: 'sharpness', epsilon: 0.01 }, sharpness.io)).toBe(0);
    expect(sharpness.text.out).toMatch(/ε-sharpness [\d.e-]+ % at ε = 0\.01/);
    expect(sharpness.text.out).toMatch(/by ε: 0: 0 %, /);

    const other = await trainedRun(1);
    const interpolation = io();
    expect(await analyzeCommand(server.runtime, runId, { kind: 'interpolation', points: 3, json: true }, interpolation.io, other)).toBe(0);
    const line = JSON.parse(interpolation.text.out) as { otherRunId: string; summary: { alphas: number[]; loss: number[]; lossAtFirst: number } };
    expect(line.otherRunId).toBe(other);
    expect(line.summary.alphas).toEqual([-0.5, 0, 0.5, 1, 1.5]);
    expect(line.summary.lossAtFirst).toBeCloseTo(printed.summary.centerLoss, 5); // α = 0 is the first run itself
    const alone = io();
    expect(await analyzeCommand(server.runtime, runId, { kind: 'interpolation' }, alone.io)).toBe(2);
    expect(alone.text.err).toMatch(/needs two runs: saddle analyze <runA> <runB> --kind interpolation/);
  });

  it('exits 2 naming the fix for a run without weights', async () => {
    const created = await server.run<{ createRun: { id: string } }>(`mutation { createRun(input: { name: "no-weights" }) { id } }`);
    const refused = io();
    expect(await analyzeCommand(server.runtime, created.data!.createRun.id, { kind: 'hessian' }, refused.io)).toBe(2);
    expect(refused.text.err).toMatch(/has no final weights to analyse: .*save_model/);
  });
});
