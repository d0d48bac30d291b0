import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { LossKind } from '@saddle/engine';
import type { RunAnalysisKind, RunPairAnalysisKind } from '../engine.js';
import { DateTimeScalar, JSONObjectScalar } from '../common/scalars.js';
import { Figure, toFigureObject } from '../experiments/experiment.type.js';
import { NumberListScalar } from '../metrics/metric-value.scalar.js';
import type { RunAnalysisRecord, RunAnalysisStatus } from '../store/run-analyses.js';
import type { StoredAnalysisOptions } from './run-analysis.options.js';

/** Every kind a stored analysis may have: one run's (analyzeRun) or a pair's (analyzeRuns). */
export type StoredRunAnalysisKind = RunAnalysisKind | RunPairAnalysisKind;

export const RunAnalysisKindEnum = { HESSIAN: 'hessian', LANDSCAPE: 'landscape', SENSITIVITY: 'sensitivity', SHARPNESS: 'sharpness', INTERPOLATION: 'interpolation' } as const;
registerEnumType(RunAnalysisKindEnum, {
  name: 'RunAnalysisKind',
  description: 'An analysis at a run’s final weights (analyzeRun), or between two runs’ (INTERPOLATION, analyzeRuns).',
  valuesConfig: {
    HESSIAN: { description: 'The Hessian spectrum of the loss: every eigenvalue (exact) for small nets, Lanczos top/bottom-k and a Hutchinson trace for large ones.' },
    LANDSCAPE: { description: 'The loss on a line or plane through the final weights (`dims`), along random filter-normalised directions or the trajectory’s top PCA directions (`plane`), on a `resolution`-point grid over [−span, span].' },
    SENSITIVITY: { description: 'Input sensitivity: ‖∂f/∂x‖_F of the outputs (softmax for cross-entropy, raw for MSE) per example, its mean and histogram.' },
    SHARPNESS: { description: 'Keskar et al.’s ε-sharpness 100·(max L(θ+δ) − L(θ))/(1 + L(θ)) over the box |δᵢ| ≤ ε(|θᵢ|+1), at 0, ε/4, ε/2 and ε.' },
    INTERPOLATION: { description: 'Two runs only (analyzeRuns): the loss along (1 − α)·θ₁ + α·θ₂ between their final weights; the runs must share a model.' },
  },
});

export const LandscapePlaneEnum = { RANDOM: 'random', PCA: 'pca' } as const;
registerEnumType(LandscapePlaneEnum, {
  name: 'LandscapePlane',
  description: 'The directions of a LANDSCAPE.',
  valuesConfig: {
    RANDOM: { description: 'Gaussian directions, filter-normalised at the weights (Li et al. 2018); `seed` picks them.' },
    PCA: { description: 'The top PCA directions of the run’s stored weight snapshots (at least 3; train with snapshotEvery), each scaled to the trajectory’s extent; the trajectory is drawn on the plane.' },
  },
});

export const SensitivityOutputEnum = { SOFTMAX: 'softmax', LOGITS: 'logits' } as const;
registerEnumType(SensitivityOutputEnum, {
  name: 'SensitivityOutput',
  description: 'What a SENSITIVITY differentiates.',
  valuesConfig: { SOFTMAX: { description: 'The softmax probabilities (Novak et al. 2018).' }, LOGITS: { description: 'The raw outputs.' } },
});

export const RunAnalysisStatusEnum = { QUEUED: 'QUEUED', RUNNING: 'RUNNING', SUCCEEDED: 'SUCCEEDED', FAILED: 'FAILED', CANCELLED: 'CANCELLED' } as const;
registerEnumType(RunAnalysisStatusEnum, {
  name: 'RunAnalysisStatus',
  description: 'Where a run analysis is.',
  valuesConfig: {
    QUEUED: { description: 'Waiting for a worker.' },
    RUNNING: { description: 'A worker is computing it; `progress` says how far.' },
    SUCCEEDED: { description: 'Its figures and summary are stored.' },
    FAILED: { description: 'It raised an error; `error` holds it.' },
    CANCELLED: { description: 'Cancelled on request: it never ran, or what it computed was dropped.' },
  },
});

export const HessianMethodEnum = { AUTO: 'auto', EXACT: 'exact', LANCZOS: 'lanczos' } as const;
registerEnumType(HessianMethodEnum, {
  name: 'HessianMethod',
  description: 'How the Hessian spectrum is computed.',
  valuesConfig: {
    AUTO: { description: 'EXACT up to `maxExactParams` parameters (default 2000), else LANCZOS.' },
    EXACT: { description: 'The whole Hessian from P Hessian-vector products, every eigenvalue.' },
    LANCZOS: { description: 'The `topK` largest and `bottomK` smallest eigenvalues by Lanczos, and tr(H) by Hutchinson’s estimator.' },
  },
});

