import { describe, expect, it } from 'vitest';
import { validateRunSpec } from '../config.validate.js';
import { buildModel } from '../models/model.js';
import { inputShapeOf } from '../data/shapes.js';
import { getPreset, presets } from './catalogue.js';
import { REFERENCE_TIMES } from './expected-times.js';
import { SCALES, type PresetId, type Scale } from './types.js';

/** Runs per preset at each scale, as the issue's table asks (full = HW1's own numbers). */
const EXPECTED_RUNS: Record<PresetId, Record<Scale, number>> = {
  'fit-function': { quick: 6, standard: 30, full: 30 },
  'train-cnn': { quick: 2, standard: 6, full: 10 },
  'pca-trajectories': { quick: 3, standard: 8, full: 8 },
  'gradient-norm': { quick: 1, standard: 2, full: 2 },
  'minimal-ratio': { quick: 4, standard: 100, full: 100 },
  'loss-landscape': { quick: 1, standard: 1, full: 1 },
  'random-labels': { quick: 1, standard: 1, full: 1 },
  'params-vs-generalization': { quick: 4, standard: 20, full: 30 },
  interpolation: { quick: 2, standard: 2, full: 2 },
  sensitivity: { quick: 3, standard: 10, full: 15 },
};

describe('catalogue', () => {
  it('holds the ten HW1 presets, each with figures and a description', () => {
    expect(presets.map((p) => p.id).sort()).toEqual(Object.keys(EXPECTED_RUNS).sort());
    for (const preset of presets) {
      expect(preset.figures.length).toBeGreaterThan(0);
      expect(preset.description.length).toBeGreaterThan(20);
      expect(new Set(preset.figures.map((f) => f.id)).size).toBe(preset.figures.length);
    }
  });

  it('getPreset finds each id and names the valid ones for an unknown id', () => {
    expect(getPreset('sensitivity').id).toBe('sensitivity');
    expect(() => getPreset('nope')).toThrow(/unknown preset 'nope'.*fit-function.*sensitivity/);
  });

  for (const scale of SCALES) {
    it(`every preset's ${scale} runs have the expected count, unique keys and valid specs`, () => {
      for (const preset of presets) {
        const runs = preset.runs({ scale });
        expect(runs.length, `${preset.id} at ${scale}`).toBe(EXPECTED_RUNS[preset.id][scale]);
        expect(new Set(runs.map((r) => r.key)).size).toBe(runs.length);
        for (const run of runs) {
          expect(validateRunSpec(run.spec)).toEqual(run.spec);
          // JSON round trip: specs travel to workers and the store as JSON.
          expect(JSON.parse(JSON.stringify(run.spec))).toEqual(run.spec);
        }
      }
    });
  }

  it('HW1 parameter counts hold at full scale (MNIST resampled to 32×32×3)', () => {
    const counts = (id: PresetId) =>
      getPreset(id)
        .runs({ scale: 'full' })
        .map((run) => buildModel(run.spec.model, inputShapeOf(run.spec.data)).numParams);
    expect(counts('fit-function')).toEqual(Array(30).fill(573));
    // Seed copies follow their run: five of the shallow net, then five of the deep one.
    expect(counts('train-cnn')).toEqual([...Array(5).fill(34_634), ...Array(5).fill(34_658)]);
    expect([...new Set(counts('params-vs-generalization'))]).toEqual([3_294, 6_266, 12_210, 24_098, 27_610, 34_634, 48_682, 148_554, 255_946, 501_898]);
    expect(counts('random-labels')).toEqual([34_634]);
  });

  it('quick scale trains on small data and few epochs; full on all of MNIST', () => {
    for (const preset of presets) {
      for (const run of preset.runs({ scale: 'quick' })) {
        const data = run.spec.data;
        if (data.kind === 'mnist') expect(data.trainSize).toBeLessThanOrEqual(2000);
        const examples = data.kind === 'function' ? data.n : data.kind === 'dataset' ? 0 : data.trainSize;
        const steps = run.spec.epochs * Math.ceil(examples / Math.min(run.spec.batchSize, examples));
        expect(steps, `${preset.id}/${run.key}`).toBeLessThanOrEqual(1000);
      }
      for (const run of preset.runs({ scale: 'full' })) {
        if (run.spec.data.kind === 'mnist') expect(run.spec.data.trainSize + run.spec.data.testSize).toBe(10_000);
      }
    }
  });

  it('the classification presets switch to CIFAR-10 on request', () => {
    const runs = getPreset('train-cnn').runs({ scale: 'full', data: 'cifar10' });
    for (const run of runs) expect(run.spec.data).toMatchObject({ kind: 'cifar10', trainSize: 50_000, testSize: 10_000 });
    expect(() => getPreset('train-cnn').runs({ scale: 'quick', data: 'function' })).toThrow(/train-cnn.*mnist' or 'cifar10/);
  });

  it('random-labels shuffles labels, interpolation and sensitivity differ only in batch size', () => {
    const [random] = getPreset('random-labels').runs({ scale: 'quick' });
    expect(random?.spec.data).toMatchObject({ kind: 'mnist', randomLabels: true });
    expect(random?.spec.optimizer).toMatchObject({ kind: 'adam', lr: 1e-3 });
    expect(getPreset('interpolation').runs({ scale: 'full' }).map((r) => r.spec.batchSize)).toEqual([64, 1024]);
    expect([...new Set(getPreset('sensitivity').runs({ scale: 'full' }).map((r) => r.spec.batchSize))]).toEqual([64, 128, 256, 512, 1024]);
    const minimal = getPreset('minimal-ratio').runs({ scale: 'full' });
    expect(minimal.every((r) => r.spec.zeroGradient?.gradNormThreshold === 1e-3)).toBe(true);
    expect(new Set(minimal.map((r) => r.spec.seed)).size).toBe(100);
    const pca = getPreset('pca-trajectories').runs({ scale: 'full' });
    expect(pca.every((r) => r.spec.snapshotEvery === 5)).toBe(true);
  });

  it('seed sweeps: copy 0 keeps the key, the others train from the next seeds in the same group', () => {
    const runs = getPreset('train-cnn').runs({ scale: 'standard' });
    expect(runs.map((r) => r.key)).toEqual(['cnn-shallow', 'cnn-shallow/seed1', 'cnn-shallow/seed2', 'cnn-deep', 'cnn-deep/seed1', 'cnn-deep/seed2']);
    expect(runs.map((r) => r.spec.seed)).toEqual([0, 1, 2, 0, 1, 2]);
    expect(runs.map((r) => r.group)).toEqual(['cnn-shallow', 'cnn-shallow', 'cnn-shallow', 'cnn-deep', 'cnn-deep', 'cnn-deep']);
    expect(runs.map((r) => r.config.seed)).toEqual([0, 1, 2, 0, 1, 2]);
    // A user's base seed moves the whole sweep.
    expect(getPreset('train-cnn').runs({ scale: 'standard', overrides: { seed: 10 } }).map((r) => r.spec.seed)).toEqual([10, 11, 12, 10, 11, 12]);
    expect(getPreset('train-cnn').runs({ scale: 'quick', overrides: { seeds: 2 } }).map((r) => r.key)).toEqual(['cnn-shallow', 'cnn-shallow/seed1', 'cnn-deep', 'cnn-deep/seed1']);
  });

  it('the batch-size protocol: every batch size trained to the same training accuracy, with the same cap', () => {
    for (const id of ['interpolation', 'sensitivity'] as const) {
      for (const scale of SCALES) {
        const runs = getPreset(id).runs({ scale });
        const caps = new Set(runs.map((r) => r.spec.epochs));
        expect(caps.size, `${id} at ${scale}: one epoch cap`).toBe(1);
        for (const run of runs) {
          expect(run.spec.stopWhen, `${id}/${run.key} at ${scale}`).toEqual({ metric: 'train/accuracy', atLeast: scale === 'quick' ? 0.8 : 0.99 });
          expect(run.spec.evalEvery).toBe(1);
        }
      }
      // protocol=epochs: the old equal-epochs training, no stop rule.
      const equal = getPreset(id).runs({ scale: 'standard', overrides: { protocol: 'epochs', maxEpochs: 7 } });
      expect(equal.every((r) => r.spec.stopWhen === undefined && r.spec.epochs === 7)).toBe(true);
    }
    expect(() => getPreset('sensitivity').runs({ scale: 'quick', overrides: { protocol: 'steps' } })).toThrow(/knob 'protocol' must be one of criterion, epochs/);
  });

  it('standard scale sits between quick and full: more seeds than quick, less data or epochs than full', () => {
    for (const preset of presets) {
      const work = (scale: Scale) =>
        preset.runs({ scale }).reduce((sum, run) => {
          const examples = run.spec.data.kind === 'function' ? run.spec.data.n : run.spec.data.kind === 'dataset' ? 0 : run.spec.data.trainSize;
          return sum + run.spec.epochs * examples;
        }, 0);
      expect(work('standard'), preset.id).toBeGreaterThan(work('quick'));
      expect(work('standard'), preset.id).toBeLessThanOrEqual(work('full'));
    }
  });

  it('every preset has a reference time at every scale, growing with the scale', () => {
    for (const preset of presets) {
      const times = REFERENCE_TIMES[preset.id];
      for (const scale of SCALES) expect(times[scale].seconds, `${preset.id} at ${scale}`).toBeGreaterThan(0);
      expect(times.quick.seconds, preset.id).toBeLessThanOrEqual(times.standard.seconds);
      expect(times.standard.seconds, preset.id).toBeLessThanOrEqual(times.full.seconds);
    }
  });
});
