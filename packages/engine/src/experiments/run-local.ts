/**
 * Run a preset in this process, then the preset's `analyze`. Runs whose specs differ only in
 * their seed and learning rate (or a function target) and whose model `applyEnsemble` can batch are trained together
 * as one `trainEnsemble` group; every other run goes through `train` alone. Either way each run
 * gets its own events, metrics, snapshots and `RunEnd`, equal to what `train` gives it (to float
 * rounding). Tests, benchmarks and the CLI's offline mode use it; the API runs the same presets
 * through its own worker processes instead.
 */
import { inputShapeOf } from '../data/shapes.js';
import { ensembleUnsupportedReason } from '../models/ensemble.js';
import { buildModel } from '../models/model.js';
import type { RunSpec } from '../config.js';
import { ensembleKey, trainEnsemble } from '../train/ensemble.js';
import type { MetricPoint, RunEnd, TrainEvent, TrainSink } from '../train/events.js';
import { train } from '../train/train.js';
import { metricFigures } from './metric-figures.js';
import type { Figure, Preset, PresetOptions, PresetRun, RunArtifacts } from './types.js';

export interface RunLocallyHooks {
  /**
   * Every training event, with the run it belongs to. A run's own events come in the order
   * `train` sends them; the runs of one ensemble group take their steps together, so their
   * events interleave.
   */
  onEvent?: (run: PresetRun, event: TrainEvent) => void;
  /** Analysis progress in [0, 1], once all runs are done. */
  onAnalysisProgress?: (fraction: number) => void;
  /** Cancels the current run (and the ones after it). */
  signal?: AbortSignal;
  /** Train seed sweeps of small MLPs as ensembles (default true); false: every run alone through `train`. */
  ensembles?: boolean;
}

export interface LocalPresetResult {
  runs: RunArtifacts[];
  /** The analysis figures of `analyze`, then one `lines` figure per metric of each metric figure. */
  figures: Figure[];
  /** Wall-clock milliseconds of training (all runs) and of the analysis. */
  timings: { trainMs: number; analyzeMs: number };
  /** Keys of the runs trained together by each `trainEnsemble` call, in the order they ran. */
  ensembles: string[][];
}

/**
 * Runs cut into training groups, in order of each group's first run: runs with the same
 * `ensembleKey` whose model can be batched form one group (for `trainEnsemble`); the rest are
 * groups of one. Any item with a run spec: a preset's planned runs, the API's stored runs.
 */
export function ensembleGroups<T extends { spec: RunSpec }>(planned: readonly T[]): T[][] {
  const groups: T[][] = [];
  const byKey = new Map<string, T[]>();
  for (const run of planned) {
    const model = buildModel(run.spec.model, inputShapeOf(run.spec.data));
    // A stop criterion ends each run at its own step; an ensemble steps all its runs together.
    if (ensembleUnsupportedReason(model) || run.spec.stopWhen) {
      groups.push([run]);
      continue;
    }
    const key = ensembleKey(run.spec);
    const group = byKey.get(key);
    if (group) group.push(run);
    else {
      const created = [run];
      byKey.set(key, created);
      groups.push(created);
    }
  }
  return groups;
}

export async function runPresetLocally(preset: Preset, options: PresetOptions, hooks: RunLocallyHooks = {}): Promise<LocalPresetResult> {
  const planned = preset.runs(options);
  const groups = hooks.ensembles === false ? planned.map((run) => [run]) : ensembleGroups(planned);
  const done = new Map<PresetRun, RunArtifacts>();
  const ensembles: string[][] = [];
  const trainOptions = hooks.signal ? { signal: hooks.signal } : {};
  const trainStart = performance.now();
  for (const group of groups) {
    hooks.signal?.throwIfAborted();
    const collected = group.map((run) => {
      const snapshots: RunArtifacts['snapshots'] = [];
      const metrics: MetricPoint[] = [];
      const sink: TrainSink = (event) => {
        if (event.type === 'metrics') metrics.push(...event.points);
        else if (event.type === 'snapshot') snapshots.push({ step: event.step, epoch: event.epoch, theta: event.theta, state: event.state });
        hooks.onEvent?.(run, event);
      };
      return { run, sink, snapshots, metrics };
    });
    let ends: RunEnd[];
    if (group.length > 1) {
      ensembles.push(group.map((run) => run.key));
      ends = await trainEnsemble(group.map((run) => run.spec), collected.map((c) => c.sink), trainOptions);
    } else {
      ends = [await train(group[0]!.spec, collected[0]!.sink, trainOptions)];
    }
    collected.forEach(({ run, snapshots, metrics }, i) => {
      const end = ends[i]!;
      if (end.status === 'FAILED' || end.status === 'CANCELLED') {
        throw new Error(`runPresetLocally: preset '${preset.id}', run '${run.key}' ${end.status}: ${end.error ?? 'no reason given'}`);
      }
      done.set(run, { ...run, end, snapshots, metrics });
    });
  }
  // In plan order, whatever order the groups trained in.
  const runs = planned.map((run) => done.get(run)!);
  const trainMs = performance.now() - trainStart;
  const analyzeStart = performance.now();
  const analysed = await preset.analyze(runs, options, hooks.onAnalysisProgress);
  const figures = [
    ...analysed,
    ...preset.figures.flatMap((spec) => (spec.kind === 'metric-lines' ? metricFigures(spec, runs) : [])),
  ];
  return { runs, figures, timings: { trainMs, analyzeMs: performance.now() - analyzeStart }, ensembles };
}