export const AnalysisLossEnum = { MSE: 'mse', CROSS_ENTROPY: 'cross-entropy' } as const;
registerEnumType(AnalysisLossEnum, {
  name: 'AnalysisLoss',
  description: 'The loss an analysis differentiates; a trained run’s own by default.',
  valuesConfig: { MSE: { description: 'Mean over examples of (ŷ − y)² (no ½).' }, CROSS_ENTROPY: { description: 'Softmax cross-entropy on logits, mean over examples; y holds class indices.' } },
});

@InputType({ description: 'Options of a run analysis. A run logged from a script needs `x`, `y` and `loss` (Saddle never saw its data); a trained run uses its own training data unless they are given.' })
export class RunAnalysisOptionsInput {
  @Field(() => HessianMethodEnum, { nullable: true, description: 'HESSIAN: how to compute the spectrum. Default AUTO.' })
  method?: 'auto' | 'exact' | 'lanczos';

  @Field(() => Int, { nullable: true, description: 'HESSIAN with AUTO: parameters at most for the exact Hessian. Default 2000.' })
  maxExactParams?: number;

  @Field(() => Int, { nullable: true, description: 'HESSIAN with LANCZOS: largest eigenvalues wanted. Default 10.' })
  topK?: number;

  @Field(() => Int, { nullable: true, description: 'HESSIAN with LANCZOS: smallest eigenvalues wanted. Default 3.' })
  bottomK?: number;

  @Field(() => Int, { nullable: true, description: 'Training examples the loss averages over (the first n). Default all.' })
  examples?: number;

  @Field(() => Int, { nullable: true, description: 'Seed of Lanczos’ start vector and Hutchinson’s probes (HESSIAN), of the random directions (LANDSCAPE with RANDOM). Default 0.' })
  seed?: number;

  @Field(() => LandscapePlaneEnum, { nullable: true, description: 'LANDSCAPE: the plane’s directions. Default RANDOM.' })
  plane?: 'random' | 'pca';

  @Field(() => Int, { nullable: true, description: 'LANDSCAPE: 1 (a line) or 2 (a plane). Default 2.' })
  dims?: 1 | 2;

  @Field(() => Int, { nullable: true, description: 'LANDSCAPE: points per axis (≥ 2; odd puts the weights on the grid). Default 21 (2-D) or 41 (1-D).' })
  resolution?: number;

  @Field(() => Float, { nullable: true, description: 'LANDSCAPE: each axis spans [−span, span] in units of the directions. Default 1.' })
  span?: number;

  @Field(() => SensitivityOutputEnum, { nullable: true, description: 'SENSITIVITY: what is differentiated. Default SOFTMAX for cross-entropy, LOGITS for MSE.' })
  output?: 'softmax' | 'logits';

  @Field(() => Float, { nullable: true, description: 'SHARPNESS: the box half-width ε (relative to |θᵢ| + 1; 0 gives 0). Default 0.001.' })
  epsilon?: number;

  @Field(() => Int, { nullable: true, description: 'SHARPNESS: ascent steps at most per radius. Default 100.' })
  maxSteps?: number;

  @Field(() => Int, { nullable: true, description: 'INTERPOLATION: α values evenly spaced over [alphaMin, alphaMax] (0 and 1 are always added). Default 21.' })
  points?: number;

  @Field(() => Float, { nullable: true, description: 'INTERPOLATION: the first α. Default −0.5.' })
  alphaMin?: number;

  @Field(() => Float, { nullable: true, description: 'INTERPOLATION: the last α. Default 1.5.' })
  alphaMax?: number;

  @Field(() => AnalysisLossEnum, { nullable: true, description: 'The loss; required for a logged run, a trained run’s own by default.' })
  loss?: LossKind;

  @Field(() => NumberListScalar, { nullable: true, description: 'The examples’ inputs, row-major [n, ...inputShape] with channels last (Saddle’s layout; save_model’s model.json has inputShape).' })
  x?: (number | null)[];

  @Field(() => NumberListScalar, { nullable: true, description: 'One target (MSE, one output) or class index (CROSS_ENTROPY) per example.' })
  y?: (number | null)[];
}

@ObjectType({ description: 'A change of a run analysis’ status or progress (runAnalysisEvents).' })
export class RunAnalysisEvent {
  @Field(() => ID, { description: 'The analysis.' })
  analysisId!: string;

  @Field(() => ID, { description: 'The analysed run (the first of a pair).' })
  runId!: string;

