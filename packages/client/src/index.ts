/**
 * @saddle/client — log runs to Saddle from TypeScript or JavaScript as easily as with wandb, query
 * them and follow them live:
 *
 *     import { init } from '@saddle/client';
 *     const run = await init({ name: 'mlp', config: { lr: 1e-3 } });
 *     for (let step = 0; step < 100; step++) run.log({ loss: 1 / (step + 1) });
 *     await run.finish();
 *
 * The server is SADDLE_URL (default http://127.0.0.1:4000), the token SADDLE_TOKEN.
 */
import { SaddleClient, type InitOptions, type SaddleClientOptions } from './client.js';
import type { SaddleRun } from './run.js';

export { SaddleClient, type ExperimentEvent, type ExperimentResult, type HistoryPoint, type InitOptions, type LaunchedExperiment, type RunEvent, type RunInfo, type RunsOptions, type RunSummary, type SaddleClientOptions } from './client.js';
export { SaddleRun, type LogValue } from './run.js';
export { SaddleClientError, type GraphQLErrorShape } from './errors.js';
export { DEFAULT_URL } from './endpoint.js';
export type { BatchOptions } from './batcher.js';
export type { RetryOptions } from './transport.js';
// The schema's enums, as values and types: RunStatus.SUCCEEDED, Scale.QUICK, …
export { AnalysisStatus, ComparisonOp, DataSource, ExperimentEventType, ExperimentOrigin, ExperimentStatus, FigureKind, RunEventType, RunStatus, Scale, SortDirection } from '@saddle/schema';
export type { CreateRunInput, LaunchExperimentInput } from '@saddle/schema';

/**
 * Starts a run on the server at SADDLE_URL (or `options.url`), like `wandb.init`. Each call makes
 * its own client; use `new SaddleClient()` to share one between runs and queries.
 */
export function init(options: InitOptions & Pick<SaddleClientOptions, 'url' | 'token' | 'batch' | 'retry'>): Promise<SaddleRun> {
  const { url, token, batch, retry, ...input } = options;
  return new SaddleClient({ ...(url && { url }), ...(token && { token }), ...(batch && { batch }), ...(retry && { retry }) }).init(input);
}
