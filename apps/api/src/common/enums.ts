/** The schema's enums, registered once: GraphQL names on the left, stored values on the right. */
import { registerEnumType } from 'type-graphql';

export const RunStatusEnum = {
  QUEUED: 'QUEUED',
  RUNNING: 'RUNNING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
  CANCELLED: 'CANCELLED',
  DIVERGED: 'DIVERGED',
  CRASHED: 'CRASHED',
} as const;
registerEnumType(RunStatusEnum, {
  name: 'RunStatus',
  description:
    'QUEUED → RUNNING → one of SUCCEEDED, FAILED (with a reason), CANCELLED, DIVERGED (loss or gradient not finite); a logged run whose script went silent becomes CRASHED (resumeRun continues it).',
  valuesConfig: {
    QUEUED: { description: 'Stored and waiting for a worker (or, for a logged run, never: logged runs start RUNNING).' },
    RUNNING: { description: 'A worker is training it, or a script is logging into it.' },
    SUCCEEDED: { description: 'Ended normally: training finished, or the script called finishRun(status: SUCCEEDED).' },
    FAILED: { description: 'Ended with an error; `error` says why.' },
    CANCELLED: { description: 'Stopped on request (cancelRun, cancelExperiment, Ctrl-C in `saddle run`); its points are kept.' },
    DIVERGED: { description: 'Training stopped because the loss or the gradient norm was not finite.' },
    CRASHED: {
      description:
        'A logged run whose script sent nothing (no logMetrics, heartbeat, setSummary or upload) for SADDLE_HEARTBEAT_TIMEOUT_S (default 300 s), also while the API was down: the script died or lost the server. resumeRun makes it RUNNING again; finishRun still ends it.',
    },
  },
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
  valuesConfig: {
    QUEUED: { description: 'Stored; no run has started yet.' },
    RUNNING: { description: 'At least one run is queued or running.' },
    ANALYZING: { description: 'Every run has ended and the preset’s analyses (PCA, spectra, landscapes, …) are running.' },
    SUCCEEDED: { description: 'Every run and analysis ended without error.' },
    FAILED: { description: 'A run or an analysis failed; `error` names which.' },
    CANCELLED: { description: 'Cancelled on request; finished runs and their points are kept.' },
  },
});

export const AnalysisStatusEnum = {
  PENDING: 'PENDING',
  QUEUED: 'QUEUED',
  RUNNING: 'RUNNING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
  SKIPPED: 'SKIPPED',
} as const;
registerEnumType(AnalysisStatusEnum, {
  name: 'AnalysisStatus',
  description: 'PENDING until every run has ended; SKIPPED when a run failed or was cancelled, or there is nothing to analyse.',
  valuesConfig: {
    PENDING: { description: 'Waiting for the experiment’s runs to end.' },
    QUEUED: { description: 'Every run has ended; the analysis job waits for a worker.' },
    RUNNING: { description: 'A worker is computing the analyses.' },
    SUCCEEDED: { description: 'The analyses’ figures are stored.' },
    FAILED: { description: 'An analysis raised an error; the experiment’s `error` holds it.' },
    SKIPPED: { description: 'Not run: a run failed or was cancelled, or the preset has no analyses.' },
  },
});

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
registerEnumType(DataSourceEnum, {
  name: 'DataSource',
  description: 'Images for the classification presets: MNIST (embedded, default) or CIFAR-10 (SADDLE_CIFAR10_DIR).',
  valuesConfig: {
    MNIST: { description: 'The 10,000 MNIST digits embedded in the engine, split into train and test (the default).' },
    CIFAR10: { description: 'CIFAR-10’s binary batches, read from the folder SADDLE_CIFAR10_DIR names.' },
  },
});

export const FigureKindEnum = { LINES: 'lines', SCATTER: 'scatter', PATHS: 'paths', GRID: 'grid', HISTOGRAM: 'histogram', METRIC_LINES: 'metric-lines' } as const;
registerEnumType(FigureKindEnum, {
  name: 'FigureKind',
  description: 'How a figure is drawn; METRIC_LINES figures are drawn live from runs’ metric series.',
  valuesConfig: {
    LINES: { description: 'Line series over a shared x axis (LinesFigure).' },
    SCATTER: { description: 'Points, one per run or per sample (ScatterFigure).' },
    PATHS: { description: 'Trajectories in a 2-D projection, e.g. PCA of weights (PathsFigure).' },
    GRID: { description: 'Values on a 2-D grid drawn as contours, e.g. a loss landscape (GridFigure).' },
    HISTOGRAM: { description: 'Counts per bin, e.g. a Hessian spectrum (HistogramFigure).' },
    METRIC_LINES: { description: 'Drawn live from the runs’ stored metric series (no stored content).' },
  },
});

export const RunEventTypeEnum = { METRICS: 'METRICS', STATUS: 'STATUS', PROGRESS: 'PROGRESS', SUMMARY: 'SUMMARY', SERIES_RESET: 'SERIES_RESET' } as const;
registerEnumType(RunEventTypeEnum, {
  name: 'RunEventType',
  description: 'What a RunEvent carries.',
  valuesConfig: {
    METRICS: { description: 'New points (`points`).' },
    STATUS: { description: 'The run’s status changed (`status`, and `error` when it failed).' },
    PROGRESS: { description: 'Training progress changed (`progress`, 0…1).' },
    SUMMARY: { description: 'The model summary is now known (query the run’s `modelSummary`).' },
    SERIES_RESET: { description: 'The run restarted (its worker died): points after its last checkpoint were dropped and come again. Reload its series.' },
  },
});

export const ExperimentEventTypeEnum = { METRICS: 'METRICS', RUN_STATUS: 'RUN_STATUS', RUN_PROGRESS: 'RUN_PROGRESS', STATUS: 'STATUS', ANALYSIS: 'ANALYSIS', SERIES_RESET: 'SERIES_RESET' } as const;
registerEnumType(ExperimentEventTypeEnum, {
  name: 'ExperimentEventType',
  description: 'What an ExperimentEvent carries.',
  valuesConfig: {
    METRICS: { description: 'New points of one run (`runId`, `points`).' },
    RUN_STATUS: { description: 'A run’s status changed (`runId`, `runStatus`, `error`).' },
    RUN_PROGRESS: { description: 'A run’s progress changed (`runId`, `progress`).' },
    STATUS: { description: 'The experiment’s status changed (`status`, `error`).' },
    ANALYSIS: { description: 'An analysis ended: its figures are stored (query `figures`).' },
    SERIES_RESET: { description: 'A run (runId) restarted and its stored series changed: reload that run’s series.' },
  },
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