  @Field(() => ID, { nullable: true, description: 'The second run of an INTERPOLATION.' })
  otherRunId!: string | null;

  @Field(() => RunAnalysisStatusEnum, { description: 'Where it is now.' })
  status!: RunAnalysisStatus;

  @Field(() => Float, { description: 'The fraction done, in [0, 1].' })
  progress!: number;

  @Field(() => String, { nullable: true, description: 'Why it failed, or `cancelled`.' })
  error!: string | null;
}

@ObjectType({ description: 'An analysis asked for on a run (analyzeRun) or a pair (analyzeRuns), computed as a job on the workers; its figures are stored on the run (on both runs of a pair).' })
export class RunAnalysis {
  @Field(() => ID, { description: 'The analysis’ id (runAnalysis, cancelRunAnalysis).' })
  id!: string;

  @Field(() => ID, { description: 'The analysed run (the first, α = 0, of an INTERPOLATION).' })
  runId!: string;

  @Field(() => ID, { nullable: true, description: 'INTERPOLATION: the second run (α = 1); null for one run’s analysis.' })
  otherRunId!: string | null;

  @Field(() => RunAnalysisKindEnum, { description: 'Which analysis.' })
  kind!: StoredRunAnalysisKind;

  @Field(() => JSONObjectScalar, { description: 'The options as given (x and y left out).' })
  options!: Record<string, unknown>;

  @Field(() => RunAnalysisStatusEnum, { description: 'Where it is.' })
  status!: RunAnalysisStatus;

  @Field(() => Float, { description: 'From 0 to 1 while it runs.' })
  progress!: number;

  @Field(() => String, { nullable: true, description: 'Why it failed or that it was cancelled.' })
  error!: string | null;

  @Field(() => [Figure], {
    description:
      'Its figures once SUCCEEDED: HESSIAN `hessian-spectrum` (SCATTER of eigenvalue by ascending rank); LANDSCAPE `landscape` (GRID, with the trajectory as its path on the PCA plane) or `landscape-1d` (LINES); SENSITIVITY `sensitivity` (HISTOGRAM of the per-example norms); SHARPNESS `sharpness` (LINES by ε); INTERPOLATION `interpolation-loss` and, for classifiers, `interpolation-accuracy` (LINES by α).',
  })
  figures!: Figure[];

  @Field(() => JSONObjectScalar, {
    nullable: true,
    description:
      'The numbers behind the figures once SUCCEEDED. HESSIAN: { method, numParams, loss, trace, and eigenvalues (EXACT, ascending) or top, bottom, traceStandardError (LANCZOS) }. LANDSCAPE: { plane, dims, resolution, span, centerLoss, xs, ys (2-D), loss (list or grid loss[j][i] at (xs[i], ys[j])), min, max, directionNorms }. SENSITIVITY: { output, withRespectTo, meanFrobeniusNorm, std, standardError, samples, outputSize }. SHARPNESS: { epsilon, sharpness, loss, maxLoss, converged, steps, radii: [{ epsilon, sharpness, maxLoss, converged, steps }] }. INTERPOLATION: { alphas, loss, accuracy (classifiers), lossAtFirst (α = 0), lossAtSecond (α = 1), barrier }.',
  })
  summary!: Record<string, unknown> | null;

  @Field(() => DateTimeScalar, { description: 'When it was asked for.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it ended.' })
  finishedAt!: Date | null;
}

export function toRunAnalysisObject(record: RunAnalysisRecord): RunAnalysis {
  const { data: _data, ...options } = record.options as StoredAnalysisOptions & Record<string, unknown>;
  return {
    id: record.id,
    runId: record.runId,
    otherRunId: record.otherRunId,
    kind: record.kind as StoredRunAnalysisKind,
    options,
    status: record.status,
    progress: record.progress,
    error: record.error,
    figures: record.figures.map((f) => toFigureObject({ experimentId: '', id: f.id, title: f.title, kind: f.data.kind, data: f.data, createdAt: record.finishedAt ?? record.createdAt })),
    summary: record.summary,
    createdAt: new Date(record.createdAt),
    finishedAt: record.finishedAt === null ? null : new Date(record.finishedAt),
  };
}

/** The GraphQL input as stored options: x and y as one `data` member, nothing undefined. */
export function storedOptions(input: RunAnalysisOptionsInput | null | undefined): StoredAnalysisOptions {
  if (!input) return {};
  const { x, y, ...rest } = input;
  const options: StoredAnalysisOptions = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== null));
  if (x || y) options.data = { x: (x ?? []).map(Number), y: (y ?? []).map(Number) };
  return options;
}
