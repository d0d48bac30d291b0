/** `saddle analyze` on a run trained through the real server's runtime: printed spectrum, JSON, and a refusal's exit code. */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-utils/server.js';
import { waitFor } from '../test-utils/temp.js';
import { analyzeCommand } from './analyze-command.js';

let server: TestServer;
let runId: string;
beforeAll(async () => {
  server = await startTestServer({ workers: 1 });
  const spec = { data: { kind: 'function', n: 32 }, model: { name: 'tiny', layers: [{ type: 'dense', units: 4, activation: 'tanh' }, { type: 'dense', units: 1, activation: 'linear' }] }, batchSize: 16, epochs: 2 };
  const launched = await server.run<{ launchExperiment: { runs: { id: string }[] } }>(`mutation($input: LaunchExperimentInput!) { launchExperiment(input: $input) { runs { id } } }`, { input: { spec } });
  runId = launched.data!.launchExperiment.runs[0]!.id;
  await waitFor(async () => (await server.run<{ run: { status: string } }>(`query($id: ID!) { run(id: $id) { status } }`, { id: runId })).data?.run.status === 'SUCCEEDED', { timeoutMs: 60_000, what: 'the run' });
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

  it('exits 2 naming the fix for a run without weights', async () => {
    const created = await server.run<{ createRun: { id: string } }>(`mutation { createRun(input: { name: "no-weights" }) { id } }`);
    const refused = io();
    expect(await analyzeCommand(server.runtime, created.data!.createRun.id, { kind: 'hessian' }, refused.io)).toBe(2);
    expect(refused.text.err).toMatch(/has no final weights to analyse: .*save_model/);
  });
});
