/**
 * HW1 1-2 "what happens when the gradient is almost zero": many trainings of a small MLP, each
 * continued by minimising ‖∇L‖² until the gradient vanishes; at that point the Hessian's
 * eigenvalues give the minimal ratio (fraction of positive eigenvalues). Low-loss points sit near
 * ratio 1 (minima), higher-loss points lower (saddles). Points that never reach the gradient
 * threshold are kept and marked.
 */
import { mlpSpec } from '../models/zoo.js';
import { finishRuns, spec } from './common.js';
import { numberKnob, numberListKnob, resolveKnobs } from './overrides.js';
import type { Figure, Preset, PresetOptions, PresetRun, RunArtifacts } from './types.js';

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
    { key: 'runs', description: 'Trainings from different seeds', quick: 4, full: 100, min: 1, integer: true },
    { key: 'hidden', description: 'Hidden widths of the MLP, comma-separated', quick: '10,10', full: '10,10' },
    { key: 'eigenTolerance', description: 'An eigenvalue counts as positive when > this × the largest |eigenvalue|', quick: 1e-6, full: 1e-6, min: 0 },
    { key: 'bins', description: 'Histogram bins of the spectrum', quick: 40, full: 60, min: 1, integer: true },
  ],
  runs(options: PresetOptions): PresetRun[] {
    const knobs = resolveKnobs(minimalRatio, options);
    const quick = options.scale === 'quick';
    const hidden = numberListKnob(knobs, 'hidden');
    const model = mlpSpec(`mlp-${hidden.join('x')}`, hidden, 1);
    const runs = Array.from(
      { length: numberKnob(knobs, 'runs') },
      (_, index): PresetRun => ({
        key: `seed${index}`,
        group: model.name,
        config: { seed: index },
        spec: spec({
          model: structuredClone(model),
          data: { kind: 'function', fn: 'sinc5', n: quick ? 200 : 1000, sampling: 'grid' },
          loss: 'mse',
          optimizer: { kind: 'adam', lr: 1e-3 },
          batchSize: quick ? 50 : 100,
          epochs: quick ? 20 : 200,
          seed: index,
          evalEvery: quick ? 5 : 20,
          gradNormEvery: 10,
          zeroGradient: {
            gradNormThreshold: 1e-3,
            maxSteps: quick ? 300 : 5000,
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

async function analyzeMinimalRatio(runs: RunArtifacts[], options: PresetOptions, onProgress?: (fraction: number) => void): Promise<Figure[]> {
  void runs; void options; void onProgress;
  throw new Error('analyzeMinimalRatio: not yet');
}
