/**
 * Row types of the store, one interface per table. Both dialects store the same shapes: JSON as
 * text, times as milliseconds since the epoch in a double (PostgreSQL's bigint would come back
 * as a string through `pg`), booleans as 0/1 integers.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';

export interface ExperimentTable {
  id: string;
  name: string;
  /** Catalogue preset id; null for an experiment made of externally logged runs or a raw spec. */
  preset: string | null;
  scale: string | null;
  /** `preset` | `spec` | `external`: how its runs came to be. */
  origin: string;
  /** JSON: the launch options (preset, scale, data, overrides) or the raw run spec. */
  spec: string;
  status: string;
  notes: string;
  error: string | null;
  /** PENDING (runs still going), QUEUED, RUNNING, SUCCEEDED, FAILED, SKIPPED. */
  analysis_status: string;
  analysis_progress: number;
  /** `host:pid` of the process answering for the analysis while it is RUNNING; null otherwise. */
  analysis_owner: string | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
  /** The project the experiment belongs to (createRun's `project`); null for none. */
  project: string | null;
}

export interface ExperimentTagTable {
  experiment_id: string;
  tag: string;
}

export interface RunTable {
  id: string;
  experiment_id: string;
  /** Key of the run within its experiment (`deep/sinc5`), or the external run's name. */
  key: string;
  /** Launch order within the experiment. */
  position: number;
  group_name: string;
  /** JSON object of config values a user filters or groups by. */
  config: string;
  /** JSON RunSpec; null for an external run. */
  spec: string | null;
  external: number;
  status: string;
  progress: number;
  /** JSON ModelSummary. */
  summary: string | null;
  error: string | null;
  /** JSON: the end state without the weights (steps, epochs, final metrics, zero-gradient result). */
  end_state: string | null;
  /** `host:pid` of the process whose workers own this run while it is RUNNING. */
  owner: string | null;
  attempt: number;
  /** The first step at which a non-finite metric value was stored (store/metric-divergence.ts); null while none was. */
  diverged_at_step: number | null;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  updated_at: number;
  /** External runs: when the script last sent anything (store/run-liveness.ts); null for Saddle's runs. */
  heartbeat_at: number | null;
  /** External runs: JSON, the config as the script sent it (nested); `config` holds it flattened. */
  raw_config: string | null;
  /** External runs: JSON object, the values the script set with setSummary; null before. */
  summary_values: string | null;
  /** The `updated_at` this run's run_values rows were built from (store/run-values.ts); null before the first build. */
  values_indexed_at: number | null;
}

export interface MetricTable {
  run_id: string;
  key: string;
  step: number;
  /** Finite values only: null for a non-finite one (SQLite cannot keep NaN), spelled in `nonfinite`. */
  value: number | null;
  wall_time: number;
  epoch: number | null;
  /** `NaN`, `Infinity` or `-Infinity` when `value` is null (store/metric-values.ts); null for a finite value. */
  nonfinite: string | null;
}

/** Min/max of one series' points with step in [block·64, block·64 + 64) (store/metric-blocks.ts). */
export interface MetricBlockTable {
  run_id: string;
  key: string;
  block: number;
  count: number;
  /** Lowest finite value (+∞ when none is) and the earliest step holding it (the block's first when none is finite). */
  lo: number;
  lo_step: number;
  /** Highest finite value (−∞ when none is) and the earliest step holding it (the block's first when none is finite). */
  hi: number;
  hi_step: number;
}

export interface FigureTable {
  experiment_id: string;
  figure_id: string;
  title: string;
  kind: string;
  /** JSON FigureData. */
  data: string;
  created_at: number;
}

export interface ArtifactTable {
  id: string;
  run_id: string;
  /** `snapshot` (weights every N epochs) or `final` (weights at the end). */
  kind: string;
  step: number;
  epoch: number;
  /** Path relative to the data directory. */
  path: string;
  theta_length: number;
  state_length: number;
  created_at: number;
}

