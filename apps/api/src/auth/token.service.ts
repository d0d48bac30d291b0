/**
 * Bearer tokens for scripts and the dashboard. A token is `sdl_<id>_<secret>` (id: 32 hex
 * characters, secret: 24 random bytes in base64url); only the sha256
 * of the whole string is stored, so a leaked database does not leak usable tokens.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { TokenRecord, TokenScope } from '../store/records.js';
import type { Store } from '../store/store.js';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createToken(store: Store, scope: TokenScope, name = `${scope} token`): Promise<{ token: string; record: TokenRecord }> {
  // 128 random bits: an id names a token in `saddle token revoke` and in logs, and must not be
  // guessable (it was 8 hex characters, 32 bits, until 2026-12; such tokens stay valid, since
  // verification hashes the whole token and never parses the id).
  const id = randomBytes(16).toString('hex');
  const token = `sdl_${id}_${randomBytes(24).toString('base64url')}`;
  await store.addToken({ id, name, scope, hash: hashToken(token) });
  const record = await store.tokenByHash(hashToken(token));
  if (!record) throw new Error('createToken: the token was not stored');
  return { token, record };
}

/** The token's record when it is valid and not revoked; undefined otherwise. */
export async function verifyToken(store: Store, token: string): Promise<TokenRecord | undefined> {
  const record = await store.tokenByHash(hashToken(token));
  if (!record || record.revoked) return undefined;
  void store.touchToken(record.id).catch(() => {
    // Best effort: a failed last-used stamp must not fail the request.
  });
  return record;
}

/** `Bearer <token>` from an Authorization header (or a graphql-ws connection_init payload). */
export function bearerToken(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1];
}
