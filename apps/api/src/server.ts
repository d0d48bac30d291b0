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
import { WebSocketServer, type WebSocket } from 'ws';
import { parseAuthMode, type AuthMode } from './auth/auth-mode.js';
import { createAuthenticator } from './auth/authenticator.js';
import type { FailedAuthLimitOptions } from './auth/failed-auth-limiter.js';
import { createOriginPolicy, isLoopback, parseAllowedOrigins } from './auth/origin-policy.js';
import { LIMITS } from './common/limits.js';
import type { AuthState, SaddleContext, Services } from './context.js';
import { EngineInfoService } from './engine-info/engine-info.service.js';
import { createErrorFormatter, ErrorCode, RateLimitedError, SaddleError } from './errors.js';
import { answerClientError, createHttpErrorHandler, jsonBody } from './http/http-errors.js';
import { ExperimentService } from './experiments/experiment.service.js';
import { MetricService } from './metrics/metric.service.js';
import { checkOperationLimits, createCostLimitPlugin, createDepthLimitPlugin, type CostLimitOptions, type DepthLimitOptions } from './plugins/operation-limits.js';
import { createHttpSubscriptionPlugin } from './plugins/http-subscriptions.js';
import { LiveEventService } from './pubsub/live-events.js';
import { RunSearchService } from './run-search/run-search.service.js';
import { LocalRunQueue } from './queue/local-queue.js';
import { createRuntime, type Runtime, type RuntimeConfig } from './runtime.js';
import { createReportRouter } from './reports/report.routes.js';
import { createDatasetRouter } from './datasets/dataset.routes.js';
import { DatasetService, datasetUploadMaxBytes } from './datasets/dataset.service.js';
import { createArtifactRouter } from './artifacts/artifact.routes.js';
import { ArtifactService } from './artifacts/artifact.service.js';
import { RunAnalysisService } from './runs/run-analysis.service.js';
import { heartbeatTimeoutMsFromEnv } from './runs/run.service.js';
import { watchForCrashes } from './runs/run-liveness.js';
import { ReportService } from './reports/report.service.js';
import { SuiteService } from './reports/suite.service.js';
import { RunService } from './runs/run.service.js';
import { buildSaddleSchema } from './schema.js';

export type { AuthMode } from './auth/auth-mode.js';
export { isLoopback } from './auth/origin-policy.js';

