import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { LossKind } from '@saddle/engine';
import type { RunAnalysisKind } from '../engine.js';
import { DateTimeScalar, JSONObjectScalar } from '../common/scalars.js';
import { Figure, toFigureObject } from '../experiments/experiment.type.js';
import { NumberListScalar } from '../metrics/metric-value.scalar.js';
import type { RunAnalysisRecord, RunAnalysisStatus } from '../store/run-analyses.js';
import type { StoredAnalysisOptions } from './run-analysis.options.js';

export const RunAnalysisKindEnum = { HESSIAN: 'hessian' } as const;
registerEnumType(RunAnalysisKindEnum, {
  name: 'RunAnalysisKind',
  description: 'An analysis of one run at its final weights.',
  valuesConfig: { HESSIAN: { description: 'The Hessian spectrum of the loss: every eigenvalue (exact) for small nets, Lanczos top/bottom-k and a Hutchinson trace for large ones.' } },
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

  @Field(() => Int, { nullable: true, description: 'Seed of Lanczos’ start vector and Hutchinson’s probes. Default 0.' })
  seed?: number;

  @Field(() => AnalysisLossEnum, { nullable: true, description: 'The loss; required for a logged run, a trained run’s own by default.' })
  loss?: LossKind;

  @Field(() => NumberListScalar, { nullable: true, description: 'The examples’ inputs, row-major [n, ...inputShape] with channels last (Saddle’s layout; save_model’s model.json has inputShape).' })
  x?: (number | null)[];

  @Field(() => NumberListScalar, { nullable: true, description: 'One target (MSE, one output) or class index (CROSS_ENTROPY) per example.' })
  y?: (number | null)[];
}

@ObjectType({ description: 'An analysis asked for on a run (analyzeRun), computed as a job on the workers; its figures are stored on the run.' })
export class RunAnalysis {
  @Field(() => ID, { description: 'The analysis’ id (runAnalysis, cancelRunAnalysis).' })
  id!: string;

  @Field(() => ID, { description: 'The analysed run.' })
  runId!: string;

  @Field(() => RunAnalysisKindEnum, { description: 'Which analysis.' })
  kind!: RunAnalysisKind;

  @Field(() => JSONObjectScalar, { description: 'The options as given (x and y left out).' })
  options!: Record<string, unknown>;

  @Field(() => RunAnalysisStatusEnum, { description: 'Where it is.' })
  status!: RunAnalysisStatus;

  @Field(() => Float, { description: 'From 0 to 1 while it runs.' })
  progress!: number;

  @Field(() => String, { nullable: true, description: 'Why it failed or that it was cancelled.' })
  error!: string | null;

  @Field(() => [Figure], { description: 'Its figures once SUCCEEDED, e.g. `hessian-spectrum` (a SCATTER of eigenvalue by ascending rank).' })
  figures!: Figure[];

  @Field(() => JSONObjectScalar, {
    nullable: true,
    description: 'The numbers behind the figures once SUCCEEDED. HESSIAN: { method, numParams, loss, trace, and eigenvalues (EXACT, ascending) or top, bottom, traceStandardError (LANCZOS) }.',
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
    kind: record.kind as RunAnalysisKind,
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
