/**
 * Run a preset in this process: every run in turn through the engine's `train`, then the preset's
 * `analyze`. Tests, benchmarks and the CLI's offline mode use it; the API runs the same presets
 * through its own worker processes instead.
 */
import type { MetricPoint, TrainEvent } from '../train/events.js';
import { train } from '../train/train.js';
import { metricFigures } from './metric-figures.js';
import type { Figure, Preset, PresetOptions, PresetRun, RunArtifacts } from './types.js';

export interface RunLocallyHooks {
  /** Every training event, with the run it belongs to. */
  onEvent?: (run: PresetRun, event: TrainEvent) => void;
  /** Analysis progress in [0, 1], once all runs are done. */
  onAnalysisProgress?: (fraction: number) => void;
  /** Cancels the current run (and the ones after it). */
  signal?: AbortSignal;
}

export interface LocalPresetResult {
  runs: RunArtifacts[];
  /** The analysis figures of `analyze`, then one `lines` figure per metric of each metric figure. */
  figures: Figure[];
  /** Wall-clock milliseconds of training (all runs) and of the analysis. */
  timings: { trainMs: number; analyzeMs: number };
}

export async function runPresetLocally(preset: Preset, options: PresetOptions, hooks: RunLocallyHooks = {}): Promise<LocalPresetResult> {
  const planned = preset.runs(options);
  const runs: RunArtifacts[] = [];
  const trainStart = performance.now();
  for (const run of planned) {
    hooks.signal?.throwIfAborted();
    const snapshots: RunArtifacts['snapshots'] = [];
    const metrics: MetricPoint[] = [];
    const sink = (event: TrainEvent): void => {
      if (event.type === 'metrics') metrics.push(...event.points);
      else if (event.type === 'snapshot') snapshots.push({ step: event.step, epoch: event.epoch, theta: event.theta, state: event.state });
      hooks.onEvent?.(run, event);
    };
    const end = await train(run.spec, sink, hooks.signal ? { signal: hooks.signal } : {});
    if (end.status === 'FAILED' || end.status === 'CANCELLED') {
      throw new Error(`runPresetLocally: preset '${preset.id}', run '${run.key}' ${end.status}: ${end.error ?? 'no reason given'}`);
    }
    runs.push({ ...run, end, snapshots, metrics });
  }
  const trainMs = performance.now() - trainStart;
  const analyzeStart = performance.now();
  const analysed = await preset.analyze(runs, options, hooks.onAnalysisProgress);
  const figures = [
    ...analysed,
    ...preset.figures.flatMap((spec) => (spec.kind === 'metric-lines' ? metricFigures(spec, runs) : [])),
  ];
  return { runs, figures, timings: { trainMs, analyzeMs: performance.now() - analyzeStart } };
}
