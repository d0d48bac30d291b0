/** Token ids and secrets: unguessable, and tokens issued before ids grew (8 hex characters) stay valid. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postGraphQL, startTestServer, type TestServer } from '../test-utils/server.js';
import { createToken, hashToken, verifyToken } from './token.service.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ auth: 'required' });
});
afterAll(async () => {
  await server.close();
});

describe('createToken', () => {
  it('gives each token a 128-bit random id (32 hex characters), distinct every time', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const { token, record } = await createToken(server.runtime.store, 'read');
      expect(record.id).toMatch(/^[0-9a-f]{32}$/);
      expect(token).toMatch(new RegExp(`^sdl_${record.id}_[\\w-]{32}$`));
      ids.add(record.id);
    }
    expect(ids.size).toBe(5);
  });

  it('keeps a token with an old 8-character id valid over HTTP, and revocable by that id', async () => {
    const legacy = 'sdl_1a2b3c4d_n0tAVeryRandomButLongEnoughSecret0000';
    await server.runtime.store.addToken({ id: '1a2b3c4d', name: 'old script', scope: 'read', hash: hashToken(legacy) });
    expect(await verifyToken(server.runtime.store, legacy)).toMatchObject({ id: '1a2b3c4d', scope: 'read' });
    expect((await postGraphQL(server.url, '{ presets { id } }', {}, legacy)).status).toBe(200);
    expect(await server.runtime.store.revokeToken('1a2b3c4d')).toBe(true);
    expect((await postGraphQL(server.url, '{ presets { id } }', {}, legacy)).status).toBe(401);
  });
});