export interface ServerConfig extends RuntimeConfig {
  /** Default `SADDLE_HOST`, else 127.0.0.1. */
  host?: string;
  /** Default `SADDLE_PORT`, else 4000; 0 picks a free port. */
  port?: number;
  /** Default `SADDLE_AUTH` (`auto` | `required` | `off`; anything else is refused), else `auto`. */
  auth?: AuthMode;
  /**
   * Origins (besides the server's own) whose pages may call the API and open its WebSocket, e.g.
   * `https://saddle.lab.example` behind a reverse proxy. Default: `SADDLE_ALLOWED_ORIGINS`
   * (comma-separated), else none. See auth/origin-policy.ts.
   */
  allowedOrigins?: string[];
  /** Wrong tokens allowed per client address (default 10 per minute); see FailedAuthLimiter. */
  authRateLimit?: FailedAuthLimitOptions;
  /** How often open sockets' tokens are re-checked, so a revoked token's subscriptions end (ms, default 10 000). */
  tokenRecheckMs?: number;
  /** Serve this runtime instead of creating one (it is then not closed by `stop`). */
  runtime?: Runtime;
  /** Forward every path but /graphql to this origin (the Next.js dashboard), so both share one origin. */
  webOrigin?: string;
  /**
   * A RUNNING logged run whose script sent nothing for this long becomes CRASHED (ms). Default
   * `SADDLE_HEARTBEAT_TIMEOUT_S` (seconds), else 300 s; a value that is not a positive number
   * stops the server.
   */
  heartbeatTimeoutMs?: number;
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

export function createServices(runtime: Runtime, deployment: { queue: string; pubsub: string; workers: number | null }): Services {
  const { store, queue, pubsub, catalogue, dataDir } = runtime;
  const runs = new RunService({ store, queue, publisher: pubsub });
  const datasets = new DatasetService({ dataDir });
  const experiments = new ExperimentService({ store, queue, publisher: pubsub, catalogue, dataDir, runs, datasets });
  const suites = new SuiteService({ store, experiments });
  return {
    runs,
    experiments,
    suites,
    reports: new ReportService({ store, catalogue, suites }),
    metrics: new MetricService({ store, publisher: pubsub }),
    catalogue,
    engineInfo: new EngineInfoService({ store: store.dialect, ...deployment }),
    live: new LiveEventService({ store, pubsub }),
    // A logged run's final metrics are the last value of each series (RunService.lastValues).
    runSearch: new RunSearchService({ store, finalOf: async (id) => (await runs.lastValues(id)).final }),
    artifacts: new ArtifactService({ store, dataDir, runs }),
    runAnalyses: new RunAnalysisService({ store, queue, publisher: pubsub, dataDir }),
    datasets,
  };
}

export async function createSaddleServer(config: ServerConfig = {}): Promise<SaddleServer> {
  const host = config.host ?? process.env.SADDLE_HOST ?? '127.0.0.1';
  const port = config.port ?? (process.env.SADDLE_PORT ? Number(process.env.SADDLE_PORT) : 4000);
  const authMode = config.auth ? parseAuthMode(config.auth, 'ServerConfig.auth') : parseAuthMode(process.env.SADDLE_AUTH);
  const authRequired = authMode === 'required' || (authMode === 'auto' && !isLoopback(host));
  const heartbeatTimeoutMs = config.heartbeatTimeoutMs ?? heartbeatTimeoutMsFromEnv();
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

  const authenticator = createAuthenticator({ store: runtime.store, required: authRequired, ...(config.authRateLimit && { limit: config.authRateLimit }) });
  const originPolicy = createOriginPolicy({ host, authRequired, allowedOrigins: config.allowedOrigins ?? parseAllowedOrigins(process.env.SADDLE_ALLOWED_ORIGINS) });
  // Open sockets and the token each was accepted with: re-checked per operation and every
  // tokenRecheckMs, so `saddle token revoke` also ends subscriptions already running.
  const socketTokens = new Map<WebSocket, string>();
  const closeRevoked = (socket: WebSocket) => socket.close(4403, 'Forbidden: the token was revoked');
  const recheckTimer = setInterval(() => {
    for (const [socket, token] of socketTokens) {
      void authenticator.stillValid(token).then((valid) => valid || closeRevoked(socket), () => undefined);
    }
  }, config.tokenRecheckMs ?? 10_000);
  recheckTimer.unref();
  const stopCrashWatch = watchForCrashes(services.runs, { timeoutMs: heartbeatTimeoutMs });

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
    // Browsers let any page open a WebSocket anywhere (no CORS): Origin and Host decide here.
    verifyClient: ({ req }, done) => {
      const refusal = originPolicy.refusal({ host: req.headers.host, origin: req.headers.origin });
      if (refusal) done(false, 403, refusal);
      else done(true);
    },
  });
  const wsCleanup = useServer<Record<string, unknown>, { auth?: AuthState; token?: string }>(
    {
      schema,
      // A refused connection_init closes the socket with 4403 Forbidden (4429 while rate limited).
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const header = params.authorization ?? params.Authorization ?? ctx.extra.request.headers.authorization;
        try {
          const { auth, token } = await authenticator.authenticate(header, ctx.extra.request.socket.remoteAddress);
          ctx.extra.auth = auth;
          if (token) {
            ctx.extra.token = token;
            socketTokens.set(ctx.extra.socket, token);
          }
          return true;
        } catch (error) {
          if (error instanceof RateLimitedError) ctx.extra.socket.close(4429, `Too many failed token checks; retry in ${String(error.extensions.retryAfterSeconds)} s`);
          return false;
        }
      },
      onClose: (ctx) => {
        socketTokens.delete(ctx.extra.socket);
      },
      onSubscribe: async (ctx, _id, payload) => {
        // A socket outlives `saddle token revoke`: every operation re-checks its token.
        if (ctx.extra.token && !(await authenticator.stillValid(ctx.extra.token))) {
          // After the error goes out (graphql-ws sends it once this returns), not before it.
          const socket = ctx.extra.socket;
          setTimeout(() => closeRevoked(socket), 0);
          return [new SaddleError(ErrorCode.UNAUTHENTICATED, 'The bearer token was revoked; sign in with another token.')];
        }
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

  // First, before any route: a foreign Host (DNS rebinding) or a foreign page's Origin gets nothing.
  app.use((req, res, next) => {
    const refusal = originPolicy.refusal({ host: req.headers.host, origin: req.headers.origin });
    if (!refusal) return next();
    res.status(403).json({ errors: [{ message: refusal, extensions: { code: ErrorCode.FORBIDDEN } }] });
  });
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.use(
    '/graphql',
    jsonBody(),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({ services, auth: (await authenticator.authenticate(req.headers.authorization, req.socket.remoteAddress)).auth }),
    }),
  );
  app.use(createReportRouter({ reports: services.reports, authenticator }));
  app.use(createArtifactRouter({ artifacts: services.artifacts, authenticator }));
  app.use(createDatasetRouter({ datasets: services.datasets, authenticator, maxBytes: datasetUploadMaxBytes() }));
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
      clearInterval(recheckTimer);
      stopCrashWatch();
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
