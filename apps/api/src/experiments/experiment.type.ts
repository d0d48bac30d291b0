import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { FigureData, RunStatus, Scale } from '@saddle/engine';
import { SCALES } from '../engine.js';
import { PageInfo } from '../common/connection.js';
import { AnalysisStatusEnum, ExperimentEventTypeEnum, ExperimentStatusEnum, FigureKindEnum, RunStatusEnum, ScaleEnum } from '../common/enums.js';
import { DateTimeScalar, JSONObjectScalar } from '../common/scalars.js';
import { KeyedMetricPoint } from '../metrics/metric.type.js';
import { FigureContent } from './figure-content.type.js';
import type { ExperimentEventType } from '../pubsub/topics.js';
import type { AnalysisStatus, ExperimentRecord, ExperimentStatus, FigureRecord } from '../store/records.js';

@ObjectType({ description: 'A figure computed by a preset’s analyses once its runs ended. `data` follows the engine’s FigureData for its kind.' })
export class Figure {
  @Field(() => String)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => FigureKindEnum)
  kind!: FigureData['kind'];

  @Field(() => JSONObjectScalar, {
    description:
      'LINES: { x, y, series: [{ label, points: [{x, y}] }] }; SCATTER: { x, y, points }; PATHS: { x, y, explainedVariance, views: [{ id, label, paths }] }; ' +
      'GRID: { x, y, xs, ys, values[j][i], valueLabel, path?, slices? }; HISTOGRAM: { x, y, bins }. Axes are { label, scale: linear|log }.',
  })
  data!: Record<string, unknown>;

  @Field(() => FigureContent, { description: 'The same data, typed: select the fields of the figure kind you draw.' })
  content!: typeof FigureContent;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

export function toFigureObject(record: FigureRecord): Figure {
  const data = record.data as unknown as Record<string, unknown>;
  return { id: record.id, title: record.title, kind: record.kind, data, content: data as unknown as typeof FigureContent, createdAt: new Date(record.createdAt) };
}

@ObjectType({ description: 'A preset launched at a scale (its sweep of runs and their analyses), a raw spec, or runs logged by scripts.' })
export class Experiment {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Catalogue preset id; null for a raw spec or logged runs.' })
  preset!: string | null;

  @Field(() => ScaleEnum, { nullable: true })
  scale!: Scale | null;

  @Field(() => String, { description: '`preset`, `spec` or `external`.' })
  origin!: string;

  @Field(() => JSONObjectScalar, { description: 'What was launched: { preset, scale, data, overrides } or { run: RunSpec }.' })
  spec!: Record<string, unknown>;

  @Field(() => ExperimentStatusEnum)
  status!: ExperimentStatus;

  @Field(() => AnalysisStatusEnum)
  analysisStatus!: AnalysisStatus;

  @Field(() => String)
  notes!: string;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  finishedAt!: Date | null;
}

export function toExperimentObject(record: ExperimentRecord): Experiment {
  return {
    id: record.id,
    name: record.name,
    preset: record.preset,
    scale: SCALES.find((scale) => scale === record.scale) ?? null,
    origin: record.origin,
    spec: record.spec as unknown as Record<string, unknown>,
    status: record.status,
    analysisStatus: record.analysisStatus,
    notes: record.notes,
    error: record.error,
    createdAt: new Date(record.createdAt),
    updatedAt: new Date(record.updatedAt),
    finishedAt: record.finishedAt === null ? null : new Date(record.finishedAt),
  };
}

@ObjectType()
export class ExperimentEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Experiment)
  node!: Experiment;
}

@ObjectType()
export class ExperimentConnection {
  @Field(() => [ExperimentEdge])
  edges!: ExperimentEdge[];

  @Field(() => Int, { description: 'Experiments matching the filter, over all pages.' })
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'Something that happened in an experiment: a run’s points, status or progress; the experiment’s status; analysis results.' })
export class ExperimentEvent {
  @Field(() => ExperimentEventTypeEnum)
  type!: ExperimentEventType;

  @Field(() => ID)
  experimentId!: string;

  @Field(() => ID, { nullable: true })
  runId?: string;

  @Field(() => [KeyedMetricPoint], { nullable: true })
  points?: KeyedMetricPoint[];

  @Field(() => RunStatusEnum, { nullable: true })
  runStatus?: RunStatus;

  @Field(() => ExperimentStatusEnum, { nullable: true })
  status?: ExperimentStatus;

  @Field(() => Float, { nullable: true, description: 'RUN_PROGRESS: the run’s; ANALYSIS: the analyses’.' })
  progress?: number;

  @Field(() => [String], { nullable: true, description: 'ANALYSIS: the figures now stored (query Experiment.analyses).' })
  figureIds?: string[];

  @Field(() => String, { nullable: true })
  error?: string | null;
}

@ObjectType({ description: 'Counts of an experiment’s runs by status.' })
export class RunCounts {
  @Field(() => Int) total!: number;
  @Field(() => Int) queued!: number;
  @Field(() => Int) running!: number;
  @Field(() => Int) succeeded!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int) cancelled!: number;
  @Field(() => Int) diverged!: number;
}
