/** A claimed monotone trend of a per-run value against a per-run x (batch size, parameter count). */
import { verdictOfTrend } from './common.js';
import { formatNumber, spearman } from './stats.js';
import type { Finding, FindingInput } from './types.js';

export interface TrendOptions {
  id: string;
  claim: string;
  xLabel: string;
  yLabel: string;
  direction: 1 | -1;
  /** (x, y) points, one per run; several runs (seeds) may share an x. */
  points: { x: number; y: number }[];
  seeds: number;
  /** Appended to the evidence, e.g. the training protocol the runs followed. */
  note?: string;
}

export function trendFinding(input: FindingInput, options: TrendOptions): Finding {
  const points = options.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const rho = spearman(points.map((p) => p.x), points.map((p) => p.y));
  const distinctX = new Set(points.map((p) => p.x)).size;
  const byX = [...new Set(points.map((p) => p.x))].sort((a, b) => a - b);
  const first = points.filter((p) => p.x === byX[0]).map((p) => p.y);
  const last = points.filter((p) => p.x === byX[byX.length - 1]).map((p) => p.y);
  const avg = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const ends = byX.length >= 2 ? `; ${options.yLabel} ${formatNumber(avg(first))} at ${options.xLabel} ${byX[0]} → ${formatNumber(avg(last))} at ${byX[byX.length - 1]}` : '';
  return {
    id: options.id,
    preset: input.preset,
    claim: options.claim,
    verdict: verdictOfTrend(rho, options.direction, points.length, distinctX),
    evidence: `Spearman ρ(${options.xLabel}, ${options.yLabel}) = ${formatNumber(rho)} over ${points.length} runs at ${distinctX} ${options.xLabel} values${ends}${options.note ? `; ${options.note}` : ''}`,
    numbers: { rho, runs: points.length, distinctX, ...(byX.length >= 2 ? { first: avg(first), last: avg(last) } : {}) },
    seeds: options.seeds,
  };
}
