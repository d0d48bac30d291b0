import type { ModelSummary } from '../models/spec.js';
import type { TrainCheckpoint } from './checkpoint.js';

/** One scalar of a series, as stored and streamed: idempotent per (run, key, step). */
export interface MetricPoint {
  /** `train/loss`, `train/accuracy`, `test/loss`, `test/accuracy`, `grad_norm`, `batch/loss`, `zero_grad/grad_norm`, ... */
  key: string;
  /** Optimiser step (0 = before the first step). */
  step: number;
  value: number;
  /** Milliseconds since the Unix epoch. */
  wallTime: number;
  /** Epoch the step belongs to (fractional inside an epoch), so charts can use an epoch axis. */
  epoch?: number;
}

/**
 * CRASHED is never the engine's: the API gives it to a run logged by a script that went silent
 * (no heartbeat within the timeout); the script may resume it.
 */
export type RunStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'DIVERGED' | 'CRASHED';

/** The end of a run, with what later analyses need: final weights and batch-norm state. */
export interface RunEnd {
  status: Extract<RunStatus, 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'DIVERGED'>;
  /** Human-readable reason for anything but SUCCEEDED. */
  error?: string;
  /** For DIVERGED: the step whose loss or gradient was not finite. */
  divergedAtStep?: number;
  steps: number;
  epochs: number;
  /** Final flat parameters and flat non-trainable state (empty without batch norm). */
  theta: Float32Array;
  state: Float32Array;
  /** Last evaluated metrics by key (`train/loss`, `test/accuracy`, ...). */
  final: Record<string, number>;
  /**
   * Present when the spec had `stopWhen`: whether the criterion was met, and at which step and
   * epoch (the run's last step when it was not: the cap ended it).
   */
  stopCriterion?: { reached: boolean; step: number; epoch: number; value: number };
  /** Present when the zero-gradient phase ran. */
  zeroGradient?: { converged: boolean; steps: number; gradNorm: number; loss: number };
  /**
   * Where `theta` was taken. Without a zero-gradient phase: at `steps`, with the last evaluated
   * full-training-set loss (gradNorm unknown). With one: at `steps` + the phase's step of its best
   * point, with the full-training-set L and ‖∇L‖ there (not `final['train/loss']`, which is of the
   * weights before the phase). Absent when the run ended without weights.
   */
  weightsAt?: { step: number; epoch: number; loss?: number; gradNorm?: number };
  /** Present when the run was resumed (`TrainOptions.resumeFrom`): the checkpoint's step. */
  resumedFromStep?: number;
  /** Of this call only (a resumed run's earlier time is not counted). */
  durationMs: number;
}

export type TrainEvent =
  | { type: 'summary'; summary: ModelSummary }
  | { type: 'metrics'; points: MetricPoint[] }
  | { type: 'snapshot'; step: number; epoch: number; theta: Float32Array; state: Float32Array }
  | { type: 'progress'; step: number; totalSteps: number; epoch: number; fraction: number }
  /** Only with `TrainOptions.checkpointEveryMs`; the points of every step up to `checkpoint.step` were sent before it. */
  | { type: 'checkpoint'; checkpoint: TrainCheckpoint }
  | { type: 'end'; end: RunEnd };

/** Where a run's events go. Synchronous on purpose: a slow sink is the sink's problem to buffer. */
export type TrainSink = (event: TrainEvent) => void;
