/**
 * The Saddle API server: Apollo Server 5 on express 5, and graphql-ws on the same HTTP server,
 * both at `/graphql`. Binds 127.0.0.1 by default; bound elsewhere (or with SADDLE_AUTH=required)
 * every HTTP request and every WebSocket connection_init must carry a bearer token.
 */
import 'reflect-metadata';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type GraphQLRequest } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import { parse, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { PubSub } from 'type-graphql';
import { WebSocketServer } from 'ws';
import { bearerToken, verifyToken } from './auth/token.service.js';
import { LIMITS } from './common/limits.js';
import type { AuthState, SaddleContext, Services } from './context.js';
import { EngineInfoService } from './engine-info/engine-info.service.js';
import { createErrorFormatter, SaddleError, UnauthenticatedError } from './errors.js';
import { answerClientError, createHttpErrorHandler, jsonBody } from './http/http-errors.js';
import { ExperimentService } from './experiments/experiment.service.js';
import { MetricService } from './metrics/metric.service.js';
import { checkOperationLimits, createCostLimitPlugin, createDepthLimitPlugin, type CostLimitOptions, type DepthLimitOptions } from './plugins/operation-limits.js';
import { createHttpSubscriptionPlugin } from './plugins/http-subscriptions.js';
import { LocalRunQueue } from './queue/local-queue.js';
import { createRuntime, type Runtime, type RuntimeConfig } from './runtime.js';
import { RunService } from './runs/run.service.js';
import { buildSaddleSchema } from './schema.js';

export type AuthMode =
  /** Tokens required unless bound to a loopback address. */
  | 'auto'
  | 'required'
  | 'off';

export interface ServerConfig extends RuntimeConfig {
  /** Default `SADDLE_HOST`, else 127.0.0.1. */
  host?: string;
  /** Default `SADDLE_PORT`, else 4000; 0 picks a free port. */
  port?: number;
  /** Default `SADDLE_AUTH` (`required` | `off`), else `auto`. */
  auth?: AuthMode;
  /** Serve this runtime instead of creating one (it is then not closed by `stop`). */
  runtime?: Runtime;
  /** Forward every path but /graphql to this origin (the Next.js dashboard), so both share one origin. */
  webOrigin?: string;
  depthLimit?: DepthLimitOptions;
  costLimit?: CostLimitOptions;
}

export interface SaddleServer {
  app: Express;
  httpServer: Server;
  apollo: ApolloServer<SaddleContext>;
  schema: GraphQLSchema;
  runtime: Runtime;
  services: Services;
  /** e.g. http://127.0.0.1:4000/graphql */
  url: string;
  authRequired: boolean;
  /** Runs an operation in-process, as a caller with this auth (default: no token, auth off). */
  execute(request: GraphQLRequest, auth?: Partial<AuthState>): ReturnType<ApolloServer<SaddleContext>['executeOperation']>;
  stop(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

export function createServices(runtime: Runtime, deployment: { queue: string; pubsub: string; workers: number | null }): Services {
  const { store, queue, pubsub, catalogue, dataDir } = runtime;
  const runs = new RunService({ store, queue, publisher: pubsub });
  return {
    runs,
    experiments: new ExperimentService({ store, queue, publisher: pubsub, catalogue, dataDir, runs }),
    metrics: new MetricService({ store, publisher: pubsub }),
    catalogue,
    engineInfo: new EngineInfoService({ store: store.dialect, ...deployment }),
  };
}

export async function createSaddleServer(config: ServerConfig = {}): Promise<SaddleServer> {
  const host = config.host ?? process.env.SADDLE_HOST ?? '127.0.0.1';
  const port = config.port ?? (process.env.SADDLE_PORT ? Number(process.env.SADDLE_PORT) : 4000);
  const authMode = config.auth ?? (process.env.SADDLE_AUTH === 'required' || process.env.SADDLE_AUTH === 'off' ? process.env.SADDLE_AUTH : 'auto');
  const authRequired = authMode === 'required' || (authMode === 'auto' && !isLoopback(host));
  // Bound before anything else: a taken port fails the start here, before recovery re-queues runs
  // and workers are forked (which would train another server's queue, in a process that never exits).
  const early = await listenEarly(port, host);
  const ownsRuntime = !config.runtime;
  const runtime =
    config.runtime ??
    (await createRuntime(config).catch(async (error: unknown) => {
      await early.close();
      throw error;
    }));
  const services = createServices(runtime, {
    queue: runtime.queue instanceof LocalRunQueue ? 'local' : 'bullmq',
    pubsub: process.env.SADDLE_REDIS_URL || config.redisUrl ? 'redis' : 'memory',
    workers: runtime.queue instanceof LocalRunQueue ? (config.workers ?? null) : null,
  });
  const schema = await buildSaddleSchema(runtime.pubsub as unknown as PubSub);

  const authenticate = async (authorization: unknown): Promise<AuthState> => {
    const token = bearerToken(authorization);
    if (!authRequired && !token) return { required: false, scope: null, tokenId: null };
    if (!token) throw new UnauthenticatedError();
    const record = await verifyToken(runtime.store, token);
    if (!record) throw new UnauthenticatedError('The bearer token is not valid (unknown or revoked).');
    return { required: authRequired, scope: record.scope, tokenId: record.id };
  };

  const app = express();
  // Express's development error page prints stacks and file paths; never serve it, whatever NODE_ENV says.
  app.set('env', 'production');
  const httpServer = early.server;
  httpServer.on('clientError', answerClientError);
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: '/graphql',
    // The same cap as an HTTP body: ws's default (100 MiB) would take a frame HTTP refuses.
    maxPayload: LIMITS.requestBytesMax,
  });
  const wsCleanup = useServer<Record<string, unknown>, { auth?: AuthState }>(
    {
      schema,
      // A refused connection_init closes the socket with 4403 Forbidden.
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const header = params.authorization ?? params.Authorization ?? ctx.extra.request.headers.authorization;
        try {
          ctx.extra.auth = await authenticate(header);
          return true;
        } catch {
          return false;
        }
      },
      onSubscribe: (_ctx, _id, payload) => {
        try {
          // Parsed again inside graphql-ws; the limits need the document first.
          checkOperationLimits(parse(payload.query), payload.variables ?? undefined, payload.operationName, {
            schema,
            ...(config.depthLimit && { depth: config.depthLimit }),
            ...(config.costLimit && { cost: config.costLimit }),
          });
        } catch (error) {
          if (error instanceof SaddleError) return [error];
          throw error;
        }
        return undefined;
      },
      context: (ctx): SaddleContext => ({ services, auth: ctx.extra.auth ?? { required: authRequired, scope: null, tokenId: null } }),
    },
    wsServer,
  );

  const apollo = new ApolloServer<SaddleContext>({
    schema,
    formatError: createErrorFormatter(),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
      createDepthLimitPlugin(config.depthLimit),
      createCostLimitPlugin(config.costLimit),
      createHttpSubscriptionPlugin(),
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.use(
    '/graphql',
    jsonBody(),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({ services, auth: await authenticate(req.headers.authorization) }),
    }),
  );
  if (config.webOrigin) app.use(createProxy(config.webOrigin));
  app.use(createHttpErrorHandler());

  early.serve(app);
  const address = httpServer.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${urlHost}:${address.port}/graphql`;

  return {
    app,
    httpServer,
    apollo,
    schema,
    runtime,
    services,
    url,
    authRequired,
    execute: (request, auth = {}) =>
      apollo.executeOperation(request, { contextValue: { services, auth: { required: false, scope: null, tokenId: null, ...auth } } }),
    async stop() {
      await apollo.stop();
      wsServer.close();
      if (ownsRuntime) await runtime.close();
    },
  };
}

/**
 * An HTTP server bound to host:port at once; requests that arrive before `serve(app)` wait for
 * the app (start-up takes a second or two) rather than meeting a half-wired one.
 */
async function listenEarly(port: number, host: string): Promise<{ server: Server; serve(app: Express): void; close(): Promise<void> }> {
  let serve!: (app: Express) => void;
  let abandon!: () => void;
  const ready = new Promise<Express>((resolve, reject) => {
    serve = resolve;
    abandon = () => reject(new Error('the server did not start'));
  });
  ready.catch(() => {});
  const server = createServer((req, res) => {
    void ready.then(
      (app) => app(req, res),
      () => res.destroy(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    serve,
    close: () => {
      abandon();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function createProxy(origin: string) {
  const target = new URL(origin);
  return (req: IncomingMessage, res: import('node:http').ServerResponse) => {
    const upstream = httpRequest(
      { hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } },
      (response) => {
        res.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`saddle: the dashboard at ${origin} is not answering`);
    });
    req.pipe(upstream);
  };
}
