/**
 * HW1 1-2 "what happens when the gradient is almost zero": many trainings of a small MLP, each
 * continued by minimising ‖∇L‖² until the gradient vanishes; at that point the Hessian's
 * eigenvalues give the minimal ratio (fraction of positive eigenvalues). Low-loss points sit near
 * ratio 1 (minima), higher-loss points lower (saddles). Points that never reach the gradient
 * threshold are kept and marked.
 */
import { criticalPointAnalysis, type CriticalPointResult, DEFAULT_MINIMAL_RATIO_RELATIVE_TOLERANCE, minimalRatio as ratioOfSpectrum } from '../analysis/minimal_ratio.js';
import { resolveRunSpec } from '../config.js';
import { mlpSpec } from '../models/zoo.js';
import { finishRuns } from './common.js';
import { loadRunContext, splitTensors } from './context.js';
import { numberKnob, numberListKnob, resolveKnobs } from './overrides.js';
import { SYMLOG_RELATIVE_CONSTANT, type Figure, type FigureData, type Preset, type PresetOptions, type PresetRun, type RunArtifacts } from './types.js';

export const minimalRatio: Preset = {
  id: 'minimal-ratio',
  title: 'Minimal ratio vs loss at zero-gradient points',
  description:
    'A small ReLU MLP (1→10→10→1, 141 params) trained on sin(5x)/(5x) from many seeds (100 at full scale), then driven to ‖∇L‖ < 1e-3 by minimising ‖∇L‖²; ' +
    'the exact Hessian there gives the minimal ratio. Runs that do not reach the threshold are marked.',
  figures: [
    { id: 'ratio-vs-loss', title: 'Minimal ratio vs loss', kind: 'scatter' },
    { id: 'spectrum', title: 'Hessian eigenvalues at the zero-gradient points', kind: 'histogram' },
  ],
  knobs: [
    { key: 'runs', description: 'Trainings from different seeds', quick: 4, standard: 100, full: 100, min: 1, integer: true },
    { key: 'hidden', description: 'Hidden widths of the MLP, comma-separated', quick: '10,10', standard: '10,10', full: '10,10' },
    { key: 'eigenTolerance', description: 'An extra floor of the flat tolerance, × the largest |eigenvalue| (0: the derived tolerance alone)', quick: DEFAULT_MINIMAL_RATIO_RELATIVE_TOLERANCE, standard: DEFAULT_MINIMAL_RATIO_RELATIVE_TOLERANCE, full: DEFAULT_MINIMAL_RATIO_RELATIVE_TOLERANCE, min: 0 },
    { key: 'bins', description: 'Histogram bins of the spectrum', quick: 40, standard: 60, full: 60, min: 1, integer: true },
  ],
  runs(options: PresetOptions): PresetRun[] {
    const knobs = resolveKnobs(minimalRatio, options);
    // `standard` is the full protocol: 100 seeds with their Hessians take about a minute here.
    const quick = options.scale === 'quick';
    const hidden = numberListKnob(knobs, 'hidden');
    const model = mlpSpec(`mlp-${hidden.join('x')}`, hidden, 1);
    const runs = Array.from(
      { length: numberKnob(knobs, 'runs') },
      (_, index): PresetRun => ({
        key: `seed${index}`,
        group: model.name,
        config: { seed: index },
        spec: resolveRunSpec({
          model: structuredClone(model),
          data: { kind: 'function', fn: 'sinc5', n: quick ? 200 : 1000, sampling: 'grid' },
          loss: 'mse',
          optimizer: { kind: 'adam', lr: quick ? 1e-2 : 1e-3 },
          batchSize: quick ? 50 : 100,
          epochs: quick ? 200 : 1000,
          seed: index,
          evalEvery: quick ? 5 : 20,
          gradNormEvery: 10,
          zeroGradient: {
            gradNormThreshold: 1e-3,
            maxSteps: quick ? 500 : 5000,
            optimizer: { kind: 'adam', lr: 1e-3 },
          },
        }),
      }),
    );
    return finishRuns(minimalRatio, options, runs);
  },
  async analyze(runs, options, onProgress) {
    return analyzeMinimalRatio(runs, options, onProgress);
  },
};

