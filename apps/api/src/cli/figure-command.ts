/**
 * `saddle figure` and `saddle plot`: an experiment's figures from the store, drawn without a
 * browser. A figure is either an analysis figure (stored when the analyses ran) or one of the
 * preset's metric figures (drawn from the runs' stored metric series, one panel per metric, a
 * line per run — as on the dashboard). Every figure is drawn with the experiment's runs, so a model
 * has one colour in all of them (the report section, `saddle figure`) and a facet one line style.
 */
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { NotFoundError } from '../errors.js';
import type { RunRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { PresetCatalogue } from '../presets/catalogue.js';
import { renderFigureSvg, svgToPng, type RenderableFigure } from './figure-render.js';
import { textPlot } from './text-plot.js';
import type { CliIo } from './run-command.js';
import type { FigureData, FigureSpec } from '@saddle/engine';
import type { GroupedRun } from '@saddle/engine/run-groups';

/** Points per run and metric in a metric figure: plenty for a page, min/max buckets keep spikes. */
const METRIC_FIGURE_POINTS = 2000;

export interface FigureEntry {
  id: string;
  title: string;
  kind: FigureData['kind'] | 'metric-lines';
  /** The views it can be drawn in (`--view`): a paths figure's (whole model, a layer) or a scatter's other y definitions. */
  views: string[];
  /** Draws it (reads the store for metric figures). */
  load(): Promise<RenderableFigure>;
}

/** Every figure of an experiment: the preset's metric figures, then the stored analysis figures. */
export async function experimentFigures(store: Store, catalogue: PresetCatalogue, experimentId: string): Promise<FigureEntry[]> {
  const experiment = await store.getExperiment(experimentId);
  if (!experiment) throw new NotFoundError('Experiment', experimentId);
  const specs: FigureSpec[] = (experiment.preset && catalogue.get(experiment.preset)?.figures) || [];
  // The experiment's runs, read once for all its figures: the colour of a group and the style of a facet.
  let runsRead: Promise<RunRecord[]> | undefined;
  const runs = () => (runsRead ??= store.runsOf(experimentId));
  const grouped = async (): Promise<GroupedRun[]> => (await runs()).map((r) => ({ key: r.key, group: r.group, config: r.config }));
  const metricFigures = specs.flatMap((spec): FigureEntry[] =>
    spec.kind === 'metric-lines'
      ? [{ id: spec.id, title: spec.title, kind: spec.kind, views: [], load: async () => ({ ...(await metricFigure(store, await runs(), spec)), runs: await grouped() }) }]
      : [],
  );
  const stored = (await store.figuresOf(experimentId)).map((f): FigureEntry => ({ id: f.id, title: f.title, kind: f.kind, views: viewsOf(f.data), load: async () => ({ title: f.title, panels: [{ data: f.data }], runs: await grouped() }) }));
  return [...metricFigures, ...stored];
}

function viewsOf(data: FigureData): string[] {
  if (data.kind === 'paths') return data.views.map((v) => v.id);
  if (data.kind === 'scatter') return (data.views ?? []).map((v) => v.id);
  return [];
}

async function metricFigure(store: Store, runs: readonly RunRecord[], spec: Extract<FigureSpec, { kind: 'metric-lines' }>): Promise<RenderableFigure> {
  const panels = [];
  for (const key of spec.metrics) {
    const series = [];
    for (const run of runs) {
      const { points } = await store.metricSeriesDownsampled(run.id, key, METRIC_FIGURE_POINTS);
      if (points.length === 0) continue;
      series.push({ label: run.key, group: run.group, runKey: run.key, points: points.map((p) => ({ x: spec.x === 'epoch' ? (p.epoch ?? p.step) : p.step, y: p.value })) });
    }
    panels.push({ ...(spec.metrics.length > 1 && { title: key }), data: { kind: 'lines' as const, x: { label: spec.x, scale: 'linear' as const }, y: { label: key, scale: spec.yScale }, series } });
  }
  return { title: spec.title, panels };
}

export interface FigureCommandOptions {
  out?: string;
  view?: string;
  width: number;
  height: number;
}

/** Lists the figure ids, or renders one to `--out` (.svg or .png by its extension). Returns the exit code. */
export async function figureCommand(store: Store, catalogue: PresetCatalogue, experimentId: string, figureId: string | undefined, options: FigureCommandOptions, io: CliIo): Promise<number> {
  const figures = await experimentFigures(store, catalogue, experimentId);
  if (figureId === undefined && options.out) {
    io.err.write(`saddle figure: bad <figureId>: missing; --out ${options.out} draws one figure\n  allowed: ${figures.map((f) => f.id).join(', ') || '(none yet)'}\n`);
    return 2;
  }
  if (figureId === undefined) {
    if (figures.length === 0) io.err.write(`saddle figure: experiment ${experimentId} has no figures yet (its analyses have not run)\n`);
    const idWidth = Math.max(0, ...figures.map((f) => f.id.length));
    for (const f of figures) io.out.write(`${f.id.padEnd(idWidth)}  ${f.kind.padEnd(12)}  ${f.title}${f.views.length > 1 ? `  [--view ${f.views.join(' | ')}]` : ''}\n`);
    return 0;
  }
  const entry = figures.find((f) => f.id === figureId);
  if (!entry) {
    io.err.write(`saddle figure: bad <figureId>: experiment ${experimentId} has no figure ${JSON.stringify(figureId)}\n  allowed: ${figures.map((f) => f.id).join(', ') || '(none yet)'}\n`);
    return 2;
  }
  const format = options.out ? extname(options.out).toLowerCase() : '';
  if (!options.out || (format !== '.svg' && format !== '.png')) {
    io.err.write(`saddle figure: bad --out: ${options.out ? `${JSON.stringify(options.out)} ends in neither .svg nor .png` : 'missing'}; give --out fig.svg or --out fig.png\n`);
    return 2;
  }
  if (options.view !== undefined && !entry.views.includes(options.view)) {
    io.err.write(`saddle figure: bad --view: figure ${entry.id} has no view ${JSON.stringify(options.view)}\n  allowed: ${entry.views.join(', ') || '(it has one view: leave --view out)'}\n`);
    return 2;
  }
  const figure = await entry.load();
  const svg = renderFigureSvg(options.view === undefined ? figure : { ...figure, panels: figure.panels.map((p) => ({ ...p, view: options.view })) }, { width: options.width, height: options.height });
  writeFileSync(options.out, format === '.png' ? svgToPng(svg) : svg);
  io.err.write(`saddle figure: wrote ${options.out} (${entry.title}, ${options.width}×${options.height})\n`);
  return 0;
}

export interface PlotCommandOptions {
  width: number;
  height: number;
}

/** The text plot of one run's metric. Returns the exit code. */
export async function plotCommand(store: Store, runId: string, metricKey: string, options: PlotCommandOptions, io: CliIo): Promise<number> {
  const run = await store.getRun(runId);
  if (!run) throw new NotFoundError('Run', runId);
  const keys = await store.metricKeys(runId);
  if (!keys.includes(metricKey)) {
    io.err.write(`saddle plot: bad <metricKey>: run ${run.key} (${runId}) has no metric ${JSON.stringify(metricKey)}\n  allowed: ${keys.join(', ') || '(none yet)'}\n`);
    return 2;
  }
  // The whole series (a CLI reads it once); textPlot buckets it to the terminal's columns.
  const points = await store.metricSeries(runId, metricKey);
  try {
    io.out.write(textPlot(points, { width: options.width, height: options.height, title: `${metricKey} of run ${run.key}` }));
  } catch (error) {
    io.err.write(`saddle plot: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  return 0;
}
