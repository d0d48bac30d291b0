/**
 * Datasets through a real server with tokens required: an upload over HTTP (auth as /graphql,
 * the size limit, a malformed CSV refused naming its row and column with nothing stored),
 * Query.datasets, and a spec on the registered CSV trained to the end by a worker process.
 */
import { existsSync, readdirSync } from 'node:fs';
import { zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../auth/token.service.js';
import { postGraphQL, startTestServer, type TestServer } from '../test-utils/server.js';
import { waitFor } from '../test-utils/temp.js';

let server: TestServer;
let writeToken: string;
let readToken: string;
const previousLimit = process.env.SADDLE_DATASET_MAX_BYTES;
beforeAll(async () => {
  process.env.SADDLE_DATASET_MAX_BYTES = '4096';
  server = await startTestServer({ auth: 'required', workers: 1 });
  writeToken = (await createToken(server.runtime.store, 'write', 'test')).token;
  readToken = (await createToken(server.runtime.store, 'read', 'test')).token;
});
afterAll(async () => {
  if (previousLimit === undefined) delete process.env.SADDLE_DATASET_MAX_BYTES;
  else process.env.SADDLE_DATASET_MAX_BYTES = previousLimit;
  await server.close();
});

const origin = () => server.url.replace(/\/graphql$/, '');
const upload = (name: string, file: string, body: string | Uint8Array, token?: string) =>
  fetch(`${origin()}/datasets/${name}?file=${encodeURIComponent(file)}`, { method: 'POST', body, headers: { 'content-type': 'text/csv', ...(token && { authorization: `Bearer ${token}` }) } });

// y = 2·x1 − x2 on 40 rows: a regression a small MLP fits.
const csv = `x1,x2,y\n${Array.from({ length: 40 }, (_, i) => `${(i % 7) / 7},${(i % 5) / 5},${(2 * (i % 7)) / 7 - (i % 5) / 5}`).join('\n')}\n`;

describe('datasets over HTTP and GraphQL', () => {
  it('refuses uploads without a write token, over the size limit, and malformed files, storing nothing', async () => {
    expect((await upload('wine', 'wine.csv', csv)).status).toBe(401);
    const forbidden = await upload('wine', 'wine.csv', csv, readToken);
    expect(forbidden.status).toBe(403);
    const tooBig = await upload('big', 'big.csv', 'a,b\n'.repeat(2000), writeToken);
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { errors: { extensions: { code: string; limit: number } }[] }).errors[0]!.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 4096 });
    const bad = await upload('broken', 'broken.csv', 'a,b,y\n1,2,3\n4,x,6\n', writeToken);
    expect(bad.status).toBe(400);
    const message = ((await bad.json()) as { errors: { message: string }[] }).errors[0]!.message;
    expect(message).toMatch(/dataset 'broken' not registered: loadCsv: row 3, column 'b': "x" is not a finite number/);
    const dir = `${server.dataDir}/datasets`;
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('registers an uploaded CSV, lists it, and trains a spec on it to the end', async () => {
    const response = await upload('plane', 'plane.csv', csv, writeToken);
    expect(response.status).toBe(201);
    expect(((await response.json()) as { data: { dataset: { name: string } } }).data.dataset.name).toBe('plane');
    const again = await upload('plane', 'plane.csv', csv, writeToken);
    expect(((await again.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/already registered; remove it first/);

    const listed = await postGraphQL<{ datasets: unknown[] }>(server.url, '{ datasets { name format source examples inputShape numClasses classes { name count } featureNames } }', {}, readToken);
    expect(listed.data!.datasets).toEqual([{ name: 'plane', format: 'csv', source: 'plane.csv', examples: 40, inputShape: [2], numClasses: 0, classes: [], featureNames: ['x1', 'x2'] }]);

    const spec = {
      data: { kind: 'dataset', name: 'plane' },
      model: { name: 'tiny-mlp', layers: [{ type: 'dense', units: 8, activation: 'tanh' }, { type: 'dense', units: 1 }] },
      batchSize: 8,
      epochs: 3,
    };
    const missing = await postGraphQL<unknown>(server.url, 'mutation($input: LaunchExperimentInput!) { launchExperiment(input: $input) { id } }', { input: { spec: { ...spec, data: { kind: 'dataset', name: 'nope' } } } }, writeToken);
    expect(missing.errors![0]!.message).toMatch(/no dataset named 'nope'; registered: plane/);
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'spec', 'data', 'name'] });

    const launched = await postGraphQL<{ launchExperiment: { id: string; runs: { config: Record<string, unknown> }[] } }>(
      server.url,
      'mutation($input: LaunchExperimentInput!) { launchExperiment(input: $input) { id runs { config } } }',
      { input: { spec, sweep: { method: 'GRID', parameters: { 'optimizer.lr': { values: [0.001, 0.01] } } } } },
      writeToken,
    );
    expect(launched.errors).toBeUndefined();
    expect(launched.data!.launchExperiment.runs[0]!.config).toMatchObject({ 'data.kind': 'dataset', 'data.name': 'plane' });
    const done = await waitFor(
      async () => {
        const reply = await postGraphQL<{ experiment: { status: string; runs: { status: string; error: string | null; final: Record<string, number> | null }[] } }>(
          server.url,
          'query($id: ID!) { experiment(id: $id) { status runs { status error final } } }',
          { id: launched.data!.launchExperiment.id },
          readToken,
        );
        const found = reply.data?.experiment;
        return found && ['SUCCEEDED', 'FAILED'].includes(found.status) && found;
      },
      { timeoutMs: 120_000, what: 'training on the registered CSV' },
    );
    expect(done.runs.map((run) => run.error)).toEqual([null, null]);
    expect(done.status).toBe('SUCCEEDED');
    for (const run of done.runs) expect(Number.isFinite(run.final!['test/loss'])).toBe(true);

    // An image folder, zipped as a dashboard user would: one folder per class, grey PNGs.
    const png = (value: number) => {
      const image = new PNG({ width: 3, height: 2 });
      for (let p = 0; p < 6; p++) image.data.set([value, value, value, 255], p * 4);
      return new Uint8Array(PNG.sync.write(image));
    };
    const zip = zipSync({ 'digits/zero/a.png': png(0), 'digits/zero/b.png': png(10), 'digits/one/c.png': png(250) });
    const images = await upload('digits', 'digits.zip', zip, writeToken);
    expect(images.status).toBe(201);
    const one = await postGraphQL<{ dataset: unknown }>(server.url, '{ dataset(name: "digits") { format examples inputShape numClasses classes { name count } } }', {}, readToken);
    expect(one.data!.dataset).toEqual({ format: 'images', examples: 3, inputShape: [2, 3, 1], numClasses: 2, classes: [{ name: 'one', count: 1 }, { name: 'zero', count: 2 }] });
    await postGraphQL(server.url, 'mutation { removeDataset(name: "digits") { name } }', {}, writeToken);

    const removed = await postGraphQL<{ removeDataset: { name: string } }>(server.url, 'mutation { removeDataset(name: "plane") { name } }', {}, writeToken);
    expect(removed.data!.removeDataset.name).toBe('plane');
    expect(readdirSync(`${server.dataDir}/datasets`)).toEqual([]);
  });
});
