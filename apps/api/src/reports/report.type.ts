import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Verdict } from '@saddle/engine';
import { formatTorchSummary } from '../cli/torchsummary.js';
import { ExperimentStatusEnum, FigureKindEnum } from '../common/enums.js';
import { DateTimeScalar } from '../common/scalars.js';
import type { ExperimentStatus } from '../store/records.js';
import { renderNoteHtml } from './note-html.js';
import type { ReportData, ReportModel, ReportSectionData } from './report.service.js';

export const VerdictEnum = { HOLDS: 'holds', DOES_NOT_HOLD: 'does not hold', MIXED: 'mixed', UNDECIDED: 'undecided' } as const;
registerEnumType(VerdictEnum, {
  name: 'Verdict',
  description: 'What the stored data say about a claim, by the rule its evidence states (the engine’s findings).',
  valuesConfig: {
    HOLDS: { description: 'The data show the claim.' },
    DOES_NOT_HOLD: { description: 'The data show the opposite, or nothing of it.' },
    MIXED: { description: 'Part of the evidence each way (e.g. in 3 of 5 seeds).' },
    UNDECIDED: { description: 'Too few runs or seeds to say: the scale, not the science (a quick result is usually this).' },
  },
});

export const ReportSubjectEnum = { SUITE: 'suite', EXPERIMENT: 'experiment' } as const;
registerEnumType(ReportSubjectEnum, {
  name: 'ReportSubject',
  description: 'What a report is about.',
  valuesConfig: {
    SUITE: { description: 'A suite (the whole HW1 catalogue launched at once): one section per HW1 question.' },
    EXPERIMENT: { description: 'One experiment: the section of its question (or one untitled section for a custom experiment).' },
  },
});

@ObjectType({ description: 'The data, optimiser, batch size, epochs, seeds and scale of a section’s runs, read from their effective specs.' })
export class ReportSetup {
  @Field(() => String, { description: 'What the runs train on, e.g. `MNIST, 8,000 train / 2,000 test`; distinct descriptions joined by `; `.' })
  data!: string;

  @Field(() => String, { description: 'e.g. `Adam (lr 0.001)`; distinct ones joined by `; `.' })
  optimizer!: string;

  @Field(() => String, { description: 'Distinct batch sizes, ascending, joined by `, `.' })
  batchSize!: string;

  @Field(() => String, { description: 'Distinct epoch counts (or `N steps`), joined by `, `; notes a stop criterion when there is one.' })
  epochs!: string;

  @Field(() => Int, { description: 'Distinct seeds over the runs: the independent trainings.' })
  seeds!: number;

  @Field(() => Int, { description: 'Runs of the experiment.' })
  runs!: number;

  @Field(() => String, { nullable: true, description: '`quick`, `standard` or `full`; null for a raw spec.' })
  scale!: string | null;
}

@ObjectType({ description: 'One row of a torchsummary table: a module of the PyTorch equivalent.' })
export class TorchSummaryRow {
  @Field(() => String, { description: 'torchsummary’s key: module class and index, e.g. `Conv2d-1`.' })
  layer!: string;

  @Field(() => [Int], { description: 'Output shape, batch first as -1, channels before height and width, e.g. [-1, 16, 32, 32].' })
  outputShape!: number[];

  @Field(() => Int, { description: 'Parameters of the module.' })
  params!: number;
}

@ObjectType({ description: 'A model’s summary in torchsummary’s layout and numbers (MB = 2²⁰ bytes, float32, batch size 1).' })
export class ModelSummaryTable {
  @Field(() => String, { description: 'The model’s name, e.g. `cnn-shallow`.' })
  model!: string;

  @Field(() => [String], { description: 'The run groups that train this model.' })
  groups!: string[];

  @Field(() => [TorchSummaryRow], { description: '`Layer (type) | Output Shape | Param #`, in order.' })
  rows!: TorchSummaryRow[];

  @Field(() => Int, { description: 'Total params.' })
  totalParams!: number;

  @Field(() => Int, { description: 'Trainable params (every Saddle parameter is trainable).' })
  trainableParams!: number;

  @Field(() => Int, { description: 'Non-trainable params (batch-norm statistics are buffers, as in PyTorch: 0).' })
  nonTrainableParams!: number;

  @Field(() => Float, { description: 'Input size (MB): ∏ input × 4 B.' })
  inputSizeMb!: number;

