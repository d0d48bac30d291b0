/**
 * Analyses of one stored run (or a pair) asked for by hand (issue 13, `analyzeRun` /
 * `analyzeRuns`), not by a preset: at the run's final weights, the Hessian spectrum (exact for
 * small nets, Lanczos extremes plus a Hutchinson trace for large ones), the loss landscape (a
 * random filter-normalised or the trajectory's PCA plane, 1-D or 2-D), input sensitivity and
 * ε-sharpness; between two runs' final weights, the linear interpolation. Each reuses the
 * analysis of `analysis/` as the presets do; the long ones run in chunks (util/steps) so a
 * worker can report progress and stop at the next chunk when cancelled. The weights may come from
 * a Saddle training (its data is rebuilt from its spec and seed) or from a script's upload (a
 * PyTorch model through `save_model`; the data then comes with the request, since Saddle never
 * saw it).
 */
import * as tf from '@tensorflow/tfjs';
import { hessianSpectrumSteps } from '../analysis/hessian.js';
import { hutchinsonTrace } from '../analysis/hutchinson.js';
import { lanczosEigenvalues } from '../analysis/lanczos.js';
import { evenlySpaced } from '../analysis/axis.js';
import { modelBatchedEvaluator, modelEvaluator } from '../analysis/evaluator.js';
import { interpolateSteps } from '../analysis/interpolation.js';
import { lossLandscape1DSteps, lossLandscape2DSteps, type LandscapeDirections, type LandscapeInput } from '../analysis/landscape.js';
import { trajectoryPlaneDirections } from '../analysis/pca.js';
import { inputSensitivitySteps, modelForward } from '../analysis/sensitivity.js';
import { epsilonSharpnessSteps, type SharpnessResult } from '../analysis/sharpness.js';
import type { Model } from '../models/model.types.js';
import { runStepsAsync, type StepHooks } from '../util/steps.js';
import type { DataSpec, LossKind } from '../config.js';
import { loadDataset } from '../data/load.js';
import { buildModel } from '../models/model.js';
import type { ModelSpec } from '../models/spec.js';
import { lossFunction } from '../train/losses.js';
import { histogram } from './minimal-ratio.js';
import { headOf, splitTensors } from './context.js';
import type { Figure } from './types.js';

export type RunAnalysisKind = 'hessian' | 'landscape' | 'sensitivity' | 'sharpness';
export const RUN_ANALYSIS_KINDS: readonly RunAnalysisKind[] = ['hessian', 'landscape', 'sensitivity', 'sharpness'];
/** Analyses of two runs at once. */
export type RunPairAnalysisKind = 'interpolation';
export const RUN_PAIR_ANALYSIS_KINDS: readonly RunPairAnalysisKind[] = ['interpolation'];

/** Examples given with the request: x row-major with shape [n, ...inputShape] (channels last), y targets or class labels. */
export interface InlineData {
  x: number[];
  y: number[];
}

export interface RunAnalysisInput {
  model: ModelSpec;
  /** One example's shape, channels last. */
  inputShape: number[];
  theta: Float32Array;
  state: Float32Array;
  loss: LossKind;
  /** A trained run's data (its training split, rebuilt from the spec and seed), or examples sent inline. */
  data: { spec: DataSpec; seed: number } | { inline: InlineData };
  /** Weight snapshots along the training, oldest first (the PCA plane of a landscape needs ≥ 3). */
  snapshots?: { epoch: number; theta: Float32Array }[];
}

export interface HessianAnalysisOptions {
  /** `exact` (every eigenvalue), `lanczos` (top/bottom k and a Hutchinson trace), or `auto`: exact up to `maxExactParams`. Default auto. */
  method?: 'auto' | 'exact' | 'lanczos';
  /** Parameters at most for `auto` to pick the exact Hessian. Default 2000. */
  maxExactParams?: number;
  /** Largest and smallest eigenvalues Lanczos estimates. Default 10 and 3. */
  topK?: number;
  bottomK?: number;
  /** Training examples the loss is averaged over (the first n). Default all. */
  examples?: number;
  /** Seed of Lanczos' start vector and Hutchinson's probes. Default 0. */
  seed?: number;
}

