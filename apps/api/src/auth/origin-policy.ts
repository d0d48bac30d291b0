/**
 * Which browsers may talk to the API. Without tokens (the loopback default) the only thing that
 * keeps a web page on another site from driving the API is the browser's Origin header and the
 * Host it addressed: WebSockets are exempt from CORS, so a page on evil.example can open
 * ws://127.0.0.1:4000/graphql, and a name rebound to 127.0.0.1 (DNS rebinding) makes the page
 * same-origin with a Host of its own. So:
 * - Host (without tokens only): a loopback name, an address of this machine when bound there, or a
 *   host of an allowed origin. With tokens required the names the server is reached by (a reverse
 *   proxy's, a LAN name) are not known in advance, and a rebinding page has no token anyway.
 * - Origin (always, when a browser sends one): the origin the request addressed (same-origin),
 *   an allowed origin (`SADDLE_ALLOWED_ORIGINS`), or on loopback the Next dev server of
 *   `npm run dev` (http://localhost:3000), whose proxy rewrites Host to the API's.
 * Requests without an Origin (curl, Python, the CLI, ws from Node) are not from a web page and
 * pass the Origin check.
 */
import { networkInterfaces } from 'node:os';

/** `npm run dev`: `next dev` on its default port, proxying /graphql (and the socket) to the API. */
export const DEV_ORIGINS: readonly string[] = ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000'];

export interface OriginPolicyOptions {
  /** The address the server binds (`--host`). */
  host: string;
  /** Tokens required: the Host check is skipped (see above). */
  authRequired: boolean;
  /** Extra origins browsers may use, e.g. `https://saddle.lab.example` behind a reverse proxy. */
  allowedOrigins?: readonly string[];
}

export interface OriginPolicy {
  /**
   * Why a request with these headers is refused, in words that name the fix; undefined when it is
   * allowed. `origin` is checked only where given (WebSocket upgrades and /graphql).
   */
  refusal(headers: { host?: string | undefined; origin?: string | undefined }): string | undefined;
}

export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  return bare === 'localhost' || bare === '::1' || /^127\./.test(bare);
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

/**
 * Parses `SADDLE_ALLOWED_ORIGINS` (comma-separated origins such as `https://lab.example:8443`).
 * Throws naming the variable and the bad entry: a typo here would otherwise lock the dashboard out.
 */
export function parseAllowedOrigins(value: string | undefined, source = 'SADDLE_ALLOWED_ORIGINS'): string[] {
  if (!value?.trim()) return [];
  return value.split(',').map((entry) => entry.trim()).filter(Boolean).map((entry) => normalizeOrigin(entry, source));
}

function normalizeOrigin(entry: string, source: string): string {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    throw new Error(`${source}: ${JSON.stringify(entry)} is not an origin; expected scheme://host[:port], e.g. https://saddle.lab.example`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search || url.hash || url.username) {
    throw new Error(`${source}: ${JSON.stringify(entry)} is not an origin; expected http(s)://host[:port] with no path, e.g. https://saddle.lab.example`);
  }
  return url.origin;
}

/** The hostname of a Host header (`[::1]:4000` → `[::1]`), lower-cased; undefined when unparseable. */
function hostnameOf(hostHeader: string): string | undefined {
  try {
    return new URL(`http://${hostHeader}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function localAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap((entry) => (entry ? [entry.family === 'IPv6' ? `[${entry.address}]` : entry.address] : []));
}

export function createOriginPolicy(options: OriginPolicyOptions): OriginPolicy {
  const allowedOrigins = new Set((options.allowedOrigins ?? []).map((origin) => normalizeOrigin(origin, 'allowedOrigins')));
  const loopbackBound = isLoopback(options.host);
  const devOrigins = new Set(loopbackBound ? DEV_ORIGINS : []);
  const boundName = options.host.includes(':') && !options.host.startsWith('[') ? `[${options.host}]` : options.host;
  const allowedHosts = new Set([
    ...[...allowedOrigins].map((origin) => new URL(origin).hostname),
    ...(loopbackBound ? [] : isWildcard(options.host) ? localAddresses() : [boundName.toLowerCase()]),
  ]);
  const allowedList = () => (allowedOrigins.size > 0 ? ` (now: ${[...allowedOrigins].join(', ')})` : '');

  return {
    refusal({ host, origin }) {
      if (!options.authRequired && host !== undefined) {
        const hostname = hostnameOf(host);
        if (!hostname || !(isLoopback(hostname) || allowedHosts.has(hostname))) {
          return `Host ${JSON.stringify(host)} is not a name of this server: without tokens it answers only to localhost/127.0.0.1 (a page on another name may be DNS rebinding). To serve it under that name, add its origin to SADDLE_ALLOWED_ORIGINS${allowedList()}.`;
        }
      }
      if (origin === undefined) return undefined;
      let parsed: URL | undefined;
      try {
        parsed = new URL(origin);
      } catch {
        parsed = undefined;
      }
      // `null` (sandboxed frames, file://) parses to no usable origin and is refused.
      if (parsed && parsed.origin !== 'null') {
        const sameOrigin = host !== undefined && parsed.host.toLowerCase() === host.toLowerCase();
        if (sameOrigin || allowedOrigins.has(parsed.origin) || devOrigins.has(parsed.origin)) return undefined;
      }
      return `Origin ${JSON.stringify(origin)} may not use this API: only pages served by the API itself${loopbackBound ? ' (and the `npm run dev` dashboard on :3000)' : ''} may. To allow another site, add it to SADDLE_ALLOWED_ORIGINS (comma-separated origins)${allowedList()}.`;
    },
  };
}
