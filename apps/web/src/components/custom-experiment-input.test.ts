import { describe, expect, it } from 'vitest';
import { customLaunchInput, DENSE_LAYER, EMPTY_SWEEP_ROW, moveLayer, type CustomExperimentForm } from './custom-experiment-input';

const form: CustomExperimentForm = {
  modelSource: 'zoo',
  model: 'mlp-shallow',
  layers: [],
  modelName: '',
  modelData: 'function',
  target: 'sinc5',
  formula: '',
  images: 'mnist',
  optimizer: 'adam',
  lr: '',
  batchSize: '64',
  epochs: '20',
  seeds: '3',
  method: 'GRID',
  samples: '8',
  sweep: [{ ...EMPTY_SWEEP_ROW, values: '1e-4, 1e-3,1e-2' }],
  name: '',
};

describe('customLaunchInput', () => {
  it('builds a spec with a zoo model by name, an lr sweep and the seeds', () => {
    expect(customLaunchInput(form)).toEqual({
      input: {
        spec: { model: 'mlp-shallow', data: { kind: 'function', fn: 'sinc5' }, loss: 'mse', optimizer: { kind: 'adam' }, batchSize: 64, epochs: 20 },
        sweep: { method: 'GRID', parameters: { 'optimizer.lr': { values: [1e-4, 1e-3, 1e-2] } } },
        seeds: 3,
        name: null,
      },
    });
  });

  it('sends a formula target, images with cross-entropy, log ranges (count only for GRID), model lists, and no sweep without rows', () => {
    const formula = customLaunchInput({ ...form, target: 'formula', formula: 'exp(-x)*cos(2*pi*x)', sweep: [{ ...EMPTY_SWEEP_ROW, path: 'data.expression', values: 'sin(x), max(x, 0)' }] }).input!;
    expect(formula.spec).toMatchObject({ data: { kind: 'function', expression: 'exp(-x)*cos(2*pi*x)' } });
    expect(formula.sweep?.parameters).toEqual({ 'data.expression': { values: ['sin(x)', 'max(x, 0)'] } });
    const images = customLaunchInput({ ...form, model: 'cnn-shallow', modelData: 'image', images: 'cifar10', sweep: [] }).input!;
    expect(images.spec).toMatchObject({ model: 'cnn-shallow', data: { kind: 'cifar10' }, loss: 'cross-entropy' });
    expect(images.sweep).toBeNull();
    const range = { ...EMPTY_SWEEP_ROW, mode: 'range' as const, min: '1e-4', max: '1e-1', count: '4', log: true };
    expect(customLaunchInput({ ...form, sweep: [range] }).input!.sweep?.parameters).toEqual({ 'optimizer.lr': { min: 1e-4, max: 1e-1, log: true, count: 4 } });
    expect(customLaunchInput({ ...form, method: 'RANDOM', samples: '6', sweep: [range] }).input!.sweep).toEqual({ method: 'RANDOM', samples: 6, parameters: { 'optimizer.lr': { min: 1e-4, max: 1e-1, log: true } } });
  });

  it('refuses counts that are not whole numbers before sending', () => {
    expect(customLaunchInput({ ...form, seeds: '2.5' })).toEqual({ errors: { seeds: 'must be a positive whole number, got "2.5"' } });
  });

  it('builds a model layer by layer: each row its own fields, then the output the data needs', () => {
    const layered = { ...form, modelSource: 'layers' as const, modelName: 'my-mlp', layers: [{ ...DENSE_LAYER, units: '16', activation: 'tanh' as const }, { ...DENSE_LAYER, units: '8' }] };
    expect(customLaunchInput(layered).input!.spec!.model).toEqual({
      name: 'my-mlp',
      layers: [
        { type: 'dense', units: 16, activation: 'tanh' },
        { type: 'dense', units: 8, activation: 'relu' },
        { type: 'dense', units: 1, activation: 'linear' },
      ],
    });
    const cnn = customLaunchInput({
      ...layered,
      modelData: 'image',
      modelName: '',
      layers: [
        { ...DENSE_LAYER, type: 'conv2d', filters: '4', kernelSize: '3' },
        { ...DENSE_LAYER, type: 'maxPool', size: '' },
        { ...DENSE_LAYER, units: '12' },
      ],
    }).input!;
    expect(cnn.spec!.model).toEqual({
      name: 'custom',
      layers: [
        { type: 'conv2d', filters: 4, kernelSize: 3, activation: 'relu' },
        { type: 'maxPool' },
        { type: 'dense', units: 12, activation: 'relu' },
        { type: 'dense', units: 10, activation: 'linear' },
      ],
    });
    expect(cnn.spec!.loss).toBe('cross-entropy');
  });

  it('names the layer field at fault before sending', () => {
    const bad = customLaunchInput({ ...form, modelSource: 'layers', layers: [{ ...DENSE_LAYER, units: '0' }, { ...DENSE_LAYER, type: 'conv2d', filters: '' }] });
    expect(bad).toEqual({ errors: { 'spec.model.layers.0.units': 'must be a positive whole number, got "0"', 'spec.model.layers.1.filters': 'give the number of filters' } });
  });

  it('moves a layer up or down, and leaves the ends as they are', () => {
    expect(moveLayer(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveLayer(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveLayer(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveLayer(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
