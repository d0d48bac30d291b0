/**
 * HW1 1-3, generalisation: random labels (random-labels), parameters vs generalisation
 * (params-vs-generalization), flatness vs batch size by interpolation (interpolation) and by
 * sensitivity and sharpness (sensitivity).
 */
import { inputShapeOf } from '../data/shapes.js';
import { buildModel } from '../models/model.js';
import { figureOf, missing, seedOf, succeeded } from './common.js';
import { formatNumber } from './stats.js';
import { trendFinding } from './trend.js';
import type { Finding, FindingInput, FindingRun, Verdict } from './types.js';

const CHANCE = 0.1;

/**
 * A network memorises random labels: training accuracy ≥ 95% while test accuracy stays within 5
 * points of chance (10 classes). It does not hold when training accuracy stays below 50%.
 */
export function randomLabelsFindings(input: FindingInput): Finding[] {
  const base = { id: 'random-labels/memorised', preset: input.preset, claim: 'A CNN fits random labels: training accuracy → ~100% while test accuracy stays at chance (10%).' };
  const runs = succeeded(input).filter((run) => run.final['train/accuracy'] !== undefined);
  if (runs.length === 0) return [missing(base, 'no succeeded run with train/accuracy')];
  const rows = runs.map((run) => ({ train: run.final['train/accuracy']!, test: run.final['test/accuracy'] ?? Number.NaN, epochs: run.epochs ?? Number.NaN }));
  const memorised = rows.filter((r) => r.train >= 0.95 && Math.abs(r.test - CHANCE) <= 0.05).length;
  const verdict: Verdict = memorised === rows.length ? 'holds' : rows.every((r) => r.train < 0.5) ? 'does not hold' : 'mixed';
  return [
    {
      ...base,
      verdict,
      evidence: rows.map((r) => `train accuracy ${formatNumber(r.train)}, test ${formatNumber(r.test)} after ${formatNumber(r.epochs)} epochs`).join('; '),
      numbers: { trainAccuracy: rows[0]!.train, testAccuracy: rows[0]!.test, epochs: rows[0]!.epochs },
      seeds: rows.length,
    },
  ];
}

function parameterCount(run: FindingRun): number {
  return run.spec ? buildModel(run.spec.model, inputShapeOf(run.spec.data)).numParams : Number.NaN;
}

function seedCount(runs: readonly FindingRun[]): number {
  return new Set(runs.map(seedOf)).size;
}

/**
 * More parameters fit the training set better, and test accuracy does not suffer: the training
 * loss falls and the test accuracy rises with the parameter count (Spearman, `verdictOfTrend`).
 */
export function paramsFindings(input: FindingInput): Finding[] {
  const runs = succeeded(input);
  const points = (metric: string) => runs.map((run) => ({ x: parameterCount(run), y: run.final[metric] ?? Number.NaN }));
  const seeds = seedCount(runs);
  return [
    trendFinding(input, { id: 'params-vs-generalization/train-loss-falls', claim: 'The more parameters, the lower the final training loss.', xLabel: 'parameters', yLabel: 'train loss', direction: -1, points: points('train/loss'), seeds }),
    trendFinding(input, { id: 'params-vs-generalization/test-accuracy-rises', claim: 'The more parameters, the higher the final test accuracy (no overfitting with size).', xLabel: 'parameters', yLabel: 'test accuracy', direction: 1, points: points('test/accuracy'), seeds }),
  ];
}

/** How the batch sizes were trained, and whether every run met the protocol's criterion. */
function protocolNote(runs: readonly FindingRun[]): string {
  const stop = runs[0]?.spec?.stopWhen;
  if (!stop) return `equal epochs (${runs[0]?.spec?.epochs ?? '?'}) for every batch size`;
  const met = (run: FindingRun) => {
    const value = run.final[stop.metric];
    return value !== undefined && (stop.atLeast !== undefined ? value >= stop.atLeast : value <= stop.atMost!);
  };
  const missed = runs.filter((run) => !met(run)).map((run) => run.key);
  return `each trained to ${stop.metric} ${stop.atLeast !== undefined ? `≥ ${stop.atLeast}` : `≤ ${stop.atMost}`}${missed.length ? `, NOT reached by ${missed.join(', ')}` : ', reached by all'}`;
}

