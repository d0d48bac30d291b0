/**
 * Who is asking: one place for HTTP requests, WebSocket connection_init and the re-checks of an
 * open socket's token. Wrong tokens are counted per client address (FailedAuthLimiter).
 */
import type { AuthState } from '../context.js';
import { RateLimitedError, UnauthenticatedError } from '../errors.js';
import type { Store } from '../store/store.js';
import { FailedAuthLimiter, type FailedAuthLimitOptions } from './failed-auth-limiter.js';
import { bearerToken, verifyToken } from './token.service.js';

export interface Authenticated {
  auth: AuthState;
  /** The presented token, kept with a socket so it can be re-checked; undefined without one. */
  token: string | undefined;
}

export interface Authenticator {
  readonly required: boolean;
  /**
   * From an `Authorization` value (header or connection_init param) and the client's address.
   * Throws UnauthenticatedError (401) for a missing or wrong token, RateLimitedError (429) while
   * the address has had too many wrong ones.
   */
  authenticate(authorization: unknown, clientAddress: string | undefined): Promise<Authenticated>;
  /** Whether a token accepted earlier is still valid (not revoked since). */
  stillValid(token: string): Promise<boolean>;
}

export function createAuthenticator(options: { store: Store; required: boolean; limit?: FailedAuthLimitOptions }): Authenticator {
  const { store, required } = options;
  const limiter = new FailedAuthLimiter(options.limit);
  return {
    required,
    async authenticate(authorization, clientAddress) {
      const token = bearerToken(authorization);
      if (!token) {
        if (!required) return { auth: { required: false, scope: null, tokenId: null }, token: undefined };
        throw new UnauthenticatedError();
      }
      const address = clientAddress ?? 'unknown';
      const wait = limiter.retryAfterMs(address);
      if (wait > 0) throw new RateLimitedError(wait);
      const record = await verifyToken(store, token);
      if (!record) {
        limiter.recordFailure(address);
        throw new UnauthenticatedError('The bearer token is not valid (unknown or revoked): create one with `saddle token create --scope read|write`.');
      }
      return { auth: { required, scope: record.scope, tokenId: record.id }, token };
    },
    async stillValid(token) {
      return (await verifyToken(store, token)) !== undefined;
    },
  };
}
