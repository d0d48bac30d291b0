/** Query.viewer: what the caller may do, by the same rule as the auth checker. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-utils/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const VIEWER = `{ viewer { authRequired scope canWrite } }`;

describe('Query.viewer', () => {
  it('says a READ token may not write, a WRITE token may, and without required auth anyone may', async () => {
    expect((await server.run(VIEWER, undefined, { required: true, scope: 'read', tokenId: 'r' })).data).toEqual({ viewer: { authRequired: true, scope: 'READ', canWrite: false } });
    expect((await server.run(VIEWER, undefined, { required: true, scope: 'write', tokenId: 'w' })).data).toEqual({ viewer: { authRequired: true, scope: 'WRITE', canWrite: true } });
    expect((await server.run(VIEWER)).data).toEqual({ viewer: { authRequired: false, scope: null, canWrite: true } });
  });

  it('agrees with the auth checker: a READ token is refused the mutation viewer calls forbidden', async () => {
    const refused = await server.run(`mutation { createRun(input: { name: "x" }) { id } }`, undefined, { required: true, scope: 'read', tokenId: 'r' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
