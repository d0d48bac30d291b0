import { describe, expect, it } from 'vitest';
import { getPreset } from './catalogue.js';
import { applySpecOverrides, resolveKnobs } from './overrides.js';

const fit = getPreset('fit-function');

describe('overrides', () => {
  it('applies dotted paths, coercing CLI strings to the field types', () => {
    const runs = fit.runs({ scale: 'quick', overrides: { epochs: '5', 'optimizer.lr': '0.01', 'data.n': 200, steps: '7' } });
    for (const run of runs) {
      expect(run.spec.epochs).toBe(5);
      expect(run.spec.optimizer.lr).toBe(0.01);
      expect(run.spec.data).toMatchObject({ kind: 'function', n: 200 });
      expect(run.spec.steps).toBe(7);
    }
  });

  it('swaps a model by zoo name, an optimizer by kind, and shifts seeds by a base seed', () => {
    const runs = getPreset('pca-trajectories').runs({
      scale: 'quick',
      overrides: { model: 'mlp-shallow', 'optimizer.kind': 'sgd', 'optimizer.momentum': 0.5, seed: 10 },
    });
    expect(runs.map((r) => r.spec.seed)).toEqual([10, 11, 12]);
    for (const run of runs) {
      expect(run.spec.model.name).toBe('mlp-shallow');
      // lr carried over from Adam, momentum set after the kind switched.
      expect(run.spec.optimizer).toEqual({ kind: 'sgd', lr: 1e-3, momentum: 0.5 });
    }
  });

  it('sets preset knobs: run counts, lists, booleans', () => {
    expect(getPreset('minimal-ratio').runs({ scale: 'quick', overrides: { runs: '8' } })).toHaveLength(8);
    expect(getPreset('sensitivity').runs({ scale: 'quick', overrides: { batchSizes: '32,64' } }).map((r) => r.key)).toEqual(['bs32', 'bs64']);
    expect(getPreset('gradient-norm').runs({ scale: 'quick', overrides: { withMnist: 'true' } })).toHaveLength(2);
    expect(resolveKnobs(getPreset('loss-landscape'), { scale: 'full' })).toMatchObject({ gridSize: 51, directions: 'pca' });
  });

  it('names the key and what is allowed when an override is wrong', () => {
    expect(() => fit.runs({ scale: 'quick', overrides: { epoch: 5 } })).toThrow(/unknown override 'epoch'.*epochs.*optimizer\.lr/);
    // The preset's own knobs are listed too, and the nearest name of either kind is suggested.
    expect(() => fit.runs({ scale: 'quick', overrides: { epoch: 5 } })).toThrow(/unknown override 'epoch' \(did you mean 'epochs'\?\); the preset's knobs are models, targets, seeds, gridPoints; allowed run-spec paths are model, /);
    expect(() => getPreset('pca-trajectories').runs({ scale: 'quick', overrides: { run: 8 } })).toThrow(/unknown override 'run' \(did you mean 'runs'\?\); the preset's knobs are runs, layer;/);
    expect(() => fit.runs({ scale: 'quick', overrides: { colour: 'red' } })).toThrow(/unknown override 'colour'; the preset's knobs are/);
    // As JSON.parse (the API's variables) and `--set` build them: an own key named __proto__.
    expect(() => fit.runs({ scale: 'quick', overrides: JSON.parse('{"__proto__": {"epochs": 2}}') as Record<string, unknown> })).toThrow(/unknown override '__proto__'/);
    expect(() => fit.runs({ scale: 'quick', overrides: JSON.parse('{"__proto__": 3}') as Record<string, unknown> })).toThrow(/unknown override '__proto__'/);
    expect(() => fit.runs({ scale: 'quick', overrides: { epochs: 'five' } })).toThrow(/'epochs' must be a finite number, got "five"/);
    expect(() => fit.runs({ scale: 'quick', overrides: { model: 'resnet' } })).toThrow(/'model' must name a zoo model \(mlp-shallow.*cnn-shallow/);
    expect(() => fit.runs({ scale: 'quick', overrides: { 'optimizer.kind': 'rmsprop' } })).toThrow(/'optimizer.kind' must be one of sgd, adam/);
    expect(() => fit.runs({ scale: 'quick', overrides: { 'optimizer.momentum': 0.9 } })).toThrow(/'optimizer.momentum' does not apply/);
    expect(() => fit.runs({ scale: 'quick', overrides: { 'data.trainSize': 10 } })).toThrow(/'data.trainSize' does not apply/);
    expect(() => fit.runs({ scale: 'quick', overrides: { 'optimizer.lr': -1 } })).toThrow(/fit-function.*optimizer\.lr/);
    expect(() => getPreset('minimal-ratio').runs({ scale: 'quick', overrides: { runs: 2.5 } })).toThrow(/knob 'runs' must be an integer/);
    expect(() => getPreset('minimal-ratio').runs({ scale: 'quick', overrides: { runs: 0 } })).toThrow(/knob 'runs' must be ≥ 1/);
    expect(() => getPreset('loss-landscape').runs({ scale: 'quick', overrides: { directions: 'up' } })).toThrow(/knob 'directions' must be one of pca, random/);
    expect(() => getPreset('gradient-norm').runs({ scale: 'quick', overrides: { withMnist: 'yes' } })).toThrow(/'withMnist' must be true or false/);
    expect(() => fit.runs({ scale: 'huge' as 'quick' })).toThrow(/scale must be one of 'quick', 'standard', 'full', got "huge"/);
    expect(() => getPreset('pca-trajectories').runs({ scale: 'quick', overrides: { layer: 'conv_1' } })).toThrow(
      /knob 'layer' must name a layer with parameters \(dense_1, dense_2, .*dense_9\), got 'conv_1'/,
    );
    expect(getPreset('pca-trajectories').runs({ scale: 'quick', overrides: { layer: 'dense_3' } })).toHaveLength(3);
  });

  it('does not touch the spec it was given', () => {
    const [run] = fit.runs({ scale: 'quick' });
    const before = JSON.stringify(run!.spec);
    applySpecOverrides(run!.spec, { epochs: 1, 'zeroGradient.maxSteps': 3 });
    expect(JSON.stringify(run!.spec)).toBe(before);
    expect(applySpecOverrides(run!.spec, { 'zeroGradient.maxSteps': 3 }).zeroGradient).toMatchObject({ maxSteps: 3, gradNormThreshold: 1e-3 });
  });
});

describe('seed overrides', () => {
  it('set the base seed of a sweep and the shared seed of a comparison', () => {
    expect(getPreset('minimal-ratio').runs({ scale: 'quick', overrides: { seed: 3 } }).map((r) => r.spec.seed)).toEqual([3, 4, 5, 6]);
    expect(new Set(fit.runs({ scale: 'quick', overrides: { seed: 0 } }).map((r) => r.spec.seed))).toEqual(new Set([0]));
  });
});