/**
 * At each run's final θ (the end of its zero-gradient phase): the exact Hessian's eigenvalues, the
 * flat / positive / negative counts under the derived tolerance (`flatTolerance`: float32 noise
 * and the gradient threshold over one step of the phase's optimiser), the minimal ratio under both
 * definitions, and the dead ReLU units. Every run's whole spectrum is kept in its point's meta.
 * The zero-gradient walk itself happened in training; here it takes no further step, so
 * `converged` says whether training's walk reached the threshold.
 */
async function analyzeMinimalRatio(runs: RunArtifacts[], options: PresetOptions, onProgress?: (fraction: number) => void): Promise<Figure[]> {
  const knobs = resolveKnobs(minimalRatio, options);
  const relativeFloor = numberKnob(knobs, 'eigenTolerance');
  const cache = new Map();
  const points: Extract<FigureData, { kind: 'scatter' }>['points'] = [];
  const eigenvalues: number[] = [];
  for (const [index, run] of runs.entries()) {
    if (run.end.status !== 'SUCCEEDED') continue;
    const context = await loadRunContext(run.spec, cache);
    const { x, y } = splitTensors(context.dataset.train, context.dataset.inputShape);
    let result: CriticalPointResult;
    try {
      result = criticalPointAnalysis({
        model: context.model,
        theta: run.end.theta,
        ...(run.end.state.length > 0 ? { state: run.end.state } : {}),
        data: { x, y },
        loss: run.spec.loss,
        threshold: run.spec.zeroGradient?.gradNormThreshold ?? 1e-3,
        maxSteps: 0,
        // The phase's own optimiser: its step is the resolution of the gradient term.
        ...(run.spec.zeroGradient ? { optimizer: run.spec.zeroGradient.optimizer } : {}),
        relativeFloor,
      });
    } finally {
      x.dispose();
      y.dispose();
    }
    const converged = run.end.zeroGradient?.converged ?? result.converged;
    const ratio = result.minimalRatio;
    const rule = ratio.toleranceRule;
    // A third reading: flat only where float32 noise hides the sign, so every eigenvalue the
    // arithmetic resolves counts — the derived tolerance also flattens what the ‖∇L‖ threshold cannot.
    const noiseOnly = rule.kind === 'derived' ? ratioOfSpectrum(result.eigenvalues, { absolute: rule.noise }) : undefined;
    points.push({
      x: result.loss,
      y: ratio.minimalRatio,
      label: run.key,
      runKey: run.key,
      group: run.group,
      marked: !converged,
      meta: {
        converged,
        gradNorm: result.gradNorm,
        zeroGradientSteps: run.end.zeroGradient?.steps ?? 0,
        minimalRatioAll: ratio.minimalRatio,
        minimalRatioNonFlat: ratio.minimalRatioNonFlat,
        ...(noiseOnly ? { minimalRatioNoiseOnly: noiseOnly.minimalRatioNonFlat, flatNoiseOnly: noiseOnly.flat } : {}),
        positive: ratio.positive,
        negative: ratio.negative,
        flat: ratio.flat,
        tolerance: ratio.tolerance,
        ...(rule.kind === 'derived' ? { toleranceNoise: rule.noise, toleranceGradient: rule.gradient, toleranceFloor: rule.floor } : {}),
        ...(result.deadUnits ? { deadUnits: result.deadUnits.dead, reluUnits: result.deadUnits.units } : {}),
        eigenvalues: result.eigenvalues,
      },
    });
    eigenvalues.push(...result.eigenvalues);
    onProgress?.((index + 1) / runs.length);
  }
  const flatRule = 'flat: |λ| ≤ max(2√n·float32 noise, ‖∇L‖ threshold / one search step)';
  return [
    {
      id: 'ratio-vs-loss',
      title: `Minimal ratio vs loss (${flatRule}; marked: ‖∇L‖ did not reach the threshold)`,
      data: {
        kind: 'scatter',
        x: { label: 'loss', scale: 'log' },
        y: { label: 'minimal ratio: positive / all eigenvalues (HW1)', scale: 'linear' },
        points,
        markedLabel: 'not converged: ‖∇L‖ stayed above the threshold',
        views: [
          { id: 'all', label: 'positive / all eigenvalues (HW1’s definition)', y: { label: 'minimal ratio: positive / all eigenvalues (HW1)', scale: 'linear' }, metaKey: 'minimalRatioAll' },
          { id: 'non-flat', label: 'positive / non-flat eigenvalues', y: { label: 'minimal ratio: positive / non-flat eigenvalues', scale: 'linear' }, metaKey: 'minimalRatioNonFlat' },
          ...(points.every((p) => typeof p.meta?.minimalRatioNoiseOnly === 'number')
            ? [{ id: 'noise-only', label: 'positive / eigenvalues above float32 noise', y: { label: 'minimal ratio: positive / (|λ| > float32 noise)', scale: 'linear' as const }, metaKey: 'minimalRatioNoiseOnly' }]
            : []),
        ],
      },
    },
    {
      id: 'spectrum',
      title: 'Hessian eigenvalues at the zero-gradient points (all runs pooled; each run’s own in the scatter’s meta)',
      data: {
        kind: 'histogram',
        // Symmetric log: the bulk near 0, its negative eigenvalues and the positive outliers all show
        // (on a linear axis the bulk, negatives included, was one bar at 0).
        x: { label: 'eigenvalue', scale: 'symlog' },
        y: { label: 'count', scale: 'log' },
        bins: symlogHistogram(eigenvalues, numberKnob(knobs, 'bins')),
      },
    },
  ];
}

