/**
 * The "done when", on the real catalogue: over HTTP (as the README's curl and Python
 * do) launch `fit-function` at quick scale — narrowed by overrides to one model and one target
 * so it takes seconds — follow it, read its results, while a graphql-ws client receives its
 * live points.
 */
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { postGraphQL, startTestServer, type TestServer } from '../test-utils/server.js';
import { waitFor } from '../test-utils/temp.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ workers: 1 });
});
afterAll(async () => {
  await server.close();
});

describe('fit-function --scale quick through the API', () => {
  it('launches, streams live points over graphql-ws, and serves the same points and the figure afterwards', async () => {
    const launched = await postGraphQL<{ launchExperiment: { id: string; runs: { id: string; key: string }[] } }>(
      server.url,
      `mutation($input: LaunchExperimentInput!) { launchExperiment(input: $input) { id runs { id key } } }`,
      { input: { preset: 'fit-function', scale: 'QUICK', overrides: { models: 'mlp-deep', targets: 'sinc5', epochs: 5 } } },
    );
    expect(launched.errors).toBeUndefined();
    const { id, runs } = launched.data!.launchExperiment;
    expect(runs.map((r) => r.key)).toEqual(['mlp-deep/sinc5']);

    const client = createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket });
    const live: { key: string; step: number; value: number | null }[] = [];
    const ended = new Promise<void>((resolve, reject) => {
      client.subscribe<{ experimentEvents: { type: string; status: string | null; points: { key: string; step: number; value: number | null }[] | null } }>(
        { query: `subscription($id: ID!) { experimentEvents(experimentId: $id) { type status points { key step value } } }`, variables: { id } },
        {
          next: ({ data }) => {
            const event = data?.experimentEvents;
            if (event?.points) live.push(...event.points);
            if (event?.type === 'STATUS' && event.status !== 'RUNNING' && event.status !== 'ANALYZING') resolve();
          },
          error: reject,
          complete: resolve,
        },
      );
    });
    await ended;
    await client.dispose();

    const result = await waitFor(async () => {
      const reply = await postGraphQL<{ experiment: { status: string; analyses: { id: string; kind: string; data: { series: { label: string; points: { x: number; y: number }[] }[] }; content: { __typename: string; x: { label: string }; series: { label: string; points: { x: number; y: number }[] }[] } }[] } }>(
        server.url,
        `query($id: ID!) { experiment(id: $id) { status analyses { id kind data content { __typename ... on LinesFigure { x { label scale } series { label points { x y } } } } } } }`,
        { id },
      );
      expect(reply.errors).toBeUndefined();
      return reply.data?.experiment.status === 'SUCCEEDED' && reply.data.experiment;
    }, { what: 'the experiment to succeed' });
    // Unsampled pages are asked for per run: all runs' full series in one query is over the cost limit.
    const page = await postGraphQL<{ run: { status: string; final: Record<string, number>; metricPage: { points: { step: number; value: number }[] } } }>(
      server.url,
      `query($id: ID!) { run(id: $id) { status final metricPage(key: "train/loss", first: 10000) { points { step value } } } }`,
      { id: runs[0]!.id },
    );
    expect(page.errors).toBeUndefined();
    const run = page.data!.run;
    expect(run.status).toBe('SUCCEEDED');
    // Live and stored agree point for point.
    const liveLoss = live.filter((p) => p.key === 'train/loss').map(({ step, value }) => ({ step, value })).sort((a, b) => a.step - b.step);
    expect(liveLoss.length).toBeGreaterThan(0);
    expect(liveLoss).toEqual(run.metricPage.points);
    expect(run.metricPage.points.at(-1)?.value).toBeCloseTo(run.final['train/loss']!, 6);
    // The analysis drew the deep net's prediction against sin(5x)/(5x).
    const figure = result.analyses.find((f) => f.id === 'prediction-sinc5');
    expect(figure?.kind).toBe('LINES');
    expect(figure?.data.series.length).toBeGreaterThanOrEqual(2);
    // The typed view of the same figure carries the same numbers.
    expect(figure?.content.__typename).toBe('LinesFigure');
    expect(figure?.content.series.map((s) => s.label)).toEqual(figure?.data.series.map((s) => s.label));
    expect(figure?.content.series[0]?.points).toEqual(figure?.data.series[0]?.points.map(({ x, y }) => ({ x, y })));
  });
});
