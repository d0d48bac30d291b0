/** When the API asks for bearer tokens (`SADDLE_AUTH`, `ServerConfig.auth`). */
export const AUTH_MODES = ['auto', 'required', 'off'] as const;

export type AuthMode =
  /** Tokens required unless bound to a loopback address (the default). */
  | 'auto'
  /** Tokens on every request and socket, wherever the server binds. */
  | 'required'
  /** No tokens, wherever it binds (a trusted network only). */
  | 'off';

/**
 * `SADDLE_AUTH` as an AuthMode; unset or empty is `auto`. Anything else is refused: a typo such as
 * `SADDLE_AUTH=requird` silently meaning `auto` would serve without tokens on loopback.
 */
export function parseAuthMode(value: string | undefined, source = 'SADDLE_AUTH'): AuthMode {
  if (value === undefined || value.trim() === '') return 'auto';
  const mode = value.trim().toLowerCase();
  if ((AUTH_MODES as readonly string[]).includes(mode)) return mode as AuthMode;
  throw new Error(`${source}=${JSON.stringify(value)} is not an auth mode; allowed: ${AUTH_MODES.join(', ')} (auto: tokens required unless bound to loopback)`);
}