/** LANDSCAPE: the loss around the final weights. */
export interface LandscapeAnalysisOptions {
  /** `random`: Gaussian directions, filter-normalised (Li et al. 2018); `pca`: the trajectory's top PCA directions, scaled to its extent. Default random. */
  plane?: 'random' | 'pca';
  /** A line (1) or a plane (2). Default 2. */
  dims?: 1 | 2;
  /** Points per axis. Default 21 (2-D) or 41 (1-D). */
  resolution?: number;
  /** Each axis spans [−span, span] in units of the directions. Default 1. */
  span?: number;
}

/** SENSITIVITY: ‖∂f/∂x‖_F over examples. */
export interface SensitivityAnalysisOptions {
  /** Differentiate the softmax probabilities or the raw outputs. Default softmax for cross-entropy, logits for MSE (one output's softmax is constant). */
  output?: 'softmax' | 'logits';
}

/** SHARPNESS: Keskar et al.'s ε-sharpness. */
export interface SharpnessAnalysisOptions {
  /** The box half-width ε (relative: |δᵢ| ≤ ε(|θᵢ| + 1)); also computed at 0, ε/4 and ε/2 for the curve. Default 1e-3. */
  epsilon?: number;
  /** Ascent steps at most per radius. Default 100. */
  maxSteps?: number;
}

/** INTERPOLATION: the loss along (1 − α)θ_a + αθ_b. */
export interface InterpolationAnalysisOptions {
  /** α values evenly spaced over [alphaMin, alphaMax], plus 0 and 1 always. Default 21 over [−0.5, 1.5]. */
  points?: number;
  alphaMin?: number;
  alphaMax?: number;
}

/** Every kind's options in one flat record (the API stores them as one JSON object). */
export type RunAnalysisOptions = HessianAnalysisOptions & LandscapeAnalysisOptions & SensitivityAnalysisOptions & SharpnessAnalysisOptions & InterpolationAnalysisOptions;

export interface RunAnalysisResult {
  figures: Figure[];
  /** The numbers behind the figures, e.g. { method, numParams, eigenvalues | top/bottom, trace }. */
  summary: Record<string, unknown>;
}

export interface RunAnalysisHooks {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** Runs one analysis of a run at its weights. Throws with the field to fix when the input does not fit the model. */
export async function analyzeRunWeights(kind: RunAnalysisKind, input: RunAnalysisInput, options: RunAnalysisOptions, hooks: RunAnalysisHooks = {}): Promise<RunAnalysisResult> {
  switch (kind) {
    case 'hessian':
      return hessianAnalysis(input, options, hooks);
    case 'landscape':
      return landscapeAnalysis(input, options, hooks);
    case 'sensitivity':
      return sensitivityAnalysis(input, options, hooks);
    case 'sharpness':
      return sharpnessAnalysis(input, options, hooks);
    default: {
      const unreachable: never = kind;
      throw new Error(`analyzeRunWeights: unknown kind ${String(unreachable)}; one of ${RUN_ANALYSIS_KINDS.join(', ')}`);
    }
  }
}

async function hessianAnalysis(input: RunAnalysisInput, options: HessianAnalysisOptions, hooks: RunAnalysisHooks): Promise<RunAnalysisResult> {
  const model = buildModel(input.model, input.inputShape);
  if (model.numParams !== input.theta.length) {
    throw new Error(`the run's weights have ${input.theta.length} parameters but its model ${input.model.name} has ${model.numParams}; upload weights of this model`);
  }
  const { x, y } = await examples(input, options.examples);
  const theta = tf.tensor1d(input.theta);
  const state = input.state.length > 0 ? tf.tensor1d(input.state) : undefined;
  try {
    // Inference mode: batch norm uses the stored running statistics (torch's model.eval()).
    const loss = lossFunction(model, x, y, input.loss, { training: false, ...(state && { state }) });
    const lossValue = (await loss(theta).data())[0] ?? Number.NaN;
    hooks.onProgress?.(0.05);
    const seed = options.seed ?? 0;
    const method = options.method ?? 'auto';
    const exact = method === 'exact' || (method === 'auto' && model.numParams <= (options.maxExactParams ?? 2000));
    if (exact) {
      // The products in chunks (progress, and a cancel stops at the next); the eigenvalues are one step.
      const spectrum = await runStepsAsync(hessianSpectrumSteps(loss, theta), partOf(hooks, 0.05, 0.9));
      hooks.onProgress?.(1);
      const trace = spectrum.eigenvalues.reduce((sum, v) => sum + v, 0);
      return {
        figures: [spectrumFigure(spectrum.eigenvalues, `Hessian spectrum (exact, ${spectrum.numParams} parameters)`)],
        summary: { method: 'exact', numParams: spectrum.numParams, loss: lossValue, eigenvalues: spectrum.eigenvalues, trace, relativeAsymmetry: spectrum.relativeAsymmetry },
      };
    }
    const lanczos = lanczosEigenvalues(loss, theta, { topK: options.topK ?? 10, bottomK: options.bottomK ?? 3, seed, ...(hooks.signal && { signal: hooks.signal }) });
    hooks.onProgress?.(0.6);
    const hutchinson = hutchinsonTrace(loss, theta, { seed, ...(hooks.signal && { signal: hooks.signal }) });
    hooks.onProgress?.(1);
    const extremes = [...lanczos.bottom, ...[...lanczos.top].reverse()];
    return {
      figures: [spectrumFigure(extremes, `Hessian extreme eigenvalues (Lanczos, ${lanczos.numParams} parameters; trace ≈ ${hutchinson.trace.toPrecision(4)} ± ${hutchinson.standardError.toPrecision(2)})`)],
      summary: {
        method: 'lanczos',
        numParams: lanczos.numParams,
        loss: lossValue,
        top: lanczos.top,
        bottom: lanczos.bottom,
        converged: lanczos.converged,
        iterations: lanczos.iterations,
        trace: hutchinson.trace,
        traceStandardError: hutchinson.standardError,
        traceSamples: hutchinson.samples,
      },
    };
  } finally {
    tf.dispose([theta, x, y, ...(state ? [state] : [])]);
  }
}

/** The eigenvalues in ascending order as points (rank, λ): exact values survive, unlike a histogram's bins. */
function spectrumFigure(values: readonly number[], title: string): Figure {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    id: 'hessian-spectrum',
    title,
    data: { kind: 'scatter', x: { label: 'rank (ascending)', scale: 'linear' }, y: { label: 'eigenvalue', scale: 'symlog' }, points: sorted.map((v, i) => ({ x: i, y: v })) },
  };
}

