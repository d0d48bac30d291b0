/**
 * GraphQL over HTTP with the retries out of sight: an answer that never came (connection refused
 * or reset, a timeout) or a server that is briefly unable (502/503/504, honouring Retry-After) is
 * tried again with exponential backoff; a GraphQL error is the server's verdict and is thrown at once.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type OperationDefinitionNode } from 'graphql';
import type { Endpoint } from './endpoint.js';
import { SaddleClientError, type GraphQLErrorShape } from './errors.js';

export interface RetryOptions {
  /** Tries after the first (default 6: about 16 s of waiting at the default base). */
  retries?: number;
  /** The first wait; each next one doubles, with ±25 % jitter (default 250 ms). */
  baseDelayMs?: number;
  /** Longest single wait (default 5000 ms). */
  maxDelayMs?: number;
  /** One request's time limit (default 30 000 ms). */
  timeoutMs?: number;
}

/**
 * `always`: the operation may be sent twice (queries, `logMetrics`, which is idempotent per
 * (run, key, step), `finishRun`). `unsent`: only when the request certainly never reached the
 * server (connection refused), for operations that would do their work twice (`launchExperiment`;
 * createRun is idempotent by the run id `init` chooses).
 */
export type RetryPolicy = 'always' | 'unsent';

// Not 429: the API answers it to wrong tokens, which waiting does not fix.
const RETRIED_STATUSES = new Set([502, 503, 504]);

export class Transport {
  private readonly retries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly timeoutMs: number;
  private readonly printed = new WeakMap<object, { query: string; name: string }>();

  constructor(
    readonly endpoint: Endpoint,
    options: RetryOptions = {},
  ) {
    this.retries = options.retries ?? 6;
    this.baseDelayMs = options.baseDelayMs ?? 250;
    this.maxDelayMs = options.maxDelayMs ?? 5000;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** Runs one typed operation; resolves with its data or rejects with a SaddleClientError. */
  async request<TResult, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
    policy: RetryPolicy = 'always',
  ): Promise<TResult> {
    const { query, name } = this.print(document);
    const body = JSON.stringify({ query, operationName: name, variables });
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.send(name, body);
      if (outcome.kind === 'data') return outcome.data as TResult;
      const retriable = outcome.kind === 'unavailable' || (outcome.kind === 'network' && (policy === 'always' || outcome.unsent));
      if (!retriable || attempt >= this.retries) throw outcome.error;
      await sleep(outcome.kind === 'unavailable' && outcome.retryAfterMs !== undefined ? outcome.retryAfterMs : this.backoff(attempt));
    }
  }

  backoff(attempt: number): number {
    const delay = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** attempt);
    return delay * (0.75 + Math.random() * 0.5);
  }

  private print(document: TypedDocumentNode<unknown, never>): { query: string; name: string } {
    let printed = this.printed.get(document);
    if (!printed) {
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
      printed = { query: print(document), name: operation?.name?.value ?? 'operation' };
      this.printed.set(document, printed);
    }
    return printed;
  }

  private async send(
    name: string,
    body: string,
  ): Promise<
    | { kind: 'data'; data: unknown }
    | { kind: 'network'; unsent: boolean; error: SaddleClientError }
    | { kind: 'unavailable'; retryAfterMs: number | undefined; error: SaddleClientError }
    | { kind: 'refused'; error: SaddleClientError }
  > {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.endpoint.authorization) headers.authorization = this.endpoint.authorization;
    let response: Response;
    try {
      response = await fetch(this.endpoint.httpUrl, { method: 'POST', headers, body, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (cause) {
      const code = (cause as { cause?: { code?: unknown } }).cause?.code;
      const why = typeof code === 'string' ? code : cause instanceof Error ? cause.message : String(cause);
      return {
        kind: 'network',
        unsent: code === 'ECONNREFUSED',
        error: new SaddleClientError(`${name}: no answer from ${this.endpoint.httpUrl} (${why}); is the server running? (saddle serve, or set SADDLE_URL)`, 'NETWORK', [], { cause }),
      };
    }
    let reply: { data?: unknown; errors?: GraphQLErrorShape[] } | undefined;
    try {
      reply = (await response.json()) as typeof reply;
    } catch {
      reply = undefined;
    }
    if (reply?.errors?.length) {
      const error = SaddleClientError.fromGraphQL(name, reply.errors);
      if (RETRIED_STATUSES.has(response.status)) return { kind: 'unavailable', retryAfterMs: retryAfter(response), error };
      return { kind: 'refused', error };
    }
    if (response.ok && reply && 'data' in reply) return { kind: 'data', data: reply.data };
    const error = new SaddleClientError(`${name}: ${this.endpoint.httpUrl} answered HTTP ${response.status} without a GraphQL result; is SADDLE_URL the Saddle server?`, `HTTP_${response.status}`);
    if (RETRIED_STATUSES.has(response.status)) return { kind: 'unavailable', retryAfterMs: retryAfter(response), error };
    return { kind: 'refused', error };
  }
}

function retryAfter(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
