/**
 * `saddle analyze <runId> --kind hessian|landscape|sensitivity|sharpness` and
 * `saddle analyze <runA> <runB> --kind interpolation`: an analysis of stored runs' weights, through
 * the same service and job as analyzeRun / analyzeRuns (queued, computed by a local worker
 * process, stored on the run), then printed. Only for runs Saddle trained or whose data the
 * server knows: a logged run's examples are sent through the API (options.x / options.y).
 */
import type { Runtime } from '../runtime.js';
import { SaddleError } from '../errors.js';
import { RunAnalysisService } from '../runs/run-analysis.service.js';
import type { StoredAnalysisOptions } from '../runs/run-analysis.options.js';
import type { StoredRunAnalysisKind } from '../runs/run-analysis.type.js';
import { getRunAnalysis } from '../store/run-analyses.js';
import type { CliIo } from './run-command.js';

export interface AnalyzeCommandOptions {
  kind: StoredRunAnalysisKind;
  method?: 'auto' | 'exact' | 'lanczos';
  topK?: number;
  bottomK?: number;
  examples?: number;
  maxExactParams?: number;
  seed?: number;
  plane?: 'random' | 'pca';
  dims?: 1 | 2;
  resolution?: number;
  span?: number;
  output?: 'softmax' | 'logits';
  epsilon?: number;
  maxSteps?: number;
  points?: number;
  alphaMin?: number;
  alphaMax?: number;
  json?: boolean;
}

/** One run's analysis, or with `otherRunId` an interpolation between the two. */
export async function analyzeCommand(runtime: Runtime, runId: string, options: AnalyzeCommandOptions, io: CliIo, otherRunId?: string): Promise<number> {
  const service = new RunAnalysisService({ store: runtime.store, queue: runtime.queue, publisher: runtime.pubsub, dataDir: runtime.dataDir });
  const { kind, json, ...rest } = options;
  const analysisOptions: StoredAnalysisOptions = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  let queued;
  try {
    if (kind === 'interpolation' && otherRunId === undefined) {
      io.err.write('saddle analyze: --kind interpolation needs two runs: saddle analyze <runA> <runB> --kind interpolation\n');
      return 2;
    }
    if (kind !== 'interpolation' && otherRunId !== undefined) {
      io.err.write(`saddle analyze: --kind ${kind} analyses one run; only --kind interpolation takes a second run id\n`);
      return 2;
    }
    queued = otherRunId === undefined ? await service.analyze(runId, kind, analysisOptions) : await service.analyzePair([runId, otherRunId], kind, analysisOptions);
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
  const runs = otherRunId === undefined ? `run ${runId}` : `runs ${runId} → ${otherRunId}`;
  if (json) {
    io.out.write(`${JSON.stringify({ id: analysis.id, runId, ...(otherRunId !== undefined && { otherRunId }), kind, summary: analysis.summary, figures: analysis.figures.map((f) => f.id) })}\n`);
    return 0;
  }
  const summary = analysis.summary ?? {};
  const fmt = (v: unknown) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(6)) : String(v));
  const list = (v: unknown) => (Array.isArray(v) ? v.map(fmt).join(', ') : '');
  switch (kind) {
    case 'hessian':
      io.out.write(`analysis ${analysis.id} of ${runs}: Hessian (${fmt(summary.method)}, ${fmt(summary.numParams)} parameters) at loss ${fmt(summary.loss)}\n`);
      if (Array.isArray(summary.eigenvalues)) {
        const values = summary.eigenvalues as number[];
        io.out.write(`  eigenvalues (ascending): ${list(values.length > 12 ? [...values.slice(0, 6), '…', ...values.slice(-6)] : values)}\n`);
        io.out.write(`  trace ${fmt(summary.trace)}; positive ${values.filter((v) => v > 0).length} of ${values.length}\n`);
      } else {
        io.out.write(`  largest: ${list(summary.top)}\n  smallest: ${list(summary.bottom)}\n  trace ≈ ${fmt(summary.trace)} ± ${fmt(summary.traceStandardError)} (Hutchinson)\n`);
      }
      break;
    case 'landscape':
      io.out.write(`analysis ${analysis.id} of ${runs}: ${fmt(summary.dims)}-D loss landscape (${summary.plane === 'pca' ? 'trajectory PCA plane' : 'random filter-normalised directions'}, ${fmt(summary.resolution)} points per axis over ±${fmt(summary.span)})\n`);
      io.out.write(`  loss at the weights ${fmt(summary.centerLoss)}; on the grid from ${fmt(summary.min)} to ${fmt(summary.max)}\n`);
      break;
    case 'sensitivity':
      io.out.write(`analysis ${analysis.id} of ${runs}: input sensitivity ‖∂${summary.output === 'softmax' ? 'softmax' : 'f'}/∂x‖_F = ${fmt(summary.meanFrobeniusNorm)} ± ${fmt(summary.standardError)} (mean ± s.e. over ${fmt(summary.samples)} examples)\n`);
      break;
    case 'sharpness': {
      const radii = (summary.radii ?? []) as { epsilon: number; sharpness: number }[];
      io.out.write(`analysis ${analysis.id} of ${runs}: ε-sharpness ${fmt(summary.sharpness)} % at ε = ${fmt(summary.epsilon)} (loss ${fmt(summary.loss)} → ${fmt(summary.maxLoss)}; ${summary.converged ? 'converged' : 'still rising at the step cap: a lower bound'})\n`);
      io.out.write(`  by ε: ${radii.map((r) => `${fmt(r.epsilon)}: ${fmt(r.sharpness)} %`).join(', ')}\n`);
      break;
    }
    case 'interpolation':
      io.out.write(`analysis ${analysis.id} of ${runs}: loss along (1 − α)·θ₁ + α·θ₂, α from ${fmt((summary.alphas as number[] | undefined)?.[0])} to ${fmt((summary.alphas as number[] | undefined)?.at(-1))}\n`);
      io.out.write(`  loss at α = 0 ${fmt(summary.lossAtFirst)}, at α = 1 ${fmt(summary.lossAtSecond)}; barrier between them ${fmt(summary.barrier)}\n`);
      break;
    default: {
      const unreachable: never = kind;
      throw new Error(`saddle analyze: unknown kind ${String(unreachable)}`);
    }
  }
  io.out.write(`  figure${analysis.figures.length === 1 ? '' : 's'} ${analysis.figures.map((f) => f.id).join(', ')} stored on the run (runAnalysis(id: "${analysis.id}") in the API)\n`);
  return 0;
}
