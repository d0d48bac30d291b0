/**
 * A run's zero-gradient phase (`spec.zeroGradient`): from where training ended, minimise ½‖∇L‖²
 * of the full training set (batch norm on its running statistics, so L is deterministic) with
 * the engine's one search (`findZeroGradientPointAsync`). `train` and `trainEnsemble` both end
 * their runs with it, so a run's phase is the same whichever trained it.
 */
import type * as tf from '@tensorflow/tfjs';
import { findZeroGradientPointAsync, type ZeroGradientPoint } from '../analysis/zero_gradient.js';
import type { RunSpec } from '../config.js';
import type { DataSplit } from '../data/dataset.js';
import type { Model } from '../models/model.types.js';
import { trainingChunks } from './batch-tensors.js';
import { lossFunction } from './losses.js';
import { checkpoint, type MetricBuffer } from './run-control.js';

export interface ZeroGradientPhaseInput {
  model: Model;
  split: DataSplit;
  /** The run's spec; `spec.zeroGradient` must be set. */
  spec: RunSpec;
  /** Where the phase starts (not disposed). */
  theta: tf.Tensor1D;
  /** Batch-norm running statistics, when the model has batch norm. */
  state?: tf.Tensor1D;
  /** Steps the run took before the phase: the phase's steps are numbered on from there. */
  mainSteps: number;
  epochOf: (step: number) => number;
  /** Receives `zero_grad/grad_norm` and `zero_grad/loss` at every phase step. */
  metrics: MetricBuffer;
  /** An abort ends the phase with RunStop('CANCELLED'), as in the main loop. */
  signal?: AbortSignal;
  /** Examples per forward pass. Default 1000. */
  evalBatchSize?: number;
}

export async function zeroGradientPhase(input: ZeroGradientPhaseInput): Promise<ZeroGradientPoint> {
  const { model, spec, state, mainSteps, epochOf, metrics, signal } = input;
  const phase = spec.zeroGradient;
  if (!phase) throw new Error(`zeroGradientPhase: run spec has no zeroGradient settings`);
  const chunks = trainingChunks(input.split, model.inputShape, input.evalBatchSize);
  try {
    return await findZeroGradientPointAsync(
      chunks.map((c) => ({ loss: lossFunction(model, c.x, c.y, spec.loss, { training: false, ...(state ? { state } : {}) }), weight: c.weight })),
      input.theta,
      {
        gradNormThreshold: phase.gradNormThreshold,
        maxSteps: phase.maxSteps,
        optimizer: phase.optimizer,
        checkpoint: (s) => checkpoint(signal, mainSteps + s),
        onStep: (s, gradNorm, loss) => {
          const at = mainSteps + s;
          metrics.add('zero_grad/grad_norm', at, gradNorm, epochOf(at));
          metrics.add('zero_grad/loss', at, loss, epochOf(at));
        },
      },
    );
  } finally {
    for (const c of chunks) {
      c.x.dispose();
      c.y.dispose();
    }
  }
}
