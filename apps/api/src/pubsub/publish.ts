/**
 * Helpers that publish one happening on every topic that cares: a run's event goes to the run's
 * topic and to its experiment's, so the dashboard's experiment page and run page both see it.
 */
import type { RunStatus } from '@saddle/engine';
import { nonFiniteName } from '../store/metric-values.js';
import type { ExperimentStatus, StoredMetricPoint } from '../store/records.js';
import type { RunAnalysisRecord } from '../store/run-analyses.js';
import { Topic, type EventPublisher, type MetricPointPayload } from './topics.js';

export function toPointPayload(p: StoredMetricPoint): MetricPointPayload {
  return { key: p.key, step: p.step, value: Number.isFinite(p.value) ? p.value : null, wallTime: p.wallTime, epoch: p.epoch, nonFinite: nonFiniteName(p.value) };
}

export function publishPoints(publisher: EventPublisher, experimentId: string, runId: string, points: StoredMetricPoint[]): void {
  if (points.length === 0) return;
  const payload = points.map(toPointPayload);
  publisher.publish(Topic.RunEvents, runId, { type: 'METRICS', runId, experimentId, points: payload });
  publisher.publish(Topic.ExperimentEvents, experimentId, { type: 'METRICS', experimentId, runId, points: payload });
}

export function publishRunStatus(publisher: EventPublisher, experimentId: string, runId: string, status: RunStatus, error: string | null = null): void {
  publisher.publish(Topic.RunEvents, runId, { type: 'STATUS', runId, experimentId, status, error });
  publisher.publish(Topic.ExperimentEvents, experimentId, { type: 'RUN_STATUS', experimentId, runId, runStatus: status, error });
}

export function publishRunProgress(publisher: EventPublisher, experimentId: string, runId: string, progress: number): void {
  publisher.publish(Topic.RunEvents, runId, { type: 'PROGRESS', runId, experimentId, progress });
  publisher.publish(Topic.ExperimentEvents, experimentId, { type: 'RUN_PROGRESS', experimentId, runId, progress });
}

/** A restarted run's stored series were cut back to its checkpoint (or emptied): live views reload them. */
export function publishSeriesReset(publisher: EventPublisher, experimentId: string, runId: string): void {
  publisher.publish(Topic.RunEvents, runId, { type: 'SERIES_RESET', runId, experimentId });
  publisher.publish(Topic.ExperimentEvents, experimentId, { type: 'SERIES_RESET', experimentId, runId });
}

export function publishExperimentStatus(publisher: EventPublisher, experimentId: string, status: ExperimentStatus, error: string | null = null): void {
  publisher.publish(Topic.ExperimentEvents, experimentId, { type: 'STATUS', experimentId, status, error });
}

/** A run analysis' state as it is now (stored record), on its own topic. */
export function publishRunAnalysis(publisher: EventPublisher, analysis: RunAnalysisRecord): void {
  publisher.publish(Topic.RunAnalysisEvents, analysis.id, {
    analysisId: analysis.id,
    runId: analysis.runId,
    otherRunId: analysis.otherRunId,
    status: analysis.status,
    progress: analysis.progress,
    error: analysis.error,
  });
}
