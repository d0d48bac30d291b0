import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { RunStatus } from '@saddle/engine';
import { RunEventTypeEnum, RunStatusEnum } from '../common/enums.js';
import { DateTimeScalar, JSONObjectScalar, JSONScalar } from '../common/scalars.js';
import { KeyedMetricPoint } from '../metrics/metric.type.js';
import type { RunEventType } from '../pubsub/topics.js';
import type { RunRecord } from '../store/records.js';

@ObjectType({ description: 'Where a run’s final weights were taken: after a zero-gradient phase, its best point (training steps + phase steps), with L and ‖∇L‖ there.' })
export class RunWeightsAt {
  @Field(() => Int, { description: 'The step the weights were taken at (training steps plus zero-gradient phase steps).' })
  step!: number;

  @Field(() => Float, { description: 'The training epoch reached when the weights were taken.' })
  epoch!: number;

  @Field(() => Float, { nullable: true, description: 'Full-training-set loss at these weights, when known.' })
  loss!: number | null;

  @Field(() => Float, { nullable: true, description: 'Full-training-set ‖∇L‖ at these weights, when known (after a zero-gradient phase).' })
  gradNorm!: number | null;
}

@ObjectType({ description: 'One row of a model summary (the familiar Keras layout).' })
export class SummaryRow {
  @Field(() => String, { description: 'e.g. `conv2d_1 (Conv2D)`' })
  layer!: string;

  @Field(() => String, { description: 'The layer’s kind, e.g. `Conv2D`, `Dense`, `BatchNormalization`.' })
  type!: string;

  @Field(() => [Int], { nullable: 'items', description: 'Per-example output shape; the batch dimension is null.' })
  outputShape!: (number | null)[];

  @Field(() => Int, { description: 'Parameters of this layer (trainable and not).' })
  params!: number;

  @Field(() => Int, { description: 'Trainable parameters of this layer (batch norm’s running statistics are not).' })
  trainable!: number;
}

@ObjectType({ description: 'The model summary: layers with output shapes and parameter counts, totals and sizes.' })
export class ModelSummary {
  @Field(() => String, { description: 'The model spec’s name, e.g. `mlp-deep`.' })
  name!: string;

  @Field(() => [Int], { description: 'Per-example input shape (no batch dimension).' })
  inputShape!: number[];

  @Field(() => [SummaryRow], { description: 'One row per layer, input to output.' })
  rows!: SummaryRow[];

  @Field(() => Int, { description: 'All parameters, trainable and not.' })
  totalParams!: number;

  @Field(() => Int, { description: 'Parameters the optimiser updates (the length of θ).' })
  trainableParams!: number;

  @Field(() => Int, { description: 'Parameters it does not (batch norm’s running statistics).' })
  nonTrainableParams!: number;

  @Field(() => Float, { description: 'Size of all parameters as float32, in MB (as torchsummary counts).' })
  paramsSizeMB!: number;

  @Field(() => Float, { description: 'Size of one example’s forward and backward activations, in MB (as torchsummary counts).' })
  activationsSizeMB!: number;

  @Field(() => Float, { description: 'Size of one input example, in MB.' })
  inputSizeMB!: number;

  @Field(() => String, { description: 'The printable table.' })
  text!: string;
}

