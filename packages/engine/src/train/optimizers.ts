/**
 * Optimisers on the flat parameter tensor θ (any shape: the ensemble trainer steps [K, P]).
 * Their state lives in tensors they own; `dispose()` frees it.
 */
import * as tf from '@tensorflow/tfjs';
import { ADAM_STEP } from '../backend/adam-step.js';
import type { OptimizerSpec } from '../config.js';

/**
 * An optimiser's state as plain arrays (for checkpoints): its step count and its buffers, flat,
 * with their shape (θ's). A buffer is absent before the first step (for plain SGD, always).
 */
export type OptimizerState =
  | { kind: 'sgd'; iterations: number; shape: number[]; velocity?: Float32Array }
  | { kind: 'adam'; iterations: number; shape: number[]; m?: Float32Array; v?: Float32Array };

export interface FlatOptimizer {
  readonly spec: OptimizerSpec;
  /** Steps taken so far. */
  readonly iterations: number;
  /** θ after one step along `grad`; a new tensor the caller owns (θ and grad are not disposed). */
  step<T extends tf.Tensor>(theta: T, grad: T): T;
  /** A copy of the state; `loadState` of it makes the following steps repeat exactly. */
  saveState(): OptimizerState;
  /** Replaces the state (an optimiser of the same kind, fresh or not). */
  loadState(saved: OptimizerState): void;
  dispose(): void;
}

const copyOf = (t: tf.Tensor | undefined): Float32Array | undefined => (t ? Float32Array.from(t.dataSync()) : undefined);
// Kept: loaded buffers must outlive any tidy the caller loads them in, like the stepped ones.
const tensorOf = (values: Float32Array | undefined, shape: number[]): tf.Tensor | undefined => (values ? tf.keep(tf.tensor(values, shape, 'float32')) : undefined);

function checkKind(saved: OptimizerState, kind: OptimizerState['kind']): void {
  if (saved.kind !== kind) throw new Error(`loadState: the saved optimiser state is ${saved.kind}'s, this optimiser is ${kind}`);
}

/** SGD with heavy-ball momentum, PyTorch's convention: v ← μv + g, θ ← θ − lr·v (v₀ = g). */
export class SgdOptimizer implements FlatOptimizer {
  private velocity: tf.Tensor | undefined;
  iterations = 0;
  constructor(readonly spec: Extract<OptimizerSpec, { kind: 'sgd' }>) {}

  step<T extends tf.Tensor>(theta: T, grad: T): T {
    const { lr, momentum } = this.spec;
    this.iterations++;
    if (momentum === 0) return tf.tidy(() => tf.sub(theta, tf.mul(grad, lr))) as T;
    const previous = this.velocity;
    // Kept: the state must outlive any tidy the caller runs this step in.
    const velocity = tf.keep(tf.tidy(() => (previous ? tf.add(tf.mul(previous, momentum), grad) : grad.clone())));
    previous?.dispose();
    this.velocity = velocity;
    return tf.tidy(() => tf.sub(theta, tf.mul(velocity, lr))) as T;
  }

  saveState(): OptimizerState {
    const velocity = copyOf(this.velocity);
    return { kind: 'sgd', iterations: this.iterations, shape: [...(this.velocity?.shape ?? [])], ...(velocity ? { velocity } : {}) };
  }

  loadState(saved: OptimizerState): void {
    if (saved.kind !== 'sgd') return checkKind(saved, 'sgd');
    this.dispose();
    this.iterations = saved.iterations;
    this.velocity = tensorOf(saved.velocity, saved.shape);
  }

  dispose(): void {
    this.velocity?.dispose();
    this.velocity = undefined;
  }
}

/** Adam (Kingma & Ba) with bias correction, as torch.optim.Adam without weight decay. */
export class AdamOptimizer implements FlatOptimizer {
  private m: tf.Tensor | undefined;
  private v: tf.Tensor | undefined;
  iterations = 0;
  constructor(readonly spec: Extract<OptimizerSpec, { kind: 'adam' }>) {}

