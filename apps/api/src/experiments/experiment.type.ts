import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { FigureData, RunStatus, Scale } from '@saddle/engine';
import { SCALES } from '../engine.js';
import { PageInfo } from '../common/connection.js';
import { AnalysisStatusEnum, ExperimentEventTypeEnum, ExperimentStatusEnum, FigureKindEnum, RunStatusEnum, ScaleEnum } from '../common/enums.js';
import { DateTimeScalar, JSONObjectScalar } from '../common/scalars.js';
import { KeyedMetricPoint } from '../metrics/metric.type.js';
import { FigureContent } from './figure-content.type.js';
import type { ExperimentEventType } from '../pubsub/topics.js';
import { launchInputOf } from './experiment.service.js';
import type { AnalysisStatus, ExperimentRecord, ExperimentStatus, FigureRecord } from '../store/records.js';

@ObjectType({ description: 'A figure computed by a preset’s analyses once its runs ended. `data` follows the engine’s FigureData for its kind.' })
export class Figure {
  @Field(() => String, { description: 'Stable within the experiment, e.g. `loss` or `pca-whole` (the id of the preset’s FigureSpec).' })
  id!: string;

  @Field(() => String, { description: 'The figure’s title as drawn.' })
  title!: string;

  @Field(() => FigureKindEnum, { description: 'How to draw it; says which member of `content` it is.' })
  kind!: FigureData['kind'];

  @Field(() => JSONObjectScalar, {
    description:
      'LINES: { x, y, series: [{ label, points: [{x, y}] }] }; SCATTER: { x, y, points }; PATHS: { x, y, explainedVariance, views: [{ id, label, paths }] }; ' +
      'GRID: { x, y, xs, ys, values[j][i], valueLabel, path?, slices? }; HISTOGRAM: { x, y, bins }. Axes are { label, scale: linear|log }.',
  })
  data!: Record<string, unknown>;

  @Field(() => FigureContent, { description: 'The same data, typed: select the fields of the figure kind you draw.' })
  content!: typeof FigureContent;

  @Field(() => DateTimeScalar, { description: 'When the analysis stored it.' })
  createdAt!: Date;
}

export function toFigureObject(record: FigureRecord): Figure {
  const data = record.data as unknown as Record<string, unknown>;
  return { id: record.id, title: record.title, kind: record.kind, data, content: data as unknown as typeof FigureContent, createdAt: new Date(record.createdAt) };
}

@ObjectType({ description: 'A preset launched at a scale (its sweep of runs and their analyses), a raw spec, or runs logged by scripts.' })
export class Experiment {
  @Field(() => ID, { description: 'The experiment’s id.' })
  id!: string;

  @Field(() => String, { description: 'Its name: the launch’s `name`, the preset’s title and scale, or `experimentName` of createRun.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Catalogue preset id; null for a raw spec or logged runs.' })
  preset!: string | null;

  @Field(() => ScaleEnum, { nullable: true, description: 'The preset’s scale; null for a raw spec or logged runs.' })
  scale!: Scale | null;

  @Field(() => String, { description: '`preset`, `spec` or `external`.' })
  origin!: string;

  @Field(() => String, { nullable: true, description: 'The project it belongs to (createRun’s `project`); null for none.' })
  project!: string | null;

  @Field(() => JSONObjectScalar, { description: 'What was launched: { preset, scale, data, overrides } or { run: RunSpec }.' })
  spec!: Record<string, unknown>;

  @Field(() => JSONObjectScalar, {
    nullable: true,
    description:
      'What launchExperiment takes to launch it again (rerunExperiment does): { preset, scale, data, overrides } or { spec, sweep, seeds }, enum values as GraphQL names (QUICK, MNIST, GRID); edit it to launch a variant. null for runs logged by scripts.',
  })
  launchInput!: Record<string, unknown> | null;

  @Field(() => ExperimentStatusEnum, { description: 'Follows its runs and then its analyses.' })
  status!: ExperimentStatus;

  @Field(() => AnalysisStatusEnum, { description: 'Where the preset’s analyses are.' })
  analysisStatus!: AnalysisStatus;

