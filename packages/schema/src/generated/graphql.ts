/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
  /** One metric value: a finite number or one of the strings "NaN", "Infinity", "-Infinity" (JSON and GraphQL's Float have no NaN or Infinity). */
  MetricValue: { input: number | 'NaN' | 'Infinity' | '-Infinity'; output: number | 'NaN' | 'Infinity' | '-Infinity'; }
  /** A list of metric values as one JSON array, each a finite number or one of the strings "NaN", "Infinity", "-Infinity": `[0.69, 0.52, "NaN", "Infinity"]`. Parsed once per series, not value by value. */
  MetricValues: { input: Array<number | 'NaN' | 'Infinity' | '-Infinity'>; output: Array<number | 'NaN' | 'Infinity' | '-Infinity'>; }
  /** A list of finite numbers (or null where a field allows it) as one JSON array: `[1764547200000, 1764547200100]`. Parsed once, not number by number. */
  NumberList: { input: Array<number | null>; output: Array<number | null>; }
};

/** The loss an analysis differentiates; a trained run’s own by default. */
export const AnalysisLoss = {
  /** Softmax cross-entropy on logits, mean over examples; y holds class indices. */
  CROSS_ENTROPY: 'CROSS_ENTROPY',
  /** Mean over examples of (ŷ − y)² (no ½). */
  MSE: 'MSE'
} as const;

export type AnalysisLoss = typeof AnalysisLoss[keyof typeof AnalysisLoss];
/** PENDING until every run has ended; SKIPPED when a run failed or was cancelled, or there is nothing to analyse. */
export const AnalysisStatus = {
  /** An analysis raised an error; the experiment’s `error` holds it. */
  FAILED: 'FAILED',
  /** Waiting for the experiment’s runs to end. */
  PENDING: 'PENDING',
  /** Every run has ended; the analysis job waits for a worker. */
  QUEUED: 'QUEUED',
  /** A worker is computing the analyses. */
  RUNNING: 'RUNNING',
  /** Not run: a run failed or was cancelled, or the preset has no analyses. */
  SKIPPED: 'SKIPPED',
  /** The analyses’ figures are stored. */
  SUCCEEDED: 'SUCCEEDED'
} as const;

export type AnalysisStatus = typeof AnalysisStatus[keyof typeof AnalysisStatus];
/** What a run artifact is. */
export const ArtifactKind = {
  /** Any other file a script uploaded, served back byte for byte. */
  FILE: 'FILE',
  /** Weights a worker saved during training (same layout), named `snapshot-<step>`. */
  SNAPSHOT: 'SNAPSHOT',
  /** The run’s final weights in Saddle’s layout: float32 little-endian θ, then the non-trainable state (thetaLength, stateLength). */
  WEIGHTS: 'WEIGHTS'
} as const;

export type ArtifactKind = typeof ArtifactKind[keyof typeof ArtifactKind];
/** How a condition compares a run’s value with `value`. Numbers (and booleans, as 0/1) compare as numbers, strings as text; a run without the path never matches (not even NE). */
export const ComparisonOp = {
  /** A string value containing `value`, case-insensitive. */
  CONTAINS: 'CONTAINS',
  /** Equal (`null` matches a null value). */
  EQ: 'EQ',
  /** The run has this path at all (`value` is ignored). */
  EXISTS: 'EXISTS',
  /** Greater than. */
  GT: 'GT',
  /** Greater than or equal. */
  GTE: 'GTE',
  /** Equal to one of `value`, a list. */
  IN: 'IN',
  /** Less than. */
  LT: 'LT',
  /** Less than or equal. */
  LTE: 'LTE',
  /** Present and not equal. */
  NE: 'NE'
} as const;

export type ComparisonOp = typeof ComparisonOp[keyof typeof ComparisonOp];
/** A condition on one dotted config path, e.g. { path: "optimizer.lr", op: GT, value: 0.001 }. */
export type ConfigCondition = {
  /** How to compare. */
  op: ComparisonOp;
  /** A dotted config path as Run.config shows it: `optimizer.lr`, `batchSize`, `model.name`. */
  path: Scalars['String']['input'];
  /** A number, string, boolean or null; a list for IN. */
  value?: InputMaybe<Scalars['JSON']['input']>;
};

