/**
 * analyzeRun / analyzeRuns: an analysis of one stored run's weights (or of two runs' for an
 * interpolation), queued as the one analysis job (`{kind: 'analyze', analysisId}`), computed on a
 * worker, its figures stored on the run. What can be checked here is refused here, with the field
 * to fix, instead of failing later on a worker.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstDifference, inputShapeOf, RUN_ANALYSIS_KINDS, RUN_PAIR_ANALYSIS_KINDS, type RunAnalysisKind, type RunPairAnalysisKind } from '../engine.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { publishRunAnalysis } from '../pubsub/publish.js';
import type { EventPublisher } from '../pubsub/topics.js';
import type { RunQueue } from '../queue/run-queue.js';
import type { RunRecord } from '../store/records.js';
import { cancelRunAnalysis, createRunAnalysis, getRunAnalysis, runAnalysesOf, type RunAnalysisRecord } from '../store/run-analyses.js';
import { getRunFile, weightFilesOf } from '../store/run-files.js';
import type { Store } from '../store/store.js';
import { MODEL_FILE } from '../worker/run-analysis-input.js';
import { checkAnalysisOptions, type StoredAnalysisOptions } from './run-analysis.options.js';
import type { StoredRunAnalysisKind } from './run-analysis.type.js';

/** Snapshots the PCA plane of a landscape needs (two points give one direction at most). */
const PCA_SNAPSHOTS = 3;

export class RunAnalysisService {
  constructor(private readonly deps: { store: Store; queue: RunQueue; publisher?: EventPublisher; dataDir?: string }) {}

  async analyze(runId: string, kind: StoredRunAnalysisKind, options: StoredAnalysisOptions): Promise<RunAnalysisRecord> {
    if (!isRunKind(kind)) throw new BadInputError(`kind ${kind.toUpperCase()} compares two runs: ask analyzeRuns(runIds: [first, second], kind: ${kind.toUpperCase()})`, ['kind']);
    const run = await this.analysableRun(runId, options, ['runId']);
    const checked = checkAnalysisOptions(options);
    if (kind === 'landscape' && checked.plane === 'pca') {
      const snapshots = (await weightFilesOf(this.deps.store, runId)).filter((w) => w.kind === 'snapshot').length;
      if (snapshots < PCA_SNAPSHOTS) {
        throw new BadInputError(
          `run ${runId} has ${snapshots} stored weight snapshot${snapshots === 1 ? '' : 's'}, and the PCA plane needs its trajectory (at least ${PCA_SNAPSHOTS}): train it with snapshotEvery, or use plane: RANDOM`,
          ['options', 'plane'],
        );
      }
    }
    return this.queue(run, null, kind, checked);
  }

