/**
 * HW1 1-1 "simulate a function": three 573-parameter MLPs of different depth fitted to
 * sin(5x)/(5x) and to sgn(sin(5πx)). Deep nets reach a lower loss with the same parameter count.
 */
import { finishRuns, spec, zooSpec } from './common.js';
import { resolveKnobs, stringListKnob } from './overrides.js';
import type { Figure, Preset, PresetOptions, PresetRun, RunArtifacts } from './types.js';
import type { TargetFunction } from '../config.js';

const TARGETS: readonly TargetFunction[] = ['sinc5', 'sgn-sin5pi'];

export const fitFunction: Preset = {
  id: 'fit-function',
  title: 'Fit a function: shallow vs deep at equal parameters',
  description:
    'Shallow (1→1→190→1), middle (1→1→39→12→1) and deep (1→1→5→10→10→10→10→10→5→1) ReLU MLPs, 573 parameters each, ' +
    'trained with Adam on 1,000 grid points of sin(5x)/(5x) and sgn(sin(5πx)) (MSE).',
  figures: [
    { id: 'loss', title: 'Training loss vs epoch', kind: 'metric-lines', metrics: ['train/loss'], x: 'epoch', yScale: 'log' },
    { id: 'prediction-sinc5', title: 'sin(5x)/(5x): prediction vs ground truth', kind: 'lines' },
    { id: 'prediction-sgn-sin5pi', title: 'sgn(sin(5πx)): prediction vs ground truth', kind: 'lines' },
  ],
  knobs: [
    { key: 'models', description: 'Comma-separated zoo MLPs to compare', quick: 'mlp-shallow,mlp-middle,mlp-deep', full: 'mlp-shallow,mlp-middle,mlp-deep' },
    { key: 'targets', description: 'Comma-separated target functions (sinc5, sgn-sin5pi)', quick: 'sinc5,sgn-sin5pi', full: 'sinc5,sgn-sin5pi' },
    { key: 'gridPoints', description: 'Points of the dense grid the predictions are drawn on', quick: 201, full: 1001, min: 2, integer: true },
  ],
  runs(options: PresetOptions): PresetRun[] {
    const knobs = resolveKnobs(fitFunction, options);
    const models = stringListKnob(knobs, 'models');
    const targets = stringListKnob(knobs, 'targets');
    for (const target of targets) {
      if (!TARGETS.includes(target as TargetFunction)) {
        throw new Error(`preset 'fit-function': knob 'targets' allows ${TARGETS.join(', ')}, got '${target}'`);
      }
    }
    const runs: PresetRun[] = [];
    for (const target of targets) {
      models.forEach((model, index) => {
        runs.push({
          key: `${model}/${target}`,
          group: model,
          config: { model, target },
          spec: spec({
            model: zooSpec(model),
            data: { kind: 'function', fn: target as TargetFunction, n: 1000, sampling: 'grid' },
            loss: 'mse',
            optimizer: { kind: 'adam', lr: 1e-3 },
            batchSize: options.scale === 'quick' ? 100 : 128,
            epochs: options.scale === 'quick' ? 100 : 5000,
            seed: index,
            evalEvery: options.scale === 'quick' ? 5 : 10,
            gradNormEvery: options.scale === 'quick' ? 10 : 100,
          }),
        });
      });
    }
    return finishRuns(fitFunction, options, runs);
  },
  async analyze(runs, options, onProgress) {
    return analyzeFitFunction(runs, options, onProgress);
  },
};

async function analyzeFitFunction(runs: RunArtifacts[], options: PresetOptions, onProgress?: (fraction: number) => void): Promise<Figure[]> {
  void runs; void options; void onProgress;
  throw new Error('analyzeFitFunction: not yet');
}
