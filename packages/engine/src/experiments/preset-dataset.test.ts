/**
 * A registered dataset on the classification presets (`saddle run train-cnn --data NAME`): the
 * runs train on it with one output per class, every classification preset takes an image set,
 * and a regression set, a table for CNNs, or a function preset are refused with the fix.
 */
import { describe, expect, it } from 'vitest';
import { getPreset } from './catalogue.js';
import { checkDataOption } from './common.js';

const images = { name: 'shapes', inputShape: [28, 28, 1], numClasses: 3 };

describe('presets on a registered dataset', () => {
  it('trains train-cnn on the dataset with one logit per class, the split its own', () => {
    const runs = getPreset('train-cnn').runs({ scale: 'quick', dataset: images });
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) {
      expect(run.spec.data).toEqual({ kind: 'dataset', name: 'shapes', testFraction: 0.2, randomLabels: false, inputShape: [28, 28, 1], numClasses: 3 });
      expect(run.spec.model.layers.at(-1)).toMatchObject({ type: 'dense', units: 3 });
      expect(run.spec.loss).toBe('cross-entropy');
      expect(run.config.data).toBe('shapes');
    }
    expect(() => checkDataOption('train-cnn', undefined, runs, 'shapes')).not.toThrow();
  });

  it('gives a model swapped in by an override the dataset’s outputs too', () => {
    const [run] = getPreset('train-cnn').runs({ scale: 'quick', dataset: images, overrides: { models: 'cnn-shallow', model: 'mlp-shallow' } });
    expect(run?.spec.model.name).toBe('mlp-shallow');
    expect(run?.spec.model.layers.at(-1)).toMatchObject({ type: 'dense', units: 3 });
  });

  it('works for every preset that classifies images (their image runs; gradient-norm keeps its function run)', () => {
    for (const id of ['train-cnn', 'gradient-norm', 'params-vs-generalization', 'random-labels', 'interpolation', 'sensitivity', 'loss-landscape']) {
      // gradient-norm's image run is a knob (off at quick scale).
      const runs = getPreset(id).runs({ scale: 'quick', dataset: images, ...(id === 'gradient-norm' && { overrides: { withMnist: true } }) });
      const kinds = new Set(runs.map((run) => run.spec.data.kind));
      expect([...kinds].sort(), id).toEqual(id === 'gradient-norm' ? ['dataset', 'function'] : ['dataset']);
    }
  });

  it('refuses a regression set, a table for the CNNs, both data and dataset, and a function preset, each with the fix', () => {
    expect(() => getPreset('train-cnn').runs({ scale: 'quick', dataset: { name: 'wine', inputShape: [11], numClasses: 0 } })).toThrow(
      /preset 'train-cnn' classifies .* dataset 'wine' is a regression set .* --task classification .* loss: 'mse'/,
    );
    expect(() => getPreset('train-cnn').runs({ scale: 'quick', dataset: { name: 'iris', inputShape: [4], numClasses: 3 } })).toThrow(
      /dataset 'iris' \(examples of shape \[4\]\) does not fit preset 'train-cnn', run 'cnn-shallow': .*need images \[height, width, channels\]: register a \.zip/,
    );
    expect(() => getPreset('train-cnn').runs({ scale: 'quick', data: 'cifar10', dataset: images })).toThrow(/give either data 'cifar10' or dataset 'shapes', not both/);
    const fit = getPreset('fit-function').runs({ scale: 'quick', dataset: images });
    expect(() => checkDataOption('fit-function', undefined, fit, 'shapes')).toThrow(/preset 'fit-function' trains on function data, so dataset 'shapes' does not apply to it; use it with a classification preset/);
  });
});
