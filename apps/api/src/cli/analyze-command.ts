/**
 * `saddle analyze <runId> --kind hessian`: an analysis of a stored run's weights, through the same
 * service and job as analyzeRun (queued, computed by a local worker process, stored on the run),
 * then printed. Only for runs Saddle trained or whose data the server knows: a logged run's
 * examples are sent through the API (analyzeRun's options.x / options.y).
 */
import type { Runtime } from '../runtime.js';
import { SaddleError } from '../errors.js';
import { RunAnalysisService } from '../runs/run-analysis.service.js';
import type { StoredAnalysisOptions } from '../runs/run-analysis.options.js';
import { getRunAnalysis } from '../store/run-analyses.js';
import type { CliIo } from './run-command.js';

export interface AnalyzeCommandOptions {
  kind: 'hessian';
  method?: 'auto' | 'exact' | 'lanczos';
  topK?: number;
  bottomK?: number;
  examples?: number;
  maxExactParams?: number;
  json?: boolean;
}

export async function analyzeCommand(runtime: Runtime, runId: string, options: AnalyzeCommandOptions, io: CliIo): Promise<number> {
  const service = new RunAnalysisService({ store: runtime.store, queue: runtime.queue });
  const { kind, json, ...rest } = options;
  const analysisOptions: StoredAnalysisOptions = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  let queued;
  try {
    queued = await service.analyze(runId, kind, analysisOptions);
  } catch (error) {
    if (error instanceof SaddleError && error.extensions.code === 'BAD_USER_INPUT') {
      io.err.write(`saddle analyze: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  await runtime.queue.idle();
  const analysis = await getRunAnalysis(runtime.store, queued.id);
  if (!analysis || analysis.status !== 'SUCCEEDED') {
    io.err.write(`saddle analyze: the analysis ${queued.id} ended ${analysis?.status ?? 'missing'}${analysis?.error ? `: ${analysis.error}` : ''}\n`);
    return 1;
  }
  if (json) {
    io.out.write(`${JSON.stringify({ id: analysis.id, runId, kind, summary: analysis.summary, figures: analysis.figures.map((f) => f.id) })}\n`);
    return 0;
  }
  const summary = analysis.summary ?? {};
  const fmt = (v: unknown) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(6)) : String(v));
  const list = (v: unknown) => (Array.isArray(v) ? v.map(fmt).join(', ') : '');
  io.out.write(`analysis ${analysis.id} of run ${runId}: Hessian (${fmt(summary.method)}, ${fmt(summary.numParams)} parameters) at loss ${fmt(summary.loss)}\n`);
  if (Array.isArray(summary.eigenvalues)) {
    const values = summary.eigenvalues as number[];
    io.out.write(`  eigenvalues (ascending): ${list(values.length > 12 ? [...values.slice(0, 6), '…', ...values.slice(-6)] : values)}\n`);
    io.out.write(`  trace ${fmt(summary.trace)}; positive ${values.filter((v) => v > 0).length} of ${values.length}\n`);
  } else {
    io.out.write(`  largest: ${list(summary.top)}\n  smallest: ${list(summary.bottom)}\n  trace ≈ ${fmt(summary.trace)} ± ${fmt(summary.traceStandardError)} (Hutchinson)\n`);
  }
  io.out.write(`  figure hessian-spectrum stored on the run (runAnalysis(id: "${analysis.id}") in the API)\n`);
  return 0;
}