/** A run trained outside Saddle (any script, any framework) that logs its metrics here. */
export type CreateRunInput = {
  /** Hyperparameters and anything to filter or group by: any JSON object, nested lists and objects and null included (at most 256 KiB). Stored as given (Run.rawConfig) and flattened to dotted paths (Run.config: `optimizer.lr`, `layers.0.units`). */
  config?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Add the run to this experiment; default: a new experiment of its own. */
  experimentId?: InputMaybe<Scalars['ID']['input']>;
  /** Log into the experiment of logged runs with this name in `project`, created by the first call that names it (the same name three times: one experiment with three runs). A run name already taken there gets a suffix (`name-2`). Default (with no experimentId): a new experiment named after the run. */
  experimentName?: InputMaybe<Scalars['String']['input']>;
  /** Curve family in charts; default: the run’s name. */
  group?: InputMaybe<Scalars['String']['input']>;
  /** A UUID the client generates for the run: createRun sent again with it (a retry whose answer was lost, a spooled call replayed) returns the run the first call made instead of a second run. The clients send one. Default: the server picks the id. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** The run’s name, unique within its experiment. */
  name: Scalars['String']['input'];
  /** The project the experiment belongs to (a group of experiments; Query.projects lists them); experiments are found by name within it. Default: none. */
  project?: InputMaybe<Scalars['String']['input']>;
  /** Tags of the new experiment (added to those of an experiment found by experimentName). */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Images for the classification presets: MNIST (embedded, default) or CIFAR-10 (SADDLE_CIFAR10_DIR). */
export const DataSource = {
  /** CIFAR-10’s binary batches, read from the folder SADDLE_CIFAR10_DIR names. */
  CIFAR10: 'CIFAR10',
  /** The 10,000 MNIST digits embedded in the engine, split into train and test (the default). */
  MNIST: 'MNIST'
} as const;

export type DataSource = typeof DataSource[keyof typeof DataSource];
/** A dataset registered by name (`saddle data add`, `POST /datasets/:name`), usable in any spec as `data: {kind: "dataset", name}`. */
export type Dataset = {
  __typename?: 'Dataset';
  /** Bytes stored for it (inputs as float32 and labels). */
  bytes: Scalars['Int']['output'];
  /** Each class with its example count, in class-id order; empty for regression. */
  classes: Array<DatasetClass>;
  /** When it was registered (ISO 8601). */
  createdAt: Scalars['String']['output'];
  /** Examples, before the train/test split (data.testFraction, default 0.2). */
  examples: Scalars['Int']['output'];
  /** Feature column names of a CSV with a header; null otherwise. */
  featureNames?: Maybe<Array<Scalars['String']['output']>>;
  /** The loader that read it: csv, npy, npz or images. */
  format: Scalars['String']['output'];
  /** Shape of one example: [features] for tables, [height, width, channels] for images. */
  inputShape: Array<Scalars['Int']['output']>;
  /** The name specs use. */
  name: Scalars['String']['output'];
  /** Number of classes; 0 for a regression target. */
  numClasses: Scalars['Int']['output'];
  /** The file or folder name it was registered from. */
  source: Scalars['String']['output'];
};

/** Examples of one class of a registered classification dataset. */
export type DatasetClass = {
  __typename?: 'DatasetClass';
  /** Examples of this class (the class id is its position in Dataset.classes). */
  count: Scalars['Int']['output'];
  /** The class name: a CSV label, an image folder’s name, or the integer label of a NumPy array. */
  name: Scalars['String']['output'];
};

/** What computes: the tfjs backend the engine picked, versions, and how this deployment is put together. */
export type EngineInfo = {
  __typename?: 'EngineInfo';
  /** The version of @saddle/api (its package.json). */
  apiVersion: Scalars['String']['output'];
  /** `tensorflow-gpu`, `tensorflow`, `wasm` or `cpu`. */
  backend: Scalars['String']['output'];
  /** Everything the engine reports about its backend (versions, SIMD, threads, why it chose it). */
  details: Scalars['JSONObject']['output'];
  /** The Node.js version the API runs on (`process.version`). */
  nodeVersion: Scalars['String']['output'];
  /** `memory` or `redis`. */
  pubsub: Scalars['String']['output'];
  /** `local` (worker processes of this API) or `bullmq`. */
  queue: Scalars['String']['output'];
  /** `sqlite` or `postgres`. */
  store: Scalars['String']['output'];
  /** Local worker processes at most; null with BullMQ (workers are separate processes). */
  workers?: Maybe<Scalars['Int']['output']>;
};

/** How long a launch is expected to take, and where that number comes from. */
export type ExpectedTime = {
  __typename?: 'ExpectedTime';
  /** Measured on this server, or the reference machine’s measured or projected time. */
  basis: ExpectedTimeBasis;
  /** Launches the median is over (MEASURED_HERE); 0 for reference times. */
  samples: Scalars['Int']['output'];
  /** Wall-clock seconds from launch to the end of the analyses. */
  seconds: Scalars['Float']['output'];
  /** Where the number comes from, in words (e.g. the reference machine). */
  source: Scalars['String']['output'];
};

/** Where an expected wall time comes from. */
export const ExpectedTimeBasis = {
  /** The median of this server’s own finished launches (same preset and scale, no overrides). */
  MEASURED_HERE: 'MEASURED_HERE',
  /** A whole run measured on the reference machine (none here yet). */
  REFERENCE_MEASURED: 'REFERENCE_MEASURED',
  /** Projected from step rates measured on the reference machine (too long to have run whole there). */
  REFERENCE_PROJECTED: 'REFERENCE_PROJECTED'
} as const;

export type ExpectedTimeBasis = typeof ExpectedTimeBasis[keyof typeof ExpectedTimeBasis];
/** A preset launched at a scale (its sweep of runs and their analyses), a raw spec, or runs logged by scripts. */
export type Experiment = {
  __typename?: 'Experiment';
  /** The preset’s analysis figures, once computed. */
  analyses: Array<Figure>;
  /** Where the preset’s analyses are. */
  analysisStatus: AnalysisStatus;
  /** When it was launched (or its first run was created). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Why it did not succeed: the failed runs or the analysis error. */
  error?: Maybe<Scalars['String']['output']>;
  /** Seconds left at the rate so far: the time since its first run started × (1 − progress) / progress; null once it ended and before any run started or moved. */
  etaSeconds?: Maybe<Scalars['Float']['output']>;
  /** When its status became final; null before. */
  finishedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** The experiment’s id. */
  id: Scalars['ID']['output'];
  /** What launchExperiment takes to launch it again (rerunExperiment does): { preset, scale, data, overrides } or { spec, sweep, seeds }, enum values as GraphQL names (QUICK, MNIST, GRID); edit it to launch a variant. null for runs logged by scripts. */
  launchInput?: Maybe<Scalars['JSONObject']['output']>;
  /** Its name: the launch’s `name`, the preset’s title and scale, or `experimentName` of createRun. */
  name: Scalars['String']['output'];
  /** Free text (setNotes); empty by default. */
  notes: Scalars['String']['output'];
  /** `preset`, `spec` or `external`. */
  origin: Scalars['String']['output'];
  /** Catalogue preset id; null for a raw spec or logged runs. */
  preset?: Maybe<Scalars['String']['output']>;
  /** The catalogue entry it was launched from: its figure kinds tell a client how to draw it. */
  presetDefinition?: Maybe<Preset>;
  /** Fraction done in [0, 1]: the runs’ progress, and the analyses’ when there are any. */
  progress: Scalars['Float']['output'];
  /** The project it belongs to (createRun’s `project`); null for none. */
  project?: Maybe<Scalars['String']['output']>;
  /** How many of its runs are in each status. */
  runCounts: RunCounts;
  /** In launch order. */
  runs: Array<Run>;
  /** The preset’s scale; null for a raw spec or logged runs. */
  scale?: Maybe<Scale>;
  /** What was launched: { preset, scale, data, overrides } or { run: RunSpec }. */
  spec: Scalars['JSONObject']['output'];
  /** Follows its runs and then its analyses. */
  status: ExperimentStatus;
  /** Its tags, sorted. */
  tags: Array<Scalars['String']['output']>;
  /** When its status, tags or notes last changed. */
  updatedAt: Scalars['DateTimeISO']['output'];
};

/** A page of experiments, newest first. */
export type ExperimentConnection = {
  __typename?: 'ExperimentConnection';
  /** The experiments of this page. */
  edges: Array<ExperimentEdge>;
  /** Whether another page follows, and its cursor. */
  pageInfo: PageInfo;
  /** Experiments matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One experiment of a page, with its cursor. */
export type ExperimentEdge = {
  __typename?: 'ExperimentEdge';
  /** Pass as `after` to start the next page after this experiment. */
  cursor: Scalars['String']['output'];
  /** The experiment. */
  node: Experiment;
};

/** Something that happened in an experiment: a run’s points, status or progress; the experiment’s status; analysis results. */
export type ExperimentEvent = {
  __typename?: 'ExperimentEvent';
  /** RUN_STATUS or STATUS: why the run or experiment did not succeed. */
  error?: Maybe<Scalars['String']['output']>;
  /** The experiment. */
  experimentId: Scalars['ID']['output'];
  /** ANALYSIS: the figures now stored (query Experiment.analyses). */
  figureIds?: Maybe<Array<Scalars['String']['output']>>;
  /** METRICS: the batch, exactly as stored. */
  points?: Maybe<Array<KeyedMetricPoint>>;
  /** RUN_PROGRESS: the run’s; ANALYSIS: the analyses’. */
  progress?: Maybe<Scalars['Float']['output']>;
  /** METRICS, RUN_STATUS, RUN_PROGRESS, SERIES_RESET: the run it is about. */
  runId?: Maybe<Scalars['ID']['output']>;
  /** RUN_STATUS: the run’s new status. */
  runStatus?: Maybe<RunStatus>;
  /** STATUS: the experiment’s new status. */
  status?: Maybe<ExperimentStatus>;
  /** What happened; says which of the other fields are set. */
  type: ExperimentEventType;
};

/** What an ExperimentEvent carries. */
export const ExperimentEventType = {
  /** An analysis ended: its figures are stored (query `figures`). */
  ANALYSIS: 'ANALYSIS',
  /** New points of one run (`runId`, `points`). */
  METRICS: 'METRICS',
  /** A run’s progress changed (`runId`, `progress`). */
  RUN_PROGRESS: 'RUN_PROGRESS',
  /** A run’s status changed (`runId`, `runStatus`, `error`). */
  RUN_STATUS: 'RUN_STATUS',
  /** A run (runId) restarted and its stored series changed: reload that run’s series. */
  SERIES_RESET: 'SERIES_RESET',
  /** The experiment’s status changed (`status`, `error`). */
  STATUS: 'STATUS'
} as const;

export type ExperimentEventType = typeof ExperimentEventType[keyof typeof ExperimentEventType];
/** Which experiments to list; every field given must match. */
export type ExperimentFilter = {
  /** Launched from this preset id. */
  preset?: InputMaybe<Scalars['String']['input']>;
  /** In this project (see Query.projects). */
  project?: InputMaybe<Scalars['String']['input']>;
  /** Any of these statuses. */
  status?: InputMaybe<Array<ExperimentStatus>>;
  /** Has this tag. */
  tag?: InputMaybe<Scalars['String']['input']>;
  /** Case-insensitive substring of the name, preset or notes. */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** How an experiment’s runs came to be. */
export const ExperimentOrigin = {
  /** Logged by scripts (createRun). */
  EXTERNAL: 'EXTERNAL',
  /** Launched from a catalogue preset. */
  PRESET: 'PRESET',
  /** Launched from a raw RunSpec (with a sweep or seeds). */
  SPEC: 'SPEC'
} as const;

export type ExperimentOrigin = typeof ExperimentOrigin[keyof typeof ExperimentOrigin];
/** RUNNING while any run is live; ANALYZING while the preset analyses run; then SUCCEEDED, or FAILED / CANCELLED when a run did. */
export const ExperimentStatus = {
  /** Every run has ended and the preset’s analyses (PCA, spectra, landscapes, …) are running. */
  ANALYZING: 'ANALYZING',
  /** Cancelled on request; finished runs and their points are kept. */
  CANCELLED: 'CANCELLED',
  /** A run or an analysis failed; `error` names which. */
  FAILED: 'FAILED',
  /** Stored; no run has started yet. */
  QUEUED: 'QUEUED',
  /** At least one run is queued or running. */
  RUNNING: 'RUNNING',
  /** Every run and analysis ended without error. */
  SUCCEEDED: 'SUCCEEDED'
} as const;

export type ExperimentStatus = typeof ExperimentStatus[keyof typeof ExperimentStatus];
/** A figure computed by a preset’s analyses once its runs ended. `data` follows the engine’s FigureData for its kind. */
export type Figure = {
  __typename?: 'Figure';
  /** The same data, typed: select the fields of the figure kind you draw. */
  content: FigureContent;
  /** When the analysis stored it. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** LINES: { x, y, series: [{ label, points: [{x, y}] }] }; SCATTER: { x, y, points }; PATHS: { x, y, explainedVariance, views: [{ id, label, paths }] }; GRID: { x, y, xs, ys, values[j][i], valueLabel, path?, slices? }; HISTOGRAM: { x, y, bins }. Axes are { label, scale: linear|log }. */
  data: Scalars['JSONObject']['output'];
  /** Stable within the experiment, e.g. `loss` or `pca-whole` (the id of the preset’s FigureSpec). */
  id: Scalars['String']['output'];
  /** How to draw it; says which member of `content` it is. */
  kind: FigureKind;
  /** The figure’s title as drawn. */
  title: Scalars['String']['output'];
};

/** An axis of a figure. */
export type FigureAxis = {
  __typename?: 'FigureAxis';
  /** The axis label, with units where there are any. */
  label: Scalars['String']['output'];
  /** `linear` or `log`. */
  scale: Scalars['String']['output'];
};

/** A figure’s data, typed by its kind. */
export type FigureContent = GridFigure | HistogramFigure | LinesFigure | PathsFigure | ScatterFigure;

/** How a figure is drawn; METRIC_LINES figures are drawn live from runs’ metric series. */
export const FigureKind = {
  /** Values on a 2-D grid drawn as contours, e.g. a loss landscape (GridFigure). */
  GRID: 'GRID',
  /** Counts per bin, e.g. a Hessian spectrum (HistogramFigure). */
  HISTOGRAM: 'HISTOGRAM',
  /** Line series over a shared x axis (LinesFigure). */
  LINES: 'LINES',
  /** Drawn live from the runs’ stored metric series (no stored content). */
  METRIC_LINES: 'METRIC_LINES',
  /** Trajectories in a 2-D projection, e.g. PCA of weights (PathsFigure). */
  PATHS: 'PATHS',
  /** Points, one per run or per sample (ScatterFigure). */
  SCATTER: 'SCATTER'
} as const;

export type FigureKind = typeof FigureKind[keyof typeof FigureKind];
/** One trajectory of a PATHS figure, usually one run’s. */
export type FigurePath = {
  __typename?: 'FigurePath';
  /** The legend entry. */
  label: Scalars['String']['output'];
  /** In time order. */
  points: Array<PathPoint>;
  /** The run the trajectory comes from. */
  runKey?: Maybe<Scalars['String']['output']>;
};

/** A figure a preset draws. METRIC_LINES figures come live from metric series; the others from the analyses. */
export type FigureSpec = {
  __typename?: 'FigureSpec';
  /** Stable within the preset, e.g. `loss`; the stored Figure of the same id holds its data. */
  id: Scalars['String']['output'];
  /** How it is drawn. */
  kind: FigureKind;
  /** METRIC_LINES: the metric keys drawn, one panel each. */
  metrics?: Maybe<Array<Scalars['String']['output']>>;
  /** The figure’s title as drawn. */
  title: Scalars['String']['output'];
  /** METRIC_LINES: `step` or `epoch`. */
  x?: Maybe<Scalars['String']['output']>;
  /** METRIC_LINES: `linear` or `log`. */
  yScale?: Maybe<Scalars['String']['output']>;
};

/** A condition on one final metric, e.g. { key: "test/loss", op: LT, value: 0.1 }. */
export type FinalCondition = {
  /** A key of Run.final, e.g. `test/loss`. */
  key: Scalars['String']['input'];
  /** How to compare. */
  op: ComparisonOp;
  /** A number (or a list of them for IN); non-finite finals match only EXISTS and string comparisons with their spelling ("NaN"). */
  value?: InputMaybe<Scalars['JSON']['input']>;
};

/** values[j][i] is the value at (xs[i], ys[j]); path is a trajectory projected on the plane. */
export type GridFigure = {
  __typename?: 'GridFigure';
  /** The training trajectory projected on the plane, when there is one. */
  path?: Maybe<Array<PathPoint>>;
  /** 1-D slices through the centre along each axis. */
  slices?: Maybe<Array<LineSeries>>;
  /** What the values are, e.g. `train/loss`. */
  valueLabel: Scalars['String']['output'];
  /** Row-major by y; null where not finite. */
  values?: Maybe<Array<Maybe<Array<Maybe<Scalars['Float']['output']>>>>>;
  /** The x axis (first direction). */
  x: FigureAxis;
  /** The grid’s x coordinates, ascending. */
  xs: Array<Scalars['Float']['output']>;
  /** The y axis (second direction). */
  y: FigureAxis;
  /** The grid’s y coordinates, ascending. */
  ys: Array<Scalars['Float']['output']>;
};

/** How the Hessian spectrum is computed. */
export const HessianMethod = {
  /** EXACT up to `maxExactParams` parameters (default 2000), else LANCZOS. */
  AUTO: 'AUTO',
  /** The whole Hessian from P Hessian-vector products, every eigenvalue. */
  EXACT: 'EXACT',
  /** The `topK` largest and `bottomK` smallest eigenvalues by Lanczos, and tr(H) by Hutchinson’s estimator. */
  LANCZOS: 'LANCZOS'
} as const;

export type HessianMethod = typeof HessianMethod[keyof typeof HessianMethod];
/** One bin of a histogram: [x0, x1) holds count values. */
export type HistogramBin = {
  __typename?: 'HistogramBin';
  /** Values in the bin. */
  count: Scalars['Int']['output'];
  /** The bin’s lower edge (inclusive). */
  x0: Scalars['Float']['output'];
  /** The bin’s upper edge (exclusive; inclusive for the last bin). */
  x1: Scalars['Float']['output'];
};

/** Counts per bin, e.g. a Hessian spectrum (kind HISTOGRAM). */
export type HistogramFigure = {
  __typename?: 'HistogramFigure';
  /** In x order. */
  bins: Array<HistogramBin>;
  /** What the values are, e.g. which run’s spectrum. */
  series?: Maybe<Scalars['String']['output']>;
  /** The value axis. */
  x: FigureAxis;
  /** The count axis. */
  y: FigureAxis;
};

/** A point together with the series it belongs to, as streamed by subscriptions. */
export type KeyedMetricPoint = {
  __typename?: 'KeyedMetricPoint';
  /** Epoch the step belongs to, when known (fractional inside an epoch). */
  epoch?: Maybe<Scalars['Float']['output']>;
  /** The series this point belongs to, e.g. `train/loss`. */
  key: Scalars['String']['output'];
  /** "NaN", "Infinity" or "-Infinity" when the value was not finite (`value` is then null): the spellings logMetrics takes. null for a finite value. */
  nonFinite?: Maybe<Scalars['String']['output']>;
  /** Optimiser step (or whatever step the logging script counts). */
  step: Scalars['Int']['output'];
  /** null when the value was not finite: then `nonFinite` says which. */
  value?: Maybe<Scalars['Float']['output']>;
  /** Milliseconds since the Unix epoch. */
  wallTime: Scalars['Float']['output'];
};

/** The directions of a LANDSCAPE. */
export const LandscapePlane = {
  /** The top PCA directions of the run’s stored weight snapshots (at least 3; train with snapshotEvery), each scaled to the trajectory’s extent; the trajectory is drawn on the plane. */
  PCA: 'PCA',
  /** Gaussian directions, filter-normalised at the weights (Li et al. 2018); `seed` picks them. */
  RANDOM: 'RANDOM'
} as const;

export type LandscapePlane = typeof LandscapePlane[keyof typeof LandscapePlane];
/** Launch a catalogue preset (`preset`) or runs from a raw spec (`spec`, with `overrides`, a `sweep` and `seeds`): exactly one of preset and spec. */
export type LaunchExperimentInput = {
  /** Images for classification presets; default MNIST. */
  data?: InputMaybe<DataSource>;
  /** A registered dataset (Query.datasets) for the classification presets instead of `data`: its examples and classes replace the images, the models end in one logit per class. Refused when no dataset has the name, when it is a regression set, or when its shape does not fit the preset’s models (the CNNs need images). With a spec, give it in spec.data instead. */
  dataset?: InputMaybe<Scalars['String']['input']>;
  /** Default: the preset’s title and scale, or `custom run`. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Preset knobs and dotted RunSpec paths applied to every run, e.g. { "epochs": 5, "optimizer.lr": 0.01, "runs": 4 }; with a spec, dotted paths applied to it (before the sweep). */
  overrides?: InputMaybe<Scalars['JSONObject']['input']>;
  /** A preset id from Query.presets, e.g. `fit-function`. */
  preset?: InputMaybe<Scalars['String']['input']>;
  /** Default QUICK. */
  scale?: InputMaybe<Scale>;
  /** With `spec`: trainings of it (or of every sweep point), seeds seed … seed+seeds−1. Default 1. */
  seeds?: InputMaybe<Scalars['Int']['input']>;
  /** A RunSpec (missing fields take the engine’s defaults): one run, or one per seed and sweep point; a sweep’s figures are its analyses. */
  spec?: InputMaybe<Scalars['JSONObject']['input']>;
  /** With `spec`: sweep any of its paths (GRID or RANDOM); the figures draw each final metric against each swept parameter, mean ± std over seeds. */
  sweep?: InputMaybe<SweepInput>;
  /** Tags of the experiment (tagExperiment replaces them later). */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Launch a whole catalogue at one scale: one experiment per report section, grouped as a suite. */
export type LaunchSuiteInput = {
  /** Images for the classification presets; default MNIST. */
  data?: InputMaybe<DataSource>;
  /** Default QUICK. */
  scale?: InputMaybe<Scale>;
  /** Which suite; default and only one so far: `hw1` (the ten HW1 presets). */
  suite?: InputMaybe<Scalars['String']['input']>;
  /** Tags given to the suite and to each of its experiments. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** One curve of a LINES figure (or a 1-D slice of a GRID). */
export type LineSeries = {
  __typename?: 'LineSeries';
  /** Drawn dashed (e.g. test beside a solid train curve). */
  dashed?: Maybe<Scalars['Boolean']['output']>;
  /** The curve family (one colour per group). */
  group?: Maybe<Scalars['String']['output']>;
  /** The legend entry. */
  label: Scalars['String']['output'];
  /** What a marked point of this series means. */
  markedLabel?: Maybe<Scalars['String']['output']>;
  /** In x order. */
  points: Array<XyPoint>;
  /** The run the series comes from, when it is one run’s. */
  runKey?: Maybe<Scalars['String']['output']>;
};

/** Line series over a shared x axis (kind LINES). */
export type LinesFigure = {
  __typename?: 'LinesFigure';
  /** The curves. */
  series: Array<LineSeries>;
  /** The x axis. */
  x: FigureAxis;
  /** The y axis. */
  y: FigureAxis;
};

/** What logMetrics wrote. */
export type LogMetricsResult = {
  __typename?: 'LogMetricsResult';
  /** Distinct (key, step) points written: one sent twice in a batch counts once and the later wins; a resent point replaces itself, so the same batch twice changes nothing. */
  accepted: Scalars['Int']['output'];
  /** The run the points were written to. */
  runId: Scalars['String']['output'];
};

/** A page of one series, unsampled, in step order. */
export type MetricPage = {
  __typename?: 'MetricPage';
  /** The same points as `points`, as columns: { steps: [Int], values: [Float | "NaN" | "Infinity" | "-Infinity"], wallTimes: [Float] (ms since the epoch), epochs: [Float | null] }, equal lengths, in step order. One JSON value per series: much cheaper for the server to answer than `points` when many series are read at once (a chart of 100 runs). */
  columns: Scalars['JSONObject']['output'];
  /** Whether points follow this page. */
  hasMore: Scalars['Boolean']['output'];
  /** The series name. */
  key: Scalars['String']['output'];
  /** Pass as `afterStep` for the next page; null when the page is empty. */
  lastStep?: Maybe<Scalars['Int']['output']>;
  /** Every stored point after `afterStep`, up to `first` of them, in step order. */
  points: Array<MetricPoint>;
};

/** One point of a series. */
export type MetricPoint = {
  __typename?: 'MetricPoint';
  /** Epoch the step belongs to, when known (fractional inside an epoch). */
  epoch?: Maybe<Scalars['Float']['output']>;
  /** "NaN", "Infinity" or "-Infinity" when the value was not finite (`value` is then null): the spellings logMetrics takes. null for a finite value. */
  nonFinite?: Maybe<Scalars['String']['output']>;
  /** Optimiser step (or whatever step the logging script counts). */
  step: Scalars['Int']['output'];
  /** null when the value was not finite: then `nonFinite` says which. */
  value?: Maybe<Scalars['Float']['output']>;
  /** Milliseconds since the Unix epoch. */
  wallTime: Scalars['Float']['output'];
};

/** One point logged by a script. (runId, key, step) identifies it: sending it again replaces it. */
export type MetricPointInput = {
  /** The epoch the step belongs to, when the script counts epochs (fractional inside an epoch). */
  epoch?: InputMaybe<Scalars['Float']['input']>;
  /** Series name, e.g. `train/loss`. Letters, digits and _ . / : - ; at most 200 characters. */
  key: Scalars['String']['input'];
  /** ≥ 0. */
  step: Scalars['Int']['input'];
  /** A finite number, or "NaN", "Infinity" or "-Infinity" for a non-finite value (stored as such, marks the run diverged: `Run.divergedAtStep`). null is read as "NaN" (older scripts sent null for any non-finite value). */
  value?: InputMaybe<Scalars['MetricValue']['input']>;
  /** Milliseconds since the Unix epoch (`time.time() * 1000`, `Date.now()`); a value under 1e11 is taken for seconds and refused. Default: when the server receives it. */
  wallTime?: InputMaybe<Scalars['Float']['input']>;
};

/** A metric series, downsampled with min/max per bucket so spikes survive. The extremes are of finite values; a bucket with none keeps its first point (non-finite): read `Run.divergedAtStep` for where a run first went non-finite, `metricPage` for every point. */
export type MetricSeries = {
  __typename?: 'MetricSeries';
  /** The same points as `points`, as columns: { steps: [Int], values: [Float | "NaN" | "Infinity" | "-Infinity"], wallTimes: [Float] (ms since the epoch), epochs: [Float | null] }, equal lengths, in step order. One JSON value per series: much cheaper for the server to answer than `points` when many series are read at once (a chart of 100 runs). */
  columns: Scalars['JSONObject']['output'];
  /** The series name, e.g. `train/loss`. */
  key: Scalars['String']['output'];
  /** In step order; at most about `maxPoints` of them. */
  points: Array<MetricPoint>;
  /** True when `points` is a min/max-per-bucket sample of the series. */
  sampled: Scalars['Boolean']['output'];
  /** Points stored for this series (before downsampling). */
  totalPoints: Scalars['Int']['output'];
};

/** Points of one series as columns: the i-th point is (steps[i], values[i], wallTimes[i], epochs[i]). The same points as the point list, far cheaper to send and to parse (one `values` scalar per series instead of an object per point). */
export type MetricSeriesInput = {
  /** One epoch per step as a JSON array (null where unknown), or omitted. */
  epochs?: InputMaybe<Scalars['NumberList']['input']>;
  /** Series name, e.g. `train/loss`. Letters, digits and _ . / : - ; at most 200 characters. */
  key: Scalars['String']['input'];
  /** The points’ steps, each ≥ 0, in any order (a step listed twice: the later wins). */
  steps: Array<Scalars['Int']['input']>;
  /** One value per step, as one JSON array: finite numbers, or "NaN", "Infinity", "-Infinity" (e.g. `[0.69, 0.52, "NaN"]`). */
  values: Scalars['MetricValues']['input'];
  /** One wall time per step (a JSON array; null entries are the server's time), or omitted for all. Milliseconds since the Unix epoch (`time.time() * 1000`, `Date.now()`); a value under 1e11 is taken for seconds and refused. Default: when the server receives it. */
  wallTimes?: InputMaybe<Scalars['NumberList']['input']>;
};

/** The model summary: layers with output shapes and parameter counts, totals and sizes. */
export type ModelSummary = {
  __typename?: 'ModelSummary';
  /** Size of one example’s forward and backward activations, in MB (as torchsummary counts). */
  activationsSizeMB: Scalars['Float']['output'];
  /** Per-example input shape (no batch dimension). */
  inputShape: Array<Scalars['Int']['output']>;
  /** Size of one input example, in MB. */
  inputSizeMB: Scalars['Float']['output'];
  /** The model spec’s name, e.g. `mlp-deep`. */
  name: Scalars['String']['output'];
  /** Parameters it does not (batch norm’s running statistics). */
  nonTrainableParams: Scalars['Int']['output'];
  /** Size of all parameters as float32, in MB (as torchsummary counts). */
  paramsSizeMB: Scalars['Float']['output'];
  /** One row per layer, input to output. */
  rows: Array<SummaryRow>;
  /** The printable table. */
  text: Scalars['String']['output'];
  /** All parameters, trainable and not. */
  totalParams: Scalars['Int']['output'];
  /** Parameters the optimiser updates (the length of θ). */
  trainableParams: Scalars['Int']['output'];
};

/** A model’s summary in torchsummary’s layout and numbers (MB = 2²⁰ bytes, float32, batch size 1). */
export type ModelSummaryTable = {
  __typename?: 'ModelSummaryTable';
  /** Estimated Total Size (MB): the sum of the three sizes. */
  estimatedTotalSizeMb: Scalars['Float']['output'];
  /** Forward/backward pass size (MB): 2 × Σ ∏ output × 4 B (torchsummary doubles the activations for their gradients). */
  forwardBackwardSizeMb: Scalars['Float']['output'];
  /** The run groups that train this model. */
  groups: Array<Scalars['String']['output']>;
  /** Input size (MB): ∏ input × 4 B. */
  inputSizeMb: Scalars['Float']['output'];
  /** The model’s name, e.g. `cnn-shallow`. */
  model: Scalars['String']['output'];
  /** Non-trainable params (batch-norm statistics are buffers, as in PyTorch: 0). */
  nonTrainableParams: Scalars['Int']['output'];
  /** Params size (MB): total params × 4 B. */
  paramsSizeMb: Scalars['Float']['output'];
  /** `Layer (type) | Output Shape | Param #`, in order. */
  rows: Array<TorchSummaryRow>;
  /** The table as torchsummary prints it, byte for byte (sizes rounded as Python’s %0.2f). */
  text: Scalars['String']['output'];
  /** Total params. */
  totalParams: Scalars['Int']['output'];
  /** Trainable params (every Saddle parameter is trainable). */
  trainableParams: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Queues an analysis of a run at its final weights (a trained run, or one logged with save_model) as a job on the workers: HESSIAN, LANDSCAPE, SENSITIVITY or SHARPNESS (INTERPOLATION takes two runs: analyzeRuns). Follow it with runAnalysisEvents(id) or poll runAnalysis(id); cancelRunAnalysis stops it. */
  analyzeRun: RunAnalysis;
  /** Queues an analysis of two runs’ final weights as a job on the workers: INTERPOLATION, the loss along (1 − α)·θ₁ + α·θ₂. The runs must share a model (and, when trained by Saddle, their data and loss unless options.x/y/loss are given); the error names the field that differs. Stored on both runs. */
  analyzeRuns: RunAnalysis;
  /** Cancels every run that has not ended; the experiment ends CANCELLED with no analysis (cancelRun on one run leaves the others’ figures to be drawn). */
  cancelExperiment: Experiment;
  /** A QUEUED run is cancelled at once; a RUNNING one stops within a step. Its experiment’s other runs go on, and its analyses still draw what they allow (cancelExperiment stops it all). */
  cancelRun: Run;
  /** A QUEUED analysis never runs; a RUNNING one is marked CANCELLED at once, its worker stops at its next chunk and stores nothing. An ended one is returned unchanged. */
  cancelRunAnalysis: RunAnalysis;
  /** Cancels every experiment of the suite that has not ended. */
  cancelSuite: Suite;
  /** Starts an external run (status RUNNING) that a script logs metrics to, like wandb.init. */
  createRun: Run;
  /** Cancels what still runs and removes everything of the experiment; returns its id. */
  deleteExperiment: Scalars['ID']['output'];
  /** Ends an external run as SUCCEEDED, FAILED, CANCELLED or DIVERGED. Repeating the same call is harmless. */
  finishRun: Run;
  /** A logged run’s script is alive but quiet (a long evaluation): postpones its CRASHED verdict. Any logMetrics, setSummary or upload counts too. A run that is not RUNNING is refused (CONFLICT): resumeRun it. */
  heartbeat: Run;
  /** Validates, stores the experiment and its runs as QUEUED, and queues one job per run. */
  launchExperiment: Experiment;
  /** Launches every preset of the suite (default `hw1`) at the scale as its own experiment, and groups them; its report is Query.report(id). */
  launchSuite: Suite;
  /** Appends a batch of points to an external run that is RUNNING (at most 10,000 points, as `points`, `series` or both). Idempotent per (run, key, step): resending a batch changes nothing. A finished run answers CONFLICT (resume it first); a wall time in seconds answers BAD_USER_INPUT. Non-finite values are "NaN", "Infinity", "-Infinity" and mark the run diverged (`Run.divergedAtStep`). */
  logMetrics: LogMetricsResult;
  /** Imports the SADDLE_PRESET_MODULES again (a changed file anew) without restarting the server, and answers the catalogue. A module that fails to load, or a preset that takes a built-in or another module’s id, is an error and the catalogue stays as it was. Workers reload before analysing a module preset’s experiment. `kill -HUP` of `saddle serve` does the same. */
  reloadPresets: Array<Preset>;
  /** Removes a registered dataset and its files; runs that trained on it keep their results. Returns what was removed. */
  removeDataset: Dataset;
  /** Renames the experiment; the name is trimmed and must be 1–200 characters (BAD_USER_INPUT on `name` otherwise). */
  renameExperiment: Experiment;
  /** Launches the experiment’s launchInput again as a new experiment (the same preset, scale, data and overrides, or spec, sweep and seeds), with its tags; validated as launchExperiment is. Runs logged by scripts cannot be re-run (BAD_USER_INPUT). */
  rerunExperiment: Experiment;
  /** Makes a CRASHED (or ended) logged run RUNNING again, e.g. when its script restarts: logging, heartbeats and finishRun work again; its error and finishedAt are cleared. A RUNNING run is returned as it is. */
  resumeRun: Run;
  /** Replaces the experiment’s notes. */
  setNotes: Experiment;
  /** Sets a report section’s Markdown note (an empty one removes it), stored with the suite or experiment. */
  setReportNote: ReportNote;
  /** Merges values into a logged run’s summary (Run.summaryValues, like wandb’s run.summary): each key given replaces its value, a key given as null is removed. Allowed after the run ended. At most 256 KiB of JSON. */
  setSummary: Run;
  /** Replaces the experiment’s tags. */
  tagExperiment: Experiment;
};


export type MutationAnalyzeRunArgs = {
  kind: RunAnalysisKind;
  options?: InputMaybe<RunAnalysisOptionsInput>;
  runId: Scalars['ID']['input'];
};


export type MutationAnalyzeRunsArgs = {
  kind: RunAnalysisKind;
  options?: InputMaybe<RunAnalysisOptionsInput>;
  runIds: Array<Scalars['ID']['input']>;
};


export type MutationCancelExperimentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCancelRunArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCancelRunAnalysisArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCancelSuiteArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateRunArgs = {
  input: CreateRunInput;
};


export type MutationDeleteExperimentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationFinishRunArgs = {
  error?: InputMaybe<Scalars['String']['input']>;
  runId: Scalars['ID']['input'];
  status: RunStatus;
};


export type MutationHeartbeatArgs = {
  runId: Scalars['ID']['input'];
};


export type MutationLaunchExperimentArgs = {
  input: LaunchExperimentInput;
};


export type MutationLaunchSuiteArgs = {
  input: LaunchSuiteInput;
};


export type MutationLogMetricsArgs = {
  points?: InputMaybe<Array<MetricPointInput>>;
  runId: Scalars['ID']['input'];
  series?: InputMaybe<Array<MetricSeriesInput>>;
};


export type MutationRemoveDatasetArgs = {
  name: Scalars['String']['input'];
};


export type MutationRenameExperimentArgs = {
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};


export type MutationRerunExperimentArgs = {
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
};


export type MutationResumeRunArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetNotesArgs = {
  id: Scalars['ID']['input'];
  notes: Scalars['String']['input'];
};


export type MutationSetReportNoteArgs = {
  markdown: Scalars['String']['input'];
  reportId: Scalars['ID']['input'];
  sectionKey: Scalars['String']['input'];
};


export type MutationSetSummaryArgs = {
  runId: Scalars['ID']['input'];
  summary: Scalars['JSONObject']['input'];
};


export type MutationTagExperimentArgs = {
  id: Scalars['ID']['input'];
  tags: Array<Scalars['String']['input']>;
};

/** Where a page of a connection sits in the whole list. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** A point of a trajectory, with the loss and accuracy there when known. */
export type PathPoint = {
  __typename?: 'PathPoint';
  /** The training accuracy at the snapshot, when known. */
  accuracy?: Maybe<Scalars['Float']['output']>;
  /** The epoch of the snapshot. */
  epoch?: Maybe<Scalars['Float']['output']>;
  /** The training loss at the snapshot, when known. */
  loss?: Maybe<Scalars['Float']['output']>;
  /** Coordinate along the first plotted component; null where not finite. */
  x?: Maybe<Scalars['Float']['output']>;
  /** Coordinate along the second plotted component; null where not finite. */
  y?: Maybe<Scalars['Float']['output']>;
};

/** One choice of a PATHS figure: the whole model or one layer. */
export type PathView = {
  __typename?: 'PathView';
  /** The view’s id, e.g. `whole` or a layer’s name (`saddle figure --view`). */
  id: Scalars['String']['output'];
  /** The view’s name as shown in the switcher. */
  label: Scalars['String']['output'];
  /** The trajectories in this view’s projection. */
  paths: Array<FigurePath>;
};

/** Trajectories in a 2-D projection, e.g. PCA of weight snapshots (kind PATHS). */
export type PathsFigure = {
  __typename?: 'PathsFigure';
  /** Fraction of variance along each plotted axis. */
  explainedVariance: Array<Scalars['Float']['output']>;
  /** The whole model, then each layer. */
  views: Array<PathView>;
  /** The first plotted component. */
  x: FigureAxis;
  /** The second plotted component. */
  y: FigureAxis;
};

/** An experiment of the catalogue (HW1): a sweep of runs plus the analyses that turn them into figures. */
export type Preset = {
  __typename?: 'Preset';
  /** The runs a launch at this scale (with no overrides) creates, with their complete specs. */
  defaultRuns: Array<PresetRunSpec>;
  /** What it runs and what it shows, in a few sentences. */
  description: Scalars['String']['output'];
  /** How long a launch at this scale (no overrides) is expected to take: measured on this server when it has run it, else the reference machine’s time. Null for a custom preset never run here. */
  expectedTime?: Maybe<ExpectedTime>;
  /** The figures it draws, live and after its analyses. */
  figures: Array<FigureSpec>;
  /** The id to launch it by, e.g. `fit-function`. */
  id: Scalars['String']['output'];
  /** Its options beyond RunSpec paths, with their defaults per scale. */
  knobs: Array<PresetKnob>;
  /** A short title. */
  title: Scalars['String']['output'];
};


/** An experiment of the catalogue (HW1): a sweep of runs plus the analyses that turn them into figures. */
export type PresetDefaultRunsArgs = {
  scale: Scale;
};


/** An experiment of the catalogue (HW1): a sweep of runs plus the analyses that turn them into figures. */
export type PresetExpectedTimeArgs = {
  scale: Scale;
};

/** A preset option beyond RunSpec paths, with its default at each scale. */
export type PresetKnob = {
  __typename?: 'PresetKnob';
  /** What the knob changes, in words. */
  description: Scalars['String']['output'];
  /** Default at FULL scale. */
  full: Scalars['JSON']['output'];
  /** The knob’s name, as an `overrides` key (e.g. `runs`, `epochs`). */
  key: Scalars['String']['output'];
  /** Default at QUICK scale. */
  quick: Scalars['JSON']['output'];
  /** Default at STANDARD scale. */
  standard: Scalars['JSON']['output'];
};

/** One run of a preset’s sweep, with its complete spec. */
export type PresetRunSpec = {
  __typename?: 'PresetRunSpec';
  /** The values it is filtered and grouped by. */
  config: Scalars['JSONObject']['output'];
  /** The curve family it is drawn in. */
  group: Scalars['String']['output'];
  /** The run’s key within the experiment, e.g. `mlp-deep/sinc5`. */
  key: Scalars['String']['output'];
  /** The complete engine RunSpec it trains. */
  spec: Scalars['JSONObject']['output'];
};

/** A project: a named group of experiments (createRun’s `project`). Filter experiments by it with `experiments(filter: { project })`. */
export type Project = {
  __typename?: 'Project';
  /** Experiments in the project. */
  experimentCount: Scalars['Int']['output'];
  /** When its newest experiment was created. */
  lastCreatedAt: Scalars['DateTimeISO']['output'];
  /** The project’s name, as scripts give it. */
  name: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** One registered dataset; null when no dataset has that name. */
  dataset?: Maybe<Dataset>;
  /** Every registered dataset, by name, with its shape and class counts. Register one with `saddle data add NAME FILE` or `POST /datasets/:name`. */
  datasets: Array<Dataset>;
  /** The compute backend in use and versions. */
  engine: EngineInfo;
  /** null when no experiment has this id. */
  experiment?: Maybe<Experiment>;
  /** Newest first, with cursors; filter by status, preset, tag or text. */
  experiments: ExperimentConnection;
  /** The model zoo: every model a spec, an override or a sweep may name, in the engine’s order. */
  modelZoo: Array<ZooModel>;
  /** The catalogue of runnable experiments. */
  presets: Array<Preset>;
  /** Every project that has experiments, the most recently used first. */
  projects: Array<Project>;
  /** The report of a suite or of one experiment, assembled from live data; null when neither has this id. */
  report?: Maybe<Report>;
  /** null when no run has this id. */
  run?: Maybe<Run>;
  /** A run analysis by id; null when none has it. */
  runAnalysis?: Maybe<RunAnalysis>;
  /** Runs across every experiment, filtered by config paths, final metrics, status, tags, preset, experiment, origin, project, text and creation time, in any order (default newest first), a page at a time. */
  runs: RunConnection;
  /** The runs with these ids, in the order asked (an id asked twice is answered once); ids no run has are left out. At most 500 ids. Ask for their series in the same request with `metrics(keys: [...], maxPoints: <the chart’s width in px × 2>)`: the cost limit prices each run’s series. */
  runsById: Array<Run>;
  /** null when no suite has this id. */
  suite?: Maybe<Suite>;
  /** Suites, newest first. */
  suites: Array<Suite>;
  /** What the caller’s token allows (the dashboard shows read-only views for a READ token). */
  viewer: Viewer;
};


export type QueryDatasetArgs = {
  name: Scalars['String']['input'];
};


export type QueryExperimentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryExperimentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ExperimentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryReportArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRunArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRunAnalysisArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<RunFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<RunOrder>>;
};


export type QueryRunsByIdArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type QuerySuiteArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySuitesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A report written from live data: a suite’s (every HW1 question, in HW1’s order) or one experiment’s. */
export type Report = {
  __typename?: 'Report';
  /** When the suite or experiment was launched. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** The export downloads. */
  downloads: ReportDownloads;
  /** The suite’s or the experiment’s id. */
  id: Scalars['ID']['output'];
  /** True while any section is running; poll (or follow its experiments’ events) until false. */
  running: Scalars['Boolean']['output'];
  /** `quick`, `standard` or `full`. */
  scale?: Maybe<Scalars['String']['output']>;
  /** In HW1’s order: HW1-1, HW1-2, HW1-3. */
  sections: Array<ReportSection>;
  /** SUITE or EXPERIMENT. */
  subject: ReportSubject;
  /** e.g. `HW1 report (quick)`, or the experiment’s name. */
  title: Scalars['String']['output'];
};

/** Where to download a report’s exports: paths on the API’s origin, GET with the same bearer token as /graphql. */
export type ReportDownloads = {
  __typename?: 'ReportDownloads';
  /** One self-contained HTML file, figures inlined as SVG. */
  html: Scalars['String']['output'];
  /** A zip: report.md with its figures as SVG and PNG files beside it (relative links). */
  markdownZip: Scalars['String']['output'];
  /** The HTML printed to PDF by Chromium (503 with how to install one when the server has none). */
  pdf: Scalars['String']['output'];
};

/** A figure of a section: draw it from the experiment’s data (`Experiment.analyses` by id, or the metric series for METRIC_LINES). */
export type ReportFigure = {
  __typename?: 'ReportFigure';
  /** The experiment that holds it. */
  experimentId: Scalars['ID']['output'];
  /** The figure’s id within the experiment (a preset FigureSpec id or an analysis Figure id). */
  figureId: Scalars['String']['output'];
  /** How it is drawn; METRIC_LINES from the runs’ metric series. */
  kind: FigureKind;
  /** Its title. */
  title: Scalars['String']['output'];
};

/** A report section’s note as stored. */
export type ReportNote = {
  __typename?: 'ReportNote';
  /** Rendered and sanitised HTML. */
  html: Scalars['String']['output'];
  /** Markdown source. */
  markdown: Scalars['String']['output'];
  /** The report (suite or experiment id). */
  reportId: Scalars['ID']['output'];
  /** The section’s key. */
  sectionKey: Scalars['String']['output'];
};

/** One HW1 question of a report: question, setup, models, figures, claim with verdicts, and an editable note. */
export type ReportSection = {
  __typename?: 'ReportSection';
  /** The claim HW1 makes, in one sentence; `verdicts` test its parts. */
  claim: Scalars['String']['output'];
  /** The experiment behind the section; null when the suite has none for it. */
  experimentId?: Maybe<Scalars['ID']['output']>;
  /** That experiment’s name. */
  experimentName?: Maybe<Scalars['String']['output']>;
  /** Its figures: the preset’s metric figures, then the stored analysis figures. */
  figures: Array<ReportFigure>;
  /** Stable key, the address of its note, e.g. `hw1-1-simulate-function`. */
  key: Scalars['String']['output'];
  /** One torchsummary table per distinct model (known once a run has started). */
  models: Array<ModelSummaryTable>;
  /** The section’s note, Markdown source (`` when none). */
  note: Scalars['String']['output'];
  /** The note rendered to HTML and sanitised (no scripts, event handlers or javascript: links): safe to insert. */
  noteHtml: Scalars['String']['output'];
  /** `HW1-1`, `HW1-2` or `HW1-3`; empty for a custom experiment. */
  part: Scalars['String']['output'];
  /** The question HW1 asks, in one sentence. */
  question: Scalars['String']['output'];
  /** True while its experiment is queued, running or analysing: figures and verdicts will change. */
  running: Scalars['Boolean']['output'];
  /** null when the runs have no specs (logged by scripts) or there is no experiment. */
  setup?: Maybe<ReportSetup>;
  /** That experiment’s status. */
  status?: Maybe<ExperimentStatus>;
  /** The section’s title. */
  title: Scalars['String']['output'];
  /** The verdicts on the claim, from the stored data (UNDECIDED while too little is stored). */
  verdicts: Array<ReportVerdict>;
};

/** The data, optimiser, batch size, epochs, seeds and scale of a section’s runs, read from their effective specs. */
export type ReportSetup = {
  __typename?: 'ReportSetup';
  /** Distinct batch sizes, ascending, joined by `, `. */
  batchSize: Scalars['String']['output'];
  /** What the runs train on, e.g. `MNIST, 8,000 train / 2,000 test`; distinct descriptions joined by `; `. */
  data: Scalars['String']['output'];
  /** Distinct epoch counts (or `N steps`), joined by `, `; notes a stop criterion when there is one. */
  epochs: Scalars['String']['output'];
  /** e.g. `Adam (lr 0.001)`; distinct ones joined by `; `. */
  optimizer: Scalars['String']['output'];
  /** Runs of the experiment. */
  runs: Scalars['Int']['output'];
  /** `quick`, `standard` or `full`; null for a raw spec. */
  scale?: Maybe<Scalars['String']['output']>;
  /** Distinct seeds over the runs: the independent trainings. */
  seeds: Scalars['Int']['output'];
};

/** What a report is about. */
export const ReportSubject = {
  /** One experiment: the section of its question (or one untitled section for a custom experiment). */
  EXPERIMENT: 'EXPERIMENT',
  /** A suite (the whole HW1 catalogue launched at once): one section per HW1 question. */
  SUITE: 'SUITE'
} as const;

export type ReportSubject = typeof ReportSubject[keyof typeof ReportSubject];
/** A verdict on one part of a section’s claim, computed from the stored data by the engine (never written by hand). */
export type ReportVerdict = {
  __typename?: 'ReportVerdict';
  /** The evidence with its numbers, e.g. `deep < shallow final train/loss in 2 of 5 seeds; median ratio 1.8`. */
  evidence: Scalars['String']['output'];
  /** True exactly when the verdict is HOLDS. */
  holds: Scalars['Boolean']['output'];
  /** Stable id, e.g. `fit-function/deep-beats-shallow/sinc5`. */
  id: Scalars['String']['output'];
  /** Independent trainings (seeds) the verdict rests on. */
  seeds: Scalars['Int']['output'];
  /** The claim this verdict is on, in one sentence. */
  statement: Scalars['String']['output'];
  /** HOLDS, DOES_NOT_HOLD, MIXED or UNDECIDED. */
  verdict: Verdict;
};

/** One training run: launched by Saddle (it has a spec) or logged by a script (external). */
export type Run = {
  __typename?: 'Run';
  /** Analyses asked for on this run (analyzeRun), newest first. */
  analyses: Array<RunAnalysis>;
  /** Its final weights, snapshots and uploaded files, each with its download URL (`GET /artifacts/runs/<id>/<name>`; scripts upload with `PUT` to the same URL). */
  artifacts: Array<RunArtifact>;
  /** Config values to filter or group by, flattened to dotted paths, e.g. { "model": "deep", "optimizer.lr": 0.01, "layers.0.units": 64 }. */
  config: Scalars['JSONObject']['output'];
  /** The first step whose loss or gradient was not finite (a DIVERGED run), or, for a logged run, the first step at which any series got a non-finite value ("NaN", "Infinity", "-Infinity"); null while none did. */
  divergedAtStep?: Maybe<Scalars['Int']['output']>;
  /** Why the run did not succeed. */
  error?: Maybe<Scalars['String']['output']>;
  /** Seconds left at the rate so far ((now − startedAt) × (1 − progress) / progress) while RUNNING; null while QUEUED, before any progress (a logged run reports none), and once it ended. */
  etaSeconds?: Maybe<Scalars['Float']['output']>;
  /** The experiment the run belongs to. */
  experiment: Experiment;
  /** The experiment the run belongs to. */
  experimentId: Scalars['ID']['output'];
  /** True for a run a script logs itself (createRun); false for one Saddle trains. */
  external: Scalars['Boolean']['output'];
  /** Saddle’s runs: the last evaluated metrics by key once the run ended; before, like logged runs. Logged runs: the value at the last stored step of each series, live (a non-finite one as "NaN", "Infinity" or "-Infinity"); {} before any point. */
  final?: Maybe<Scalars['JSONObject']['output']>;
  /** Runs of one group are one curve family in charts. */
  group: Scalars['String']['output'];
  /** The run’s id (`run`, `cancelRun`, `logMetrics`, …). */
  id: Scalars['ID']['output'];
  /** Unique within its experiment, e.g. `mlp-deep/sinc5`; an external run’s name. */
  key: Scalars['String']['output'];
  /** Names of the series this run has points for. */
  metricKeys: Array<Scalars['String']['output']>;
  /** Every point of one series, unsampled, a page at a time (default 1000, at most 10,000). */
  metricPage: MetricPage;
  /** Series downsampled to at most maxPoints points each (min and max per bucket, so spikes survive). Default: every key, 1000 points; at most 50 keys and 10,000 points. */
  metrics: Array<MetricSeries>;
  /** Fraction done in [0, 1]. */
  progress: Scalars['Float']['output'];
  /** Logged runs: the config exactly as the script sent it (nested JSON); null for Saddle’s runs (their `spec` is complete). */
  rawConfig?: Maybe<Scalars['JSONObject']['output']>;
  /** Starts after the first (when its process died and it was re-queued). */
  restarts: Scalars['Int']['output'];
  /** The complete engine RunSpec; null for an external run. */
  spec?: Maybe<Scalars['JSONObject']['output']>;
  /** Where the run is in its life (QUEUED → RUNNING → an end). */
  status: RunStatus;
  /** Saddle’s runs: optimiser steps taken once the run ended; before, the largest step stored. Logged runs: the largest step logged; null before any point. */
  steps?: Maybe<Scalars['Int']['output']>;
  /** The model’s layers and parameter counts, once a worker has built it; null for external runs. */
  summary?: Maybe<ModelSummary>;
  /** Logged runs: what the script set with setSummary (wandb’s run.summary), any JSON by key; null before it did. */
  summaryValues?: Maybe<Scalars['JSONObject']['output']>;
  /** When the run was created, started and ended. */
  timings: RunTimings;
  /** Where the final weights were taken; differs from `steps` and `final` after a zero-gradient phase. */
  weightsAt?: Maybe<RunWeightsAt>;
  /** Result of the zero-gradient phase: { converged, steps, gradNorm, loss }. */
  zeroGradient?: Maybe<Scalars['JSON']['output']>;
};


/** One training run: launched by Saddle (it has a spec) or logged by a script (external). */
export type RunMetricPageArgs = {
  afterStep?: InputMaybe<Scalars['Int']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  key: Scalars['String']['input'];
};


/** One training run: launched by Saddle (it has a spec) or logged by a script (external). */
export type RunMetricsArgs = {
  keys?: InputMaybe<Array<Scalars['String']['input']>>;
  maxPoints?: InputMaybe<Scalars['Int']['input']>;
};

/** An analysis asked for on a run (analyzeRun) or a pair (analyzeRuns), computed as a job on the workers; its figures are stored on the run (on both runs of a pair). */
export type RunAnalysis = {
  __typename?: 'RunAnalysis';
  /** When it was asked for. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Why it failed or that it was cancelled. */
  error?: Maybe<Scalars['String']['output']>;
  /** Its figures once SUCCEEDED: HESSIAN `hessian-spectrum` (SCATTER of eigenvalue by ascending rank); LANDSCAPE `landscape` (GRID, with the trajectory as its path on the PCA plane) or `landscape-1d` (LINES); SENSITIVITY `sensitivity` (HISTOGRAM of the per-example norms); SHARPNESS `sharpness` (LINES by ε); INTERPOLATION `interpolation-loss` and, for classifiers, `interpolation-accuracy` (LINES by α). */
  figures: Array<Figure>;
  /** When it ended. */
  finishedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** The analysis’ id (runAnalysis, cancelRunAnalysis). */
  id: Scalars['ID']['output'];
  /** Which analysis. */
  kind: RunAnalysisKind;
  /** The options as given (x and y left out). */
  options: Scalars['JSONObject']['output'];
  /** INTERPOLATION: the second run (α = 1); null for one run’s analysis. */
  otherRunId?: Maybe<Scalars['ID']['output']>;
  /** From 0 to 1 while it runs. */
  progress: Scalars['Float']['output'];
  /** The analysed run (the first, α = 0, of an INTERPOLATION). */
  runId: Scalars['ID']['output'];
  /** Where it is. */
  status: RunAnalysisStatus;
  /** The numbers behind the figures once SUCCEEDED. HESSIAN: { method, numParams, loss, trace, and eigenvalues (EXACT, ascending) or top, bottom, traceStandardError (LANCZOS) }. LANDSCAPE: { plane, dims, resolution, span, centerLoss, xs, ys (2-D), loss (list or grid loss[j][i] at (xs[i], ys[j])), min, max, directionNorms }. SENSITIVITY: { output, withRespectTo, meanFrobeniusNorm, std, standardError, samples, outputSize }. SHARPNESS: { epsilon, sharpness, loss, maxLoss, converged, steps, radii: [{ epsilon, sharpness, maxLoss, converged, steps }] }. INTERPOLATION: { alphas, loss, accuracy (classifiers), lossAtFirst (α = 0), lossAtSecond (α = 1), barrier }. */
  summary?: Maybe<Scalars['JSONObject']['output']>;
};

/** A change of a run analysis’ status or progress (runAnalysisEvents). */
export type RunAnalysisEvent = {
  __typename?: 'RunAnalysisEvent';
  /** The analysis. */
  analysisId: Scalars['ID']['output'];
  /** Why it failed, or `cancelled`. */
  error?: Maybe<Scalars['String']['output']>;
  /** The second run of an INTERPOLATION. */
  otherRunId?: Maybe<Scalars['ID']['output']>;
  /** The fraction done, in [0, 1]. */
  progress: Scalars['Float']['output'];
  /** The analysed run (the first of a pair). */
  runId: Scalars['ID']['output'];
  /** Where it is now. */
  status: RunAnalysisStatus;
};

/** An analysis at a run’s final weights (analyzeRun), or between two runs’ (INTERPOLATION, analyzeRuns). */
export const RunAnalysisKind = {
  /** The Hessian spectrum of the loss: every eigenvalue (exact) for small nets, Lanczos top/bottom-k and a Hutchinson trace for large ones. */
  HESSIAN: 'HESSIAN',
  /** Two runs only (analyzeRuns): the loss along (1 − α)·θ₁ + α·θ₂ between their final weights; the runs must share a model. */
  INTERPOLATION: 'INTERPOLATION',
  /** The loss on a line or plane through the final weights (`dims`), along random filter-normalised directions or the trajectory’s top PCA directions (`plane`), on a `resolution`-point grid over [−span, span]. */
  LANDSCAPE: 'LANDSCAPE',
  /** Input sensitivity: ‖∂f/∂x‖_F of the outputs (softmax for cross-entropy, raw for MSE) per example, its mean and histogram. */
  SENSITIVITY: 'SENSITIVITY',
  /** Keskar et al.’s ε-sharpness 100·(max L(θ+δ) − L(θ))/(1 + L(θ)) over the box |δᵢ| ≤ ε(|θᵢ|+1), at 0, ε/4, ε/2 and ε. */
  SHARPNESS: 'SHARPNESS'
} as const;

export type RunAnalysisKind = typeof RunAnalysisKind[keyof typeof RunAnalysisKind];
/** Options of a run analysis. A run logged from a script needs `x`, `y` and `loss` (Saddle never saw its data); a trained run uses its own training data unless they are given. */
export type RunAnalysisOptionsInput = {
  /** INTERPOLATION: the last α. Default 1.5. */
  alphaMax?: InputMaybe<Scalars['Float']['input']>;
  /** INTERPOLATION: the first α. Default −0.5. */
  alphaMin?: InputMaybe<Scalars['Float']['input']>;
  /** HESSIAN with LANCZOS: smallest eigenvalues wanted. Default 3. */
  bottomK?: InputMaybe<Scalars['Int']['input']>;
  /** LANDSCAPE: 1 (a line) or 2 (a plane). Default 2. */
  dims?: InputMaybe<Scalars['Int']['input']>;
  /** SHARPNESS: the box half-width ε (relative to |θᵢ| + 1; 0 gives 0). Default 0.001. */
  epsilon?: InputMaybe<Scalars['Float']['input']>;
  /** Training examples the loss averages over (the first n). Default all. */
  examples?: InputMaybe<Scalars['Int']['input']>;
  /** The loss; required for a logged run, a trained run’s own by default. */
  loss?: InputMaybe<AnalysisLoss>;
  /** HESSIAN with AUTO: parameters at most for the exact Hessian. Default 2000. */
  maxExactParams?: InputMaybe<Scalars['Int']['input']>;
  /** SHARPNESS: ascent steps at most per radius. Default 100. */
  maxSteps?: InputMaybe<Scalars['Int']['input']>;
  /** HESSIAN: how to compute the spectrum. Default AUTO. */
  method?: InputMaybe<HessianMethod>;
  /** SENSITIVITY: what is differentiated. Default SOFTMAX for cross-entropy, LOGITS for MSE. */
  output?: InputMaybe<SensitivityOutput>;
  /** LANDSCAPE: the plane’s directions. Default RANDOM. */
  plane?: InputMaybe<LandscapePlane>;
  /** INTERPOLATION: α values evenly spaced over [alphaMin, alphaMax] (0 and 1 are always added). Default 21. */
  points?: InputMaybe<Scalars['Int']['input']>;
  /** LANDSCAPE: points per axis (≥ 2; odd puts the weights on the grid). Default 21 (2-D) or 41 (1-D). */
  resolution?: InputMaybe<Scalars['Int']['input']>;
  /** Seed of Lanczos’ start vector and Hutchinson’s probes (HESSIAN), of the random directions (LANDSCAPE with RANDOM). Default 0. */
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** LANDSCAPE: each axis spans [−span, span] in units of the directions. Default 1. */
  span?: InputMaybe<Scalars['Float']['input']>;
  /** HESSIAN with LANCZOS: largest eigenvalues wanted. Default 10. */
  topK?: InputMaybe<Scalars['Int']['input']>;
  /** The examples’ inputs, row-major [n, ...inputShape] with channels last (Saddle’s layout; save_model’s model.json has inputShape). */
  x?: InputMaybe<Scalars['NumberList']['input']>;
  /** One target (MSE, one output) or class index (CROSS_ENTROPY) per example. */
  y?: InputMaybe<Scalars['NumberList']['input']>;
};

/** Where a run analysis is. */
export const RunAnalysisStatus = {
  /** Cancelled on request: it never ran, or what it computed was dropped. */
  CANCELLED: 'CANCELLED',
  /** It raised an error; `error` holds it. */
  FAILED: 'FAILED',
  /** Waiting for a worker. */
  QUEUED: 'QUEUED',
  /** A worker is computing it; `progress` says how far. */
  RUNNING: 'RUNNING',
  /** Its figures and summary are stored. */
  SUCCEEDED: 'SUCCEEDED'
} as const;

export type RunAnalysisStatus = typeof RunAnalysisStatus[keyof typeof RunAnalysisStatus];
/** A file of a run: its weights, a snapshot, or a file its script uploaded. Download it with `GET <server origin><url>` (with the same token as GraphQL). */
export type RunArtifact = {
  __typename?: 'RunArtifact';
  /** The Content-Type it is served with (as uploaded; application/octet-stream for weights). */
  contentType: Scalars['String']['output'];
  /** When it was stored. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** For weights and snapshots: the epoch they were taken at. */
  epoch?: Maybe<Scalars['Float']['output']>;
  /** Weights, a snapshot or another file. */
  kind: ArtifactKind;
  /** `weights`, `snapshot-<step>` or the uploaded name; the last part of `url`. */
  name: Scalars['String']['output'];
  /** sha256 of the bytes, hex, for uploaded files; null for weights. */
  sha256?: Maybe<Scalars['String']['output']>;
  /** Size in bytes. */
  size: Scalars['Float']['output'];
  /** For weights and snapshots: float32 values of the non-trainable state that follow θ (0 without batch norm). */
  stateLength?: Maybe<Scalars['Int']['output']>;
  /** For weights and snapshots: the step they were taken at. */
  step?: Maybe<Scalars['Int']['output']>;
  /** For weights and snapshots: float32 values of θ (the trainable parameters), first in the file. */
  thetaLength?: Maybe<Scalars['Int']['output']>;
  /** Where to download it, relative to the server’s origin: `/artifacts/runs/<runId>/<name>`. */
  url: Scalars['String']['output'];
};

/** A page of runs across experiments, in the order asked for. */
export type RunConnection = {
  __typename?: 'RunConnection';
  /** The runs of this page. */
  edges: Array<RunEdge>;
  /** Whether another page follows, and its cursor. */
  pageInfo: PageInfo;
  /** Runs matching the filter, over all pages (counted only when asked for). */
  totalCount: Scalars['Int']['output'];
};

/** Counts of an experiment’s runs by status. */
export type RunCounts = {
  __typename?: 'RunCounts';
  /** CANCELLED runs. */
  cancelled: Scalars['Int']['output'];
  /** CRASHED runs (logged runs whose script went silent). */
  crashed: Scalars['Int']['output'];
  /** DIVERGED runs. */
  diverged: Scalars['Int']['output'];
  /** FAILED runs. */
  failed: Scalars['Int']['output'];
  /** QUEUED runs. */
  queued: Scalars['Int']['output'];
  /** RUNNING runs. */
  running: Scalars['Int']['output'];
  /** SUCCEEDED runs. */
  succeeded: Scalars['Int']['output'];
  /** All runs. */
  total: Scalars['Int']['output'];
};

/** A run of a Query.runs page with its cursor. */
export type RunEdge = {
  __typename?: 'RunEdge';
  /** Pass as `after` to continue after this run. */
  cursor: Scalars['String']['output'];
  /** The run. */
  node: Run;
};

/** Something that happened to a run: new metric points (batched), a status change, progress, its model summary. */
export type RunEvent = {
  __typename?: 'RunEvent';
  /** STATUS: why the run did not succeed, when it did not. */
  error?: Maybe<Scalars['String']['output']>;
  /** The run’s experiment. */
  experimentId: Scalars['ID']['output'];
  /** METRICS: the batch, exactly as stored. */
  points?: Maybe<Array<KeyedMetricPoint>>;
  /** PROGRESS: the fraction done, in [0, 1]. */
  progress?: Maybe<Scalars['Float']['output']>;
  /** The run. */
  runId: Scalars['ID']['output'];
  /** STATUS: the run’s new status. */
  status?: Maybe<RunStatus>;
  /** What happened; says which of the other fields are set. */
  type: RunEventType;
};

/** What a RunEvent carries. */
export const RunEventType = {
  /** New points (`points`). */
  METRICS: 'METRICS',
  /** Training progress changed (`progress`, 0…1). */
  PROGRESS: 'PROGRESS',
  /** The run restarted (its worker died): points after its last checkpoint were dropped and come again. Reload its series. */
  SERIES_RESET: 'SERIES_RESET',
  /** The run’s status changed (`status`, and `error` when it failed). */
  STATUS: 'STATUS',
  /** The model summary is now known (query the run’s `modelSummary`). */
  SUMMARY: 'SUMMARY'
} as const;

export type RunEventType = typeof RunEventType[keyof typeof RunEventType];
/** Which runs to list, across every experiment; every field given must match. */
export type RunFilter = {
  /** Conditions on config paths; all must hold. */
  config?: InputMaybe<Array<ConfigCondition>>;
  /** Created after this instant. */
  createdAfter?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** Created before this instant. */
  createdBefore?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** The run belongs to this experiment (its id). */
  experiment?: InputMaybe<Scalars['String']['input']>;
  /** Conditions on final metrics; all must hold. */
  final?: InputMaybe<Array<FinalCondition>>;
  /** How the run’s experiment came to be. */
  origin?: InputMaybe<ExperimentOrigin>;
  /** The run’s experiment was launched from this preset id. */
  preset?: InputMaybe<Scalars['String']['input']>;
  /** The run’s experiment is in this project. */
  project?: InputMaybe<Scalars['String']['input']>;
  /** Any of these statuses. */
  status?: InputMaybe<Array<RunStatus>>;
  /** The run’s experiment has every one of these tags. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Case-insensitive substring of the run’s key or its experiment’s name. */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** One sort key of Query.runs. */
export type RunOrder = {
  /** Default ASC. */
  direction?: InputMaybe<SortDirection>;
  /** `createdAt`, `finishedAt`, `key`, `status`, `experiment` (its name), `config.<path>` (e.g. `config.optimizer.lr`) or `final.<key>` (e.g. `final.test/loss`). */
  field: Scalars['String']['input'];
};

/** QUEUED → RUNNING → one of SUCCEEDED, FAILED (with a reason), CANCELLED, DIVERGED (loss or gradient not finite); a logged run whose script went silent becomes CRASHED (resumeRun continues it). */
export const RunStatus = {
  /** Stopped on request (cancelRun, cancelExperiment, Ctrl-C in `saddle run`); its points are kept. */
  CANCELLED: 'CANCELLED',
  /** A logged run whose script sent nothing (no logMetrics, heartbeat, setSummary or upload) for SADDLE_HEARTBEAT_TIMEOUT_S (default 300 s), also while the API was down: the script died or lost the server. resumeRun makes it RUNNING again; finishRun still ends it. */
  CRASHED: 'CRASHED',
  /** Training stopped because the loss or the gradient norm was not finite. */
  DIVERGED: 'DIVERGED',
  /** Ended with an error; `error` says why. */
  FAILED: 'FAILED',
  /** Stored and waiting for a worker (or, for a logged run, never: logged runs start RUNNING). */
  QUEUED: 'QUEUED',
  /** A worker is training it, or a script is logging into it. */
  RUNNING: 'RUNNING',
  /** Ended normally: training finished, or the script called finishRun(status: SUCCEEDED). */
  SUCCEEDED: 'SUCCEEDED'
} as const;

export type RunStatus = typeof RunStatus[keyof typeof RunStatus];
/** When a run was created, started and ended. */
export type RunTimings = {
  __typename?: 'RunTimings';
  /** When the run was stored (launched, or created by a script). */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Training time reported by the engine, or finishedAt − startedAt for external runs. */
  durationMs?: Maybe<Scalars['Float']['output']>;
  /** When it ended; null while QUEUED or RUNNING. */
  finishedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Logged runs: when the script was last heard from (any logMetrics, heartbeat, setSummary or upload); null for Saddle’s runs. */
  lastHeartbeatAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** When a worker (or the script) started it; null while QUEUED. */
  startedAt?: Maybe<Scalars['DateTimeISO']['output']>;
};

/** Where a run’s final weights were taken: after a zero-gradient phase, its best point (training steps + phase steps), with L and ‖∇L‖ there. */
export type RunWeightsAt = {
  __typename?: 'RunWeightsAt';
  /** The training epoch reached when the weights were taken. */
  epoch: Scalars['Float']['output'];
  /** Full-training-set ‖∇L‖ at these weights, when known (after a zero-gradient phase). */
  gradNorm?: Maybe<Scalars['Float']['output']>;
  /** Full-training-set loss at these weights, when known. */
  loss?: Maybe<Scalars['Float']['output']>;
  /** The step the weights were taken at (training steps plus zero-gradient phase steps). */
  step: Scalars['Int']['output'];
};

/** How big a preset runs: QUICK, STANDARD or FULL. */
export const Scale = {
  /** The original HW1 experiment’s size (hours). */
  FULL: 'FULL',
  /** Minutes for the whole catalogue on two cores (CI, trying things); shows every figure, decides nothing. */
  QUICK: 'QUICK',
  /** About an hour for the whole catalogue on two cores, with the seeds and training that decide each HW1 finding. */
  STANDARD: 'STANDARD'
} as const;

export type Scale = typeof Scale[keyof typeof Scale];
/** Points over two axes (kind SCATTER). */
export type ScatterFigure = {
  __typename?: 'ScatterFigure';
  /** The points. */
  points: Array<ScatterPoint>;
  /** Definitions of y the viewer can switch between. */
  views?: Maybe<Array<ScatterView>>;
  /** The x axis. */
  x: FigureAxis;
  /** The y axis (of the first view). */
  y: FigureAxis;
};

/** One point of a scatter (per run, or per sample). */
export type ScatterPoint = {
  __typename?: 'ScatterPoint';
  /** The point’s family (one colour per group). */
  group?: Maybe<Scalars['String']['output']>;
  /** A label shown on hover. */
  label?: Maybe<Scalars['String']['output']>;
  /** Drawn highlighted (e.g. a zero-gradient point that did not converge). */
  marked?: Maybe<Scalars['Boolean']['output']>;
  /** Extra values per point, e.g. eigenvalues. */
  meta?: Maybe<Scalars['JSONObject']['output']>;
  /** The run the point comes from. */
  runKey?: Maybe<Scalars['String']['output']>;
  /** The x value; null where not finite. */
  x?: Maybe<Scalars['Float']['output']>;
  /** The y value; null where not finite. */
  y?: Maybe<Scalars['Float']['output']>;
};

/** Another definition of a SCATTER figure’s y: every point’s meta[metaKey]. The first view is the one y shows. */
export type ScatterView = {
  __typename?: 'ScatterView';
  /** The view’s id (`saddle figure --view`). */
  id: Scalars['String']['output'];
  /** The view’s name as shown in the switcher. */
  label: Scalars['String']['output'];
  /** The key of every point’s `meta` that is y in this view. */
  metaKey: Scalars['String']['output'];
  /** The y axis in this view. */
  y: FigureAxis;
};

/** What a SENSITIVITY differentiates. */
export const SensitivityOutput = {
  /** The raw outputs. */
  LOGITS: 'LOGITS',
  /** The softmax probabilities (Novak et al. 2018). */
  SOFTMAX: 'SOFTMAX'
} as const;

export type SensitivityOutput = typeof SensitivityOutput[keyof typeof SensitivityOutput];
/** Ascending or descending; runs without the value come last either way. */
export const SortDirection = {
  /** Smallest (or earliest, or A) first. */
  ASC: 'ASC',
  /** Largest (or latest, or Z) first. */
  DESC: 'DESC'
} as const;

export type SortDirection = typeof SortDirection[keyof typeof SortDirection];
export type Subscription = {
  __typename?: 'Subscription';
  /** Live events of one experiment: metric batches of its runs, status and progress changes, analysis results. Completes after the event that ends the experiment (at once when it has already ended); an unknown experimentId is a NOT_FOUND error. */
  experimentEvents: ExperimentEvent;
  /** Live status and progress of one run analysis: RUNNING when a worker takes it, its progress while it computes (a few times a second at most), then the event that ends it (SUCCEEDED, FAILED or CANCELLED), after which the stream completes (at once when it has already ended). An unknown id is a NOT_FOUND error. */
  runAnalysisEvents: RunAnalysisEvent;
  /** Live events of one run: metric batches (exactly as stored), status, progress, model summary. Completes after the event that ends the run (at once when it has already ended); an unknown runId is a NOT_FOUND error. */
  runEvents: RunEvent;
};


export type SubscriptionExperimentEventsArgs = {
  experimentId: Scalars['ID']['input'];
};


export type SubscriptionRunAnalysisEventsArgs = {
  id: Scalars['ID']['input'];
};


export type SubscriptionRunEventsArgs = {
  runId: Scalars['ID']['input'];
};

/** One launch of a whole catalogue (`saddle run hw1`): its experiments in report order, with overall progress and ETA. */
export type Suite = {
  __typename?: 'Suite';
  /** When it was launched. */
  createdAt: Scalars['DateTimeISO']['output'];
  /** Expected seconds left: Σ expected time × fraction left over its experiments; null once all ended. */
  etaSeconds?: Maybe<Scalars['Float']['output']>;
  /** Its experiments, in report order (one per HW1 question). */
  experiments: Array<Experiment>;
  /** Also the id of its report (Query.report). */
  id: Scalars['ID']['output'];
  /** e.g. `HW1 suite (quick)`. */
  name: Scalars['String']['output'];
  /** Fraction done in [0, 1]: each experiment’s progress weighted by its expected time. */
  progress: Scalars['Float']['output'];
  /** `quick`, `standard` or `full`. */
  scale: Scalars['String']['output'];
  /** QUEUED until an experiment starts, RUNNING while any is live, then FAILED, CANCELLED or SUCCEEDED (the worst of its experiments). */
  status: ExperimentStatus;
  /** Which suite: `hw1`. */
  suite: Scalars['String']['output'];
  /** The tags given at launch. */
  tags: Array<Scalars['String']['output']>;
};

/** One row of a model summary (the familiar Keras layout). */
export type SummaryRow = {
  __typename?: 'SummaryRow';
  /** e.g. `conv2d_1 (Conv2D)` */
  layer: Scalars['String']['output'];
  /** Per-example output shape; the batch dimension is null. */
  outputShape: Array<Maybe<Scalars['Int']['output']>>;
  /** Parameters of this layer (trainable and not). */
  params: Scalars['Int']['output'];
  /** Trainable parameters of this layer (batch norm’s running statistics are not). */
  trainable: Scalars['Int']['output'];
  /** The layer’s kind, e.g. `Conv2D`, `Dense`, `BatchNormalization`. */
  type: Scalars['String']['output'];
};

/** A sweep of a spec launch: one run per point (and per seed), keyed by its swept values, e.g. `optimizer.lr=0.001/seed1`. */
export type SweepInput = {
  /** GRID or RANDOM. */
  method: SweepMethod;
  /** Spec path (as overrides take it: `optimizer.lr`, `batchSize`, `model`, `optimizer.kind`, `data.expression`, …) → `{ "values": [...] }` or a range `{ "min", "max", "log", "count", "integer" }`, e.g. { "optimizer.lr": { "min": 1e-4, "max": 1e-1, "log": true, "count": 4 } }. */
  parameters: Scalars['JSONObject']['input'];
  /** RANDOM: the points drawn. Default 8. */
  samples?: InputMaybe<Scalars['Int']['input']>;
  /** RANDOM: seeds the draws. Default 0. */
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** Trainings of every point, seeds seed … seed+seeds−1 of the spec. Default 1 (or the launch’s `seeds`). */
  seeds?: InputMaybe<Scalars['Int']['input']>;
};

/** How a sweep picks its points. */
export const SweepMethod = {
  /** Every combination of every parameter’s values (a range gives `count` evenly spaced points, in log10 when `log`). */
  GRID: 'GRID',
  /** `samples` points drawn from the parameters (a list uniformly, a range uniformly or log-uniformly), the same every launch for the same `seed`. */
  RANDOM: 'RANDOM'
} as const;

export type SweepMethod = typeof SweepMethod[keyof typeof SweepMethod];
/** READ: queries and subscriptions; WRITE: also mutations (`saddle token create --scope read|write`). */
export const TokenScope = {
  /** May query and subscribe. */
  READ: 'READ',
  /** May also mutate: launch, cancel, create and log runs. */
  WRITE: 'WRITE'
} as const;

export type TokenScope = typeof TokenScope[keyof typeof TokenScope];
/** One row of a torchsummary table: a module of the PyTorch equivalent. */
export type TorchSummaryRow = {
  __typename?: 'TorchSummaryRow';
  /** torchsummary’s key: module class and index, e.g. `Conv2d-1`. */
  layer: Scalars['String']['output'];
  /** Output shape, batch first as -1, channels before height and width, e.g. [-1, 16, 32, 32]. */
  outputShape: Array<Scalars['Int']['output']>;
  /** Parameters of the module. */
  params: Scalars['Int']['output'];
};

/** What the stored data say about a claim, by the rule its evidence states (the engine’s findings). */
export const Verdict = {
  /** The data show the opposite, or nothing of it. */
  DOES_NOT_HOLD: 'DOES_NOT_HOLD',
  /** The data show the claim. */
  HOLDS: 'HOLDS',
  /** Part of the evidence each way (e.g. in 3 of 5 seeds). */
  MIXED: 'MIXED',
  /** Too few runs or seeds to say: the scale, not the science (a quick result is usually this). */
  UNDECIDED: 'UNDECIDED'
} as const;

export type Verdict = typeof Verdict[keyof typeof Verdict];
/** Who is asking: what the presented token allows, so a client can hide what it may not do. */
export type Viewer = {
  __typename?: 'Viewer';
  /** Whether this server requires a token (off loopback or SADDLE_AUTH=required). */
  authRequired: Scalars['Boolean']['output'];
  /** Whether mutations are allowed: no token needed, or a WRITE token. */
  canWrite: Scalars['Boolean']['output'];
  /** The presented token’s scope; null when none was presented. */
  scope?: Maybe<TokenScope>;
};

/** A point of a line series; x or y null where not finite (drawn as a gap). */
export type XyPoint = {
  __typename?: 'XYPoint';
  /** Drawn with a marker; the series’ markedLabel says why (e.g. a clamped batch-norm variance). */
  marked?: Maybe<Scalars['Boolean']['output']>;
  /** The x value; null where not finite. */
  x?: Maybe<Scalars['Float']['output']>;
  /** The y value; null where not finite (drawn as a gap). */
  y?: Maybe<Scalars['Float']['output']>;
};

/** A model of the engine’s zoo, usable by name in a run spec (`{ "model": "mlp-deep" }`) and in `overrides`/sweeps (`model`). */
export type ZooModel = {
  __typename?: 'ZooModel';
  /** `function` for the 1→1 MLPs (regression on a target function), `image` for the CNNs (10-class images: MNIST, CIFAR-10). */
  data: Scalars['String']['output'];
  /** What it is, in words. */
  description: Scalars['String']['output'];
  /** Its name, e.g. `mlp-deep`, `cnn-shallow`. */
  id: Scalars['String']['output'];
  /** Parameters, on its data’s input (one number for the MLPs, 28×28×1 MNIST for the CNNs). */
  parameters: Scalars['Int']['output'];
  /** The model spec { name, layers }. */
  spec: Scalars['JSONObject']['output'];
};

export type ClientRunQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ClientRunQuery = { __typename?: 'Query', run?: { __typename?: 'Run', id: string, experimentId: string, key: string, group: string, external: boolean, status: RunStatus, error?: string | null, config: Record<string, unknown>, final?: Record<string, unknown> | null, steps?: number | null, progress: number, metricKeys: Array<string>, timings: { __typename?: 'RunTimings', createdAt: string, durationMs?: number | null } } | null };

export type ClientRunHistoryQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  key: Scalars['String']['input'];
  afterStep?: InputMaybe<Scalars['Int']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type ClientRunHistoryQuery = { __typename?: 'Query', run?: { __typename?: 'Run', id: string, metricPage: { __typename?: 'MetricPage', hasMore: boolean, lastStep?: number | null, points: Array<{ __typename?: 'MetricPoint', step: number, value?: number | null, nonFinite?: string | null, wallTime: number, epoch?: number | null }> } } | null };

export type ClientRunEventsSubscriptionVariables = Exact<{
  runId: Scalars['ID']['input'];
}>;


export type ClientRunEventsSubscription = { __typename?: 'Subscription', runEvents: { __typename?: 'RunEvent', type: RunEventType, status?: RunStatus | null, progress?: number | null, error?: string | null, points?: Array<{ __typename?: 'KeyedMetricPoint', key: string, step: number, value?: number | null, nonFinite?: string | null, wallTime: number, epoch?: number | null }> | null } };

export type ClientRunsQueryVariables = Exact<{
  filter?: InputMaybe<RunFilter>;
  orderBy?: InputMaybe<Array<RunOrder> | RunOrder>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ClientRunsQuery = { __typename?: 'Query', runs: { __typename?: 'RunConnection', edges: Array<{ __typename?: 'RunEdge', node: { __typename?: 'Run', id: string, experimentId: string, key: string, status: RunStatus, config: Record<string, unknown>, final?: Record<string, unknown> | null, steps?: number | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type ScriptLaunchExperimentMutationVariables = Exact<{
  input: LaunchExperimentInput;
}>;


export type ScriptLaunchExperimentMutation = { __typename?: 'Mutation', launchExperiment: { __typename?: 'Experiment', id: string, name: string, status: ExperimentStatus, runs: Array<{ __typename?: 'Run', id: string, key: string }> } };

export type ScriptExperimentStatusQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ScriptExperimentStatusQuery = { __typename?: 'Query', experiment?: { __typename?: 'Experiment', id: string, status: ExperimentStatus, analysisStatus: AnalysisStatus, progress: number, error?: string | null } | null };

export type ScriptExperimentResultQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ScriptExperimentResultQuery = { __typename?: 'Query', experiment?: { __typename?: 'Experiment', id: string, name: string, preset?: string | null, scale?: Scale | null, spec: Record<string, unknown>, status: ExperimentStatus, error?: string | null, tags: Array<string>, runs: Array<{ __typename?: 'Run', id: string, key: string, group: string, config: Record<string, unknown>, status: RunStatus, error?: string | null, final?: Record<string, unknown> | null, steps?: number | null, timings: { __typename?: 'RunTimings', durationMs?: number | null } }>, analyses: Array<{ __typename?: 'Figure', id: string, title: string, kind: FigureKind, data: Record<string, unknown> }> } | null };

export type ScriptCreateRunMutationVariables = Exact<{
  input: CreateRunInput;
}>;


export type ScriptCreateRunMutation = { __typename?: 'Mutation', createRun: { __typename?: 'Run', id: string, experimentId: string } };

export type ScriptLogMetricsMutationVariables = Exact<{
  runId: Scalars['ID']['input'];
  points: Array<MetricPointInput> | MetricPointInput;
}>;


export type ScriptLogMetricsMutation = { __typename?: 'Mutation', logMetrics: { __typename?: 'LogMetricsResult', accepted: number } };

export type ScriptFinishRunMutationVariables = Exact<{
  runId: Scalars['ID']['input'];
  status: RunStatus;
  error?: InputMaybe<Scalars['String']['input']>;
}>;


export type ScriptFinishRunMutation = { __typename?: 'Mutation', finishRun: { __typename?: 'Run', id: string, status: RunStatus } };

export type ScriptExperimentEventsSubscriptionVariables = Exact<{
  experimentId: Scalars['ID']['input'];
}>;


export type ScriptExperimentEventsSubscription = { __typename?: 'Subscription', experimentEvents: { __typename?: 'ExperimentEvent', type: ExperimentEventType, runId?: string | null, runStatus?: RunStatus | null, status?: ExperimentStatus | null, progress?: number | null, points?: Array<{ __typename?: 'KeyedMetricPoint', key: string, step: number, value?: number | null }> | null } };

export type WebCompareRunsQueryVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
  keys?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
  maxPoints?: InputMaybe<Scalars['Int']['input']>;
}>;


export type WebCompareRunsQuery = { __typename?: 'Query', runsById: Array<{ __typename?: 'Run', id: string, key: string, group: string, config: Record<string, unknown>, status: RunStatus, metricKeys: Array<string>, experiment: { __typename?: 'Experiment', id: string, name: string }, metrics: Array<{ __typename?: 'MetricSeries', key: string, totalPoints: number, sampled: boolean, columns: Record<string, unknown> }> }> };

export type WebComparePickerQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  text?: InputMaybe<Scalars['String']['input']>;
}>;


export type WebComparePickerQuery = { __typename?: 'Query', experiments: { __typename?: 'ExperimentConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'ExperimentEdge', node: { __typename?: 'Experiment', id: string, name: string, preset?: string | null, status: ExperimentStatus, createdAt: string, runs: Array<{ __typename?: 'Run', id: string, key: string }> } }> } };

export type WebSeriesCsvBatchQueryVariables = Exact<{
  ids: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
  key: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type WebSeriesCsvBatchQuery = { __typename?: 'Query', runsById: Array<{ __typename?: 'Run', id: string, metricPage: { __typename?: 'MetricPage', key: string, hasMore: boolean, lastStep?: number | null, columns: Record<string, unknown> } }> };

export type WebModelZooQueryVariables = Exact<{ [key: string]: never; }>;


export type WebModelZooQuery = { __typename?: 'Query', modelZoo: Array<{ __typename?: 'ZooModel', id: string, description: string, data: string, parameters: number }> };

export type WebDatasetsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebDatasetsQuery = { __typename?: 'Query', datasets: Array<{ __typename?: 'Dataset', name: string, format: string, source: string, examples: number, inputShape: Array<number>, numClasses: number, featureNames?: Array<string> | null, bytes: number, createdAt: string, classes: Array<{ __typename?: 'DatasetClass', name: string, count: number }> }> };

export type WebRemoveDatasetMutationVariables = Exact<{
  name: Scalars['String']['input'];
}>;


export type WebRemoveDatasetMutation = { __typename?: 'Mutation', removeDataset: { __typename?: 'Dataset', name: string } };

export type WebExperimentViewQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  maxPoints?: InputMaybe<Scalars['Int']['input']>;
}>;


export type WebExperimentViewQuery = { __typename?: 'Query', experiment?: { __typename?: 'Experiment', id: string, name: string, preset?: string | null, scale?: Scale | null, origin: string, spec: Record<string, unknown>, launchInput?: Record<string, unknown> | null, status: ExperimentStatus, analysisStatus: AnalysisStatus, progress: number, etaSeconds?: number | null, error?: string | null, tags: Array<string>, notes: string, createdAt: string, updatedAt: string, finishedAt?: string | null, runs: Array<{ __typename?: 'Run', id: string, key: string, group: string, config: Record<string, unknown>, status: RunStatus, progress: number, etaSeconds?: number | null, error?: string | null, steps?: number | null, final?: Record<string, unknown> | null, metrics: Array<{ __typename?: 'MetricSeries', key: string, totalPoints: number, sampled: boolean, columns: Record<string, unknown> }>, timings: { __typename?: 'RunTimings', createdAt: string, startedAt?: string | null, finishedAt?: string | null, durationMs?: number | null } }>, presetDefinition?: { __typename?: 'Preset', id: string, title: string, description: string, figures: Array<{ __typename?: 'FigureSpec', id: string, title: string, kind: FigureKind, metrics?: Array<string> | null, x?: string | null, yScale?: string | null }> } | null, analyses: Array<{ __typename?: 'Figure', id: string, title: string, kind: FigureKind, data: Record<string, unknown>, createdAt: string }> } | null };

export type WebExperimentFieldsFragment = { __typename?: 'Experiment', id: string, name: string, preset?: string | null, scale?: Scale | null, origin: string, spec: Record<string, unknown>, launchInput?: Record<string, unknown> | null, status: ExperimentStatus, analysisStatus: AnalysisStatus, progress: number, etaSeconds?: number | null, error?: string | null, tags: Array<string>, notes: string, createdAt: string, updatedAt: string, finishedAt?: string | null, presetDefinition?: { __typename?: 'Preset', id: string, title: string, description: string, figures: Array<{ __typename?: 'FigureSpec', id: string, title: string, kind: FigureKind, metrics?: Array<string> | null, x?: string | null, yScale?: string | null }> } | null, analyses: Array<{ __typename?: 'Figure', id: string, title: string, kind: FigureKind, data: Record<string, unknown>, createdAt: string }> };

export type WebExperimentRunFieldsFragment = { __typename?: 'Run', id: string, key: string, group: string, config: Record<string, unknown>, status: RunStatus, progress: number, etaSeconds?: number | null, error?: string | null, steps?: number | null, final?: Record<string, unknown> | null, timings: { __typename?: 'RunTimings', createdAt: string, startedAt?: string | null, finishedAt?: string | null, durationMs?: number | null } };

export type WebExperimentQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  maxPoints?: InputMaybe<Scalars['Int']['input']>;
}>;


export type WebExperimentQuery = { __typename?: 'Query', experiment?: { __typename?: 'Experiment', id: string, name: string, preset?: string | null, scale?: Scale | null, origin: string, spec: Record<string, unknown>, launchInput?: Record<string, unknown> | null, status: ExperimentStatus, analysisStatus: AnalysisStatus, progress: number, etaSeconds?: number | null, error?: string | null, tags: Array<string>, notes: string, createdAt: string, updatedAt: string, finishedAt?: string | null, runs: Array<{ __typename?: 'Run', id: string, key: string, group: string, config: Record<string, unknown>, status: RunStatus, progress: number, etaSeconds?: number | null, error?: string | null, steps?: number | null, final?: Record<string, unknown> | null, metrics: Array<{ __typename?: 'MetricSeries', key: string, totalPoints: number, sampled: boolean, points: Array<{ __typename?: 'MetricPoint', step: number, value?: number | null, nonFinite?: string | null, wallTime: number, epoch?: number | null }> }>, timings: { __typename?: 'RunTimings', createdAt: string, startedAt?: string | null, finishedAt?: string | null, durationMs?: number | null } }>, presetDefinition?: { __typename?: 'Preset', id: string, title: string, description: string, figures: Array<{ __typename?: 'FigureSpec', id: string, title: string, kind: FigureKind, metrics?: Array<string> | null, x?: string | null, yScale?: string | null }> } | null, analyses: Array<{ __typename?: 'Figure', id: string, title: string, kind: FigureKind, data: Record<string, unknown>, createdAt: string }> } | null };

export type WebExperimentRunsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebExperimentRunsQuery = { __typename?: 'Query', experiment?: { __typename?: 'Experiment', id: string, status: ExperimentStatus, analysisStatus: AnalysisStatus, progress: number, etaSeconds?: number | null, finishedAt?: string | null, runs: Array<{ __typename?: 'Run', id: string, key: string, group: string, config: Record<string, unknown>, status: RunStatus, progress: number, etaSeconds?: number | null, error?: string | null, steps?: number | null, final?: Record<string, unknown> | null, timings: { __typename?: 'RunTimings', createdAt: string, startedAt?: string | null, finishedAt?: string | null, durationMs?: number | null } }> } | null };

export type WebExperimentAnalysesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebExperimentAnalysesQuery = { __typename?: 'Query', experiment?: { __typename?: 'Experiment', id: string, analysisStatus: AnalysisStatus, analyses: Array<{ __typename?: 'Figure', id: string, title: string, kind: FigureKind, data: Record<string, unknown>, createdAt: string }> } | null };

export type WebExperimentEventsSubscriptionVariables = Exact<{
  experimentId: Scalars['ID']['input'];
}>;


export type WebExperimentEventsSubscription = { __typename?: 'Subscription', experimentEvents: { __typename?: 'ExperimentEvent', type: ExperimentEventType, experimentId: string, runId?: string | null, runStatus?: RunStatus | null, status?: ExperimentStatus | null, progress?: number | null, figureIds?: Array<string> | null, error?: string | null, points?: Array<{ __typename?: 'KeyedMetricPoint', key: string, step: number, value?: number | null, nonFinite?: string | null, wallTime: number, epoch?: number | null }> | null } };

export type WebCancelRunMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebCancelRunMutation = { __typename?: 'Mutation', cancelRun: { __typename?: 'Run', id: string, status: RunStatus } };

export type WebExperimentsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ExperimentFilter>;
}>;


export type WebExperimentsQuery = { __typename?: 'Query', experiments: { __typename?: 'ExperimentConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'ExperimentEdge', cursor: string, node: { __typename?: 'Experiment', id: string, name: string, project?: string | null, preset?: string | null, scale?: Scale | null, status: ExperimentStatus, analysisStatus: AnalysisStatus, progress: number, tags: Array<string>, error?: string | null, createdAt: string, updatedAt: string, finishedAt?: string | null, runCounts: { __typename?: 'RunCounts', total: number, queued: number, running: number, succeeded: number, failed: number, cancelled: number, diverged: number, crashed: number } } }> } };

export type WebProjectsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebProjectsQuery = { __typename?: 'Query', projects: Array<{ __typename?: 'Project', name: string, experimentCount: number }> };

export type WebPresetsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebPresetsQuery = { __typename?: 'Query', presets: Array<{ __typename?: 'Preset', id: string, title: string, description: string, figures: Array<{ __typename?: 'FigureSpec', id: string, title: string, kind: FigureKind, metrics?: Array<string> | null, x?: string | null, yScale?: string | null }>, knobs: Array<{ __typename?: 'PresetKnob', key: string, description: string, quick: unknown, standard: unknown, full: unknown }>, expectedQuick?: { __typename?: 'ExpectedTime', seconds: number, basis: ExpectedTimeBasis, source: string } | null, expectedStandard?: { __typename?: 'ExpectedTime', seconds: number, basis: ExpectedTimeBasis, source: string } | null, expectedFull?: { __typename?: 'ExpectedTime', seconds: number, basis: ExpectedTimeBasis, source: string } | null }> };

export type WebLaunchExperimentMutationVariables = Exact<{
  input: LaunchExperimentInput;
}>;


export type WebLaunchExperimentMutation = { __typename?: 'Mutation', launchExperiment: { __typename?: 'Experiment', id: string, name: string, status: ExperimentStatus } };

export type WebCancelExperimentMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebCancelExperimentMutation = { __typename?: 'Mutation', cancelExperiment: { __typename?: 'Experiment', id: string, status: ExperimentStatus } };

export type WebExpectedTimeFragment = { __typename?: 'ExpectedTime', seconds: number, basis: ExpectedTimeBasis, source: string };

export type WebRenameExperimentMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
}>;


export type WebRenameExperimentMutation = { __typename?: 'Mutation', renameExperiment: { __typename?: 'Experiment', id: string, name: string, updatedAt: string } };

export type WebRerunExperimentMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebRerunExperimentMutation = { __typename?: 'Mutation', rerunExperiment: { __typename?: 'Experiment', id: string, name: string } };

export type WebTagExperimentMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  tags: Array<Scalars['String']['input']> | Scalars['String']['input'];
}>;


export type WebTagExperimentMutation = { __typename?: 'Mutation', tagExperiment: { __typename?: 'Experiment', id: string, tags: Array<string>, updatedAt: string } };

export type WebSetNotesMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  notes: Scalars['String']['input'];
}>;


export type WebSetNotesMutation = { __typename?: 'Mutation', setNotes: { __typename?: 'Experiment', id: string, notes: string, updatedAt: string } };

export type WebDeleteExperimentMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebDeleteExperimentMutation = { __typename?: 'Mutation', deleteExperiment: string };

export type ReportSectionFieldsFragment = { __typename?: 'ReportSection', key: string, part: string, title: string, question: string, claim: string, experimentId?: string | null, experimentName?: string | null, status?: ExperimentStatus | null, running: boolean, note: string, noteHtml: string, setup?: { __typename?: 'ReportSetup', data: string, optimizer: string, batchSize: string, epochs: string, seeds: number, runs: number, scale?: string | null } | null, models: Array<{ __typename?: 'ModelSummaryTable', model: string, groups: Array<string>, totalParams: number, trainableParams: number, nonTrainableParams: number, inputSizeMb: number, forwardBackwardSizeMb: number, paramsSizeMb: number, estimatedTotalSizeMb: number, text: string, rows: Array<{ __typename?: 'TorchSummaryRow', layer: string, outputShape: Array<number>, params: number }> }>, figures: Array<{ __typename?: 'ReportFigure', experimentId: string, figureId: string, title: string, kind: FigureKind }>, verdicts: Array<{ __typename?: 'ReportVerdict', id: string, statement: string, verdict: Verdict, holds: boolean, evidence: string, seeds: number }> };

export type WebReportQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebReportQuery = { __typename?: 'Query', report?: { __typename?: 'Report', id: string, subject: ReportSubject, title: string, scale?: string | null, running: boolean, createdAt: string, downloads: { __typename?: 'ReportDownloads', markdownZip: string, html: string, pdf: string }, sections: Array<{ __typename?: 'ReportSection', key: string, part: string, title: string, question: string, claim: string, experimentId?: string | null, experimentName?: string | null, status?: ExperimentStatus | null, running: boolean, note: string, noteHtml: string, setup?: { __typename?: 'ReportSetup', data: string, optimizer: string, batchSize: string, epochs: string, seeds: number, runs: number, scale?: string | null } | null, models: Array<{ __typename?: 'ModelSummaryTable', model: string, groups: Array<string>, totalParams: number, trainableParams: number, nonTrainableParams: number, inputSizeMb: number, forwardBackwardSizeMb: number, paramsSizeMb: number, estimatedTotalSizeMb: number, text: string, rows: Array<{ __typename?: 'TorchSummaryRow', layer: string, outputShape: Array<number>, params: number }> }>, figures: Array<{ __typename?: 'ReportFigure', experimentId: string, figureId: string, title: string, kind: FigureKind }>, verdicts: Array<{ __typename?: 'ReportVerdict', id: string, statement: string, verdict: Verdict, holds: boolean, evidence: string, seeds: number }> }> } | null };

export type WebSuiteQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebSuiteQuery = { __typename?: 'Query', suite?: { __typename?: 'Suite', id: string, name: string, suite: string, scale: string, tags: Array<string>, createdAt: string, status: ExperimentStatus, progress: number, etaSeconds?: number | null, experiments: Array<{ __typename?: 'Experiment', id: string, name: string, preset?: string | null, status: ExperimentStatus, progress: number }> } | null };

export type WebSuitesQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type WebSuitesQuery = { __typename?: 'Query', suites: Array<{ __typename?: 'Suite', id: string, name: string, scale: string, createdAt: string, status: ExperimentStatus, progress: number, etaSeconds?: number | null }> };

export type WebLaunchSuiteMutationVariables = Exact<{
  input: LaunchSuiteInput;
}>;


export type WebLaunchSuiteMutation = { __typename?: 'Mutation', launchSuite: { __typename?: 'Suite', id: string, name: string, scale: string, status: ExperimentStatus, progress: number, etaSeconds?: number | null } };

export type WebSetReportNoteMutationVariables = Exact<{
  reportId: Scalars['ID']['input'];
  sectionKey: Scalars['String']['input'];
  markdown: Scalars['String']['input'];
}>;


export type WebSetReportNoteMutation = { __typename?: 'Mutation', setReportNote: { __typename?: 'ReportNote', reportId: string, sectionKey: string, markdown: string, html: string } };

export type WebRunAnalysisFieldsFragment = { __typename?: 'RunAnalysis', id: string, runId: string, otherRunId?: string | null, kind: RunAnalysisKind, options: Record<string, unknown>, status: RunAnalysisStatus, progress: number, error?: string | null, createdAt: string, finishedAt?: string | null, figures: Array<{ __typename?: 'Figure', id: string, title: string, kind: FigureKind, data: Record<string, unknown> }> };

export type WebRunAnalysesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebRunAnalysesQuery = { __typename?: 'Query', run?: { __typename?: 'Run', id: string, analyses: Array<{ __typename?: 'RunAnalysis', id: string, runId: string, otherRunId?: string | null, kind: RunAnalysisKind, options: Record<string, unknown>, status: RunAnalysisStatus, progress: number, error?: string | null, createdAt: string, finishedAt?: string | null, figures: Array<{ __typename?: 'Figure', id: string, title: string, kind: FigureKind, data: Record<string, unknown> }> }> } | null };

export type WebAnalyzeRunMutationVariables = Exact<{
  runId: Scalars['ID']['input'];
  kind: RunAnalysisKind;
  options?: InputMaybe<RunAnalysisOptionsInput>;
}>;


export type WebAnalyzeRunMutation = { __typename?: 'Mutation', analyzeRun: { __typename?: 'RunAnalysis', id: string, runId: string, otherRunId?: string | null, kind: RunAnalysisKind, options: Record<string, unknown>, status: RunAnalysisStatus, progress: number, error?: string | null, createdAt: string, finishedAt?: string | null, figures: Array<{ __typename?: 'Figure', id: string, title: string, kind: FigureKind, data: Record<string, unknown> }> } };

export type WebCancelRunAnalysisMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebCancelRunAnalysisMutation = { __typename?: 'Mutation', cancelRunAnalysis: { __typename?: 'RunAnalysis', id: string, runId: string, otherRunId?: string | null, kind: RunAnalysisKind, options: Record<string, unknown>, status: RunAnalysisStatus, progress: number, error?: string | null, createdAt: string, finishedAt?: string | null, figures: Array<{ __typename?: 'Figure', id: string, title: string, kind: FigureKind, data: Record<string, unknown> }> } };

export type WebRunAnalysisEventsSubscriptionVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebRunAnalysisEventsSubscription = { __typename?: 'Subscription', runAnalysisEvents: { __typename?: 'RunAnalysisEvent', analysisId: string, status: RunAnalysisStatus, progress: number, error?: string | null } };

export type WebAnalyzeRunsMutationVariables = Exact<{
  runIds: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
  kind: RunAnalysisKind;
  options?: InputMaybe<RunAnalysisOptionsInput>;
}>;


export type WebAnalyzeRunsMutation = { __typename?: 'Mutation', analyzeRuns: { __typename?: 'RunAnalysis', id: string, runId: string, otherRunId?: string | null, kind: RunAnalysisKind, options: Record<string, unknown>, status: RunAnalysisStatus, progress: number, error?: string | null, createdAt: string, finishedAt?: string | null, figures: Array<{ __typename?: 'Figure', id: string, title: string, kind: FigureKind, data: Record<string, unknown> }> } };

export type WebRunQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  maxPoints?: InputMaybe<Scalars['Int']['input']>;
}>;


export type WebRunQuery = { __typename?: 'Query', run?: { __typename?: 'Run', id: string, experimentId: string, key: string, group: string, config: Record<string, unknown>, spec?: Record<string, unknown> | null, external: boolean, status: RunStatus, progress: number, etaSeconds?: number | null, error?: string | null, restarts: number, final?: Record<string, unknown> | null, steps?: number | null, divergedAtStep?: number | null, zeroGradient?: unknown | null, metricKeys: Array<string>, weightsAt?: { __typename?: 'RunWeightsAt', step: number, epoch: number, loss?: number | null, gradNorm?: number | null } | null, timings: { __typename?: 'RunTimings', createdAt: string, startedAt?: string | null, finishedAt?: string | null, durationMs?: number | null }, summary?: { __typename?: 'ModelSummary', name: string, inputShape: Array<number>, totalParams: number, trainableParams: number, nonTrainableParams: number, paramsSizeMB: number, activationsSizeMB: number, inputSizeMB: number, text: string, rows: Array<{ __typename?: 'SummaryRow', layer: string, type: string, outputShape: Array<number | null>, params: number, trainable: number }> } | null, experiment: { __typename?: 'Experiment', id: string, name: string, preset?: string | null }, metrics: Array<{ __typename?: 'MetricSeries', key: string, totalPoints: number, sampled: boolean, points: Array<{ __typename?: 'MetricPoint', step: number, value?: number | null, nonFinite?: string | null, wallTime: number, epoch?: number | null }> }> } | null };

export type WebRunMetricPageQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  key: Scalars['String']['input'];
  afterStep?: InputMaybe<Scalars['Int']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type WebRunMetricPageQuery = { __typename?: 'Query', run?: { __typename?: 'Run', id: string, metricPage: { __typename?: 'MetricPage', key: string, hasMore: boolean, lastStep?: number | null, points: Array<{ __typename?: 'MetricPoint', step: number, value?: number | null, nonFinite?: string | null, wallTime: number, epoch?: number | null }> } } | null };

export type WebRunEventsSubscriptionVariables = Exact<{
  runId: Scalars['ID']['input'];
}>;


export type WebRunEventsSubscription = { __typename?: 'Subscription', runEvents: { __typename?: 'RunEvent', type: RunEventType, runId: string, experimentId: string, status?: RunStatus | null, progress?: number | null, error?: string | null, points?: Array<{ __typename?: 'KeyedMetricPoint', key: string, step: number, value?: number | null, nonFinite?: string | null, wallTime: number, epoch?: number | null }> | null } };

export type WebCompareCatalogQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type WebCompareCatalogQuery = { __typename?: 'Query', experiments: { __typename?: 'ExperimentConnection', edges: Array<{ __typename?: 'ExperimentEdge', node: { __typename?: 'Experiment', id: string, name: string, preset?: string | null, status: ExperimentStatus, createdAt: string, runs: Array<{ __typename?: 'Run', id: string, key: string, group: string, config: Record<string, unknown>, status: RunStatus, metricKeys: Array<string> }> } }> } };

export type WebCompareSeriesQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  keys?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
  maxPoints?: InputMaybe<Scalars['Int']['input']>;
}>;


export type WebCompareSeriesQuery = { __typename?: 'Query', run?: { __typename?: 'Run', id: string, key: string, metrics: Array<{ __typename?: 'MetricSeries', key: string, totalPoints: number, sampled: boolean, points: Array<{ __typename?: 'MetricPoint', step: number, value?: number | null, nonFinite?: string | null, wallTime: number, epoch?: number | null }> }> } | null };

export type WebRunProgressQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type WebRunProgressQuery = { __typename?: 'Query', run?: { __typename?: 'Run', id: string, status: RunStatus, progress: number, etaSeconds?: number | null, steps?: number | null, final?: Record<string, unknown> | null } | null };

export type WebRunsQueryVariables = Exact<{
  filter?: InputMaybe<RunFilter>;
  orderBy?: InputMaybe<Array<RunOrder> | RunOrder>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type WebRunsQuery = { __typename?: 'Query', runs: { __typename?: 'RunConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', endCursor?: string | null, hasNextPage: boolean }, edges: Array<{ __typename?: 'RunEdge', node: { __typename?: 'Run', id: string, key: string, status: RunStatus, config: Record<string, unknown>, final?: Record<string, unknown> | null, experiment: { __typename?: 'Experiment', id: string, name: string } } }> } };

export type WebViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type WebViewerQuery = { __typename?: 'Query', viewer: { __typename?: 'Viewer', authRequired: boolean, canWrite: boolean, scope?: TokenScope | null } };

export const WebExperimentFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebExperimentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Experiment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"preset"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"launchInput"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"analysisStatus"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"presetDefinition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"}},{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"yScale"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"analyses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<WebExperimentFieldsFragment, unknown>;
export const WebExperimentRunFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebExperimentRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Run"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}},{"kind":"Field","name":{"kind":"Name","value":"final"}},{"kind":"Field","name":{"kind":"Name","value":"timings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}}]}}]} as unknown as DocumentNode<WebExperimentRunFieldsFragment, unknown>;
export const WebExpectedTimeFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebExpectedTime"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExpectedTime"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seconds"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]} as unknown as DocumentNode<WebExpectedTimeFragment, unknown>;
export const ReportSectionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportSectionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReportSection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"part"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"question"}},{"kind":"Field","name":{"kind":"Name","value":"claim"}},{"kind":"Field","name":{"kind":"Name","value":"experimentId"}},{"kind":"Field","name":{"kind":"Name","value":"experimentName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"setup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"optimizer"}},{"kind":"Field","name":{"kind":"Name","value":"batchSize"}},{"kind":"Field","name":{"kind":"Name","value":"epochs"}},{"kind":"Field","name":{"kind":"Name","value":"seeds"}},{"kind":"Field","name":{"kind":"Name","value":"runs"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}}]}},{"kind":"Field","name":{"kind":"Name","value":"models"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"groups"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"layer"}},{"kind":"Field","name":{"kind":"Name","value":"outputShape"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalParams"}},{"kind":"Field","name":{"kind":"Name","value":"trainableParams"}},{"kind":"Field","name":{"kind":"Name","value":"nonTrainableParams"}},{"kind":"Field","name":{"kind":"Name","value":"inputSizeMb"}},{"kind":"Field","name":{"kind":"Name","value":"forwardBackwardSizeMb"}},{"kind":"Field","name":{"kind":"Name","value":"paramsSizeMb"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedTotalSizeMb"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experimentId"}},{"kind":"Field","name":{"kind":"Name","value":"figureId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verdicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"holds"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"}},{"kind":"Field","name":{"kind":"Name","value":"seeds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"noteHtml"}}]}}]} as unknown as DocumentNode<ReportSectionFieldsFragment, unknown>;
export const WebRunAnalysisFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebRunAnalysisFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RunAnalysis"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"runId"}},{"kind":"Field","name":{"kind":"Name","value":"otherRunId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]}}]} as unknown as DocumentNode<WebRunAnalysisFieldsFragment, unknown>;
export const ClientRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"experimentId"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"external"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"final"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"metricKeys"}},{"kind":"Field","name":{"kind":"Name","value":"timings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}}]}}]}}]} as unknown as DocumentNode<ClientRunQuery, ClientRunQueryVariables>;
export const ClientRunHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientRunHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterStep"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"metricPage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"afterStep"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterStep"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"nonFinite"}},{"kind":"Field","name":{"kind":"Name","value":"wallTime"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hasMore"}},{"kind":"Field","name":{"kind":"Name","value":"lastStep"}}]}}]}}]}}]} as unknown as DocumentNode<ClientRunHistoryQuery, ClientRunHistoryQueryVariables>;
export const ClientRunEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ClientRunEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"nonFinite"}},{"kind":"Field","name":{"kind":"Name","value":"wallTime"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}}]}}]}}]}}]} as unknown as DocumentNode<ClientRunEventsSubscription, ClientRunEventsSubscriptionVariables>;
export const ClientRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RunFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RunOrder"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"experimentId"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"final"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ClientRunsQuery, ClientRunsQueryVariables>;
export const ScriptLaunchExperimentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScriptLaunchExperiment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LaunchExperimentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"launchExperiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"runs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}}]}}]} as unknown as DocumentNode<ScriptLaunchExperimentMutation, ScriptLaunchExperimentMutationVariables>;
export const ScriptExperimentStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScriptExperimentStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"analysisStatus"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<ScriptExperimentStatusQuery, ScriptExperimentStatusQueryVariables>;
export const ScriptExperimentResultDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScriptExperimentResult"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"preset"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"runs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"final"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}},{"kind":"Field","name":{"kind":"Name","value":"timings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"analyses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]}}]}}]} as unknown as DocumentNode<ScriptExperimentResultQuery, ScriptExperimentResultQueryVariables>;
export const ScriptCreateRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScriptCreateRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateRunInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"experimentId"}}]}}]}}]} as unknown as DocumentNode<ScriptCreateRunMutation, ScriptCreateRunMutationVariables>;
export const ScriptLogMetricsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScriptLogMetrics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"points"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MetricPointInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logMetrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}},{"kind":"Argument","name":{"kind":"Name","value":"points"},"value":{"kind":"Variable","name":{"kind":"Name","value":"points"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accepted"}}]}}]}}]} as unknown as DocumentNode<ScriptLogMetricsMutation, ScriptLogMetricsMutationVariables>;
export const ScriptFinishRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScriptFinishRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RunStatus"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"error"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"finishRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"error"},"value":{"kind":"Variable","name":{"kind":"Name","value":"error"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ScriptFinishRunMutation, ScriptFinishRunMutationVariables>;
export const ScriptExperimentEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ScriptExperimentEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"experimentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experimentEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"experimentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"experimentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"runId"}},{"kind":"Field","name":{"kind":"Name","value":"runStatus"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<ScriptExperimentEventsSubscription, ScriptExperimentEventsSubscriptionVariables>;
export const WebCompareRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebCompareRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"keys"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"maxPoints"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runsById"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"metricKeys"}},{"kind":"Field","name":{"kind":"Name","value":"experiment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"keys"},"value":{"kind":"Variable","name":{"kind":"Name","value":"keys"}}},{"kind":"Argument","name":{"kind":"Name","value":"maxPoints"},"value":{"kind":"Variable","name":{"kind":"Name","value":"maxPoints"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}},{"kind":"Field","name":{"kind":"Name","value":"sampled"}},{"kind":"Field","name":{"kind":"Name","value":"columns"}}]}}]}}]}}]} as unknown as DocumentNode<WebCompareRunsQuery, WebCompareRunsQueryVariables>;
export const WebComparePickerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebComparePicker"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"text"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experiments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"text"},"value":{"kind":"Variable","name":{"kind":"Name","value":"text"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"preset"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"runs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebComparePickerQuery, WebComparePickerQueryVariables>;
export const WebSeriesCsvBatchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebSeriesCsvBatch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runsById"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"metricPage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"hasMore"}},{"kind":"Field","name":{"kind":"Name","value":"lastStep"}},{"kind":"Field","name":{"kind":"Name","value":"columns"}}]}}]}}]}}]} as unknown as DocumentNode<WebSeriesCsvBatchQuery, WebSeriesCsvBatchQueryVariables>;
export const WebModelZooDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebModelZoo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelZoo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}}]}}]}}]} as unknown as DocumentNode<WebModelZooQuery, WebModelZooQueryVariables>;
export const WebDatasetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebDatasets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"examples"}},{"kind":"Field","name":{"kind":"Name","value":"inputShape"}},{"kind":"Field","name":{"kind":"Name","value":"numClasses"}},{"kind":"Field","name":{"kind":"Name","value":"classes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"featureNames"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<WebDatasetsQuery, WebDatasetsQueryVariables>;
export const WebRemoveDatasetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebRemoveDataset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeDataset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<WebRemoveDatasetMutation, WebRemoveDatasetMutationVariables>;
export const WebExperimentViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebExperimentView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"maxPoints"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebExperimentFields"}},{"kind":"Field","name":{"kind":"Name","value":"runs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebExperimentRunFields"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"maxPoints"},"value":{"kind":"Variable","name":{"kind":"Name","value":"maxPoints"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}},{"kind":"Field","name":{"kind":"Name","value":"sampled"}},{"kind":"Field","name":{"kind":"Name","value":"columns"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebExperimentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Experiment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"preset"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"launchInput"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"analysisStatus"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"presetDefinition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"}},{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"yScale"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"analyses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebExperimentRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Run"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}},{"kind":"Field","name":{"kind":"Name","value":"final"}},{"kind":"Field","name":{"kind":"Name","value":"timings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}}]}}]} as unknown as DocumentNode<WebExperimentViewQuery, WebExperimentViewQueryVariables>;
export const WebExperimentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebExperiment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"maxPoints"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebExperimentFields"}},{"kind":"Field","name":{"kind":"Name","value":"runs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebExperimentRunFields"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"maxPoints"},"value":{"kind":"Variable","name":{"kind":"Name","value":"maxPoints"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}},{"kind":"Field","name":{"kind":"Name","value":"sampled"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"nonFinite"}},{"kind":"Field","name":{"kind":"Name","value":"wallTime"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebExperimentFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Experiment"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"preset"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"origin"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"launchInput"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"analysisStatus"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"presetDefinition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"}},{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"yScale"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"analyses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebExperimentRunFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Run"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}},{"kind":"Field","name":{"kind":"Name","value":"final"}},{"kind":"Field","name":{"kind":"Name","value":"timings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}}]}}]} as unknown as DocumentNode<WebExperimentQuery, WebExperimentQueryVariables>;
export const WebExperimentRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebExperimentRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"analysisStatus"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"runs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}},{"kind":"Field","name":{"kind":"Name","value":"final"}},{"kind":"Field","name":{"kind":"Name","value":"timings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebExperimentRunsQuery, WebExperimentRunsQueryVariables>;
export const WebExperimentAnalysesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebExperimentAnalyses"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"analysisStatus"}},{"kind":"Field","name":{"kind":"Name","value":"analyses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<WebExperimentAnalysesQuery, WebExperimentAnalysesQueryVariables>;
export const WebExperimentEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"WebExperimentEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"experimentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experimentEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"experimentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"experimentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"experimentId"}},{"kind":"Field","name":{"kind":"Name","value":"runId"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"nonFinite"}},{"kind":"Field","name":{"kind":"Name","value":"wallTime"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}}]}},{"kind":"Field","name":{"kind":"Name","value":"runStatus"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"figureIds"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<WebExperimentEventsSubscription, WebExperimentEventsSubscriptionVariables>;
export const WebCancelRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebCancelRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<WebCancelRunMutation, WebCancelRunMutationVariables>;
export const WebExperimentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebExperiments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ExperimentFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experiments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"project"}},{"kind":"Field","name":{"kind":"Name","value":"preset"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"analysisStatus"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"runCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"queued"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}},{"kind":"Field","name":{"kind":"Name","value":"cancelled"}},{"kind":"Field","name":{"kind":"Name","value":"diverged"}},{"kind":"Field","name":{"kind":"Name","value":"crashed"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebExperimentsQuery, WebExperimentsQueryVariables>;
export const WebProjectsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebProjects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"experimentCount"}}]}}]}}]} as unknown as DocumentNode<WebProjectsQuery, WebProjectsQueryVariables>;
export const WebPresetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebPresets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"presets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"}},{"kind":"Field","name":{"kind":"Name","value":"x"}},{"kind":"Field","name":{"kind":"Name","value":"yScale"}}]}},{"kind":"Field","name":{"kind":"Name","value":"knobs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"quick"}},{"kind":"Field","name":{"kind":"Name","value":"standard"}},{"kind":"Field","name":{"kind":"Name","value":"full"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"expectedQuick"},"name":{"kind":"Name","value":"expectedTime"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"scale"},"value":{"kind":"EnumValue","value":"QUICK"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebExpectedTime"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"expectedStandard"},"name":{"kind":"Name","value":"expectedTime"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"scale"},"value":{"kind":"EnumValue","value":"STANDARD"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebExpectedTime"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"expectedFull"},"name":{"kind":"Name","value":"expectedTime"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"scale"},"value":{"kind":"EnumValue","value":"FULL"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebExpectedTime"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebExpectedTime"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ExpectedTime"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seconds"}},{"kind":"Field","name":{"kind":"Name","value":"basis"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]} as unknown as DocumentNode<WebPresetsQuery, WebPresetsQueryVariables>;
export const WebLaunchExperimentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebLaunchExperiment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LaunchExperimentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"launchExperiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<WebLaunchExperimentMutation, WebLaunchExperimentMutationVariables>;
export const WebCancelExperimentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebCancelExperiment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelExperiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<WebCancelExperimentMutation, WebCancelExperimentMutationVariables>;
export const WebRenameExperimentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebRenameExperiment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"renameExperiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<WebRenameExperimentMutation, WebRenameExperimentMutationVariables>;
export const WebRerunExperimentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebRerunExperiment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rerunExperiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<WebRerunExperimentMutation, WebRerunExperimentMutationVariables>;
export const WebTagExperimentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebTagExperiment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tags"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tagExperiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"tags"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tags"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<WebTagExperimentMutation, WebTagExperimentMutationVariables>;
export const WebSetNotesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebSetNotes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"notes"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setNotes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"notes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"notes"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<WebSetNotesMutation, WebSetNotesMutationVariables>;
export const WebDeleteExperimentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebDeleteExperiment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteExperiment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<WebDeleteExperimentMutation, WebDeleteExperimentMutationVariables>;
export const WebReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"report"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloads"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markdownZip"}},{"kind":"Field","name":{"kind":"Name","value":"html"}},{"kind":"Field","name":{"kind":"Name","value":"pdf"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReportSectionFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReportSectionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReportSection"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"part"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"question"}},{"kind":"Field","name":{"kind":"Name","value":"claim"}},{"kind":"Field","name":{"kind":"Name","value":"experimentId"}},{"kind":"Field","name":{"kind":"Name","value":"experimentName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"running"}},{"kind":"Field","name":{"kind":"Name","value":"setup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"optimizer"}},{"kind":"Field","name":{"kind":"Name","value":"batchSize"}},{"kind":"Field","name":{"kind":"Name","value":"epochs"}},{"kind":"Field","name":{"kind":"Name","value":"seeds"}},{"kind":"Field","name":{"kind":"Name","value":"runs"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}}]}},{"kind":"Field","name":{"kind":"Name","value":"models"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"groups"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"layer"}},{"kind":"Field","name":{"kind":"Name","value":"outputShape"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalParams"}},{"kind":"Field","name":{"kind":"Name","value":"trainableParams"}},{"kind":"Field","name":{"kind":"Name","value":"nonTrainableParams"}},{"kind":"Field","name":{"kind":"Name","value":"inputSizeMb"}},{"kind":"Field","name":{"kind":"Name","value":"forwardBackwardSizeMb"}},{"kind":"Field","name":{"kind":"Name","value":"paramsSizeMb"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedTotalSizeMb"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experimentId"}},{"kind":"Field","name":{"kind":"Name","value":"figureId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verdicts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statement"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}},{"kind":"Field","name":{"kind":"Name","value":"holds"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"}},{"kind":"Field","name":{"kind":"Name","value":"seeds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"noteHtml"}}]}}]} as unknown as DocumentNode<WebReportQuery, WebReportQueryVariables>;
export const WebSuiteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebSuite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"suite"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"experiments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"preset"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}}]}}]}}]}}]} as unknown as DocumentNode<WebSuiteQuery, WebSuiteQueryVariables>;
export const WebSuitesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebSuites"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suites"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}}]}}]}}]} as unknown as DocumentNode<WebSuitesQuery, WebSuitesQueryVariables>;
export const WebLaunchSuiteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebLaunchSuite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LaunchSuiteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"launchSuite"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}}]}}]}}]} as unknown as DocumentNode<WebLaunchSuiteMutation, WebLaunchSuiteMutationVariables>;
export const WebSetReportNoteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebSetReportNote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reportId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sectionKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"markdown"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setReportNote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"reportId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reportId"}}},{"kind":"Argument","name":{"kind":"Name","value":"sectionKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sectionKey"}}},{"kind":"Argument","name":{"kind":"Name","value":"markdown"},"value":{"kind":"Variable","name":{"kind":"Name","value":"markdown"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportId"}},{"kind":"Field","name":{"kind":"Name","value":"sectionKey"}},{"kind":"Field","name":{"kind":"Name","value":"markdown"}},{"kind":"Field","name":{"kind":"Name","value":"html"}}]}}]}}]} as unknown as DocumentNode<WebSetReportNoteMutation, WebSetReportNoteMutationVariables>;
export const WebRunAnalysesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebRunAnalyses"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"analyses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebRunAnalysisFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebRunAnalysisFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RunAnalysis"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"runId"}},{"kind":"Field","name":{"kind":"Name","value":"otherRunId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]}}]} as unknown as DocumentNode<WebRunAnalysesQuery, WebRunAnalysesQueryVariables>;
export const WebAnalyzeRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebAnalyzeRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RunAnalysisKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"options"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RunAnalysisOptionsInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"analyzeRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"options"},"value":{"kind":"Variable","name":{"kind":"Name","value":"options"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebRunAnalysisFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebRunAnalysisFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RunAnalysis"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"runId"}},{"kind":"Field","name":{"kind":"Name","value":"otherRunId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]}}]} as unknown as DocumentNode<WebAnalyzeRunMutation, WebAnalyzeRunMutationVariables>;
export const WebCancelRunAnalysisDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebCancelRunAnalysis"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelRunAnalysis"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebRunAnalysisFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebRunAnalysisFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RunAnalysis"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"runId"}},{"kind":"Field","name":{"kind":"Name","value":"otherRunId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]}}]} as unknown as DocumentNode<WebCancelRunAnalysisMutation, WebCancelRunAnalysisMutationVariables>;
export const WebRunAnalysisEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"WebRunAnalysisEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runAnalysisEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"analysisId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<WebRunAnalysisEventsSubscription, WebRunAnalysisEventsSubscriptionVariables>;
export const WebAnalyzeRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebAnalyzeRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RunAnalysisKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"options"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RunAnalysisOptionsInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"analyzeRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"options"},"value":{"kind":"Variable","name":{"kind":"Name","value":"options"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WebRunAnalysisFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WebRunAnalysisFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RunAnalysis"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"runId"}},{"kind":"Field","name":{"kind":"Name","value":"otherRunId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"options"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"figures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"data"}}]}}]}}]} as unknown as DocumentNode<WebAnalyzeRunsMutation, WebAnalyzeRunsMutationVariables>;
export const WebRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"maxPoints"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"experimentId"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"spec"}},{"kind":"Field","name":{"kind":"Name","value":"external"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"restarts"}},{"kind":"Field","name":{"kind":"Name","value":"final"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}},{"kind":"Field","name":{"kind":"Name","value":"divergedAtStep"}},{"kind":"Field","name":{"kind":"Name","value":"zeroGradient"}},{"kind":"Field","name":{"kind":"Name","value":"weightsAt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}},{"kind":"Field","name":{"kind":"Name","value":"loss"}},{"kind":"Field","name":{"kind":"Name","value":"gradNorm"}}]}},{"kind":"Field","name":{"kind":"Name","value":"timings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"inputShape"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"layer"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"outputShape"}},{"kind":"Field","name":{"kind":"Name","value":"params"}},{"kind":"Field","name":{"kind":"Name","value":"trainable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalParams"}},{"kind":"Field","name":{"kind":"Name","value":"trainableParams"}},{"kind":"Field","name":{"kind":"Name","value":"nonTrainableParams"}},{"kind":"Field","name":{"kind":"Name","value":"paramsSizeMB"}},{"kind":"Field","name":{"kind":"Name","value":"activationsSizeMB"}},{"kind":"Field","name":{"kind":"Name","value":"inputSizeMB"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"experiment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"preset"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metricKeys"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"maxPoints"},"value":{"kind":"Variable","name":{"kind":"Name","value":"maxPoints"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}},{"kind":"Field","name":{"kind":"Name","value":"sampled"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"nonFinite"}},{"kind":"Field","name":{"kind":"Name","value":"wallTime"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebRunQuery, WebRunQueryVariables>;
export const WebRunMetricPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebRunMetricPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterStep"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"metricPage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"key"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"afterStep"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterStep"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"hasMore"}},{"kind":"Field","name":{"kind":"Name","value":"lastStep"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"nonFinite"}},{"kind":"Field","name":{"kind":"Name","value":"wallTime"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebRunMetricPageQuery, WebRunMetricPageQueryVariables>;
export const WebRunEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"WebRunEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"runId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"runId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"runId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"runId"}},{"kind":"Field","name":{"kind":"Name","value":"experimentId"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"nonFinite"}},{"kind":"Field","name":{"kind":"Name","value":"wallTime"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<WebRunEventsSubscription, WebRunEventsSubscriptionVariables>;
export const WebCompareCatalogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebCompareCatalog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"experiments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"preset"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"runs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"group"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"metricKeys"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebCompareCatalogQuery, WebCompareCatalogQueryVariables>;
export const WebCompareSeriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebCompareSeries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"keys"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"maxPoints"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"keys"},"value":{"kind":"Variable","name":{"kind":"Name","value":"keys"}}},{"kind":"Argument","name":{"kind":"Name","value":"maxPoints"},"value":{"kind":"Variable","name":{"kind":"Name","value":"maxPoints"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"totalPoints"}},{"kind":"Field","name":{"kind":"Name","value":"sampled"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"nonFinite"}},{"kind":"Field","name":{"kind":"Name","value":"wallTime"}},{"kind":"Field","name":{"kind":"Name","value":"epoch"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebCompareSeriesQuery, WebCompareSeriesQueryVariables>;
export const WebRunProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebRunProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"run"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"etaSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}},{"kind":"Field","name":{"kind":"Name","value":"final"}}]}}]}}]} as unknown as DocumentNode<WebRunProgressQuery, WebRunProgressQueryVariables>;
export const WebRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RunFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RunOrder"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"config"}},{"kind":"Field","name":{"kind":"Name","value":"final"}},{"kind":"Field","name":{"kind":"Name","value":"experiment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebRunsQuery, WebRunsQueryVariables>;
export const WebViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authRequired"}},{"kind":"Field","name":{"kind":"Name","value":"canWrite"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}}]}}]}}]} as unknown as DocumentNode<WebViewerQuery, WebViewerQueryVariables>;