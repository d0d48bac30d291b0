import type * as tf from '@tensorflow/tfjs';
import type { ModelSpec, ModelSummary } from './spec.js';

/** Where one trainable tensor lives inside the flat parameter vector θ. */
export interface ParamInfo {
  /** `conv2d_1/kernel`, `batch_norm_1/gamma`, ... */
  name: string;
  /** Index of the layer in `spec.layers`. */
  layerIndex: number;
  /** Layer name as in the summary, e.g. `conv2d_1`. */
  layerName: string;
  /** kernel (dense [in, out], conv [kh, kw, in, out]), bias, or batch norm's gamma / beta. */
  role: 'kernel' | 'bias' | 'gamma' | 'beta';
  shape: number[];
  /** First index in θ. */
  offset: number;
  size: number;
}

/** Where one non-trainable buffer (batch norm's running mean / variance) lives in the state vector. */
export interface BufferInfo {
  name: string;
  layerIndex: number;
  layerName: string;
  role: 'movingMean' | 'movingVariance';
  shape: number[];
  offset: number;
  size: number;
}

export interface ApplyOptions {
  /** Training mode: batch norm normalises with the batch's statistics and reports them. */
  training: boolean;
  /** Non-trainable buffers (flat); required in inference mode when the model has batch norm. */
  state?: tf.Tensor1D;
  /**
   * Fused kernels, first order only — for plain gradient steps and evaluations, never for HVPs.
   * Training mode: batch norm (+ a ReLU right after it) as Saddle's fused kernels where the
   * backend has them (wasm). Inference: a batch norm after a convolution folded into its filter
   * and bias, with a following ReLU, as one `tf.fused.conv2d`. Default false.
   */
  fused?: boolean;
}

export interface ApplyResult {
  /** [batch, outputSize]: logits for classifiers, predictions for regression. */
  output: tf.Tensor2D;
  /**
   * Training mode only, when the model has batch norm: the new flat state after one
   * moving-average update with this batch's mean and (unbiased) variance.
   */
  nextState?: tf.Tensor1D;
}

/**
 * A network as a pure function of one flat parameter vector θ. Keeping θ flat is what lets the
 * optimisers, Hessian-vector products, PCA of trajectories and landscapes share one
 * representation; `apply` splits θ into per-layer tensors (differentiably) on every call.
 */
export interface Model {
  readonly spec: ModelSpec;
  /** Per-example input shape, e.g. [1] for function fitting, [32, 32, 3] for CIFAR. */
  readonly inputShape: number[];
  readonly outputSize: number;
  readonly params: readonly ParamInfo[];
  readonly buffers: readonly BufferInfo[];
  readonly numParams: number;
  readonly numBuffers: number;
  /** Initial θ under a seed: PyTorch's default init (Kaiming-uniform weights, uniform biases), BN γ=1, β=0. */
  init(seed: number): tf.Tensor1D;
  /** Initial non-trainable state: running means 0, variances 1. Empty when there is no batch norm. */
  initState(): tf.Tensor1D;
  apply(theta: tf.Tensor1D, x: tf.Tensor, options: ApplyOptions): ApplyResult;
  summary(): ModelSummary;
}
