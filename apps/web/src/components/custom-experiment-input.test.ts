import { describe, expect, it } from 'vitest';
import { customLaunchInput, EMPTY_SWEEP_ROW, type CustomExperimentForm } from './custom-experiment-input';

const form: CustomExperimentForm = {
  model: 'mlp-shallow',
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
});
