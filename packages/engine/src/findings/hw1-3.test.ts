import { describe, expect, it } from 'vitest';
import { findingsOf } from './index.js';
import { stored, storedRun } from './test-helpers.js';
import type { Figure } from '../experiments/types.js';

const axis = { label: '', scale: 'linear' as const };
const mnist = { kind: 'mnist' as const, trainSize: 100, testSize: 100 };

describe('HW1 1-3 findings', () => {
  it('random labels: memorised when train accuracy ≥ 95% and test within 5 points of chance', () => {
    const run = (train: number, test: number) => storedRun('random-labels', 'cnn-shallow', { 'train/accuracy': train, 'test/accuracy': test }, { model: 'cnn-shallow', data: mnist, loss: 'cross-entropy' });
    expect(findingsOf(stored('random-labels', [run(0.99, 0.11)]))[0]!.verdict).toBe('holds');
    expect(findingsOf(stored('random-labels', [run(0.7, 0.1)]))[0]!.verdict).toBe('mixed');
    expect(findingsOf(stored('random-labels', [run(0.3, 0.1)]))[0]!.verdict).toBe('does not hold');
  });

  it('params vs generalisation: Spearman trends over the runs, parameter counts from the specs', () => {
    const models = ['cnn-c4-c4', 'cnn-c8-c32', 'cnn-c16-c32', 'cnn-c128-c128'];
    const runs = models.map((model, i) => storedRun(model, 'sweep', { 'train/loss': 1 / (i + 1), 'test/accuracy': [0.9, 0.95, 0.94, 0.96][i]! }, { model, data: mnist, loss: 'cross-entropy' }));
    const [trainLoss, testAccuracy] = findingsOf(stored('params-vs-generalization', runs));
    expect(trainLoss).toMatchObject({ verdict: 'holds', numbers: { rho: -1, runs: 4, distinctX: 4 } });
    // Ranks of accuracy 1, 3, 2, 4 against 1, 2, 3, 4: ρ = 1 − 6·2/(4·15) = 0.8.
    expect(testAccuracy!.numbers.rho).toBeCloseTo(0.8, 12);
    expect(testAccuracy!.verdict).toBe('holds');
  });

  it('params vs generalisation: does not hold when the training loss rises with the parameters, mixed on a weak trend', () => {
    const models = ['cnn-c4-c4', 'cnn-c8-c32', 'cnn-c16-c32', 'cnn-c128-c128'];
    const runs = (trainLoss: number[], testAccuracy: number[]) => models.map((model, i) => storedRun(model, 'sweep', { 'train/loss': trainLoss[i]!, 'test/accuracy': testAccuracy[i]! }, { model, data: mnist, loss: 'cross-entropy' }));
    const [trainLoss, testAccuracy] = findingsOf(stored('params-vs-generalization', runs([0.1, 0.2, 0.3, 0.4], [0.96, 0.95, 0.94, 0.9])));
    expect(trainLoss).toMatchObject({ verdict: 'does not hold', numbers: { rho: 1 } });
    expect(testAccuracy).toMatchObject({ verdict: 'does not hold', numbers: { rho: -1 } });
    // Ranks of accuracy 2, 1, 4, 3 against 1, 2, 3, 4: ρ = 1 − 6·4/(4·15) = 0.6 ≥ 0.5 holds; 3, 1, 4, 2: ρ = 1 − 6·(4+1+1+4)/60 = 0 does not.
    expect(findingsOf(stored('params-vs-generalization', runs([0.4, 0.3, 0.2, 0.1], [0.92, 0.9, 0.96, 0.94])))[1]).toMatchObject({ verdict: 'holds' });
    expect(findingsOf(stored('params-vs-generalization', runs([0.4, 0.3, 0.2, 0.1], [0.94, 0.9, 0.96, 0.92])))[1]).toMatchObject({ verdict: 'does not hold' });
  });

  it('interpolation: does not hold when the small-batch end (α = 0) is the sharper one; undecided without the figure', () => {
    const alphas = [-1, -0.5, 0, 0.5, 1, 1.5, 2];
    // Second differences (h = 0.5): at α = 0, (1.75 − 0 + 0.25)/0.25 = 8; at α = 1, (0.25 − 0 + 0.25)/0.25 = 2.
    const losses = [4, 1.75, 0, 0.25, 0, 0.25, 1];
    const figure: Figure = { id: 'loss-vs-alpha', title: '', data: { kind: 'lines', x: axis, y: axis, series: [{ label: 'train', points: alphas.map((x, i) => ({ x, y: losses[i]! })) }] } };
    expect(findingsOf(stored('interpolation', [], [figure]))[0]).toMatchObject({ verdict: 'does not hold', numbers: { curvatureSmall: 8, curvatureLarge: 2 } });
    expect(findingsOf(stored('interpolation', [], []))[0]!.verdict).toBe('undecided');
  });

  it('sensitivity: does not hold when sensitivity rises, sharpness falls and accuracy rises with the batch size', () => {
    const sizes = [64, 128, 256, 512];
    const runs = sizes.map((batchSize, i) => storedRun(`bs${batchSize}`, 'sweep', { 'test/accuracy': 0.94 + 0.01 * i, 'train/accuracy': 0.995 }, { model: 'cnn-shallow', data: mnist, loss: 'cross-entropy', batchSize }));
    const line = (id: string, ys: number[]): Figure => ({ id, title: '', data: { kind: 'lines', x: axis, y: axis, series: [{ label: id, points: sizes.map((x, i) => ({ x, y: ys[i]! })) }] } });
    const [sens, sharp, acc] = findingsOf(stored('sensitivity', runs, [line('sensitivity-vs-batch', [0.1, 0.2, 0.3, 0.4]), line('sharpness-vs-batch', [4, 3, 2, 1])]));
    expect(sens).toMatchObject({ verdict: 'does not hold', numbers: { rho: 1 } });
    expect(sharp).toMatchObject({ verdict: 'does not hold', numbers: { rho: -1 } });
    expect(acc).toMatchObject({ verdict: 'does not hold', numbers: { rho: 1 } });
  });

  it('interpolation: the larger second difference at the large-batch end (α = 1) holds', () => {
    const alphas = [-1, -0.5, 0, 0.5, 1, 1.5, 2];
    // Second differences (h = 0.5): at α = 0, (0.25 − 0 + 0.25)/0.25 = 2; at α = 1, (0.25 − 0 + 1.75)/0.25 = 8.
    const losses = [1, 0.25, 0, 0.25, 0, 1.75, 4];
    const figure: Figure = { id: 'loss-vs-alpha', title: '', data: { kind: 'lines', x: axis, y: axis, series: [{ label: 'train', points: alphas.map((x, i) => ({ x, y: losses[i]! })) }] } };
    const [finding] = findingsOf(stored('interpolation', [], [figure]));
    expect(finding).toMatchObject({ verdict: 'holds', numbers: { curvatureSmall: 2, curvatureLarge: 8 } });
  });

  it('sensitivity: trends with the batch size, and the protocol (criterion met or not) in the evidence', () => {
    const sizes = [64, 128, 256, 512];
    const runs = sizes.map((batchSize, i) =>
      storedRun(`bs${batchSize}`, 'sweep', { 'test/accuracy': 0.97 - 0.01 * i, 'train/accuracy': i === 3 ? 0.95 : 0.995 }, { model: 'cnn-shallow', data: mnist, loss: 'cross-entropy', batchSize, stopWhen: { metric: 'train/accuracy', atLeast: 0.99 } }),
    );
    const line = (id: string, ys: number[]): Figure => ({ id, title: '', data: { kind: 'lines', x: axis, y: axis, series: [{ label: id, points: sizes.map((x, i) => ({ x, y: ys[i]! })) }] } });
    const [sens, sharp, acc] = findingsOf(stored('sensitivity', runs, [line('sensitivity-vs-batch', [0.3, 0.2, 0.25, 0.1]), line('sharpness-vs-batch', [1, 1, 1, 1])]));
    expect(sens).toMatchObject({ verdict: 'holds' });
    expect(sens!.numbers.rho).toBeCloseTo(-0.8, 12);
    expect(sens!.evidence).toContain('NOT reached by bs512');
    expect(sharp!.verdict).toBe('undecided'); // a constant has no rank correlation
    expect(acc).toMatchObject({ verdict: 'holds', numbers: { rho: -1 } });
  });
});
