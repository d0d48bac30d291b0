/**
 * Subscriptions over a real graphql-ws connection: the points a subscriber receives live are
 * exactly the points a later query returns.
 */
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createToken } from '../auth/token.service.js';
import { startTestServer, type TestServer } from '../test-utils/server.js';

let server: TestServer;
let client: Client;
beforeAll(async () => {
  server = await startTestServer({ workers: 2 });
  client = createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, lazy: true });
});
afterAll(async () => {
  await client.dispose();
  await server.close();
});

interface Point {
  key: string;
  step: number;
  value: number | null;
  wallTime: number;
  epoch: number | null;
}

interface ExperimentEvent {
  type: string;
  runId: string | null;
  points: Point[] | null;
  runStatus: string | null;
  status: string | null;
  progress: number | null;
  figureIds: string[] | null;
}

function collect<T>(query: string, variables: Record<string, unknown>, until: (event: T) => boolean): { events: T[]; done: Promise<T[]> } {
  const events: T[] = [];
  const done = new Promise<T[]>((resolve, reject) => {
    client.subscribe<T>(
      { query, variables },
      {
        next: (result) => {
          if (result.errors) return reject(new Error(JSON.stringify(result.errors)));
          const event = Object.values(result.data ?? {})[0] as T;
          events.push(event);
          // The server completes a stream after its last event; disposing it here as well (a
          // client `complete` for an operation the server just ended) made graphql-ws end the
          // socket's other stream too, so the end is left to the server.
          if (until(event)) resolve(events);
        },
        error: reject,
        complete: () => resolve(events),
      },
    );
  });
  return { events, done };
}

describe('subscriptions over graphql-ws', () => {
  it('streams an experiment’s points, statuses and analysis; live points equal the stored ones', async () => {
    const launched = await server.run<{ launchExperiment: { id: string; runs: { id: string }[] } }>(
      `mutation { launchExperiment(input: { preset: "test-tiny", overrides: { epochs: 3 } }) { id runs { id } } }`,
    );
    const { id, runs } = launched.data!.launchExperiment;
    const experimentStream = collect<ExperimentEvent>(
      `subscription($id: ID!) { experimentEvents(experimentId: $id) { type runId points { key step value wallTime epoch } runStatus status progress figureIds } }`,
      { id },
      (event) => event.type === 'STATUS' && event.status === 'SUCCEEDED',
    );
    const runStream = collect<{ type: string; status: string | null; points: Point[] | null }>(
      `subscription($id: ID!) { runEvents(runId: $id) { type status progress points { key step value wallTime epoch } } }`,
      { id: runs[0]!.id },
      (event) => event.type === 'STATUS' && event.status === 'SUCCEEDED',
    );
    const [experimentEvents, runEvents] = await Promise.all([experimentStream.done, runStream.done]);

    const types = new Set(experimentEvents.map((e) => e.type));
    for (const type of ['METRICS', 'RUN_STATUS', 'ANALYSIS', 'STATUS']) expect(types).toContain(type);
    expect(experimentEvents.find((e) => e.type === 'ANALYSIS' && e.figureIds)?.figureIds).toEqual(['final-loss']);
    expect(experimentEvents.map((e) => e.status).filter(Boolean)).toEqual(['RUNNING', 'ANALYZING', 'SUCCEEDED']);
    expect(runEvents.filter((e) => e.type === 'STATUS').map((e) => e.status)).toEqual(['RUNNING', 'SUCCEEDED']);

    for (const run of runs) {
      const live = experimentEvents.filter((e) => e.type === 'METRICS' && e.runId === run.id).flatMap((e) => e.points ?? []);
      const keys = [...new Set(live.map((p) => p.key))].sort();
      const stored: Point[] = [];
      for (const key of keys) {
        const page = await server.run<{ run: { metricPage: { points: Omit<Point, 'key'>[] } } }>(
          `query($id: ID!, $key: String!) { run(id: $id) { metricPage(key: $key, first: 10000) { points { step value wallTime epoch } } } }`,
          { id: run.id, key },
        );
        stored.push(...page.data!.run.metricPage.points.map((p) => ({ key, ...p })));
      }
      const order = (a: Point, b: Point) => a.key.localeCompare(b.key) || a.step - b.step;
      expect(live.length).toBeGreaterThan(0);
      expect([...live].sort(order)).toEqual(stored.sort(order));
    }
    // The run subscription saw the same points as the experiment one for its run.
    const runLive = runEvents.flatMap((e) => e.points ?? []);
    expect(runLive).toEqual(experimentEvents.filter((e) => e.runId === runs[0]!.id).flatMap((e) => e.points ?? []));
  });

  it('streams points logged by a script to subscribers', async () => {
    const created = await server.run<{ createRun: { id: string } }>(`mutation { createRun(input: { name: "script" }) { id } }`);
    const runId = created.data!.createRun.id;
    const stream = collect<{ type: string; points: Point[] | null }>(
      `subscription($id: ID!) { runEvents(runId: $id) { type points { key step value } } }`,
      { id: runId },
      (event) => event.type === 'STATUS',
    );
    // Let the subscription reach the server before publishing.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.run(`mutation($id: ID!) { logMetrics(runId: $id, points: [{ key: "loss", step: 0, value: 1.5 }, { key: "loss", step: 1, value: 0.5 }]) { accepted } }`, { id: runId });
    await server.run(`mutation($id: ID!) { finishRun(runId: $id, status: SUCCEEDED) { id } }`, { id: runId });
    const events = await stream.done;
    expect(events.map((e) => e.type)).toEqual(['METRICS', 'STATUS']);
    expect(events[0]?.points).toEqual([{ key: 'loss', step: 0, value: 1.5 }, { key: 'loss', step: 1, value: 0.5 }]);
  });
});

