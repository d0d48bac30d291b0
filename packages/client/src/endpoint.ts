/** Where the server is and who the client is: the options, else SADDLE_URL / SADDLE_TOKEN, else the local default. */

export const DEFAULT_URL = 'http://127.0.0.1:4000';

export interface Endpoint {
  /** The GraphQL endpoint over HTTP, e.g. http://127.0.0.1:4000/graphql. */
  httpUrl: string;
  /** The same endpoint for graphql-ws, e.g. ws://127.0.0.1:4000/graphql. */
  wsUrl: string;
  /** `Bearer …` for the Authorization header and connection_init; undefined without a token. */
  authorization: string | undefined;
}

/**
 * `url` is the server's base URL as `saddle serve` prints it (`http://127.0.0.1:4000`), with or
 * without `/graphql`; `ws(s)://` is accepted too.
 */
export function resolveEndpoint(options: { url?: string | undefined; token?: string | undefined }): Endpoint {
  const given = options.url ?? process.env.SADDLE_URL ?? DEFAULT_URL;
  let parsed: URL;
  try {
    parsed = new URL(given);
  } catch {
    throw new TypeError(`@saddle/client: url ${JSON.stringify(given)} is not a URL; pass the server's base URL, e.g. ${DEFAULT_URL} (option url or SADDLE_URL)`);
  }
  const secure = parsed.protocol === 'https:' || parsed.protocol === 'wss:';
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) {
    throw new TypeError(`@saddle/client: url ${JSON.stringify(given)} must start with http:// or https://, e.g. ${DEFAULT_URL}`);
  }
  const path = parsed.pathname.replace(/\/+$/, '');
  const graphqlPath = path.endsWith('/graphql') ? path : `${path}/graphql`;
  const host = parsed.host;
  const token = options.token ?? process.env.SADDLE_TOKEN;
  return {
    httpUrl: `${secure ? 'https' : 'http'}://${host}${graphqlPath}`,
    wsUrl: `${secure ? 'wss' : 'ws'}://${host}${graphqlPath}`,
    authorization: token ? `Bearer ${token}` : undefined,
  };
}
