import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { cacheExchange, Client, fetchExchange, subscriptionExchange } from 'urql';
import { authorization } from './token';

/** `unauthorized`: the API refused the socket's token (close 4403): sign in again rather than retry. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'unauthorized';

/** graphql-ws close code for a refused connection_init (no, a wrong or a revoked token). */
export const CLOSE_FORBIDDEN = 4403;

function closeCode(event: unknown): number | undefined {
  return typeof event === 'object' && event !== null && 'code' in event && typeof event.code === 'number' ? event.code : undefined;
}

/**
 * Where the API is. By default the page's own origin (`saddle serve --web` serves both);
 * NEXT_PUBLIC_SADDLE_API_URL points a separately started `next dev` at another API.
 */
export function apiEndpoints(location: Pick<Location, 'protocol' | 'host'>): { http: string; ws: string } {
  const configured = process.env.NEXT_PUBLIC_SADDLE_API_URL;
  const base = configured ? new URL(configured) : new URL(`${location.protocol}//${location.host}`);
  const http = new URL('/graphql', base).toString();
  const ws = http.replace(/^http/, 'ws');
  return { http, ws };
}

/**
 * The urql client of the dashboard: queries and mutations POST (Apollo's CSRF prevention rejects
 * GET), subscriptions go over one graphql-ws socket that retries forever with backoff, so the
 * dashboard survives an API restart; `onState` drives the connection indicator and refetches.
 * With a token, both send it: `Authorization: Bearer` on HTTP, `authorization` in connection_init.
 */
export function createSaddleClient(onState: (state: ConnectionState) => void, token: string | null = null): { client: Client; ws: WsClient } {
  const { http, ws: wsUrl } = apiEndpoints(window.location);
  let everConnected = false;
  const ws = createWsClient({
    url: wsUrl,
    lazy: false,
    keepAlive: 10_000,
    connectionParams: authorization(token),
    retryAttempts: Number.POSITIVE_INFINITY,
    // A refused token stays refused: retrying would only count as failed sign-ins (rate limited).
    shouldRetry: (event) => closeCode(event) !== CLOSE_FORBIDDEN,
    // 0.5 s, 1 s, 2 s, ... capped at 5 s, with jitter so many tabs do not reconnect in lockstep.
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(5000, 500 * 2 ** retries) + Math.random() * 300)),
    on: {
      connected: () => {
        everConnected = true;
        onState('connected');
      },
      closed: (event) => onState(closeCode(event) === CLOSE_FORBIDDEN ? 'unauthorized' : everConnected ? 'reconnecting' : 'connecting'),
      error: () => onState(everConnected ? 'reconnecting' : 'connecting'),
    },
  });
  const client = new Client({
    url: http,
    preferGetMethod: false,
    fetchOptions: () => ({ headers: authorization(token) }),
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const dispose = ws.subscribe(input, sink);
              return { unsubscribe: dispose };
            },
          };
        },
      }),
    ],
  });
  return { client, ws };
}
