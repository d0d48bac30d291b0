/**
 * HW1 1-2, the optimisation process: PCA paths (pca-trajectories), the gradient norm
 * (gradient-norm), the minimal ratio at zero-gradient points (minimal-ratio) and the error
 * surface (loss-landscape).
 */
import { minimalRatio } from '../analysis/minimal_ratio.js';
import { figureOf, missing, succeeded } from './common.js';
import { formatNumber, mean, median, spearman } from './stats.js';
import type { Finding, FindingInput, Verdict } from './types.js';

/**
 * Trainings from different seeds end at different solutions, and the top-2 PCA plane shows it:
 * every pair of end points is apart by at least a tenth of the median path length in that plane.
 */
export function pcaFindings(input: FindingInput): Finding[] {
  const base = { id: 'pca-trajectories/distinct-solutions', preset: input.preset, claim: 'Trainings from different seeds take different paths to different solutions, visible in the top-2 PCA plane of the weights.' };
  const figure = figureOf(input.figures, 'pca', 'paths');
  const view = figure?.views[0];
  if (!figure || !view || view.paths.length < 2) return [missing(base, 'no PCA paths figure with two or more paths')];
  const ends = view.paths.map((path) => path.points[path.points.length - 1]!).filter(Boolean);
  const lengths = view.paths.map((path) => path.points.slice(1).reduce((sum, p, i) => sum + Math.hypot(p.x - path.points[i]!.x, p.y - path.points[i]!.y), 0));
  let minGap = Infinity;
  for (let i = 0; i < ends.length; i++) for (let j = i + 1; j < ends.length; j++) minGap = Math.min(minGap, Math.hypot(ends[i]!.x - ends[j]!.x, ends[i]!.y - ends[j]!.y));
  const pathLength = median(lengths);
  const separation = minGap / pathLength;
  const explained = (view.explainedVariance ?? figure.explainedVariance).slice(0, 2).reduce((a, b) => a + b, 0);
  const verdict: Verdict = view.paths.length < 3 ? 'undecided' : separation >= 0.1 ? 'holds' : 'does not hold';
  return [
    {
      ...base,
      verdict,
      evidence: `${view.paths.length} paths; the closest two end points are ${formatNumber(separation)} median path lengths apart; PC 1 + PC 2 explain ${formatNumber(100 * explained)}% of the snapshots' variance`,
      numbers: { paths: view.paths.length, separation, explainedVariance: explained },
      seeds: view.paths.length,
    },
  ];
}

/**
 * Near the end of training the gradient norm is small: in every run, the median ‖∇L‖ over the
 * last tenth of the steps is below a tenth of its largest value.
 */
export function gradientNormFindings(input: FindingInput): Finding[] {
  const base = { id: 'gradient-norm/small-near-minimum', preset: input.preset, claim: 'As training approaches a minimum the gradient norm falls far below its peak (median over the last 10% of steps < 10% of the largest).' };
  const rows = succeeded(input).flatMap((run) => {
    const norms = run.series?.grad_norm;
    if (!norms || norms.length < 10) return [];
    const tail = norms.slice(Math.floor(norms.length * 0.9)).map((p) => p.value);
    const peak = Math.max(...norms.map((p) => p.value));
    return [{ key: run.key, ratio: median(tail) / peak }];
  });
  if (rows.length === 0) return [missing(base, 'no run with a grad_norm series (load the series)')];
  const small = rows.filter((row) => row.ratio < 0.1).length;
  return [
    {
      ...base,
      verdict: small === rows.length ? 'holds' : small === 0 ? 'does not hold' : 'mixed',
      evidence: rows.map((row) => `${row.key}: late median / peak = ${formatNumber(row.ratio)}`).join('; '),
      numbers: Object.fromEntries(rows.map((row) => [row.key, row.ratio])),
      seeds: rows.length,
    },
  ];
}

/**
 * The minimal ratio tends to 1 as the loss tends to 0: over the zero-gradient points that reached
 * the threshold, the quarter with the lowest loss has a mean ratio ≥ 0.9 and the ratio does not
 * rise with the loss (Spearman ρ(loss, ratio) ≤ 0). Below 0.7 it does not hold; between, mixed.
 * Decided once per definition of the ratio (HW1's, over all eigenvalues, and over the non-flat).
 */
