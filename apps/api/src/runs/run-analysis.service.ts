/**
 * analyzeRun: an analysis of one stored run's weights, queued as the one analysis job
 * (`{kind: 'analyze', analysisId}`), computed on a worker, its figures stored on the run.
 */
import { randomUUID } from 'node:crypto';
import type { RunAnalysisKind } from '../engine.js';
import { BadInputError, NotFoundError } from '../errors.js';
import type { RunQueue } from '../queue/run-queue.js';
import { cancelRunAnalysis, createRunAnalysis, getRunAnalysis, runAnalysesOf, type RunAnalysisRecord } from '../store/run-analyses.js';
import { getRunFile, weightFilesOf } from '../store/run-files.js';
import type { Store } from '../store/store.js';
import { MODEL_FILE } from '../worker/run-analysis-input.js';
import { checkAnalysisOptions, type StoredAnalysisOptions } from './run-analysis.options.js';

export class RunAnalysisService {
  constructor(private readonly deps: { store: Store; queue: RunQueue }) {}

  async analyze(runId: string, kind: RunAnalysisKind, options: StoredAnalysisOptions): Promise<RunAnalysisRecord> {
    const { store, queue } = this.deps;
    const run = await store.getRun(runId);
    if (!run) throw new NotFoundError('Run', runId);
    const checked = checkAnalysisOptions(options);
    if (!(await weightFilesOf(store, runId)).some((w) => w.kind === 'final')) {
      throw new BadInputError(`run ${runId} has no final weights to analyse: wait for it to succeed, or upload them (run.save_model in Python, PUT /artifacts/runs/${runId}/weights)`, ['runId']);
    }
    if (!run.spec) {
      if (!(await getRunFile(store, runId, MODEL_FILE))) throw new BadInputError(`run ${runId} was logged without its model: upload ${MODEL_FILE} with run.save_model(module)`, ['runId']);
      if (!checked.data || !checked.loss) throw new BadInputError(`run ${runId} was logged from a script, so Saddle has none of its data: pass options.x, options.y (its examples) and options.loss`, ['options', checked.data ? 'loss' : 'x']);
    }
    const analysis = await createRunAnalysis(store, { id: randomUUID(), runId, otherRunId: null, kind, options: { ...checked } });
    await queue.enqueue({ kind: 'analyze', experimentId: run.experimentId, analysisId: analysis.id });
    return analysis;
  }

  get(id: string): Promise<RunAnalysisRecord | undefined> {
    return getRunAnalysis(this.deps.store, id);
  }

  async require(id: string): Promise<RunAnalysisRecord> {
    const analysis = await getRunAnalysis(this.deps.store, id);
    if (!analysis) throw new NotFoundError('RunAnalysis', id);
    return analysis;
  }

  ofRun(runId: string): Promise<RunAnalysisRecord[]> {
    return runAnalysesOf(this.deps.store, runId);
  }

  /** A QUEUED analysis never runs; a RUNNING one's results are dropped when it ends. An ended one is returned as it is. */
  async cancel(id: string): Promise<RunAnalysisRecord> {
    await this.require(id);
    await cancelRunAnalysis(this.deps.store, id);
    return this.require(id);
  }
}