async function examples(input: RunAnalysisInput, limit: number | undefined): Promise<{ x: tf.Tensor; y: tf.Tensor }> {
  if ('spec' in input.data) {
    const dataset = await loadDataset(input.data.spec, input.data.seed);
    return splitTensors(headOf(dataset.train, limit), input.inputShape);
  }
  const { x, y } = input.data.inline;
  const width = input.inputShape.reduce((a, b) => a * b, 1);
  if (y.length === 0) throw new Error('options.data.y is empty: send at least one example');
  if (x.length !== y.length * width) {
    throw new Error(`options.data.x has ${x.length} numbers but ${y.length} examples of shape [${input.inputShape.join(', ')}] need ${y.length * width}`);
  }
  const n = limit ? Math.min(limit, y.length) : y.length;
  const labels = input.loss === 'cross-entropy';
  if (labels && y.some((v) => !Number.isInteger(v) || v < 0)) throw new Error('options.data.y must be class indices (whole numbers ≥ 0) for a cross-entropy loss');
  return {
    x: tf.tensor(x.slice(0, n * width), [n, ...input.inputShape]),
    y: labels ? tf.tensor1d(y.slice(0, n), 'int32') : tf.tensor1d(y.slice(0, n), 'float32'),
  };
}

/** The run's model, checked against its weights. */
function checkedModel(input: RunAnalysisInput): Model {
  const model = buildModel(input.model, input.inputShape);
  if (model.numParams !== input.theta.length) {
    throw new Error(`the run's weights have ${input.theta.length} parameters but its model ${input.model.name} has ${model.numParams}; upload weights of this model`);
  }
  return model;
}

interface RunTensors {
  model: Model;
  x: tf.Tensor;
  y: tf.Tensor;
  theta: tf.Tensor1D;
  state: tf.Tensor1D | undefined;
}

/** The model, the examples and the weights as tensors for `body`, disposed after it (also when it throws or is cancelled). */
async function withRunTensors<T>(input: RunAnalysisInput, limit: number | undefined, body: (tensors: RunTensors) => Promise<T>): Promise<T> {
  const model = checkedModel(input);
  const { x, y } = await examples(input, limit);
  const theta = tf.tensor1d(input.theta);
  const state = input.state.length > 0 ? tf.tensor1d(input.state) : undefined;
  try {
    return await body({ model, x, y, theta, state });
  } finally {
    tf.dispose([theta, x, y, ...(state ? [state] : [])]);
  }
}

