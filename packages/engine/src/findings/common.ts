/** What the findings share: picking runs, seeds and figures out of a stored result. */
import type { Figure, FigureData } from '../experiments/types.js';
import type { Finding, FindingInput, FindingRun, Verdict } from './types.js';

export function succeeded(input: FindingInput): FindingRun[] {
  return input.runs.filter((run) => run.status === 'SUCCEEDED');
}

/** The seed a run trained from: its spec's, else its config's. */
export function seedOf(run: FindingRun): number | undefined {
  const seed = run.spec?.seed ?? run.config.seed;
  return typeof seed === 'number' ? seed : undefined;
}

export function figureOf<K extends FigureData['kind']>(figures: readonly Figure[], id: string, kind: K): Extract<FigureData, { kind: K }> | undefined {
  const figure = figures.find((f) => f.id === id);
  return figure && figure.data.kind === kind ? (figure.data as Extract<FigureData, { kind: K }>) : undefined;
}

/**
 * The verdict of a claim tested once per seed: it holds when it came out true in at least 80% of
 * the seeds, does not hold below half, and is mixed between; fewer than 3 seeds decide nothing.
 */
export function verdictOfShare(successes: number, trials: number): Verdict {
  if (trials < 3) return 'undecided';
  const share = successes / trials;
  if (share >= 0.8) return 'holds';
  if (share < 0.5) return 'does not hold';
  return 'mixed';
}

/**
 * The verdict of a claimed monotone trend from Spearman's ρ: `direction` −1 for "falls", +1 for
 * "rises". It holds at |ρ| ≥ 0.5 the claimed way, does not hold at ρ of the other sign (or 0), and
 * is mixed between; fewer than 3 distinct x values or 4 points decide nothing.
 */
export function verdictOfTrend(rho: number, direction: 1 | -1, points: number, distinctX: number): Verdict {
  if (points < 4 || distinctX < 3 || !Number.isFinite(rho)) return 'undecided';
  const signed = rho * direction;
  if (signed >= 0.5) return 'holds';
  if (signed <= 0) return 'does not hold';
  return 'mixed';
}

/** A finding that cannot be decided because what it needs is not in the result. */
export function missing(base: Pick<Finding, 'id' | 'preset' | 'claim'>, what: string): Finding {
  return { ...base, verdict: 'undecided', evidence: `not decided: ${what}`, numbers: {}, seeds: 0 };
}