/**
 * Bins of equal width in symlog space (sign(v)·log10(1 + |v|/c), c = SYMLOG_RELATIVE_CONSTANT ×
 * max |v|) over [min, max]: as wide as they are drawn on the figure's symlog axis. Edges are in
 * value space; the first is the least value, the last the greatest.
 */
export function symlogHistogram(values: number[], binCount: number): { x0: number; x1: number; count: number }[] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [];
  const maxAbs = Math.max(...finite.map(Math.abs));
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  if (maxAbs === 0 || min === max) return [{ x0: min, x1: max, count: finite.length }];
  const c = SYMLOG_RELATIVE_CONSTANT * maxAbs;
  const forward = (v: number) => Math.sign(v) * Math.log10(1 + Math.abs(v) / c);
  const inverse = (t: number) => Math.sign(t) * c * (10 ** Math.abs(t) - 1);
  const lo = forward(min);
  const width = (forward(max) - lo) / binCount;
  const bins = Array.from({ length: binCount }, (_, i) => ({ x0: i === 0 ? min : inverse(lo + i * width), x1: i === binCount - 1 ? max : inverse(lo + (i + 1) * width), count: 0 }));
  for (const v of finite) bins[Math.min(binCount - 1, Math.floor((forward(v) - lo) / width))]!.count++;
  return bins;
}

/** Equal-width bins over [min, max] of the values (one bin when they are all equal); run-analysis' sensitivity histogram too. */
export function histogram(values: number[], binCount: number): { x0: number; x1: number; count: number }[] {
  if (values.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  if (max === min) return [{ x0: min, x1: max, count: values.length }];
  const width = (max - min) / binCount;
  const bins = Array.from({ length: binCount }, (_, i) => ({ x0: min + i * width, x1: i === binCount - 1 ? max : min + (i + 1) * width, count: 0 }));
  for (const value of values) bins[Math.min(binCount - 1, Math.floor((value - min) / width))]!.count++;
  return bins;
}
