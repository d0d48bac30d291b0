/**
 * @saddle/api — the GraphQL service as a library: start a server (as `saddle serve` does), or
 * drive the runtime directly (as `saddle run` does). E2E tests of the dashboard start one here.
 */
import 'reflect-metadata';

export { createSaddleServer, createServices, isLoopback, type AuthMode, type SaddleServer, type ServerConfig } from './server.js';
export { createRuntime, resolveDataDir, type Runtime, type RuntimeConfig } from './runtime.js';
export { buildSaddleSchema } from './schema.js';
export { createToken, verifyToken } from './auth/token.service.js';
export { ErrorCode } from './errors.js';
export { LIMITS } from './common/limits.js';
export { experimentExport, experimentMetricsCsv, experimentResult } from './experiments/experiment.export.js';
export { main } from './cli/main.js';
