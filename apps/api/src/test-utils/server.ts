/** A started API on 127.0.0.1 (free port) over a throw-away data directory, with the tiny test presets. */
import type { GraphQLRequest } from '@apollo/server';
import { createSaddleServer, type SaddleServer, type ServerConfig } from '../server.js';
import { tempDir, TINY_PRESET_MODULE } from './temp.js';

export interface TestServer extends SaddleServer {
  dataDir: string;
  /** Executes in-process and returns the single result's data and errors. */
  run<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, auth?: Parameters<SaddleServer['execute']>[1]): Promise<{ data: T | null | undefined; errors: readonly GraphQLErrorLike[] | undefined }>;
  close(): Promise<void>;
}

export interface GraphQLErrorLike {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

export async function startTestServer(config: ServerConfig = {}): Promise<TestServer> {
  const dir = config.dataDir ? undefined : tempDir();
  const dataDir = config.dataDir ?? (dir as { path: string }).path;
  const server = await createSaddleServer({ port: 0, workers: 1, presetModules: [TINY_PRESET_MODULE], ...config, dataDir });
  return Object.assign(server, {
    dataDir,
    async run<T>(query: string, variables?: Record<string, unknown>, auth?: Parameters<SaddleServer['execute']>[1]) {
      const response = await server.execute({ query, ...(variables && { variables }) } as GraphQLRequest, auth);
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      const { data, errors } = response.body.singleResult;
      return { data: data as T | null | undefined, errors: errors as readonly GraphQLErrorLike[] | undefined };
    },
    async close() {
      await server.stop();
      dir?.remove();
    },
  });
}

/** POSTs an operation over real HTTP, as a script would. */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ status: number; data?: T; errors?: GraphQLErrorLike[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: GraphQLErrorLike[] };
  return { status: response.status, ...body };
}