/** Progress of one part of a computation, mapped into [from, to] of the whole. */
function partOf(hooks: RunAnalysisHooks, from: number, to: number): StepHooks {
  return { ...(hooks.signal && { signal: hooks.signal }), onProgress: (fraction) => hooks.onProgress?.(from + (to - from) * fraction) };
}

function checkWhole(name: string, value: number | undefined, least: number): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= least)) throw new Error(`options.${name} must be a whole number ≥ ${least}, got ${value}`);
}

/** The loss on a line or a plane through the final weights, the trajectory projected on a PCA plane. */
async function landscapeAnalysis(input: RunAnalysisInput, options: RunAnalysisOptions, hooks: RunAnalysisHooks): Promise<RunAnalysisResult> {
  const dims = options.dims ?? 2;
  const plane = options.plane ?? 'random';
  const resolution = options.resolution ?? (dims === 2 ? 21 : 41);
  const span = options.span ?? 1;
  if (dims !== 1 && dims !== 2) throw new Error(`options.dims must be 1 or 2, got ${String(dims)}`);
  checkWhole('resolution', resolution, 2);
  if (!(span > 0 && Number.isFinite(span))) throw new Error(`options.span must be a finite number > 0, got ${span}`);
  const snapshots = input.snapshots ?? [];
  if (plane === 'pca' && snapshots.length < 3) {
    throw new Error(`the PCA plane needs the run's trajectory: at least 3 stored weight snapshots, and this run has ${snapshots.length} (train it with snapshotEvery, or use plane RANDOM)`);
  }
  return withRunTensors(input, options.examples, async ({ model, x, y, state }) => {
    const data = { x, y };
    const directions: LandscapeDirections =
      plane === 'pca'
        ? { kind: 'given', vectors: trajectoryPlaneDirections(input.theta, snapshots.map((s) => s.theta), dims), label: `top-${dims} PCA of the trajectory` }
        : { kind: 'random-filter-normalized', seed: options.seed ?? 0 };
    const batchedEvaluate = state ? undefined : modelBatchedEvaluator(model, data, input.loss);
    const landscapeInput: LandscapeInput = {
      evaluate: modelEvaluator(model, data, input.loss, state),
      ...(batchedEvaluate && { batchedEvaluate }),
      theta: input.theta,
      params: model.params,
      directions,
      range: [-span, span],
      resolution,
      ...(hooks.signal && { signal: hooks.signal }),
    };
    const axis = (k: number) => (plane === 'pca' ? `PC ${k} (scaled to the path)` : `direction ${k} (filter-normalised)`);
    const planeName = plane === 'pca' ? 'trajectory PCA plane' : 'random filter-normalised plane';
    if (dims === 1) {
      const line = await runStepsAsync(lossLandscape1DSteps(landscapeInput), partOf(hooks, 0, 1));
      hooks.onProgress?.(1);
      return {
        figures: [
          {
            id: 'landscape-1d',
            title: `Loss along one direction through the final weights (${plane === 'pca' ? 'trajectory PC 1' : 'random filter-normalised direction'})`,
            data: { kind: 'lines', x: { label: axis(1), scale: 'linear' }, y: { label: 'loss', scale: 'linear' }, series: [{ label: 'loss', points: line.xs.map((x, i) => ({ x, y: line.loss[i]! })) }] },
          },
        ],
        summary: { plane, dims, resolution, span, centerLoss: line.centerLoss, xs: line.xs, loss: line.loss, ...(line.accuracy && { accuracy: line.accuracy }), min: Math.min(...line.loss), max: Math.max(...line.loss), directionNorms: line.direction.norms },
      };
    }
    const trajectory = snapshots.map((s) => ({ theta: s.theta, epoch: s.epoch }));
    const grid = await runStepsAsync(lossLandscape2DSteps({ ...landscapeInput, ...(plane === 'pca' && { trajectory }) }), partOf(hooks, 0, 1));
    hooks.onProgress?.(1);
    const flat = grid.loss.flat();
    return {
      figures: [
        {
          id: 'landscape',
          title: `Loss around the final weights (${planeName})`,
          data: {
            kind: 'grid',
            x: { label: axis(1), scale: 'linear' },
            y: { label: axis(2), scale: 'linear' },
            xs: grid.xs,
            ys: grid.ys,
            values: grid.loss,
            valueLabel: 'loss',
            ...(grid.path && { path: grid.path.map(({ x, y, epoch }) => (epoch === undefined ? { x, y } : { x, y, epoch })) }),
            slices: grid.slices,
          },
        },
      ],
      summary: {
        plane,
        dims,
        resolution,
        span,
        centerLoss: grid.centerLoss,
        xs: grid.xs,
        ys: grid.ys,
        loss: grid.loss,
        min: Math.min(...flat),
        max: Math.max(...flat),
        directionNorms: grid.direction.norms,
        ...(grid.direction.cosine !== undefined && { cosine: grid.direction.cosine }),
        ...(grid.path && { pathResidualMax: Math.max(0, ...grid.path.map((p) => p.residual)) }),
      },
    };
  });
}

