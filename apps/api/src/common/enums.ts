/** The schema's enums, registered once: GraphQL names on the left, stored values on the right. */
import { registerEnumType } from 'type-graphql';

export const RunStatusEnum = {
  QUEUED: 'QUEUED',
  RUNNING: 'RUNNING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
  CANCELLED: 'CANCELLED',
  DIVERGED: 'DIVERGED',
} as const;
registerEnumType(RunStatusEnum, {
  name: 'RunStatus',
  description: 'QUEUED → RUNNING → one of SUCCEEDED, FAILED (with a reason), CANCELLED, DIVERGED (loss or gradient not finite).',
});

export const ExperimentStatusEnum = {
  QUEUED: 'QUEUED',
  RUNNING: 'RUNNING',
  ANALYZING: 'ANALYZING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
  CANCELLED: 'CANCELLED',
} as const;
registerEnumType(ExperimentStatusEnum, {
  name: 'ExperimentStatus',
  description: 'RUNNING while any run is live; ANALYZING while the preset analyses run; then SUCCEEDED, or FAILED / CANCELLED when a run did.',
});

export const AnalysisStatusEnum = {
  PENDING: 'PENDING',
  QUEUED: 'QUEUED',
  RUNNING: 'RUNNING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
  SKIPPED: 'SKIPPED',
} as const;
registerEnumType(AnalysisStatusEnum, { name: 'AnalysisStatus', description: 'PENDING until every run has ended; SKIPPED when a run failed or was cancelled, or there is nothing to analyse.' });

export const ScaleEnum = { QUICK: 'quick', STANDARD: 'standard', FULL: 'full' } as const;
registerEnumType(ScaleEnum, {
  name: 'Scale',
  description: 'How big a preset runs: QUICK, STANDARD or FULL.',
  valuesConfig: {
    QUICK: { description: 'Minutes for the whole catalogue on two cores (CI, trying things); shows every figure, decides nothing.' },
    STANDARD: { description: 'About an hour for the whole catalogue on two cores, with the seeds and training that decide each HW1 finding.' },
    FULL: { description: 'The original HW1 experiment’s size (hours).' },
  },
});

export const DataSourceEnum = { MNIST: 'mnist', CIFAR10: 'cifar10' } as const;
registerEnumType(DataSourceEnum, { name: 'DataSource', description: 'Images for the classification presets: MNIST (embedded, default) or CIFAR-10 (SADDLE_CIFAR10_DIR).' });

export const FigureKindEnum = { LINES: 'lines', SCATTER: 'scatter', PATHS: 'paths', GRID: 'grid', HISTOGRAM: 'histogram', METRIC_LINES: 'metric-lines' } as const;
registerEnumType(FigureKindEnum, { name: 'FigureKind', description: 'How a figure is drawn; METRIC_LINES figures are drawn live from runs’ metric series.' });

export const RunEventTypeEnum = { METRICS: 'METRICS', STATUS: 'STATUS', PROGRESS: 'PROGRESS', SUMMARY: 'SUMMARY', SERIES_RESET: 'SERIES_RESET' } as const;
registerEnumType(RunEventTypeEnum, {
  name: 'RunEventType',
  valuesConfig: { SERIES_RESET: { description: 'The run restarted (its worker died): points after its last checkpoint were dropped and come again. Reload its series.' } },
});

export const ExperimentEventTypeEnum = { METRICS: 'METRICS', RUN_STATUS: 'RUN_STATUS', RUN_PROGRESS: 'RUN_PROGRESS', STATUS: 'STATUS', ANALYSIS: 'ANALYSIS', SERIES_RESET: 'SERIES_RESET' } as const;
registerEnumType(ExperimentEventTypeEnum, {
  name: 'ExperimentEventType',
  valuesConfig: { SERIES_RESET: { description: 'A run (runId) restarted and its stored series changed: reload that run’s series.' } },
});

export const ExpectedTimeBasisEnum = { MEASURED_HERE: 'measured-here', REFERENCE_MEASURED: 'reference-measured', REFERENCE_PROJECTED: 'reference-projected' } as const;
registerEnumType(ExpectedTimeBasisEnum, {
  name: 'ExpectedTimeBasis',
  description: 'Where an expected wall time comes from.',
  valuesConfig: {
    MEASURED_HERE: { description: 'The median of this server’s own finished launches (same preset and scale, no overrides).' },
    REFERENCE_MEASURED: { description: 'A whole run measured on the reference machine (none here yet).' },
    REFERENCE_PROJECTED: { description: 'Projected from step rates measured on the reference machine (too long to have run whole there).' },
  },
});