  /** Two runs' final weights compared (INTERPOLATION): they must share a model, and the data they are evaluated on. */
  async analyzePair(runIds: string[], kind: StoredRunAnalysisKind, options: StoredAnalysisOptions): Promise<RunAnalysisRecord> {
    if (!isPairKind(kind)) throw new BadInputError(`kind ${kind.toUpperCase()} analyses one run: ask analyzeRun(runId, kind: ${kind.toUpperCase()})`, ['kind']);
    if (runIds.length !== 2) throw new BadInputError(`runIds must name exactly two runs (α = 0 and α = 1), got ${runIds.length}`, ['runIds']);
    const [firstId, secondId] = runIds as [string, string];
    if (firstId === secondId) throw new BadInputError('runIds names the same run twice: interpolate between two different runs', ['runIds', 1]);
    const first = await this.analysableRun(firstId, options, ['runIds', 0]);
    const second = await this.analysableRun(secondId, options, ['runIds', 1]);
    const checked = checkAnalysisOptions(options);
    const [modelA, modelB] = await Promise.all([this.modelOf(first), this.modelOf(second)]);
    const differs = firstDifference(modelA, modelB, 'model');
    if (differs !== undefined) {
      throw new BadInputError(`runs ${firstId} and ${secondId} have different models (${differs} differs): interpolation needs the same architecture`, ['runIds', 1]);
    }
    if (first.spec && second.spec && !checked.data) {
      const data = firstDifference(first.spec.data, second.spec.data, 'data') ?? (first.spec.loss === second.spec.loss ? undefined : 'loss');
      if (data !== undefined) {
        throw new BadInputError(`runs ${firstId} and ${secondId} were trained on different specs (${data} differs): interpolation evaluates both on one data set and loss; pass options.x, options.y and options.loss to choose them`, ['runIds', 1]);
      }
    }
    return this.queue(first, second.id, kind, checked);
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

  /**
   * A QUEUED analysis never runs; a RUNNING one is CANCELLED at once and its worker stops at its
   * next chunk, storing nothing. An ended one is returned as it is.
   */
  async cancel(id: string): Promise<RunAnalysisRecord> {
    await this.require(id);
    const cancelled = await cancelRunAnalysis(this.deps.store, id);
    const analysis = await this.require(id);
    if (cancelled && this.deps.publisher) publishRunAnalysis(this.deps.publisher, analysis);
    return analysis;
  }

  /** A run that has final weights, and a model and data an analysis can read. */
  private async analysableRun(runId: string, options: StoredAnalysisOptions, path: (string | number)[]): Promise<RunRecord> {
    const { store } = this.deps;
    const run = await store.getRun(runId);
    if (!run) throw new NotFoundError('Run', runId);
    if (!(await weightFilesOf(store, runId)).some((w) => w.kind === 'final')) {
      throw new BadInputError(`run ${runId} has no final weights to analyse: wait for it to succeed, or upload them (run.save_model in Python, PUT /artifacts/runs/${runId}/weights)`, path);
    }
    if (!run.spec) {
      if (!(await getRunFile(store, runId, MODEL_FILE))) throw new BadInputError(`run ${runId} was logged without its model: upload ${MODEL_FILE} with run.save_model(module)`, path);
      if (!options.data || !options.loss) throw new BadInputError(`run ${runId} was logged from a script, so Saddle has none of its data: pass options.x, options.y (its examples) and options.loss`, ['options', options.data ? 'loss' : 'x']);
    }
    return run;
  }

  /**
   * The architecture (layers; the name is only a label) and input shape a run's weights belong to:
   * its spec's, or the uploaded model.json's. Compared as one value, so the field named is
   * model.layers[…]… or model.inputShape.
   */
  private async modelOf(run: RunRecord): Promise<{ layers: unknown; inputShape: unknown }> {
    if (run.spec) return { layers: run.spec.model.layers, inputShape: inputShapeOf(run.spec.data) };
    const file = await getRunFile(this.deps.store, run.id, MODEL_FILE);
    if (!file || !this.deps.dataDir) return { layers: null, inputShape: null };
    const document = JSON.parse(readFileSync(join(this.deps.dataDir, file.path), 'utf8')) as { spec?: { layers?: unknown }; inputShape?: unknown };
    return { layers: document.spec?.layers ?? null, inputShape: document.inputShape ?? null };
  }

  private async queue(run: RunRecord, otherRunId: string | null, kind: StoredRunAnalysisKind, options: StoredAnalysisOptions): Promise<RunAnalysisRecord> {
    const analysis = await createRunAnalysis(this.deps.store, { id: randomUUID(), runId: run.id, otherRunId, kind, options: { ...options } });
    await this.deps.queue.enqueue({ kind: 'analyze', experimentId: run.experimentId, analysisId: analysis.id });
    return analysis;
  }
}

function isRunKind(kind: string): kind is RunAnalysisKind {
  return (RUN_ANALYSIS_KINDS as readonly string[]).includes(kind);
}

function isPairKind(kind: string): kind is RunPairAnalysisKind {
  return (RUN_PAIR_ANALYSIS_KINDS as readonly string[]).includes(kind);
}