@ObjectType({ description: 'When a run was created, started and ended.' })
export class RunTimings {
  @Field(() => DateTimeScalar, { description: 'When the run was stored (launched, or created by a script).' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When a worker (or the script) started it; null while QUEUED.' })
  startedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it ended; null while QUEUED or RUNNING.' })
  finishedAt!: Date | null;

  @Field(() => Float, { nullable: true, description: 'Training time reported by the engine, or finishedAt − startedAt for external runs.' })
  durationMs!: number | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Logged runs: when the script was last heard from (any logMetrics, heartbeat, setSummary or upload); null for Saddle’s runs.' })
  lastHeartbeatAt!: Date | null;
}

@ObjectType({ description: 'One training run: launched by Saddle (it has a spec) or logged by a script (external).' })
export class Run {
  @Field(() => ID, { description: 'The run’s id (`run`, `cancelRun`, `logMetrics`, …).' })
  id!: string;

  @Field(() => ID, { description: 'The experiment the run belongs to.' })
  experimentId!: string;

  @Field(() => String, { description: 'Unique within its experiment, e.g. `mlp-deep/sinc5`; an external run’s name.' })
  key!: string;

  @Field(() => String, { description: 'Runs of one group are one curve family in charts.' })
  group!: string;

  @Field(() => JSONObjectScalar, { description: 'Config values to filter or group by, flattened to dotted paths, e.g. { "model": "deep", "optimizer.lr": 0.01, "layers.0.units": 64 }.' })
  config!: Record<string, unknown>;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'Logged runs: the config exactly as the script sent it (nested JSON); null for Saddle’s runs (their `spec` is complete).' })
  rawConfig!: Record<string, unknown> | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'Logged runs: what the script set with setSummary (wandb’s run.summary), any JSON by key; null before it did.' })
  summaryValues!: Record<string, unknown> | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'The complete engine RunSpec; null for an external run.' })
  spec!: Record<string, unknown> | null;

  @Field(() => Boolean, { description: 'True for a run a script logs itself (createRun); false for one Saddle trains.' })
  external!: boolean;

  @Field(() => RunStatusEnum, { description: 'Where the run is in its life (QUEUED → RUNNING → an end).' })
  status!: RunStatus;

  @Field(() => Float, { description: 'Fraction done in [0, 1].' })
  progress!: number;

  @Field(() => ModelSummary, { nullable: true, description: 'The model’s layers and parameter counts, once a worker has built it; null for external runs.' })
  summary!: ModelSummary | null;

  @Field(() => RunTimings, { description: 'When the run was created, started and ended.' })
  timings!: RunTimings;

  @Field(() => String, { nullable: true, description: 'Why the run did not succeed.' })
  error!: string | null;

  @Field(() => Int, { description: 'Starts after the first (when its process died and it was re-queued).' })
  restarts!: number;

  @Field(() => JSONObjectScalar, {
    nullable: true,
    description:
      'Saddle’s runs: the last evaluated metrics by key once the run ended; before, like logged runs. Logged runs: the value at the last stored step of each series, live (a non-finite one as "NaN", "Infinity" or "-Infinity"); {} before any point.',
  })
  final!: Record<string, number | string> | null;

  @Field(() => Int, { nullable: true, description: 'Saddle’s runs: optimiser steps taken once the run ended; before, the largest step stored. Logged runs: the largest step logged; null before any point.' })
  steps!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The first step whose loss or gradient was not finite (a DIVERGED run), or, for a logged run, the first step at which any series got a non-finite value ("NaN", "Infinity", "-Infinity"); null while none did.',
  })
  divergedAtStep!: number | null;

  @Field(() => JSONScalar, { nullable: true, description: 'Result of the zero-gradient phase: { converged, steps, gradNorm, loss }.' })
  zeroGradient!: unknown;

  @Field(() => RunWeightsAt, { nullable: true, description: 'Where the final weights were taken; differs from `steps` and `final` after a zero-gradient phase.' })
  weightsAt!: RunWeightsAt | null;
}

export function toRunObject(record: RunRecord): Run {
  const date = (ms: number | null) => (ms === null ? null : new Date(ms));
  return {
    id: record.id,
    experimentId: record.experimentId,
    key: record.key,
    group: record.group,
    config: record.config,
    rawConfig: record.rawConfig,
    summaryValues: record.summaryValues,
    spec: record.spec as unknown as Record<string, unknown> | null,
    external: record.external,
    status: record.status,
    progress: record.progress,
    summary: record.summary,
    timings: {
      createdAt: new Date(record.createdAt),
      startedAt: date(record.startedAt),
      finishedAt: date(record.finishedAt),
      durationMs: record.end?.durationMs ?? (record.startedAt !== null && record.finishedAt !== null ? record.finishedAt - record.startedAt : null),
      lastHeartbeatAt: date(record.heartbeatAt),
    },
    error: record.error,
    restarts: record.attempt,
    final: record.end?.final ?? null,
    steps: record.end?.steps ?? null,
    divergedAtStep: record.end?.divergedAtStep ?? record.divergedAtStep,
    zeroGradient: record.end?.zeroGradient ?? null,
    weightsAt: record.end?.weightsAt ? { loss: null, gradNorm: null, ...record.end.weightsAt } : null,
  };
}

@ObjectType({ description: 'Something that happened to a run: new metric points (batched), a status change, progress, its model summary.' })
export class RunEvent {
  @Field(() => RunEventTypeEnum, { description: 'What happened; says which of the other fields are set.' })
  type!: RunEventType;

  @Field(() => ID, { description: 'The run.' })
  runId!: string;

  @Field(() => ID, { description: 'The run’s experiment.' })
  experimentId!: string;

  @Field(() => [KeyedMetricPoint], { nullable: true, description: 'METRICS: the batch, exactly as stored.' })
  points?: KeyedMetricPoint[];

  @Field(() => RunStatusEnum, { nullable: true, description: 'STATUS: the run’s new status.' })
  status?: RunStatus;

  @Field(() => Float, { nullable: true, description: 'PROGRESS: the fraction done, in [0, 1].' })
  progress?: number;

  @Field(() => String, { nullable: true, description: 'STATUS: why the run did not succeed, when it did not.' })
  error?: string | null;
}
