/**
 * The Saddle API from a TypeScript or JavaScript program: log runs (`init` → `SaddleRun`), read
 * experiments and runs, and follow them live over graphql-ws. Every operation is one of
 * @saddle/schema's typed documents; results are those documents' types.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  ClientRunDocument,
  ClientRunEventsDocument,
  ClientRunHistoryDocument,
  ClientRunsDocument,
  ScriptCreateRunDocument,
  ScriptExperimentEventsDocument,
  ScriptExperimentResultDocument,
  ScriptLaunchExperimentDocument,
  type ClientRunEventsSubscription,
  type ClientRunHistoryQuery,
  type ClientRunHistoryQueryVariables,
  type ClientRunQuery,
  type ClientRunsQuery,
  type ClientRunsQueryVariables,
  type CreateRunInput,
  type LaunchExperimentInput,
  type ScriptExperimentEventsSubscription,
  type ScriptExperimentResultQuery,
  type ScriptLaunchExperimentMutation,
} from '@saddle/schema';
import { print } from 'graphql';
import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { BatchOptions } from './batcher.js';
import { resolveEndpoint } from './endpoint.js';
import { SaddleClientError } from './errors.js';
import { SaddleRun } from './run.js';
import { Transport, type RetryOptions } from './transport.js';

export interface SaddleClientOptions {
  /** The server's base URL (default: SADDLE_URL, else http://127.0.0.1:4000). */
  url?: string;
  /** A token from `saddle token create` (default: SADDLE_TOKEN); needed when the server requires one. */
  token?: string;
  /** Retries of requests that got no answer or a 502/503/504 (see RetryOptions for defaults). */
  retry?: RetryOptions;
  /** How runs batch their points (default ≤ 1000 points or 250 ms a batch). */
  batch?: BatchOptions;
}

/** What `init` takes: createRun's input (name, experimentName, experimentId, group, config, tags; `id` defaults to a new UUID). */
export type InitOptions = CreateRunInput;

export type ExperimentResult = NonNullable<ScriptExperimentResultQuery['experiment']>;
export type LaunchedExperiment = ScriptLaunchExperimentMutation['launchExperiment'];
export type RunInfo = NonNullable<ClientRunQuery['run']>;
export type RunSummary = ClientRunsQuery['runs']['edges'][number]['node'];
/** Query.runs's arguments: `filter` (config / final conditions, status, tags, …), `orderBy`, `first`, `after`. */
export type RunsOptions = ClientRunsQueryVariables;
export type RunEvent = ClientRunEventsSubscription['runEvents'];
export type ExperimentEvent = ScriptExperimentEventsSubscription['experimentEvents'];

/** One point of a series as `history` returns it; a non-finite value is NaN, Infinity or -Infinity again. */
export interface HistoryPoint {
  step: number;
  value: number;
  wallTime: number;
  epoch: number | null;
}

export class SaddleClient {
  readonly transport: Transport;
  private readonly batch: BatchOptions;
  private ws: WsClient | undefined;

  constructor(options: SaddleClientOptions = {}) {
    this.transport = new Transport(resolveEndpoint(options), options.retry);
    this.batch = options.batch ?? {};
  }

  /** Starts a RUNNING run to log into, like `wandb.init`. */
  async init(options: InitOptions): Promise<SaddleRun> {
    // The run's id is chosen here, so createRun is idempotent: a retry after a lost answer returns
    // the run the first request made rather than a second one.
    const input = { ...options, id: options.id ?? globalThis.crypto.randomUUID() };
    const { createRun } = await this.transport.request(ScriptCreateRunDocument, { input });
    return new SaddleRun(this.transport, createRun.id, createRun.experimentId, options.name, this.batch);
  }

  /** Launches a preset or a raw spec (launchExperiment); its runs are QUEUED for the server's workers. */
  async launch(input: LaunchExperimentInput): Promise<LaunchedExperiment> {
    return (await this.transport.request(ScriptLaunchExperimentDocument, { input }, 'unsent')).launchExperiment;
  }

  /** An experiment with its runs (config, status, final metrics) and figures; null for an unknown id. */
  async experiment(id: string): Promise<ExperimentResult | null> {
    return (await this.transport.request(ScriptExperimentResultDocument, { id })).experiment ?? null;
  }