/** ‖∂f/∂x‖_F of each example, its mean and spread, and their histogram. */
async function sensitivityAnalysis(input: RunAnalysisInput, options: RunAnalysisOptions, hooks: RunAnalysisHooks): Promise<RunAnalysisResult> {
  const output = options.output ?? (input.loss === 'cross-entropy' ? 'softmax' : 'logits');
  return withRunTensors(input, options.examples, async ({ model, x, theta, state }) => {
    const result = await runStepsAsync(inputSensitivitySteps({ forward: modelForward(model, theta, state), x, output, batchSize: 64 }), partOf(hooks, 0, 1));
    hooks.onProgress?.(1);
    const { perExample, durationMs: _durationMs, ...numbers } = result;
    return {
      figures: [
        {
          id: 'sensitivity',
          title: `Input sensitivity ‖∂${output === 'softmax' ? 'softmax' : 'f'}/∂x‖_F per example (mean ${result.meanFrobeniusNorm.toPrecision(4)} ± ${result.standardError.toPrecision(2)}, ${result.samples} examples)`,
          data: { kind: 'histogram', x: { label: '‖∂f/∂x‖_F', scale: 'linear' }, y: { label: 'examples', scale: 'linear' }, bins: histogram(perExample, 20) },
        },
      ],
      summary: numbers,
    };
  });
}

/** ε-sharpness at ε and on the way there (0, ε/4, ε/2), so the figure shows how it grows with the box. */
async function sharpnessAnalysis(input: RunAnalysisInput, options: RunAnalysisOptions, hooks: RunAnalysisHooks): Promise<RunAnalysisResult> {
  const epsilon = options.epsilon ?? 1e-3;
  if (!(epsilon >= 0 && Number.isFinite(epsilon))) throw new Error(`options.epsilon must be a finite number ≥ 0, got ${epsilon}`);
  checkWhole('maxSteps', options.maxSteps, 1);
  const radii = [...new Set([0, epsilon / 4, epsilon / 2, epsilon])].sort((a, b) => a - b);
  return withRunTensors(input, options.examples, async ({ model, x, y, theta, state }) => {
    const loss = lossFunction(model, x, y, input.loss, { training: false, ...(state && { state }) });
    const curve: SharpnessResult[] = [];
    for (const [k, radius] of radii.entries()) {
      const steps = epsilonSharpnessSteps(loss, theta, { epsilon: radius, ...(options.maxSteps !== undefined && { maxSteps: options.maxSteps }) });
      curve.push(await runStepsAsync(steps, partOf(hooks, k / radii.length, (k + 1) / radii.length)));
    }
    hooks.onProgress?.(1);
    const atEpsilon = curve.at(-1)!;
    return {
      figures: [
        {
          id: 'sharpness',
          title: `ε-sharpness by box half-width (Keskar et al.; lower bounds by projected sign ascent; ε = ${epsilon}: ${atEpsilon.sharpness.toPrecision(4)} %)`,
          data: { kind: 'lines', x: { label: 'ε (box half-width, relative to |θ| + 1)', scale: 'linear' }, y: { label: 'ε-sharpness (%)', scale: 'linear' }, series: [{ label: 'sharpness', points: curve.map((c) => ({ x: c.epsilon, y: c.sharpness })) }] },
        },
      ],
      summary: {
        epsilon,
        sharpness: atEpsilon.sharpness,
        loss: atEpsilon.loss,
        maxLoss: atEpsilon.maxLoss,
        converged: atEpsilon.converged,
        steps: atEpsilon.steps,
        radii: curve.map((c) => ({ epsilon: c.epsilon, sharpness: c.sharpness, maxLoss: c.maxLoss, converged: c.converged, steps: c.steps })),
      },
    };
  });
}

