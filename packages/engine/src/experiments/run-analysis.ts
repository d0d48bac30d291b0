/**
 * Analyses of one stored run asked for by hand (issue 13, `analyzeRun`), not by a preset: the
 * Hessian spectrum at the run's weights — exact for small nets, Lanczos extremes plus a
 * Hutchinson trace for large ones. The weights may come from a Saddle training (its data is
 * rebuilt from its spec and seed) or from a script's upload (a PyTorch model through
 * `save_model`; the data then comes with the request, since Saddle never saw it).
 */
import * as tf from '@tensorflow/tfjs';
import { hessianSpectrum } from '../analysis/hessian.js';
import { hutchinsonTrace } from '../analysis/hutchinson.js';
import { lanczosEigenvalues } from '../analysis/lanczos.js';
import type { DataSpec, LossKind } from '../config.js';
import { loadDataset } from '../data/load.js';
import { buildModel } from '../models/model.js';
import type { ModelSpec } from '../models/spec.js';
import { lossFunction } from '../train/losses.js';
import { headOf, splitTensors } from './context.js';
import type { Figure } from './types.js';

export type RunAnalysisKind = 'hessian';
export const RUN_ANALYSIS_KINDS: readonly RunAnalysisKind[] = ['hessian'];

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
export async function analyzeRunWeights(kind: RunAnalysisKind, input: RunAnalysisInput, options: HessianAnalysisOptions, hooks: RunAnalysisHooks = {}): Promise<RunAnalysisResult> {
  switch (kind) {
    case 'hessian':
      return hessianAnalysis(input, options, hooks);
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
      hooks.signal?.throwIfAborted();
      const spectrum = hessianSpectrum(loss, theta);
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
    data: { kind: 'scatter', x: { label: 'rank (ascending)', scale: 'linear' }, y: { label: 'eigenvalue', scale: 'linear' }, points: sorted.map((v, i) => ({ x: i, y: v })) },
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
