/**
 * The typed topics of Saddle's pub/sub and their payloads. Payloads are plain JSON (they cross
 * process boundaries and Redis): a non-finite metric value travels as null, spelled in `nonFinite`.
 */
import type { RunStatus } from '@saddle/engine';
import type { NonFiniteName } from '../store/metric-values.js';
import type { ExperimentStatus } from '../store/records.js';
import type { RunAnalysisStatus } from '../store/run-analyses.js';

export interface MetricPointPayload {
  key: string;
  step: number;
  /** null when the value is not finite (NaN, ±Infinity): `nonFinite` says which. */
  value: number | null;
  wallTime: number;
  epoch: number | null;
  /** "NaN", "Infinity" or "-Infinity" for a non-finite value (store/metric-values.ts); null otherwise. */
  nonFinite: NonFiniteName | null;
}

/** SERIES_RESET: the run restarted and its stored series changed (points after its checkpoint were dropped): reload them. */
export type RunEventType = 'METRICS' | 'STATUS' | 'PROGRESS' | 'SUMMARY' | 'SERIES_RESET';

export interface RunEventPayload {
  type: RunEventType;
  runId: string;
  experimentId: string;
  points?: MetricPointPayload[];
  status?: RunStatus;
  progress?: number;
  error?: string | null;
}

export type ExperimentEventType = 'METRICS' | 'RUN_STATUS' | 'RUN_PROGRESS' | 'STATUS' | 'ANALYSIS' | 'SERIES_RESET';

export interface ExperimentEventPayload {
  type: ExperimentEventType;
  experimentId: string;
  /** The run the event is about (METRICS, RUN_STATUS, RUN_PROGRESS, SERIES_RESET). */
  runId?: string;
  points?: MetricPointPayload[];
  runStatus?: RunStatus;
  status?: ExperimentStatus;
  /** Of the run for RUN_PROGRESS, of the analysis for ANALYSIS. */
  progress?: number;
  /** ANALYSIS: ids of the figures that were stored. */
  figureIds?: string[];
  error?: string | null;
}

/** A run analysis' status or progress changed (analyzeRun / analyzeRuns; store/run-analyses.ts). */
export interface RunAnalysisEventPayload {
  analysisId: string;
  runId: string;
  /** The second run of a pair analysis; null for one run. */
  otherRunId: string | null;
  status: RunAnalysisStatus;
  /** The fraction done, in [0, 1]. */
  progress: number;
  error: string | null;
}

export const Topic = {
  RunEvents: 'RUN_EVENTS',
  ExperimentEvents: 'EXPERIMENT_EVENTS',
  RunAnalysisEvents: 'RUN_ANALYSIS_EVENTS',
} as const;

/** Topic → [id it is routed by, payload], in @graphql-yoga/subscription's form. */
export type SaddleTopics = {
  [Topic.RunEvents]: [runId: string, payload: RunEventPayload];
  [Topic.ExperimentEvents]: [experimentId: string, payload: ExperimentEventPayload];
  [Topic.RunAnalysisEvents]: [analysisId: string, payload: RunAnalysisEventPayload];
};

/** The write half of the pub/sub: what workers need, in whichever process they run. */
export interface EventPublisher {
  publish<K extends keyof SaddleTopics>(topic: K, ...args: SaddleTopics[K]): void;
}
