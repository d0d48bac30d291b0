/**
 * HW1 1-1: at equal parameter counts, the deep network fits better than the shallow one — on a
 * function (fit-function) and on a real task (train-cnn). Decided seed by seed: the deep and the
 * shallow net trained from the same seed (and on the same target) form a pair, and the claim is
 * tested on each pair; see `verdictOfShare` for the rule.
 */
import { missing, seedOf, succeeded, verdictOfShare } from './common.js';
import { formatNumber, median } from './stats.js';
import type { Finding, FindingInput, FindingRun } from './types.js';

export interface DeepVsShallowOptions {
  id: string;
  claim: string;
  shallowGroup: string;
  deepGroup: string;
  metric: string;
  /** Losses: lower is better; accuracies: higher. */
  better: 'lower' | 'higher';
  /** Only runs this keeps (e.g. one target of fit-function). */
  where?: (run: FindingRun) => boolean;
}

export function deepVsShallow(input: FindingInput, options: DeepVsShallowOptions): Finding {
  const base = { id: options.id, preset: input.preset, claim: options.claim };
  const runs = succeeded(input).filter((run) => options.where?.(run) ?? true);
  const bySeed = (group: string) => new Map(runs.filter((run) => run.group === group).map((run) => [seedOf(run), run.final[options.metric]]));
  const shallow = bySeed(options.shallowGroup);
  const deep = bySeed(options.deepGroup);
  const pairs: { shallow: number; deep: number }[] = [];
  for (const [seed, shallowValue] of shallow) {
    const deepValue = deep.get(seed);
    if (seed !== undefined && shallowValue !== undefined && deepValue !== undefined) pairs.push({ shallow: shallowValue, deep: deepValue });
  }
  if (pairs.length === 0) return missing(base, `no seed has both a ${options.shallowGroup} and a ${options.deepGroup} run with ${options.metric}`);
  const wins = pairs.filter((p) => (options.better === 'lower' ? p.deep < p.shallow : p.deep > p.shallow)).length;
  // Losses compare as a ratio (they span decades); accuracies as a difference.
  const effect = options.better === 'lower' ? median(pairs.map((p) => p.shallow / p.deep)) : median(pairs.map((p) => p.deep - p.shallow));
  const effectText = options.better === 'lower' ? `median ratio shallow/deep ${formatNumber(effect)}` : `median difference deep − shallow ${formatNumber(effect)}`;
  return {
    ...base,
    verdict: verdictOfShare(wins, pairs.length),
    evidence: `deep ${options.better === 'lower' ? '<' : '>'} shallow final ${options.metric} in ${wins} of ${pairs.length} seeds; ${effectText}`,
    numbers: {
      wins,
      seeds: pairs.length,
      effect,
      medianShallow: median(pairs.map((p) => p.shallow)),
      medianDeep: median(pairs.map((p) => p.deep)),
    },
    seeds: pairs.length,
  };
}
