/**
 * @saddle/client against a real `saddle serve` (a child process): the wandb verbs, batching, the
 * retries across a server that is down or restarts, typed errors, and live events that end.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ComparisonOp, RunStatus, SaddleClient, SaddleClientError, SortDirection, init } from './index.js';
import { freePort, serveSaddle, type ServedSaddle } from './test-utils/server.js';

let server: ServedSaddle;
let client: SaddleClient;
beforeAll(async () => {
  server = await serveSaddle();
  client = new SaddleClient({ url: server.url });
});
afterAll(async () => {
  await client?.close();
  await server?.dispose();
});

/** The logMetrics requests fetch sent while `body` ran, by counting them at the wire. */
async function countLogRequests(body: () => Promise<void>): Promise<number> {
  const original = globalThis.fetch;
  let count = 0;
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation((input, request) => {
    if (typeof request?.body === 'string' && request.body.includes('"operationName":"ScriptLogMetrics"')) count++;
    return original(input, request);
  });
  try {
    await body();
  } finally {
    spy.mockRestore();
  }
  return count;
}

describe('init / log / finish', () => {
  it('logs a run as wandb does: steps counted, points batched and stored once, the run SUCCEEDED', async () => {
    const run = await init({ url: server.url, name: 'mlp', experimentName: 'client-test', config: { lr: 0.001, model: 'mlp' }, batch: { maxPoints: 500 } });
    expect(run.id).toMatch(/[0-9a-f-]{36}/);
    const requests = await countLogRequests(async () => {
      for (let step = 0; step < 1000; step++) run.log({ loss: 1 / (step + 1), acc: step / 1000 });
      await run.finish();
    });
    // 2000 points in batches of at most 500.
    expect(requests).toBe(4);
    expect(run.status).toBe(RunStatus.SUCCEEDED);

    const stored = await client.run(run.id);
    expect(stored).toMatchObject({ key: 'mlp', status: 'SUCCEEDED', external: true, config: { lr: 0.001, model: 'mlp' } });
    expect([...(stored?.metricKeys ?? [])].sort()).toEqual(['acc', 'loss']);
    const loss = await client.history(run.id, 'loss');
    expect(loss.map((p) => p.step)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(loss[9]?.value).toBeCloseTo(0.1, 12);
  });

  it('finds runs across experiments by config and final metrics (Query.runs)', async () => {
    for (const [name, lr, loss] of [['lr-small', 1e-4, 0.5], ['lr-mid', 1e-3, 0.2], ['lr-big', 1e-2, 0.3]] as const) {
      const run = await client.init({ name, experimentName: `runs-${name}`, config: { optimizer: { lr } } });
      run.log({ 'test/loss': loss });
      await run.finish();
    }
    const page = await client.runs({
      filter: { config: [{ path: 'optimizer.lr', op: ComparisonOp.GTE, value: 1e-3 }] },
      orderBy: [{ field: 'final.test/loss', direction: SortDirection.ASC }],
      first: 10,
    });
    expect(page.runs.map((r) => [r.key, r.final?.['test/loss']])).toEqual([
      ['lr-mid', 0.2],
      ['lr-big', 0.3],
    ]);
    expect(page.hasNextPage).toBe(false);
  });

  it('logs NaN and ±Infinity as data and reads them back', async () => {
    const run = await client.init({ name: 'diverging' });
    run.log({ loss: 1 });
    run.log({ loss: NaN });
    run.log({ loss: Infinity });
    run.log({ loss: -Infinity });
    await run.finish();
    expect((await client.history(run.id, 'loss')).map((p) => p.value)).toEqual([1, NaN, Infinity, -Infinity]);
  });

  it('sends a partial batch after intervalMs without a flush, and keeps explicit steps', async () => {
    const run = await client.init({ name: 'interval' });
    run.log({ loss: 2 }, 10);
    run.log({ loss: 1 });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect((await client.history(run.id, 'loss')).map((p) => [p.step, p.value])).toEqual([
      [10, 2],
      [11, 1],
    ]);
    await run.finish();
  });

  it('refuses a bad value at log() naming the key, and a bad input with the server’s code and field', async () => {
    const run = await client.init({ name: 'typed' });
    expect(() => run.log({ loss: 'high' as unknown as number })).toThrow(/value of "loss" must be a number/);
    await run.fail(new Error('diverged on purpose'));
    expect((await client.run(run.id))?.status).toBe('FAILED');
    expect(() => run.log({ loss: 1 })).toThrow(/was finished as FAILED/);

    const refused = await client.init({ name: '' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SaddleClientError);
    expect((refused as SaddleClientError).code).toBe('BAD_USER_INPUT');
    expect((refused as SaddleClientError).field).toEqual(['input', 'name']);
  });

  it('keeps logging across a server restart: nothing lost, nothing twice', async () => {
    const run = await client.init({ name: 'restart' });
    for (let step = 0; step < 50; step++) run.log({ loss: step });
    await run.flush();
    await server.stop();
    for (let step = 50; step < 100; step++) run.log({ loss: step });
    // The batch meets a closed port and is retried with backoff until the server is back.
    const flushed = run.flush();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await server.start();
    await flushed;
    await run.finish();
    const loss = await client.history(run.id, 'loss');
    expect(loss.map((p) => p.value)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('retries a createRun whose answer was lost without making a second run', async () => {
    const original = globalThis.fetch;
    let lost = 0;
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, request) => {
      const response = await original(input, request);
      // the server made the run; the connection drops before its answer reaches the script
      if (lost === 0 && typeof request?.body === 'string' && request.body.includes('"operationName":"ScriptCreateRun"')) {
        lost++;
        throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
      }
      return response;
    });
    let run;
    try {
      run = await client.init({ name: 'answer-lost', experimentName: 'client-idempotent' });
    } finally {
      spy.mockRestore();
    }
    expect(lost).toBe(1);
    await run.finish();
    const experiment = await client.experiment(run.experimentId);
    expect(experiment?.runs.map((r) => r.key)).toEqual(['answer-lost']);
  });

  it('reports a server that stays away as NETWORK once the retries are spent', async () => {
    const port = await freePort();
    const nowhere = new SaddleClient({ url: `http://127.0.0.1:${port}`, retry: { retries: 2, baseDelayMs: 10 } });
    const error = await nowhere.init({ name: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SaddleClientError);
    expect((error as SaddleClientError).code).toBe('NETWORK');
    expect((error as SaddleClientError).message).toContain(`no answer from http://127.0.0.1:${port}/graphql (ECONNREFUSED)`);
  });
});

describe('live events', () => {
  it('iterates a run’s events and ends with the run', async () => {
    const run = await client.init({ name: 'live' });
    const seen: { type: string; status?: string | null; steps: number[] }[] = [];
    const following = (async () => {
      for await (const event of client.runEvents(run.id)) seen.push({ type: event.type, status: event.status, steps: (event.points ?? []).map((p) => p.step) });
    })();
    // Let the subscription reach the server before anything is published.
    await new Promise((resolve) => setTimeout(resolve, 500));
    run.log({ loss: 1 });
    run.log({ loss: 0.5 });
    await run.finish();
    await following;
    expect(seen).toEqual([
      { type: 'METRICS', status: null, steps: [0, 1] },
      { type: 'STATUS', status: 'SUCCEEDED', steps: [] },
    ]);
    // An ended run's stream ends at once.
    const after: unknown[] = [];
    for await (const event of client.runEvents(run.id)) after.push(event);
    expect(after).toEqual([]);
  });

  it('rejects an unknown id with NOT_FOUND instead of waiting forever', async () => {
    const iterate = async () => {
      for await (const event of client.experimentEvents('no-such-experiment')) void event;
    };
    await expect(iterate()).rejects.toMatchObject({ name: 'SaddleClientError', code: 'NOT_FOUND' });
  });
});
