/**
 * `buildModel`: a declarative {@link ModelSpec} → a functional {@link Model} over one flat θ.
 * The layer plan (shapes, where each tensor sits in θ) is computed once here; `apply` only
 * splits θ and runs the layers, so it is differentiable in θ for gradients and HVPs alike.
 */
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../util/rng.js';
import { batchNormTraining } from './batch-norm.js';
import type { ApplyOptions, ApplyResult, BufferInfo, Model, ParamInfo } from './model.types.js';
import type { Activation, LayerSpec, ModelSpec } from './spec.js';
import { summarize } from './summary.js';

/** PyTorch's BatchNorm defaults: the running stats move 10% towards each batch's. */
export const BATCH_NORM_DEFAULT_MOMENTUM = 0.1;
export const BATCH_NORM_DEFAULT_EPSILON = 1e-5;

/** One layer with its shapes and its slices of θ and of the state, resolved from the spec. */
export interface PlannedLayer {
  spec: LayerSpec;
  index: number;
  /** `conv2d_1`, `batch_norm_2`, ... counted per type from 1, as Keras does. */
  name: string;
  /** Per-example shapes. */
  inputShape: number[];
  outputShape: number[];
  params: ParamInfo[];
  buffers: BufferInfo[];
}

const NAME_PREFIX: Record<LayerSpec['type'], string> = {
  dense: 'dense',
  conv2d: 'conv2d',
  batchNorm: 'batch_norm',
  activation: 'activation',
  maxPool: 'max_pool',
  avgPool: 'avg_pool',
  flatten: 'flatten',
};

const product = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

function convOutputSize(input: number, kernel: number, stride: number, padding: 'same' | 'valid'): number {
  return padding === 'same' ? Math.ceil(input / stride) : Math.floor((input - kernel) / stride) + 1;
}

/** Resolve every layer's shapes and parameter slices; throws naming the layer when a shape does not fit. */
export function planLayers(spec: ModelSpec, inputShape: number[]): { layers: PlannedLayer[]; numParams: number; numBuffers: number } {
  if (!Array.isArray(spec.layers) || spec.layers.length === 0) {
    throw new Error(`buildModel: spec.layers must be a non-empty array (model '${spec.name}')`);
  }
  if (inputShape.length === 0 || inputShape.some((d) => !(Number.isInteger(d) && d > 0))) {
    throw new Error(`buildModel: inputShape must be positive integers, got [${inputShape.join(', ')}]`);
  }
  const counters = new Map<string, number>();
  const layers: PlannedLayer[] = [];
  let shape = [...inputShape];
  let paramOffset = 0;
  let bufferOffset = 0;
  spec.layers.forEach((layer, index) => {
    const prefix = NAME_PREFIX[layer.type];
    if (prefix === undefined) throw new Error(`buildModel: layers[${index}].type '${String((layer as { type: unknown }).type)}' is unknown`);
    const count = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, count);
    const name = `${prefix}_${count}`;
    const params: ParamInfo[] = [];
    const buffers: BufferInfo[] = [];
    const addParam = (role: ParamInfo['role'], pshape: number[]): void => {
      const size = product(pshape);
      params.push({ name: `${name}/${role}`, layerIndex: index, layerName: name, role, shape: pshape, offset: paramOffset, size });
      paramOffset += size;
    };
    const addBuffer = (role: BufferInfo['role'], bshape: number[]): void => {
      const size = product(bshape);
      buffers.push({ name: `${name}/${role}`, layerIndex: index, layerName: name, role, shape: bshape, offset: bufferOffset, size });
      bufferOffset += size;
    };
    const inShape = shape;
    let outShape: number[];
    switch (layer.type) {
      case 'dense': {
        const fanIn = product(inShape);
        addParam('kernel', [fanIn, layer.units]);
        addParam('bias', [layer.units]);
        outShape = [layer.units];
        break;
      }
      case 'conv2d': {
        if (inShape.length !== 3) {
          throw new Error(`buildModel: layers[${index}] (${name}) needs a [height, width, channels] input, got [${inShape.join(', ')}]`);
        }
        const [h, w, c] = inShape as [number, number, number];
        const k = layer.kernelSize ?? 5;
        const s = layer.stride ?? 1;
        const padding = layer.padding ?? 'same';
        addParam('kernel', [k, k, c, layer.filters]);
        addParam('bias', [layer.filters]);
        outShape = [convOutputSize(h, k, s, padding), convOutputSize(w, k, s, padding), layer.filters];
        break;
      }
      case 'batchNorm': {
        const channels = inShape[inShape.length - 1]!;
        addParam('gamma', [channels]);
        addParam('beta', [channels]);
        addBuffer('movingMean', [channels]);
        addBuffer('movingVariance', [channels]);
        outShape = inShape;
        break;
      }
      case 'maxPool':
      case 'avgPool': {
        if (inShape.length !== 3) {
          throw new Error(`buildModel: layers[${index}] (${name}) needs a [height, width, channels] input, got [${inShape.join(', ')}]`);
        }
        const size = layer.size ?? 2;
        const stride = layer.stride ?? size;
        const [h, w, c] = inShape as [number, number, number];
        outShape = [convOutputSize(h, size, stride, 'valid'), convOutputSize(w, size, stride, 'valid'), c];
        break;
      }
      case 'flatten':
        outShape = [product(inShape)];
        break;
      case 'activation':
        outShape = inShape;
        break;
    }
    if (outShape.some((d) => !(d > 0))) {
      throw new Error(`buildModel: layers[${index}] (${name}) maps [${inShape.join(', ')}] to an empty output [${outShape.join(', ')}]`);
    }
    layers.push({ spec: layer, index, name, inputShape: inShape, outputShape: outShape, params, buffers });
    shape = outShape;
  });
  return { layers, numParams: paramOffset, numBuffers: bufferOffset };
}