/**
 * Keskar et al.: the large-batch solution is sharper. Along θ(α) = (1−α)θ_small + αθ_large, the
 * training loss curves up faster around α = 1 than around α = 0: the second difference of the
 * loss at the large-batch end is larger.
 */
export function interpolationFindings(input: FindingInput): Finding[] {
  const base = { id: 'interpolation/large-batch-sharper', preset: input.preset, claim: 'The large-batch solution sits in a sharper minimum: along the line between the two solutions the training loss rises faster around it.' };
  const figure = figureOf(input.figures, 'loss-vs-alpha', 'lines');
  const train = figure?.series.find((s) => s.label.startsWith('train'));
  if (!train) return [missing(base, 'no loss-vs-alpha figure with a train series')];
  const curvature = (alpha: number): number => {
    const points = [...train.points].sort((a, b) => a.x - b.x);
    const i = points.findIndex((p) => Math.abs(p.x - alpha) < 1e-9);
    const left = points[i - 1];
    const mid = points[i];
    const right = points[i + 1];
    if (i < 0 || !left || !mid || !right) return Number.NaN;
    const h = (right.x - left.x) / 2;
    return (left.y - 2 * mid.y + right.y) / (h * h);
  };
  const small = curvature(0);
  const large = curvature(1);
  if (!Number.isFinite(small) || !Number.isFinite(large)) return [missing(base, 'α = 0 and 1 are not interior grid points of the figure')];
  const runs = succeeded(input);
  return [
    {
      ...base,
      verdict: large > small ? 'holds' : 'does not hold',
      evidence: `second difference of the training loss: ${formatNumber(large)} at the large-batch end, ${formatNumber(small)} at the small-batch end (ratio ${formatNumber(large / small)}); one pair of trainings; ${protocolNote(runs)}`,
      numbers: { curvatureSmall: small, curvatureLarge: large },
      seeds: 1,
    },
  ];
}

/**
 * HW1's figure: sensitivity falls as the batch size grows; Keskar et al.: sharpness rises with
 * it; and the large-batch models generalise worse (test accuracy falls). Trends over every run.
 */
export function sensitivityFindings(input: FindingInput): Finding[] {
  const runs = succeeded(input);
  const seeds = seedCount(runs);
  const note = protocolNote(runs);
  const fromFigure = (id: string) => (figureOf(input.figures, id, 'lines')?.series[0]?.points ?? []).map((p) => ({ x: p.x, y: p.y }));
  return [
    trendFinding(input, { id: 'sensitivity/falls-with-batch-size', claim: 'Input sensitivity ‖∂softmax/∂x‖_F falls as the batch size grows.', xLabel: 'batch size', yLabel: 'sensitivity', direction: -1, points: fromFigure('sensitivity-vs-batch'), seeds, note }),
    trendFinding(input, { id: 'sensitivity/sharpness-rises-with-batch-size', claim: 'ε-sharpness rises with the batch size (Keskar et al.).', xLabel: 'batch size', yLabel: 'sharpness', direction: 1, points: fromFigure('sharpness-vs-batch'), seeds, note }),
    trendFinding(input, {
      id: 'sensitivity/test-accuracy-falls-with-batch-size',
      claim: 'Large-batch training generalises worse: test accuracy falls as the batch size grows.',
      xLabel: 'batch size',
      yLabel: 'test accuracy',
      direction: -1,
      points: runs.map((run) => ({ x: run.spec?.batchSize ?? Number.NaN, y: run.final['test/accuracy'] ?? Number.NaN })),
      seeds,
      note,
    }),
  ];
}
