/**
 * Artifacts over real HTTP with tokens required: a script uploads final weights (Saddle's
 * layout, loaded back as a trained run's are) and another file for its run; any reader lists and
 * downloads them and a trained run's weights; refusals are JSON errors with codes.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../auth/token.service.js';
import { readWeights } from '../store/artifact-files.js';
import { postGraphQL, startTestServer, type TestServer } from '../test-utils/server.js';
import { waitFor } from '../test-utils/temp.js';

let server: TestServer;
let origin: string;
let writeToken: string;
let readToken: string;
let runId: string;
beforeAll(async () => {
  server = await startTestServer({ auth: 'required', workers: 1 });
  origin = server.url.replace(/\/graphql$/, '');
  writeToken = (await createToken(server.runtime.store, 'write', 'script')).token;
  readToken = (await createToken(server.runtime.store, 'read', 'reader')).token;
  const created = await postGraphQL<{ createRun: { id: string } }>(server.url, `mutation { createRun(input: { name: "torch-mlp" }) { id } }`, {}, writeToken);
  runId = created.data!.createRun.id;
});
afterAll(async () => {
  await server.close();
});

// null: no token at all.
const put = (path: string, body: Uint8Array | string, token: string | null = writeToken, headers: Record<string, string> = {}) =>
  fetch(`${origin}${path}`, { method: 'PUT', body, headers: { ...(token && { authorization: `Bearer ${token}` }), ...headers } });
const get = (path: string, token: string | null = readToken) => fetch(`${origin}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
const errorOf = async (response: Response) => ((await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] }).errors[0];

function float32le(values: number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return bytes;
}

describe('uploading and downloading a logged run’s artifacts', () => {
  it('stores uploaded weights in Saddle’s layout, lists them on Run and serves them back byte for byte', async () => {
    const theta = [0.5, -1.25, 3, 0.125, 7];
    const state = [1, 2];
    const bytes = float32le([...theta, ...state]);
    const uploaded = await put(`/artifacts/runs/${runId}/weights?thetaLength=5&stateLength=2&step=120&epoch=3`, bytes, writeToken, { 'content-type': 'application/octet-stream' });
    expect(uploaded.status).toBe(201);
    expect(((await uploaded.json()) as { artifact: unknown }).artifact).toMatchObject({ name: 'weights', kind: 'weights', size: 28, step: 120, thetaLength: 5, stateLength: 2 });

    // Stored as a trained run's final weights are: what analyses and `saddle export` read.
    const [final] = await server.runtime.store.artifactsOf(runId, 'final');
    expect(final).toMatchObject({ step: 120, epoch: 3, thetaLength: 5, stateLength: 2 });
    const loaded = readWeights(server.dataDir, final!.path, 5, 2);
    expect([...loaded.theta]).toEqual(theta);
    expect([...loaded.state]).toEqual(state);

    const downloaded = await get(`/artifacts/runs/${runId}/weights`);
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('x-saddle-theta-length')).toBe('5');
    expect(downloaded.headers.get('x-saddle-state-length')).toBe('2');
    expect(new Uint8Array(await downloaded.arrayBuffer())).toEqual(bytes);

    // Uploading again replaces them.
    expect((await put(`/artifacts/runs/${runId}/weights?thetaLength=1`, float32le([9]))).status).toBe(201);
    expect(await server.runtime.store.artifactsOf(runId, 'final')).toHaveLength(1);
    expect(new Uint8Array(await (await get(`/artifacts/runs/${runId}/weights`)).arrayBuffer())).toEqual(float32le([9]));
  });

  it('stores any other file with its type and sha256, and lists everything on Run.artifacts', async () => {
    const text = 'epoch,loss\n0,1.0\n1,0.5\n';
    expect((await put(`/artifacts/runs/${runId}/history.csv`, text, writeToken, { 'content-type': 'text/csv' })).status).toBe(201);
    const back = await get(`/artifacts/runs/${runId}/history.csv`);
    expect(back.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await back.text()).toBe(text);

    const listed = await postGraphQL<{ run: { artifacts: { name: string; kind: string; size: number; sha256: string | null; url: string }[] } }>(
      server.url,
      `query($id: ID!) { run(id: $id) { artifacts { name kind size sha256 url contentType createdAt } } }`,
      { id: runId },
      readToken,
    );
    expect(listed.data?.run.artifacts.map((a) => [a.name, a.kind, a.size])).toEqual([
      ['weights', 'WEIGHTS', 4],
      ['history.csv', 'FILE', text.length],
    ]);
    expect(listed.data?.run.artifacts[1]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(listed.data?.run.artifacts[1]?.url).toBe(`/artifacts/runs/${runId}/history.csv`);
  });

  it('refuses with JSON errors: no token, a read token, wrong sizes, bad names, unknown runs and names', async () => {
    expect((await put(`/artifacts/runs/${runId}/x.bin`, 'x', null)).status).toBe(401);
    const readOnly = await put(`/artifacts/runs/${runId}/x.bin`, 'x', readToken);
    expect(readOnly.status).toBe(403);
    expect((await errorOf(readOnly))?.extensions.code).toBe('FORBIDDEN');
    expect((await get(`/artifacts/runs/${runId}/weights`, null)).status).toBe(401);

    const wrongSize = await put(`/artifacts/runs/${runId}/weights?thetaLength=3`, float32le([1, 2]));
    expect(wrongSize.status).toBe(400);
    expect((await errorOf(wrongSize))?.message).toMatch(/weights must be 12 bytes .* got 8/);
    const noLength = await put(`/artifacts/runs/${runId}/weights`, float32le([1]));
    expect((await errorOf(noLength))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['thetaLength'] });
    expect((await errorOf(await put(`/artifacts/runs/${runId}/.hidden`, 'x')))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['name'] });
    expect((await errorOf(await put(`/artifacts/runs/${runId}/snapshot-5`, 'x')))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['name'] });

    const unknownRun = await put(`/artifacts/runs/00000000-0000-0000-0000-000000000000/x.bin`, 'x');
    expect(unknownRun.status).toBe(404);
    const missing = await get(`/artifacts/runs/${runId}/nope.bin`);
    expect(missing.status).toBe(404);
    expect((await errorOf(missing))?.message).toMatch(/has no artifact "nope\.bin"; it has weights, history\.csv/);
  });

  it('refuses an upload over the size limit announced by Content-Length before reading it', async () => {
    // Announces 2 GiB and sends 1 KiB: the answer comes without waiting for the rest.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${origin}/artifacts/runs/${runId}/big.bin`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${writeToken}`, 'content-length': String(2 * 1024 * 1024 * 1024) },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write(Buffer.alloc(1024));
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ errors: [{ extensions: { code: 'LIMIT_EXCEEDED', limit: 1024 * 1024 * 1024 } }] });
    const files = await postGraphQL<{ run: { artifacts: { name: string }[] } }>(server.url, `query($id: ID!) { run(id: $id) { artifacts { name } } }`, { id: runId }, readToken);
    expect(files.data?.run.artifacts.map((a) => a.name)).not.toContain('big.bin');
  });
});

describe('a trained run’s weights over HTTP', () => {
  it('downloads the final weights a worker stored, with their lengths', async () => {
    const launched = await postGraphQL<{ launchExperiment: { id: string; runs: { id: string }[] } }>(
      server.url,
      `mutation { launchExperiment(input: { preset: "test-tiny", overrides: { epochs: 2 } }) { id runs { id } } }`,
      {},
      writeToken,
    );
    expect(launched.errors).toBeUndefined();
    const trained = launched.data!.launchExperiment.runs[0]!.id;
    await waitFor(async () => (await server.runtime.store.getRun(trained))?.status === 'SUCCEEDED', { timeoutMs: 60_000, what: 'the tiny run' });
    const [final] = await server.runtime.store.artifactsOf(trained, 'final');
    const response = await get(`/artifacts/runs/${trained}/weights`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-saddle-theta-length')).toBe(String(final!.thetaLength));
    expect((await response.arrayBuffer()).byteLength).toBe((final!.thetaLength + final!.stateLength) * 4);
    // A trained run takes no uploads: its weights are its workers'.
    const refused = await put(`/artifacts/runs/${trained}/weights?thetaLength=1`, float32le([1]));
    expect(refused.status).toBe(409);
  });
});
