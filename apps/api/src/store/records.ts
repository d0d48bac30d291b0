/**
 * What the store hands out: rows with their JSON parsed and their flags as booleans. Every other
 * layer (services, workers, CLI) works on these, never on raw rows.
 */
import type { SweepSpec } from '@saddle/engine';
import type { FigureData, FlatConfig, ModelSummary, RunEnd, RunSpec, RunStatus, Scale } from '@saddle/engine';

export const RUN_STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED', 'DIVERGED', 'CRASHED'] as const satisfies readonly RunStatus[];
/** CRASHED is an end too (its experiment settles), but its script may resume it (resumeRun). */
export const TERMINAL_RUN_STATUSES: readonly RunStatus[] = ['SUCCEEDED', 'FAILED', 'CANCELLED', 'DIVERGED', 'CRASHED'];
/** What finishRun accepts: CRASHED is the server's verdict, never a script's. */
export const FINISH_RUN_STATUSES: readonly RunStatus[] = ['SUCCEEDED', 'FAILED', 'CANCELLED', 'DIVERGED'];

export function isTerminalRunStatus(status: RunStatus): boolean {
  return TERMINAL_RUN_STATUSES.includes(status);
}

/** An experiment moves QUEUED → RUNNING → ANALYZING → SUCCEEDED, or ends FAILED / CANCELLED. */
export type ExperimentStatus = 'QUEUED' | 'RUNNING' | 'ANALYZING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
export const EXPERIMENT_STATUSES = ['QUEUED', 'RUNNING', 'ANALYZING', 'SUCCEEDED', 'FAILED', 'CANCELLED'] as const satisfies readonly ExperimentStatus[];

export type AnalysisStatus = 'PENDING' | 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'SKIPPED';

export type ExperimentOrigin = 'preset' | 'spec' | 'external';

/** What was asked for when the experiment was launched. */
export interface LaunchSpec {
  preset?: string;
  scale?: Scale;
  data?: 'mnist' | 'cifar10' | 'function';
  /** For origin `preset`: the registered dataset the classification preset trained on, by name. */
  dataset?: string;
  overrides?: Record<string, unknown>;
  /** For origin `spec`: the run spec as given (completed by the engine's defaults), its overrides applied. */
  run?: RunSpec;
  /** For origin `spec`: the sweep over `run` (validated, defaults filled); its figures are the analysis. */
  sweep?: SweepSpec;
  /** For origin `spec` without a sweep: trainings of `run` (seeds seed … seed+seeds−1); absent = 1. */
  seeds?: number;
}

export interface ExperimentRecord {
  id: string;
  name: string;
  preset: string | null;
  scale: string | null;
  origin: ExperimentOrigin;
  spec: LaunchSpec;
  status: ExperimentStatus;
  notes: string;
  error: string | null;
  analysisStatus: AnalysisStatus;
  analysisProgress: number;
  /** `host:pid` of the process computing the analysis while it is RUNNING. */
  analysisOwner: string | null;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
  /** The project it belongs to (createRun's `project`); null for none. */
  project: string | null;
}

/** The end of a run as stored: the engine's `RunEnd` without its weights (those are artifacts). */
export interface StoredRunEnd {
  steps: number;
  epochs: number;
  durationMs: number;
  final: Record<string, number>;
  divergedAtStep?: number;
  zeroGradient?: { converged: boolean; steps: number; gradNorm: number; loss: number };
  /** With a `stopWhen` spec: whether its criterion was met, and where (the engine's `RunEnd.stopCriterion`). */
  stopCriterion?: RunEnd['stopCriterion'];
  /** Where the final weights were taken (the engine's `RunEnd.weightsAt`); their artifact carries the same step. */
  weightsAt?: { step: number; epoch: number; loss?: number; gradNorm?: number };
  /** When the run's last start resumed from a checkpoint: the checkpoint's step. */
  resumedFromStep?: number;
}

/** Dotted path → value (the engine's flattenConfig): what runs are filtered, grouped and shown by. */
export type RunConfig = FlatConfig;

export interface RunRecord {
  id: string;
  experimentId: string;
  key: string;
  group: string;
  config: RunConfig;
  spec: RunSpec | null;
  external: boolean;
  status: RunStatus;
  progress: number;
  summary: ModelSummary | null;
  error: string | null;
  end: StoredRunEnd | null;
  owner: string | null;
  attempt: number;
  /** The first step at which a non-finite metric value was logged (any series); null while none was. */
  divergedAtStep: number | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  updatedAt: number;
  /** External runs: when the script last sent anything; null for Saddle's runs. */
  heartbeatAt: number | null;
  /** External runs: the config as the script sent it (nested JSON); null for Saddle's runs. */
  rawConfig: Record<string, unknown> | null;
  /** External runs: what the script set with setSummary; null before it did. */
  summaryValues: Record<string, unknown> | null;
}

export interface StoredMetricPoint {
  key: string;
  step: number;
  /** NaN for a non-finite value. */
  value: number;
  wallTime: number;
  epoch: number | null;
}

export interface FigureRecord {
  experimentId: string;
  id: string;
  title: string;
  kind: FigureData['kind'];
  data: FigureData;
  createdAt: number;
}

export interface ArtifactRecord {
  id: string;
  runId: string;
  kind: 'snapshot' | 'final';
  step: number;
  epoch: number;
  path: string;
  thetaLength: number;
  stateLength: number;
}

export type TokenScope = 'read' | 'write';

export interface TokenRecord {
  id: string;
  name: string;
  scope: TokenScope;
  createdAt: number;
  lastUsedAt: number | null;
  revoked: boolean;
}

/** One launch of a whole catalogue: its experiments in report order. */
export interface SuiteRecord {
  id: string;
  name: string;
  /** `hw1`. */
  suite: string;
  scale: string;
  tags: string[];
  createdAt: number;
  experimentIds: string[];
}