  step<T extends tf.Tensor>(theta: T, grad: T): T {
    const { lr, beta1, beta2, epsilon } = this.spec;
    this.iterations++;
    const t = this.iterations;
    const [m0, v0] = [this.m, this.v];
    // m and v are kept: the moments must outlive any tidy the caller runs this step in.
    const [next, m, v] = tf.tidy(() => {
      const mPrevious = m0 ?? tf.zerosLike(grad);
      const vPrevious = v0 ?? tf.zerosLike(grad);
      if (theta.dtype === 'float32' && tf.getKernel(ADAM_STEP, tf.getBackend()) !== undefined) {
        // One kernel (wasm): the same float32 arithmetic as the composed ops below.
        const attrs = { lr, beta1, beta2, epsilon, iteration: t } as unknown as tf.NamedAttrMap;
        const [thetaNext, m1, v1] = tf.engine().runKernel(ADAM_STEP, { theta, grad, m: mPrevious, v: vPrevious }, attrs) as tf.Tensor[];
        return [thetaNext!, tf.keep(m1!), tf.keep(v1!)];
      }
      const m1 = tf.add(tf.mul(mPrevious, beta1), tf.mul(grad, 1 - beta1));
      const v1 = tf.add(tf.mul(vPrevious, beta2), tf.mul(tf.square(grad), 1 - beta2));
      const mHat = tf.div(m1, 1 - beta1 ** t);
      const vHat = tf.div(v1, 1 - beta2 ** t);
      return [tf.sub(theta, tf.div(tf.mul(mHat, lr), tf.add(tf.sqrt(vHat), epsilon))), tf.keep(m1), tf.keep(v1)];
    });
    m0?.dispose();
    v0?.dispose();
    this.m = m;
    this.v = v;
    return next as T;
  }

  saveState(): OptimizerState {
    const [m, v] = [copyOf(this.m), copyOf(this.v)];
    return { kind: 'adam', iterations: this.iterations, shape: [...(this.m?.shape ?? [])], ...(m ? { m } : {}), ...(v ? { v } : {}) };
  }

  loadState(saved: OptimizerState): void {
    if (saved.kind !== 'adam') return checkKind(saved, 'adam');
    this.dispose();
    this.iterations = saved.iterations;
    this.m = tensorOf(saved.m, saved.shape);
    this.v = tensorOf(saved.v, saved.shape);
  }

  dispose(): void {
    this.m?.dispose();
    this.v?.dispose();
    this.m = this.v = undefined;
  }
}

/**
 * An optimiser whose rows of θ [K, P] step with learning rates of their own (an ensemble of runs
 * that differ in `optimizer.lr`). Every optimiser here moves θ by lr times a direction that does
 * not depend on lr (SGD: g or the velocity; Adam: m̂/(√v̂+ε)), so the inner optimiser runs at
 * lr = 1 and its step u = θ − inner.step(θ, g) is scaled per row: θ − lr_k·u. Recovering u by a
 * subtraction costs one float32 rounding of θ (~1e-7 relative) times lr, far inside the ensemble's
 * tolerance against training alone.
 */
export class PerRowLrOptimizer implements FlatOptimizer {
  private readonly lrs: tf.Tensor2D;
  constructor(
    private readonly inner: FlatOptimizer,
    lrs: readonly number[],
  ) {
    if (inner.spec.lr !== 1) throw new Error(`PerRowLrOptimizer: the inner optimiser must step at lr 1, got ${inner.spec.lr}`);
    this.lrs = tf.keep(tf.tensor2d([...lrs], [lrs.length, 1], 'float32'));
  }

  get spec(): OptimizerSpec {
    return this.inner.spec;
  }

  get iterations(): number {
    return this.inner.iterations;
  }

  step<T extends tf.Tensor>(theta: T, grad: T): T {
    const unit = this.inner.step(theta, grad);
    const next = tf.tidy(() => tf.sub(theta, tf.mul(tf.sub(theta, unit), this.lrs))) as T;
    unit.dispose();
    return next;
  }

  saveState(): OptimizerState {
    return this.inner.saveState();
  }

  loadState(saved: OptimizerState): void {
    this.inner.loadState(saved);
  }

  dispose(): void {
    this.inner.dispose();
    this.lrs.dispose();
  }
}

export function createOptimizer(spec: OptimizerSpec): FlatOptimizer {
  switch (spec.kind) {
    case 'sgd':
      return new SgdOptimizer(spec);
    case 'adam':
      return new AdamOptimizer(spec);
  }
}
