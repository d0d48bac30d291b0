/**
 * HW1 1-3 "number of parameters vs generalisation": ten CNNs of one shape with widths from
 * (4,4) to (128,128) channels — 3,294 to 501,898 parameters on 32×32×3 — trained alike; their
 * final train and test loss and accuracy against the parameter count.
 */
import { inputShapeOf } from '../data/shapes.js';
import { buildModel } from '../models/model.js';
import { PARAMS_SWEEP_CHANNELS } from '../models/zoo.js';
import { classificationData, cnnRunSpec, finishRuns, withSeeds } from './common.js';
import { numberKnob, resolveKnobs, stringListKnob } from './overrides.js';
import type { Figure, Preset, PresetOptions, PresetRun, RunArtifacts } from './types.js';

const ALL_MODELS = PARAMS_SWEEP_CHANNELS.map(([c1, c2]) => `cnn-c${c1}-c${c2}`);

export const paramsVsGeneralization: Preset = {
  id: 'params-vs-generalization',
  title: 'Parameters vs generalisation',
  description:
    'The ten conv(c1)-BN-pool-conv(c2)-BN-pool-dense10 CNNs, (4,4) … (128,128), trained alike with Adam; final train/test loss and accuracy vs parameter count. ' +
    'Quick scale trains four of them, (4,4) to (16,32), on 1,000 images.',
  figures: [
    { id: 'loss-vs-params', title: 'Final loss vs parameters', kind: 'lines' },
    { id: 'accuracy-vs-params', title: 'Final accuracy vs parameters', kind: 'lines' },
  ],
  knobs: [
    {
      key: 'models',
      description: 'Comma-separated zoo CNNs of the sweep',
      quick: 'cnn-c4-c4,cnn-c4-c16,cnn-c8-c32,cnn-c16-c32',
      standard: ALL_MODELS.join(','),
      full: ALL_MODELS.join(','),
    },
    // One training per width confounds the width with the draw; decided over seeds.
    { key: 'seeds', description: 'Trainings of every model, from seeds seed … seed+seeds−1', quick: 1, standard: 2, full: 3, min: 1, integer: true },
  ],
  runs(options: PresetOptions): PresetRun[] {
    const knobs = resolveKnobs(paramsVsGeneralization, options);
    const data = classificationData('params-vs-generalization', options, {
      quick: { trainSize: 1000, testSize: 500 },
      standard: { trainSize: 2000, testSize: 1000 },
      full: { trainSize: 8000, testSize: 2000 },
    });
    const runs = stringListKnob(knobs, 'models').map(
      (model): PresetRun => ({
        key: model,
        group: 'sweep',
        config: { model },
        spec: cnnRunSpec(model, data, options.scale),
      }),
    );
    return finishRuns(paramsVsGeneralization, options, withSeeds(runs, numberKnob(knobs, 'seeds')));
  },
  async analyze(runs, options, onProgress) {
    return analyzeParamsVsGeneralization(runs, options, onProgress);
  },
};

/** Final train/test loss and accuracy of each run against its parameter count (log x). */
async function analyzeParamsVsGeneralization(
  runs: RunArtifacts[],
  _options: PresetOptions,
  onProgress?: (fraction: number) => void,
): Promise<Figure[]> {
  const rows = runs
    .filter((run) => run.end.status === 'SUCCEEDED')
    .map((run) => ({ run, params: buildModel(run.spec.model, inputShapeOf(run.spec.data)).numParams }))
    .sort((a, b) => a.params - b.params);
  const series = (metric: string, label: string, dashed: boolean) => ({
    label,
    dashed,
    points: rows
      .map(({ run, params }) => ({ x: params, y: run.end.final[metric] ?? Number.NaN }))
      .filter((point) => Number.isFinite(point.y)),
  });
  onProgress?.(1);
  const x = { label: 'parameters', scale: 'log' as const };
  return [
    {
      id: 'loss-vs-params',
      title: 'Final loss vs parameters',
      data: { kind: 'lines', x, y: { label: 'loss', scale: 'log' }, series: [series('train/loss', 'train', false), series('test/loss', 'test', true)] },
    },
    {
      id: 'accuracy-vs-params',
      title: 'Final accuracy vs parameters',
      data: {
        kind: 'lines',
        x,
        y: { label: 'accuracy', scale: 'linear' },
        series: [series('train/accuracy', 'train', false), series('test/accuracy', 'test', true)],
      },
    },
  ];
}
