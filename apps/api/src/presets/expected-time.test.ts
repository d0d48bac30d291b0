/**
 * `Preset.expectedTime`: the reference machine's time until this server has run the preset, then
 * the median of its own plain launches (same scale, no overrides); overridden launches don't count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_TIMES } from '../engine.js';
import { startTestServer, type TestServer } from '../test-utils/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

type Expected = { seconds: number; basis: string; samples: number; source: string } | null;
const QUERY = `{ presets { id quick: expectedTime(scale: QUICK) { seconds basis samples source } full: expectedTime(scale: FULL) { seconds basis samples source } } }`;

async function expected(id: string): Promise<{ quick: Expected; full: Expected }> {
  const { data, errors } = await server.run<{ presets: { id: string; quick: Expected; full: Expected }[] }>(QUERY);
  expect(errors).toBeUndefined();
  return data!.presets.find((p) => p.id === id)!;
}

async function launchAndWait(overrides?: Record<string, unknown>): Promise<void> {
  const { data, errors } = await server.run<{ launchExperiment: { id: string } }>(`mutation($input: LaunchExperimentInput!) { launchExperiment(input: $input) { id } }`, {
    input: { preset: 'test-tiny', scale: 'QUICK', ...(overrides && { overrides }) },
  });
  expect(errors).toBeUndefined();
  const id = data!.launchExperiment.id;
  for (let i = 0; i < 600; i++) {
    const experiment = await server.runtime.store.getExperiment(id);
    if (experiment?.status === 'SUCCEEDED' && experiment.finishedAt !== null) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`experiment ${id} did not finish`);
}

describe('Preset.expectedTime', () => {
  it('a catalogue preset never run here gets the reference machine’s time, labelled as measured or projected', async () => {
    const { quick, full } = await expected('fit-function');
    expect(quick).toMatchObject({ seconds: REFERENCE_TIMES['fit-function'].quick.seconds, basis: 'REFERENCE_MEASURED', samples: 0 });
    expect(quick!.source).toMatch(/^measured on 2-core/);
    expect(full!.basis).toBe(REFERENCE_TIMES['fit-function'].full.basis === 'measured' ? 'REFERENCE_MEASURED' : 'REFERENCE_PROJECTED');
  });

  it('a custom preset has none until it ran; then the median of its own plain launches at that scale', async () => {
    expect(await expected('test-tiny')).toMatchObject({ quick: null, full: null });
    await launchAndWait({ epochs: 2 }); // overridden: not the preset's defaults, not counted
    expect((await expected('test-tiny')).quick).toBeNull();
    await launchAndWait();
    await launchAndWait();
    const { quick, full } = await expected('test-tiny');
    const experiments = (await server.runtime.store.listExperiments({ first: 10, filter: { preset: 'test-tiny' } })).items.filter((e) => !e.spec.overrides);
    const walls = experiments.map((e) => (e.finishedAt! - e.createdAt) / 1000);
    expect(quick).toEqual({ seconds: (walls[0]! + walls[1]!) / 2, basis: 'MEASURED_HERE', samples: 2, source: 'median of the last 2 launches on this server' });
    expect(full).toBeNull();
  });
});