/**
 * The first place two JSON values differ, as a dotted path (`layers[1].units`), or undefined when
 * they are equal: how a pair analysis names the field that keeps two runs from being compared.
 */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}.length`.replace(/^\./, '');
    for (let i = 0; i < a.length; i++) {
      const inner = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (inner !== undefined) return inner;
    }
    return undefined;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) {
      const inner = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
      if (inner !== undefined) return inner;
    }
    return undefined;
  }
  return path || '(value)';
}

/** Runs one analysis of two runs' final weights. The runs must share a model (same spec, same input shape). */
export async function analyzeRunPair(kind: RunPairAnalysisKind, a: RunAnalysisInput, b: RunAnalysisInput, options: RunAnalysisOptions, hooks: RunAnalysisHooks = {}): Promise<RunAnalysisResult> {
  switch (kind) {
    case 'interpolation':
      return interpolationAnalysis(a, b, options, hooks);
    default: {
      const unreachable: never = kind;
      throw new Error(`analyzeRunPair: unknown kind ${String(unreachable)}; one of ${RUN_PAIR_ANALYSIS_KINDS.join(', ')}`);
    }
  }
}

/** Loss (and accuracy) along θ(α) = (1 − α)θ_a + αθ_b on the first run's examples; α = 0 and 1 are the two runs. */
async function interpolationAnalysis(a: RunAnalysisInput, b: RunAnalysisInput, options: RunAnalysisOptions, hooks: RunAnalysisHooks): Promise<RunAnalysisResult> {
  // The layers are the architecture; the name is only a label.
  const differs = firstDifference(a.model.layers, b.model.layers, 'model.layers') ?? firstDifference(a.inputShape, b.inputShape, 'inputShape');
  if (differs !== undefined) throw new Error(`the two runs must share a model to interpolate between them: ${differs} differs`);
  const points = options.points ?? 21;
  checkWhole('points', points, 2);
  const low = options.alphaMin ?? -0.5;
  const high = options.alphaMax ?? 1.5;
  if (!(high > low)) throw new Error(`options.alphaMax must be above options.alphaMin, got [${low}, ${high}]`);
  checkedModel(b);
  // α = 0 and α = 1 are always on the grid: they are the two runs themselves.
  const alphas = [...new Set([...evenlySpaced(low, high, points), 0, 1])].sort((p, q) => p - q);
  return withRunTensors(a, options.examples, async ({ model, x, y }) => {
    const hasState = a.state.length > 0;
    const result = await runStepsAsync(
      interpolateSteps({
        thetaA: a.theta,
        thetaB: b.theta,
        ...(hasState && { stateA: a.state, stateB: b.state, buffers: model.buffers }),
        splits: { train: modelEvaluator(model, { x, y }, a.loss) },
        alphas,
      }),
      partOf(hooks, 0, 1),
    );
    hooks.onProgress?.(1);
    const split = result.splits[0]!;
    const at = (alpha: number) => split.loss[result.alphas.indexOf(alpha)]!;
    const inside = result.alphas.map((alpha, i) => ({ alpha, loss: split.loss[i]! })).filter((p) => p.alpha >= 0 && p.alpha <= 1);
    // The barrier: how far the loss rises above the straight line between the two ends.
    const barrier = Math.max(0, ...inside.map((p) => p.loss - ((1 - p.alpha) * at(0) + p.alpha * at(1))));
    const x0 = { label: 'α (0: first run, 1: second run)', scale: 'linear' as const };
    const figures: Figure[] = [
      { id: 'interpolation-loss', title: `Loss along the line between the two runs' final weights (barrier ${barrier.toPrecision(3)})`, data: { kind: 'lines', x: x0, y: { label: 'loss', scale: 'linear' }, series: [{ label: 'loss', points: result.alphas.map((alpha, i) => ({ x: alpha, y: split.loss[i]! })) }] } },
    ];
    if (split.accuracy) {
      figures.push({ id: 'interpolation-accuracy', title: "Accuracy along the line between the two runs' final weights", data: { kind: 'lines', x: x0, y: { label: 'accuracy', scale: 'linear' }, series: [{ label: 'accuracy', points: result.alphas.map((alpha, i) => ({ x: alpha, y: split.accuracy![i]! })) }] } });
    }
    return {
      figures,
      summary: { alphas: result.alphas, loss: split.loss, ...(split.accuracy && { accuracy: split.accuracy }), lossAtFirst: at(0), lossAtSecond: at(1), barrier, batchNorm: result.batchNorm, clampedVarianceAlphas: result.clampedVarianceAlphas },
    };
  });
}