  /** One run; null for an unknown id. */
  async run(id: string): Promise<RunInfo | null> {
    return (await this.transport.request(ClientRunDocument, { id })).run ?? null;
  }

  /**
   * Runs across every experiment (Query.runs), e.g. `{ filter: { config: [{ path: 'optimizer.lr',
   * op: 'GT', value: 1e-3 }] }, orderBy: [{ field: 'final.test/loss', direction: 'ASC' }] }`: one
   * page, with the cursor of the next.
   */
  async runs(options: RunsOptions = {}): Promise<{ runs: RunSummary[]; hasNextPage: boolean; endCursor: string | null }> {
    const { runs } = await this.transport.request(ClientRunsDocument, options);
    return { runs: runs.edges.map((edge) => edge.node), hasNextPage: runs.pageInfo.hasNextPage, endCursor: runs.pageInfo.endCursor ?? null };
  }

  /** Every stored point of one series of a run, in step order (paged through metricPage). */
  async history(runId: string, key: string): Promise<HistoryPoint[]> {
    const points: HistoryPoint[] = [];
    let afterStep: number | null = null;
    for (;;) {
      const variables: ClientRunHistoryQueryVariables = { id: runId, key, afterStep, first: 10_000 };
      const { run }: ClientRunHistoryQuery = await this.transport.request(ClientRunHistoryDocument, variables);
      if (!run) throw new SaddleClientError(`history: run ${JSON.stringify(runId)} does not exist`, 'NOT_FOUND');
      const page: NonNullable<ClientRunHistoryQuery['run']>['metricPage'] = run.metricPage;
      for (const p of page.points) points.push({ step: p.step, value: decodeValue(p.value, p.nonFinite), wallTime: p.wallTime, epoch: p.epoch ?? null });
      if (!page.hasMore || page.lastStep === null || page.lastStep === undefined) return points;
      afterStep = page.lastStep;
    }
  }

  /**
   * A run's live events (metric batches, status, progress). The iteration ends after the event
   * that ends the run (at once if it already has); an unknown id rejects with NOT_FOUND.
   */
  async *runEvents(runId: string): AsyncGenerator<RunEvent> {
    for await (const data of this.subscribe(ClientRunEventsDocument, { runId })) yield data.runEvents;
  }

  /** An experiment's live events; ends with the experiment, rejects with NOT_FOUND for an unknown id. */
  async *experimentEvents(experimentId: string): AsyncGenerator<ExperimentEvent> {
    for await (const data of this.subscribe(ScriptExperimentEventsDocument, { experimentId })) yield data.experimentEvents;
  }

  /** Runs any typed document from @saddle/schema over HTTP (with the client's retries). */
  request<TResult, TVariables extends Record<string, unknown>>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult> {
    return this.transport.request(document, variables);
  }

  /** Any typed subscription document, as an async iteration of its results' data. */
  async *subscribe<TResult, TVariables extends Record<string, unknown>>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): AsyncGenerator<TResult> {
    const query = print(document);
    const iterator = this.socket().iterate<TResult>({ query, variables });
    for await (const result of iterator) {
      if (result.errors?.length) throw SaddleClientError.fromGraphQL('subscription', result.errors);
      if (result.data) yield result.data;
    }
  }

  /** Closes the WebSocket (if one was opened); HTTP needs no closing. */
  async close(): Promise<void> {
    const ws = this.ws;
    this.ws = undefined;
    await ws?.dispose();
  }

  private socket(): WsClient {
    if (!this.ws) {
      const { wsUrl, authorization } = this.transport.endpoint;
      this.ws = createClient({
        url: wsUrl,
        // Node 20 has no global WebSocket; `ws` works on every supported Node.
        webSocketImpl: WebSocket,
        lazy: true,
        ...(authorization && { connectionParams: { authorization } }),
        retryAttempts: 5,
      });
    }
    return this.ws;
  }
}

/** A read point's value as a number: the API answers a non-finite one as value null and its spelling in nonFinite. */
export function decodeValue(value: number | null | undefined, nonFinite: string | null | undefined): number {
  if (value !== null && value !== undefined) return value;
  if (nonFinite === 'Infinity') return Infinity;
  if (nonFinite === '-Infinity') return -Infinity;
  return NaN;
}