  @Field(() => String, { description: 'Free text (setNotes); empty by default.' })
  notes!: string;

  @Field(() => String, { nullable: true, description: 'Why it did not succeed: the failed runs or the analysis error.' })
  error!: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was launched (or its first run was created).' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When its status, tags or notes last changed.' })
  updatedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When its status became final; null before.' })
  finishedAt!: Date | null;
}

export function toExperimentObject(record: ExperimentRecord): Experiment {
  return {
    id: record.id,
    name: record.name,
    preset: record.preset,
    scale: SCALES.find((scale) => scale === record.scale) ?? null,
    origin: record.origin,
    project: record.project,
    spec: record.spec as unknown as Record<string, unknown>,
    launchInput: launchInputOf(record),
    status: record.status,
    analysisStatus: record.analysisStatus,
    notes: record.notes,
    error: record.error,
    createdAt: new Date(record.createdAt),
    updatedAt: new Date(record.updatedAt),
    finishedAt: record.finishedAt === null ? null : new Date(record.finishedAt),
  };
}

@ObjectType({ description: 'One experiment of a page, with its cursor.' })
export class ExperimentEdge {
  @Field(() => String, { description: 'Pass as `after` to start the next page after this experiment.' })
  cursor!: string;

  @Field(() => Experiment, { description: 'The experiment.' })
  node!: Experiment;
}

@ObjectType({ description: 'A page of experiments, newest first.' })
export class ExperimentConnection {
  @Field(() => [ExperimentEdge], { description: 'The experiments of this page.' })
  edges!: ExperimentEdge[];

  @Field(() => Int, { description: 'Experiments matching the filter, over all pages.' })
  totalCount!: number;

  @Field(() => PageInfo, { description: 'Whether another page follows, and its cursor.' })
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'Something that happened in an experiment: a run’s points, status or progress; the experiment’s status; analysis results.' })
export class ExperimentEvent {
  @Field(() => ExperimentEventTypeEnum, { description: 'What happened; says which of the other fields are set.' })
  type!: ExperimentEventType;

  @Field(() => ID, { description: 'The experiment.' })
  experimentId!: string;

  @Field(() => ID, { nullable: true, description: 'METRICS, RUN_STATUS, RUN_PROGRESS, SERIES_RESET: the run it is about.' })
  runId?: string;

  @Field(() => [KeyedMetricPoint], { nullable: true, description: 'METRICS: the batch, exactly as stored.' })
  points?: KeyedMetricPoint[];

  @Field(() => RunStatusEnum, { nullable: true, description: 'RUN_STATUS: the run’s new status.' })
  runStatus?: RunStatus;

  @Field(() => ExperimentStatusEnum, { nullable: true, description: 'STATUS: the experiment’s new status.' })
  status?: ExperimentStatus;

  @Field(() => Float, { nullable: true, description: 'RUN_PROGRESS: the run’s; ANALYSIS: the analyses’.' })
  progress?: number;

  @Field(() => [String], { nullable: true, description: 'ANALYSIS: the figures now stored (query Experiment.analyses).' })
  figureIds?: string[];

  @Field(() => String, { nullable: true, description: 'RUN_STATUS or STATUS: why the run or experiment did not succeed.' })
  error?: string | null;
}

@ObjectType({ description: 'Counts of an experiment’s runs by status.' })
export class RunCounts {
  @Field(() => Int, { description: 'All runs.' }) total!: number;
  @Field(() => Int, { description: 'QUEUED runs.' }) queued!: number;
  @Field(() => Int, { description: 'RUNNING runs.' }) running!: number;
  @Field(() => Int, { description: 'SUCCEEDED runs.' }) succeeded!: number;
  @Field(() => Int, { description: 'FAILED runs.' }) failed!: number;
  @Field(() => Int, { description: 'CANCELLED runs.' }) cancelled!: number;
  @Field(() => Int, { description: 'DIVERGED runs.' }) diverged!: number;
  @Field(() => Int, { description: 'CRASHED runs (logged runs whose script went silent).' }) crashed!: number;
}