  @Field(() => Float, { description: 'Forward/backward pass size (MB): 2 × Σ ∏ output × 4 B (torchsummary doubles the activations for their gradients).' })
  forwardBackwardSizeMb!: number;

  @Field(() => Float, { description: 'Params size (MB): total params × 4 B.' })
  paramsSizeMb!: number;

  @Field(() => Float, { description: 'Estimated Total Size (MB): the sum of the three sizes.' })
  estimatedTotalSizeMb!: number;

  @Field(() => String, { description: 'The table as torchsummary prints it, byte for byte (sizes rounded as Python’s %0.2f).' })
  text!: string;
}

@ObjectType({ description: 'A figure of a section: draw it from the experiment’s data (`Experiment.analyses` by id, or the metric series for METRIC_LINES).' })
export class ReportFigure {
  @Field(() => ID, { description: 'The experiment that holds it.' })
  experimentId!: string;

  @Field(() => String, { description: 'The figure’s id within the experiment (a preset FigureSpec id or an analysis Figure id).' })
  figureId!: string;

  @Field(() => String, { description: 'Its title.' })
  title!: string;

  @Field(() => FigureKindEnum, { description: 'How it is drawn; METRIC_LINES from the runs’ metric series.' })
  kind!: string;
}

@ObjectType({ description: 'A verdict on one part of a section’s claim, computed from the stored data by the engine (never written by hand).' })
export class ReportVerdict {
  @Field(() => String, { description: 'Stable id, e.g. `fit-function/deep-beats-shallow/sinc5`.' })
  id!: string;

  @Field(() => String, { description: 'The claim this verdict is on, in one sentence.' })
  statement!: string;

  @Field(() => VerdictEnum, { description: 'HOLDS, DOES_NOT_HOLD, MIXED or UNDECIDED.' })
  verdict!: Verdict;

  @Field(() => Boolean, { description: 'True exactly when the verdict is HOLDS.' })
  holds!: boolean;

  @Field(() => String, { description: 'The evidence with its numbers, e.g. `deep < shallow final train/loss in 2 of 5 seeds; median ratio 1.8`.' })
  evidence!: string;

  @Field(() => Int, { description: 'Independent trainings (seeds) the verdict rests on.' })
  seeds!: number;
}

@ObjectType({ description: 'One HW1 question of a report: question, setup, models, figures, claim with verdicts, and an editable note.' })
export class ReportSection {
  @Field(() => String, { description: 'Stable key, the address of its note, e.g. `hw1-1-simulate-function`.' })
  key!: string;

  @Field(() => String, { description: '`HW1-1`, `HW1-2` or `HW1-3`; empty for a custom experiment.' })
  part!: string;

  @Field(() => String, { description: 'The section’s title.' })
  title!: string;

  @Field(() => String, { description: 'The question HW1 asks, in one sentence.' })
  question!: string;

  @Field(() => String, { description: 'The claim HW1 makes, in one sentence; `verdicts` test its parts.' })
  claim!: string;

  @Field(() => ID, { nullable: true, description: 'The experiment behind the section; null when the suite has none for it.' })
  experimentId!: string | null;

  @Field(() => String, { nullable: true, description: 'That experiment’s name.' })
  experimentName!: string | null;

  @Field(() => ExperimentStatusEnum, { nullable: true, description: 'That experiment’s status.' })
  status!: ExperimentStatus | null;

  @Field(() => Boolean, { description: 'True while its experiment is queued, running or analysing: figures and verdicts will change.' })
  running!: boolean;

  @Field(() => ReportSetup, { nullable: true, description: 'null when the runs have no specs (logged by scripts) or there is no experiment.' })
  setup!: ReportSetup | null;

  @Field(() => [ModelSummaryTable], { description: 'One torchsummary table per distinct model (known once a run has started).' })
  models!: ModelSummaryTable[];

  @Field(() => [ReportFigure], { description: 'Its figures: the preset’s metric figures, then the stored analysis figures.' })
  figures!: ReportFigure[];

  @Field(() => [ReportVerdict], { description: 'The verdicts on the claim, from the stored data (UNDECIDED while too little is stored).' })
  verdicts!: ReportVerdict[];

  @Field(() => String, { description: 'The section’s note, Markdown source (`` when none).' })
  note!: string;

