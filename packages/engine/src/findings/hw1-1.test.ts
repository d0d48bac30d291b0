import { describe, expect, it } from 'vitest';
import { findingsOf } from './index.js';
import { stored, storedRun } from './test-helpers.js';

/** Five seeds on one target; deep wins where `deepWins[s]`. */
function fitRuns(deepWins: boolean[], fn: 'sinc5' | 'sgn-sin5pi' = 'sinc5') {
  return deepWins.flatMap((wins, seed) => [
    storedRun(`mlp-shallow/${fn}/seed${seed}`, 'mlp-shallow', { 'train/loss': 1e-4 }, { seed, data: { kind: 'function', fn } }),
    storedRun(`mlp-deep/${fn}/seed${seed}`, 'mlp-deep', { 'train/loss': wins ? 5e-5 : 2e-4 }, { model: 'mlp-deep', seed, data: { kind: 'function', fn } }),
  ]);
}

describe('HW1 1-1 findings: deep vs shallow, seed by seed', () => {
  it('holds when deep wins in ≥ 80% of seeds, with the count and the median ratio as evidence', () => {
    const [finding] = findingsOf(stored('fit-function', fitRuns([true, true, true, true, false])));
    expect(finding).toMatchObject({ id: 'fit-function/deep-beats-shallow/sinc5', verdict: 'holds', seeds: 5 });
    expect(finding!.numbers).toMatchObject({ wins: 4, seeds: 5, effect: 2 });
    expect(finding!.evidence).toBe('deep < shallow final train/loss in 4 of 5 seeds; median ratio shallow/deep 2');
  });

  it('does not hold below half, is mixed between, and decides nothing on fewer than 3 seeds', () => {
    expect(findingsOf(stored('fit-function', fitRuns([true, true, false, false, false])))[0]!.verdict).toBe('does not hold');
    expect(findingsOf(stored('fit-function', fitRuns([true, true, true, false, false])))[0]!.verdict).toBe('mixed');
    expect(findingsOf(stored('fit-function', fitRuns([true, true])))[0]!.verdict).toBe('undecided');
  });

  it('one finding per target, pairing runs of the same seed only; failed runs are left out', () => {
    const runs = [...fitRuns([true, true, true]), ...fitRuns([false, false, false], 'sgn-sin5pi')];
    runs[1]!.status = 'FAILED';
    const findings = findingsOf(stored('fit-function', runs));
    expect(findings.map((f) => [f.id, f.verdict, f.seeds])).toEqual([
      ['fit-function/deep-beats-shallow/sinc5', 'undecided', 2],
      ['fit-function/deep-beats-shallow/sgn-sin5pi', 'does not hold', 3],
    ]);
  });

  it('train-cnn compares training loss (lower) and test accuracy (higher) as two findings', () => {
    const runs = [0, 1, 2].flatMap((seed) => [
      storedRun(`cnn-shallow${seed ? `/seed${seed}` : ''}`, 'cnn-shallow', { 'train/loss': 0.1, 'test/accuracy': 0.95 }, { seed }),
      storedRun(`cnn-deep${seed ? `/seed${seed}` : ''}`, 'cnn-deep', { 'train/loss': 0.2, 'test/accuracy': 0.97 }, { seed }),
    ]);
    const findings = findingsOf(stored('train-cnn', runs));
    expect(findings.map((f) => f.verdict)).toEqual(['does not hold', 'holds']);
    expect(findings[1]!.numbers.effect).toBeCloseTo(0.02, 12);
  });
});
