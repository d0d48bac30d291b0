/**
 * A report, assembled from live data on every read: for a suite, one section per HW1 question
 * in HW1's order, each bound to the suite's experiment of that preset; for one experiment, its
 * section alone. Each section carries the question and claim (sections.ts), the setup read from
 * the runs' effective specs, torchsummary tables of its models, its figures (the same list
 * `saddle figure` draws), the engine's verdicts (`experimentFindings` → `findingsOf`) and the
 * section's Markdown note. The GraphQL types, the exports and the CLI all read this one shape.
 */
import type { DataSpec, Finding, ModelSpec, ModelSummary, OptimizerSpec } from '@saddle/engine';
import { experimentFigures, type FigureEntry } from '../cli/figure-command.js';
import { torchSummaryTable, type TorchSummaryTable } from '../cli/torchsummary.js';
import { LIMITS } from '../common/limits.js';
import { BadInputError, LimitExceededError, NotFoundError } from '../errors.js';
import { experimentFindings } from '../findings/findings.service.js';
import type { PresetCatalogue } from '../presets/catalogue.js';
import type { ExperimentRecord, ExperimentStatus, RunRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { HW1_SECTIONS, sectionOfPreset, type ReportSectionDefinition } from './sections.js';
import type { SuiteService } from './suite.service.js';

export interface ReportSetup {
  /** The data each run trains on, distinct descriptions joined. */
  data: string;
  optimizer: string;
  batchSize: string;
  epochs: string;
  /** Distinct seeds over the runs. */
  seeds: number;
  runs: number;
  scale: string | null;
}

export interface ReportModel extends TorchSummaryTable {
  /** The model's name in the zoo or spec (`cnn-shallow`). */
  model: string;
  /** The run groups that train it. */
  groups: string[];
}

export interface ReportFigureRef {
  experimentId: string;
  figureId: string;
  title: string;
  /** The engine's figure kind, or `metric-lines` for a figure drawn from the runs' metric series. */
  kind: FigureEntry['kind'];
  /** Draws it for an export. */
  load: FigureEntry['load'];
}

export interface ReportSectionData {
  key: string;
  part: string;
  title: string;
  question: string;
  claim: string;
  experimentId: string | null;
  experimentName: string | null;
  /** The experiment's status; null when the suite has no experiment for the section. */
  status: ExperimentStatus | null;
  running: boolean;
  setup: ReportSetup | null;
  models: ReportModel[];
  figures: ReportFigureRef[];
  verdicts: Finding[];
  /** The section's Markdown note ('' when none). */
  note: string;
}

export interface ReportData {
  /** The suite's or the experiment's id. */
  id: string;
  subject: 'suite' | 'experiment';
  title: string;
  scale: string | null;
  running: boolean;
  createdAt: number;
  sections: ReportSectionData[];
}

/** The section of an experiment that no HW1 question covers (a raw spec, a custom preset). */
const CUSTOM_SECTION_KEY = 'experiment';

export class ReportService {
  constructor(private readonly deps: { store: Store; catalogue: PresetCatalogue; suites: SuiteService }) {}

  /** The report of a suite or of an experiment, by its id; null when neither has it. */
  async report(id: string): Promise<ReportData | null> {
    const suite = await this.deps.store.getSuite(id);
    const notes = await this.deps.store.reportNotes(id);
    if (suite) {
      const experiments: ExperimentRecord[] = [];
      for (const experimentId of suite.experimentIds) {
        const experiment = await this.deps.store.getExperiment(experimentId);
        if (experiment) experiments.push(experiment);
      }
      const sections: ReportSectionData[] = [];
      for (const definition of HW1_SECTIONS) {
        const experiment = experiments.find((e) => e.preset === definition.preset);
        sections.push(await this.section(definition, experiment, notes.get(definition.key) ?? ''));
      }
      return { id, subject: 'suite', title: `HW1 report (${suite.scale})`, scale: suite.scale, running: sections.some((s) => s.running), createdAt: suite.createdAt, sections };
    }
    const experiment = await this.deps.store.getExperiment(id);
    if (!experiment) return null;
    const definition = (experiment.preset && sectionOfPreset(experiment.preset)) || customSection(experiment);
    const section = await this.section(definition, experiment, notes.get(definition.key) ?? '');
    return { id, subject: 'experiment', title: experiment.name, scale: experiment.scale, running: section.running, createdAt: experiment.createdAt, sections: [section] };
  }

  async require(id: string): Promise<ReportData> {
    const report = await this.report(id);
    if (!report) throw new NotFoundError('Report', id);
    return report;
  }

  /** Stores a section's note (Markdown; '' removes it) and returns the stored text. */
  async setNote(reportId: string, sectionKey: string, markdown: string): Promise<string> {
    const report = await this.require(reportId);
    if (!report.sections.some((s) => s.key === sectionKey)) {
      throw new BadInputError(`report ${reportId} has no section ${JSON.stringify(sectionKey)}`, ['sectionKey'], report.sections.map((s) => s.key));
    }
    if (markdown.length > LIMITS.notesLengthMax) throw new LimitExceededError('note length', LIMITS.notesLengthMax, markdown.length);
    await this.deps.store.setReportNote(reportId, sectionKey, markdown);
    return markdown;
  }

  private async section(definition: SectionHead, experiment: ExperimentRecord | undefined, note: string): Promise<ReportSectionData> {
    const head = { key: definition.key, part: definition.part, title: definition.title, question: definition.question, claim: definition.claim, note };
    if (!experiment) return { ...head, experimentId: null, experimentName: null, status: null, running: false, setup: null, models: [], figures: [], verdicts: [] };
    const runs = await this.deps.store.runsOf(experiment.id);
    const figures = (await experimentFigures(this.deps.store, this.deps.catalogue, experiment.id)).map((f) => ({ experimentId: experiment.id, figureId: f.id, title: f.title, kind: f.kind, load: f.load }));
    const verdicts = experiment.preset ? (await experimentFindings(this.deps.store, experiment.id)).findings : [];
    const running = experiment.status === 'QUEUED' || experiment.status === 'RUNNING' || experiment.status === 'ANALYZING';
    return { ...head, experimentId: experiment.id, experimentName: experiment.name, status: experiment.status, running, setup: setupOf(runs, experiment.scale), models: modelsOf(runs), figures, verdicts };
  }
}

function customSection(experiment: ExperimentRecord): SectionHead {
  return { key: CUSTOM_SECTION_KEY, part: '', title: experiment.name, question: '', claim: '' };
}

/** What a section says before any data: a HW1 question's, or an empty one for a custom experiment. */
type SectionHead = Omit<ReportSectionDefinition, 'preset'>;

const distinct = <T>(values: readonly T[]): T[] => [...new Set(values)];
const grouped = (n: number): string => n.toLocaleString('en-US');

export function describeData(data: DataSpec): string {
  switch (data.kind) {
    case 'function':
      return `${data.fn === 'sinc5' ? 'sin(5x)/(5x)' : data.fn === 'sgn-sin5pi' ? 'sgn(sin(5πx))' : data.fn} on [-1, 1], ${grouped(data.n)} points (${data.sampling})`;
    case 'mnist':
      return `MNIST, ${grouped(data.trainSize)} train / ${grouped(data.testSize)} test${data.as32x32x3 ? ', as 32×32×3' : ''}${data.randomLabels ? ', random labels' : ''}`;
    case 'cifar10':
      return `CIFAR-10, ${grouped(data.trainSize)} train / ${grouped(data.testSize)} test${data.randomLabels ? ', random labels' : ''}`;
    case 'dataset':
      return `dataset '${data.name}' [${(data.inputShape ?? []).join('×')}], ${data.numClasses ? `${data.numClasses} classes` : 'regression'}, ${Math.round(data.testFraction * 100)}% held out for test${data.randomLabels ? ', random labels' : ''}`;
    default: {
      const other: never = data;
      return String((other as { kind: unknown }).kind);
    }
  }
}

export function describeOptimizer(optimizer: OptimizerSpec): string {
  return optimizer.kind === 'sgd' ? `SGD (lr ${optimizer.lr}${optimizer.momentum ? `, momentum ${optimizer.momentum}` : ''})` : `Adam (lr ${optimizer.lr})`;
}

/** The setup of an experiment's runs, read from their effective specs; null for runs without one (logged by scripts). */
export function setupOf(runs: readonly RunRecord[], scale: string | null): ReportSetup | null {
  const specs = runs.flatMap((r) => (r.spec ? [r.spec] : []));
  if (specs.length === 0) return null;
  return {
    data: distinct(specs.map((s) => describeData(s.data))).join('; '),
    optimizer: distinct(specs.map((s) => describeOptimizer(s.optimizer))).join('; '),
    batchSize: distinct(specs.map((s) => s.batchSize))
      .sort((a, b) => a - b)
      .map(grouped)
      .join(', '),
    epochs: distinct(specs.map((s) => (s.steps !== undefined ? `${grouped(s.steps)} steps` : `${s.epochs}`))).join(', ') + (specs.some((s) => s.stopWhen) ? ' (at most; stopped at a criterion)' : ''),
    seeds: distinct(specs.map((s) => s.seed)).length,
    runs: runs.length,
    scale,
  };
}

/** One torchsummary table per distinct model, from the first run of it that has a summary. */
export function modelsOf(runs: readonly RunRecord[]): ReportModel[] {
  const byName = new Map<string, { spec: ModelSpec; summary: ModelSummary; groups: Set<string> }>();
  for (const run of runs) {
    if (!run.spec || !run.summary) continue;
    const name = run.spec.model.name;
    const entry = byName.get(name);
    if (entry) entry.groups.add(run.group);
    else byName.set(name, { spec: run.spec.model, summary: run.summary, groups: new Set([run.group]) });
  }
  return [...byName.entries()].map(([model, { spec, summary, groups }]) => ({ model, groups: [...groups], ...torchSummaryTable(spec, summary) }));
}