export function applyActivation(x: tf.Tensor, activation: Activation | undefined): tf.Tensor {
  switch (activation ?? 'linear') {
    case 'linear':
      return x;
    case 'relu':
      return tf.relu(x);
    case 'tanh':
      return tf.tanh(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'softplus':
      return tf.softplus(x);
    case 'elu':
      return tf.elu(x);
  }
}

export function buildModel(spec: ModelSpec, inputShape: number[]): Model {
  const { layers, numParams, numBuffers } = planLayers(spec, inputShape);
  const params = layers.flatMap((l) => l.params);
  const buffers = layers.flatMap((l) => l.buffers);
  const last = layers[layers.length - 1]!;
  const outputSize = product(last.outputShape);
  const hasBatchNorm = numBuffers > 0;

  const init = (seed: number): tf.Tensor1D => {
    // PyTorch's defaults: Linear/Conv2d weights kaiming_uniform(a=√5) and biases both come to
    // U(−1/√fan_in, 1/√fan_in); BatchNorm γ = 1, β = 0.
    const rng = Rng.stream(seed, 0x1417);
    const theta = new Float32Array(numParams);
    for (const layer of layers) {
      const kernel = layer.params.find((p) => p.role === 'kernel');
      const fanIn = kernel ? product(kernel.shape.slice(0, -1)) : 1;
      const bound = 1 / Math.sqrt(fanIn);
      for (const p of layer.params) {
        if (p.role === 'gamma') theta.fill(1, p.offset, p.offset + p.size);
        else if (p.role === 'beta') theta.fill(0, p.offset, p.offset + p.size);
        else for (let i = 0; i < p.size; i++) theta[p.offset + i] = rng.uniform(-bound, bound);
      }
    }
    return tf.tensor1d(theta);
  };

  const initState = (): tf.Tensor1D => {
    const state = new Float32Array(numBuffers);
    for (const b of buffers) if (b.role === 'movingVariance') state.fill(1, b.offset, b.offset + b.size);
    return tf.tensor1d(state);
  };

  const apply = (theta: tf.Tensor1D, x: tf.Tensor, options: ApplyOptions): ApplyResult => {
    if (theta.rank !== 1 || theta.shape[0] !== numParams) {
      throw new Error(`Model.apply (${spec.name}): theta must be a vector of ${numParams} parameters, got shape [${theta.shape.join(', ')}]`);
    }
    if (x.rank !== inputShape.length + 1 || x.shape.slice(1).some((d, i) => d !== inputShape[i])) {
      throw new Error(`Model.apply (${spec.name}): x must have shape [batch, ${inputShape.join(', ')}], got [${x.shape.join(', ')}]`);
    }
    if (hasBatchNorm && !options.training && !options.state) {
      throw new Error(`Model.apply (${spec.name}): inference mode needs options.state (batch norm running statistics)`);
    }
    if (options.state && options.state.shape[0] !== numBuffers) {
      throw new Error(`Model.apply (${spec.name}): options.state must have ${numBuffers} entries, got ${options.state.shape[0]}`);
    }
    return tf.tidy(() => {
      const pieces = numParams > 0 ? tf.split(theta, params.map((p) => p.size)) : [];
      const paramTensor = (p: ParamInfo): tf.Tensor => pieces[params.indexOf(p)]!.reshape(p.shape);
      const state = hasBatchNorm ? (options.state ?? initState()) : undefined;
      const statePieces = state ? tf.split(state, buffers.map((b) => b.size)) : [];
      const nextStatePieces: tf.Tensor[] = [];
      const batch = x.shape[0];
      let h: tf.Tensor = x;
      const isRelu = (i: number): boolean => {
        const spec = layers[i]?.spec;
        return spec?.type === 'activation' && spec.activation === 'relu';
      };
      /** Inference-mode batch norm of `norm` as the per-channel map h ↦ h·scale + shift. */
      const runningAffine = (norm: PlannedLayer, gamma: tf.Tensor1D, beta: tf.Tensor1D): { scale: tf.Tensor1D; shift: tf.Tensor1D } => {
        const [meanInfo, varInfo] = norm.buffers as [BufferInfo, BufferInfo];
        const epsilon = norm.spec.type === 'batchNorm' ? (norm.spec.epsilon ?? BATCH_NORM_DEFAULT_EPSILON) : BATCH_NORM_DEFAULT_EPSILON;
        const scale = tf.div(gamma, tf.sqrt(tf.add(statePieces[buffers.indexOf(varInfo)]!, epsilon))) as tf.Tensor1D;
        return { scale, shift: tf.sub(beta, tf.mul(statePieces[buffers.indexOf(meanInfo)]!, scale)) as tf.Tensor1D };
      };
      // Layers already computed inside a fused kernel of an earlier layer.
      let skip = 0;
      // A convolution's bias left out before a training-mode batch norm (see conv2d below).
      let biasBeforeNorm: tf.Tensor | undefined;
      for (const [index, layer] of layers.entries()) {
        if (skip > 0) {
          skip--;
          continue;
        }
        const [first, second] = layer.params.map(paramTensor);
        switch (layer.spec.type) {
          case 'dense': {
            const flat = h.rank > 2 ? h.reshape([batch, -1]) : h;
            h = applyActivation(tf.add(tf.matMul(flat as tf.Tensor2D, first as tf.Tensor2D), second!), layer.spec.activation);
            break;
          }
          case 'conv2d': {
            const s = layer.spec.stride ?? 1;
            const padding = layer.spec.padding ?? 'same';
            const next = layers[index + 1];
            const normNext = options.fused === true && next?.spec.type === 'batchNorm' && (layer.spec.activation ?? 'linear') === 'linear';
            if (normNext && !options.training) {
              // Inference: batch norm is an affine map per channel, so it folds into the
              // convolution's filter and bias, and a ReLU after it into the same fused kernel.
              const [gamma, beta] = next.params.map(paramTensor) as [tf.Tensor1D, tf.Tensor1D];
              const { scale, shift } = runningAffine(next, gamma, beta);
              const relu = isRelu(index + 2);
              h = tf.fused.conv2d({
                x: h as tf.Tensor4D,
                filter: tf.mul(first!, scale) as tf.Tensor4D,
                strides: s,
                pad: padding,
                bias: tf.add(tf.mul(second!, scale), shift),
                activation: relu ? 'relu' : 'linear',
              });
              skip = relu ? 2 : 1;
              break;
            }
            const conv = tf.conv2d(h as tf.Tensor4D, first as tf.Tensor4D, s, padding);
            if (normNext) {
              // Training: batch norm subtracts the batch mean, so a bias added before it cancels
              // exactly (its gradient is exactly zero); only the running mean sees it.
              h = conv;
              biasBeforeNorm = second;
              break;
            }
            h = applyActivation(tf.add(conv, second!), layer.spec.activation);
            break;
          }
          case 'batchNorm': {
            const epsilon = layer.spec.epsilon ?? BATCH_NORM_DEFAULT_EPSILON;
            const momentum = layer.spec.momentum ?? BATCH_NORM_DEFAULT_MOMENTUM;
            const [meanInfo, varInfo] = layer.buffers as [BufferInfo, BufferInfo];
            const runningMean = statePieces[buffers.indexOf(meanInfo)]!;
            const runningVar = statePieces[buffers.indexOf(varInfo)]!;
            if (options.training) {
              // A ReLU layer right after batch norm runs inside the same (fused) kernels.
              const relu = options.fused === true && isRelu(index + 1);
              const result = batchNormTraining(h, first as tf.Tensor1D, second as tf.Tensor1D, { epsilon, relu, fused: options.fused === true });
              if (relu) skip = 1;
              const batchMean = biasBeforeNorm ? tf.add(result.mean, biasBeforeNorm) : result.mean;
              biasBeforeNorm = undefined;
              const count = h.size / result.mean.size;
              // Running variance is the unbiased estimate, as PyTorch keeps it.
              const unbiased = count > 1 ? tf.mul(result.variance, count / (count - 1)) : result.variance;
              nextStatePieces.push(
                tf.add(tf.mul(runningMean, 1 - momentum), tf.mul(batchMean, momentum)),
                tf.add(tf.mul(runningVar, 1 - momentum), tf.mul(unbiased, momentum)),
              );
              h = result.output;
            } else {
              // (h − μ)/√(σ² + ε)·γ + β as h·scale + shift: two passes over h, the rest on [C].
              const { scale, shift } = runningAffine(layer, first as tf.Tensor1D, second as tf.Tensor1D);
              h = tf.add(tf.mul(h, scale), shift);
            }
            break;
          }
          case 'activation':
            h = applyActivation(h, layer.spec.activation);
            break;
          case 'maxPool': {
            const size = layer.spec.size ?? 2;
            h = tf.maxPool(h as tf.Tensor4D, size, layer.spec.stride ?? size, 'valid');
            break;
          }
          case 'avgPool': {
            const size = layer.spec.size ?? 2;
            h = tf.avgPool(h as tf.Tensor4D, size, layer.spec.stride ?? size, 'valid');
            break;
          }
          case 'flatten':
            h = h.reshape([batch, -1]);
            break;
        }
      }
      const output = (h.rank === 2 ? h : h.reshape([batch, -1])) as tf.Tensor2D;
      if (options.training && hasBatchNorm) {
        return { output, nextState: tf.concat(nextStatePieces) as tf.Tensor1D };
      }
      return { output };
    });
  };

  const summaryOf = () => summarize(spec, inputShape, layers);

  return {
    spec,
    inputShape: [...inputShape],
    outputSize,
    params,
    buffers,
    numParams,
    numBuffers,
    init,
    initState,
    apply,
    summary: summaryOf,
  };
}