export function minimalRatioFindings(input: FindingInput): Finding[] {
  const figure = figureOf(input.figures, 'ratio-vs-loss', 'scatter');
  // The third definition is computed here from each point's stored spectrum: non-flat under the
  // float32-noise tolerance alone, i.e. every eigenvalue the arithmetic can resolve counts — the
  // stored non-flat ratio also treats as flat what the ‖∇L‖ threshold cannot resolve.
  // Results stored before the analysis kept it are read the same way, from their spectrum.
  const noiseOnly = (meta: Record<string, unknown> | undefined): number => {
    if (typeof meta?.minimalRatioNoiseOnly === 'number') return meta.minimalRatioNoiseOnly;
    const spectrum = meta?.eigenvalues;
    const tolerance = meta?.toleranceNoise;
    if (!Array.isArray(spectrum) || spectrum.length === 0 || typeof tolerance !== 'number') return Number.NaN;
    return minimalRatio(spectrum as number[], { absolute: tolerance }).minimalRatioNonFlat;
  };
  const metaNumber = (key: string) => (meta: Record<string, unknown> | undefined) => (typeof meta?.[key] === 'number' ? (meta[key] as number) : Number.NaN);
  const definitions = [
    { id: 'all', ratio: metaNumber('minimalRatioAll'), label: 'positive / all eigenvalues (HW1)' },
    { id: 'non-flat', ratio: metaNumber('minimalRatioNonFlat'), label: 'positive / non-flat eigenvalues, flat under the derived tolerance' },
    { id: 'noise-only', ratio: noiseOnly, label: 'positive / non-flat eigenvalues, flat only under float32 noise' },
  ];
  return definitions.map((definition) => {
    const base = { id: `minimal-ratio/to-one-as-loss-to-zero/${definition.id}`, preset: input.preset, claim: `As the loss tends to 0 the minimal ratio (${definition.label}) tends to 1: low-loss zero-gradient points are minima.` };
    if (!figure) return missing(base, 'no ratio-vs-loss figure');
    const points = figure.points
      .filter((p) => !p.marked)
      .map((p) => ({ loss: p.x, ratio: definition.ratio(p.meta), flat: metaNumber('flat')(p.meta), size: Array.isArray(p.meta?.eigenvalues) ? p.meta.eigenvalues.length : metaNumber('eigenvalues')(p.meta) }))
      .filter((p) => Number.isFinite(p.loss) && Number.isFinite(p.ratio));
    if (points.length === 0) return missing(base, `no converged point carries what the ${definition.id} ratio needs`);
    const sorted = [...points].sort((a, b) => a.loss - b.loss);
    const quarter = Math.max(1, Math.floor(sorted.length / 4));
    const lowLoss = mean(sorted.slice(0, quarter).map((p) => p.ratio));
    const highLoss = mean(sorted.slice(-quarter).map((p) => p.ratio));
    const rho = spearman(points.map((p) => p.loss), points.map((p) => p.ratio));
    // A constant ratio has no rank correlation: then "does not rise" is true.
    const notRising = !Number.isFinite(rho) || rho <= 0;
    // How many directions the derived tolerance calls flat: when nearly all, the non-flat ratio is
    // 1 almost by construction, and the reader must be told.
    const medianFlat = median(points.map((p) => p.flat).filter(Number.isFinite));
    const size = median(points.map((p) => p.size).filter(Number.isFinite));
    const flatText = definition.id === 'noise-only' || !Number.isFinite(medianFlat) ? '' : `; median ${formatNumber(medianFlat)} of ${formatNumber(size)} eigenvalues flat under the derived tolerance`;
    const verdict: Verdict = points.length < 8 ? 'undecided' : lowLoss >= 0.9 && notRising ? 'holds' : lowLoss < 0.7 ? 'does not hold' : 'mixed';
    return {
      ...base,
      verdict,
      evidence: `${points.length} converged points (of ${figure.points.length}); mean ratio ${formatNumber(lowLoss)} in the lowest-loss quarter, ${formatNumber(highLoss)} in the highest; Spearman ρ(loss, ratio) = ${Number.isFinite(rho) ? formatNumber(rho) : 'n/a (constant ratio)'}${flatText}`,
      numbers: { points: points.length, lowLossRatio: lowLoss, highLossRatio: highLoss, rho, medianFlat },
      seeds: points.length,
    };
  });
}

/**
 * The optimisation path descends into a basin of the error surface: the loss at the path's end
 * is among the lowest tenth of the grid's values around it.
 */
export function landscapeFindings(input: FindingInput): Finding[] {
  const base = { id: 'loss-landscape/path-ends-in-basin', preset: input.preset, claim: 'The training trajectory, projected on the loss surface, descends into its basin (its end lies in the lowest 10% of the grid).' };
  const grid = figureOf(input.figures, 'landscape', 'grid');
  const end = grid?.path?.[grid.path.length - 1];
  if (!grid || !end) return [missing(base, 'no landscape grid with a projected path')];
  const nearest = (values: number[], v: number) => values.reduce((best, x, i) => (Math.abs(x - v) < Math.abs(values[best]! - v) ? i : best), 0);
  const endValue = grid.values[nearest(grid.ys, end.y)]?.[nearest(grid.xs, end.x)] ?? Number.NaN;
  const all = grid.values.flat().filter(Number.isFinite);
  const below = all.filter((v) => v < endValue).length / all.length;
  return [
    {
      ...base,
      verdict: below <= 0.1 ? 'holds' : 'does not hold',
      evidence: `the grid loss at the path's end is ${formatNumber(endValue)}, lower than ${formatNumber(100 * (1 - below))}% of the ${all.length} grid points (grid minimum ${formatNumber(Math.min(...all))})`,
      numbers: { endLoss: endValue, fractionBelow: below, gridMin: Math.min(...all) },
      seeds: 1,
    },
  ];
}