  @Field(() => String, { description: 'The note rendered to HTML and sanitised (no scripts, event handlers or javascript: links): safe to insert.' })
  noteHtml!: string;
}

@ObjectType({ description: 'Where to download a report’s exports: paths on the API’s origin, GET with the same bearer token as /graphql.' })
export class ReportDownloads {
  @Field(() => String, { description: 'A zip: report.md with its figures as SVG and PNG files beside it (relative links).' })
  markdownZip!: string;

  @Field(() => String, { description: 'One self-contained HTML file, figures inlined as SVG.' })
  html!: string;

  @Field(() => String, { description: 'The HTML printed to PDF by Chromium (503 with how to install one when the server has none).' })
  pdf!: string;
}

@ObjectType({ description: 'A report written from live data: a suite’s (every HW1 question, in HW1’s order) or one experiment’s.' })
export class Report {
  @Field(() => ID, { description: 'The suite’s or the experiment’s id.' })
  id!: string;

  @Field(() => ReportSubjectEnum, { description: 'SUITE or EXPERIMENT.' })
  subject!: 'suite' | 'experiment';

  @Field(() => String, { description: 'e.g. `HW1 report (quick)`, or the experiment’s name.' })
  title!: string;

  @Field(() => String, { nullable: true, description: '`quick`, `standard` or `full`.' })
  scale!: string | null;

  @Field(() => Boolean, { description: 'True while any section is running; poll (or follow its experiments’ events) until false.' })
  running!: boolean;

  @Field(() => DateTimeScalar, { description: 'When the suite or experiment was launched.' })
  createdAt!: Date;

  @Field(() => [ReportSection], { description: 'In HW1’s order: HW1-1, HW1-2, HW1-3.' })
  sections!: ReportSection[];

  @Field(() => ReportDownloads, { description: 'The export downloads.' })
  downloads!: ReportDownloads;
}

@ObjectType({ description: 'A report section’s note as stored.' })
export class ReportNote {
  @Field(() => ID, { description: 'The report (suite or experiment id).' })
  reportId!: string;

  @Field(() => String, { description: 'The section’s key.' })
  sectionKey!: string;

  @Field(() => String, { description: 'Markdown source.' })
  markdown!: string;

  @Field(() => String, { description: 'Rendered and sanitised HTML.' })
  html!: string;
}

function toModelTable(model: ReportModel): ModelSummaryTable {
  return {
    model: model.model,
    groups: model.groups,
    rows: model.rows.map((r) => ({ layer: r.key, outputShape: r.outputShape, params: r.params })),
    totalParams: model.totalParams,
    trainableParams: model.trainableParams,
    nonTrainableParams: model.nonTrainableParams,
    inputSizeMb: model.inputSizeMb,
    forwardBackwardSizeMb: model.forwardBackwardSizeMb,
    paramsSizeMb: model.paramsSizeMb,
    estimatedTotalSizeMb: model.estimatedTotalSizeMb,
    text: formatTorchSummary(model),
  };
}

export function toReportSection(section: ReportSectionData): ReportSection {
  return {
    key: section.key,
    part: section.part,
    title: section.title,
    question: section.question,
    claim: section.claim,
    experimentId: section.experimentId,
    experimentName: section.experimentName,
    status: section.status,
    running: section.running,
    setup: section.setup,
    models: section.models.map(toModelTable),
    figures: section.figures.map((f) => ({ experimentId: f.experimentId, figureId: f.figureId, title: f.title, kind: f.kind })),
    verdicts: section.verdicts.map((v) => ({ id: v.id, statement: v.claim, verdict: v.verdict, holds: v.verdict === 'holds', evidence: v.evidence, seeds: v.seeds })),
    note: section.note,
    noteHtml: renderNoteHtml(section.note),
  };
}

/** The download paths of a report (routes in reports/report.http.ts). */
export function reportDownloads(id: string): ReportDownloads {
  const base = `/reports/${encodeURIComponent(id)}`;
  return { markdownZip: `${base}.md.zip`, html: `${base}.html`, pdf: `${base}.pdf` };
}

export function toReportObject(report: ReportData): Report {
  return {
    id: report.id,
    subject: report.subject,
    title: report.title,
    scale: report.scale,
    running: report.running,
    createdAt: new Date(report.createdAt),
    sections: report.sections.map(toReportSection),
    downloads: reportDownloads(report.id),
  };
}