/** The latest resumable checkpoint of a run (one row per run): where a restarted run resumes. */
export interface CheckpointTable {
  run_id: string;
  /** Steps the checkpoint had completed: the run resumes with the next one. */
  step: number;
  epoch: number;
  /** File relative to the data directory (encodeCheckpoint's bytes). */
  path: string;
  created_at: number;
}

/** A file a script uploaded for its run (store/run-files.ts); weights go to `artifacts`. */
export interface RunFileTable {
  run_id: string;
  /** The name it was uploaded as, unique per run. */
  name: string;
  /** Path relative to the data directory. */
  path: string;
  size: number;
  /** sha256 of the bytes, hex. */
  sha256: string;
  content_type: string;
  created_at: number;
}

/**
 * One config path or final metric of a run, for Query.runs (store/run-values.ts): the value as a
 * number (numbers; booleans as 0/1) and as text (strings; booleans as `true`/`false`; the spelling
 * of a non-finite final value), indexed by (source, path, value).
 */
export interface RunValueTable {
  run_id: string;
  /** `config` (a dotted config path) or `final` (a final metric's key). */
  source: string;
  path: string;
  num: number | null;
  str: string | null;
}

export interface TokenTable {
  id: string;
  name: string;
  scope: string;
  /** sha256 of the secret, hex; the secret itself is shown once and never stored. */
  hash: string;
  created_at: number;
  last_used_at: number | null;
  revoked: number;
}

/** One launch of a whole catalogue (`saddle run hw1`): its experiments are in suite_experiments. */
export interface SuiteTable {
  id: string;
  name: string;
  /** Which suite: `hw1` (the HW1 catalogue, in report order). */
  suite: string;
  scale: string;
  /** JSON array of the tags given at launch (each experiment carries them too). */
  tags: string;
  created_at: number;
}

export interface SuiteExperimentTable {
  suite_id: string;
  experiment_id: string;
  /** Report order within the suite. */
  position: number;
}

/** A report section's Markdown comment, for a report on a suite or on one experiment. */
export interface ReportNoteTable {
  /** The suite's or the experiment's id. */
  report_id: string;
  section_key: string;
  markdown: string;
  updated_at: number;
}

/** An analysis asked for on one run or a pair (store/run-analyses.ts). */
export interface RunAnalysisTable {
  id: string;
  run_id: string;
  other_run_id: string | null;
  kind: string;
  /** JSON. */
  options: string;
  status: string;
  progress: number;
  owner: string | null;
  error: string | null;
  /** JSON list of figures. */
  figures: string;
  /** JSON, null until it succeeds. */
  summary: string | null;
  created_at: number;
  finished_at: number | null;
}

export interface Database {
  experiments: ExperimentTable;
  experiment_tags: ExperimentTagTable;
  runs: RunTable;
  metrics: MetricTable;
  metric_blocks: MetricBlockTable;
  figures: FigureTable;
  artifacts: ArtifactTable;
  run_files: RunFileTable;
  tokens: TokenTable;
  checkpoints: CheckpointTable;
  suites: SuiteTable;
  suite_experiments: SuiteExperimentTable;
  report_notes: ReportNoteTable;
  run_values: RunValueTable;
  run_analyses: RunAnalysisTable;
}

export type ExperimentRow = Selectable<ExperimentTable>;
export type NewExperimentRow = Insertable<ExperimentTable>;
export type ExperimentUpdate = Updateable<ExperimentTable>;
export type RunRow = Selectable<RunTable>;
export type NewRunRow = Insertable<RunTable>;
export type RunUpdate = Updateable<RunTable>;
export type MetricRow = Selectable<MetricTable>;
export type MetricBlockRow = Selectable<MetricBlockTable>;
export type FigureRow = Selectable<FigureTable>;
export type ArtifactRow = Selectable<ArtifactTable>;
export type TokenRow = Selectable<TokenTable>;