describe('the end of a stream', () => {
  /** Every event and how the stream ended: completed, or the error it was refused with. */
  function follow(query: string, variables: Record<string, unknown>): Promise<{ events: unknown[]; completed: boolean; error?: unknown }> {
    return new Promise((resolve) => {
      const events: unknown[] = [];
      client.subscribe(
        { query, variables },
        {
          next: (result) => events.push(result.errors ?? result.data),
          error: (error) => resolve({ events, completed: false, error }),
          complete: () => resolve({ events, completed: true }),
        },
      );
    });
  }

  it('refuses an unknown run or experiment id with NOT_FOUND instead of waiting in silence', async () => {
    for (const [field, arg] of [['runEvents', 'runId'], ['experimentEvents', 'experimentId']] as const) {
      // graphql-ws answers a source stream that cannot be made as GraphQL says: one result with
      // the errors, then the end (its `error` message is for operations that fail validation).
      const outcome = await follow(`subscription($id: ID!) { ${field}(${arg}: $id) { type } }`, { id: 'no-such-id' });
      expect(outcome.completed).toBe(true);
      expect(outcome.events).toHaveLength(1);
      const errors = outcome.events[0] as { message: string; extensions?: { code?: string } }[];
      expect(errors[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(errors[0]?.message).toContain('"no-such-id" does not exist');
    }
  });

  it('completes after the run’s and the experiment’s last status, and at once for ones already ended', async () => {
    const created = await server.run<{ createRun: { id: string; experimentId: string } }>(`mutation { createRun(input: { name: "ends" }) { id experimentId } }`);
    const { id: runId, experimentId } = created.data!.createRun;
    const runStream = follow(`subscription($id: ID!) { runEvents(runId: $id) { type status } }`, { id: runId });
    const experimentStream = follow(`subscription($id: ID!) { experimentEvents(experimentId: $id) { type status runStatus } }`, { id: experimentId });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.run(`mutation($id: ID!) { finishRun(runId: $id, status: SUCCEEDED) { id } }`, { id: runId });
    const [run, experiment] = await Promise.all([runStream, experimentStream]);
    expect(run.completed).toBe(true);
    expect(run.events).toEqual([{ runEvents: { type: 'STATUS', status: 'SUCCEEDED' } }]);
    expect(experiment.completed).toBe(true);
    expect(experiment.events.at(-1)).toEqual({ experimentEvents: { type: 'STATUS', status: 'SUCCEEDED', runStatus: null } });

    // Subscribed after the end: nothing more will come, so the stream ends without an event.
    const late = await follow(`subscription($id: ID!) { runEvents(runId: $id) { type } }`, { id: runId });
    expect(late).toEqual({ events: [], completed: true });
    const lateExperiment = await follow(`subscription($id: ID!) { experimentEvents(experimentId: $id) { type } }`, { id: experimentId });
    expect(lateExperiment).toEqual({ events: [], completed: true });
  });
});

describe('subscriptions with tokens required', () => {
  it('refuses a connection without a valid token and accepts one with it', async () => {
    const secured = await startTestServer({ auth: 'required' });
    try {
      const url = secured.url.replace(/^http/, 'ws');
      const query = `subscription { runEvents(runId: "x") { type } }`;
      const refused = await new Promise<{ code: number }>((resolve) => {
        const anonymous = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, on: { closed: (event) => resolve(event as { code: number }) } });
        anonymous.subscribe({ query }, { next: () => {}, error: () => {}, complete: () => {} });
      });
      expect(refused.code).toBe(4403);

      const { token } = await createToken(secured.runtime.store, 'read');
      const accepted = await new Promise<boolean>((resolve) => {
        const authorized = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${token}` }, on: { connected: () => resolve(true), closed: () => resolve(false) } });
        authorized.subscribe({ query }, { next: () => {}, error: () => {}, complete: () => {} });
        setTimeout(() => void authorized.dispose(), 500);
      });
      expect(accepted).toBe(true);
    } finally {
      await secured.close();
    }
  });
});
