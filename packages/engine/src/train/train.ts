/**
 * The training loop. It reads top to bottom, like nanoGPT's train.py: data, model, optimiser,
 * then the steps, with evaluation, snapshots and progress at epoch ends, then the optional
 * zero-gradient phase, then the end state. It knows nothing of stores or transports: everything
 * it reports goes to the sink as typed events.
 */
import * as tf from '@tensorflow/tfjs';
import type { RunSpec, RunSpecInput, StopCriterion } from '../config.js';
import { validateRunSpec } from '../config.validate.js';
import { BatchSampler, gatherExamples } from '../data/batches.js';
import type { Dataset, DataSplit } from '../data/dataset.js';
import { loadDataset } from '../data/load.js';
import { buildModel } from '../models/model.js';
import type { Model } from '../models/model.types.js';
import type { RunEnd, TrainSink } from './events.js';
import { accuracy, computeLoss, lossFunction } from './losses.js';
import { createOptimizer, type FlatOptimizer } from './optimizers.js';
import { batchTensors } from './batch-tensors.js';
import type { TrainCheckpoint } from './checkpoint.js';
import { checkpoint, endWeightsAt, MetricBuffer, progressInterval, RunStop } from './run-control.js';
import { zeroGradientPhase } from './zero-gradient-phase.js';

export interface TrainOptions {
  /** Cancels the run at the next step; the run ends CANCELLED with what it had. */
  signal?: AbortSignal;
  /** Use this data instead of loading `spec.data` (tests, or a caller that loads once for many runs). */
  dataset?: Dataset;
  /** Examples per forward pass when evaluating the full train and test sets. Default 1000. */
  evalBatchSize?: number;
  /** Metric points are sent in 'metrics' events of at most this many. Default 500. */
  metricsFlushSize?: number;
  /**
   * Send a 'checkpoint' event (see TrainCheckpoint) with every snapshot and at the end of the
   * first step after this many milliseconds since the last one. Default: none, no checkpoints.
   */
  checkpointEveryMs?: number;
  /**
   * Continue a run from a checkpoint that `train` sent for the same spec: its parameters, batch
   * order and metrics then go on exactly as the uninterrupted run's would. The events start after
   * the checkpoint's step (no step-0 evaluation, snapshot or points at or before it).
   */
  resumeFrom?: TrainCheckpoint;
}

/** Mean loss (and accuracy for classifiers) over a whole split, in chunks, in inference mode. */
export function evaluateSplit(
  model: Model,
  theta: tf.Tensor1D,
  state: tf.Tensor1D,
  split: DataSplit,
  spec: Pick<RunSpec, 'loss'>,
  chunkSize = 1000,
): { loss: number; accuracy?: number } {
  let lossSum = 0;
  let correct = 0;
  const classification = spec.loss === 'cross-entropy';
  for (let start = 0; start < split.n; start += chunkSize) {
    const indices = Array.from({ length: Math.min(chunkSize, split.n - start) }, (_, i) => start + i);
    const chunk = gatherExamples(split, indices);
    const [loss, acc] = tf.tidy(() => {
      const { x, y } = batchTensors(chunk, model.inputShape);
      const { output } = model.apply(theta, x, { training: false, state, fused: true });
      return [computeLoss(spec.loss, output, y).dataSync()[0]!, classification ? accuracy(output, y).dataSync()[0]! : 0];
    });
    lossSum += loss * chunk.n;
    correct += acc * chunk.n;
  }
  return classification ? { loss: lossSum / split.n, accuracy: correct / split.n } : { loss: lossSum / split.n };
}

/** Train one run. `specInput` may be partial: defaults are filled and every field is checked first. */
export async function train(specInput: RunSpec | RunSpecInput, sink: TrainSink, options: TrainOptions = {}): Promise<RunEnd> {
  const startedAt = Date.now();
  let theta: tf.Tensor1D | undefined;
  let state: tf.Tensor1D | undefined;
  let optimizer: FlatOptimizer | undefined;
  let step = 0;
  let stepsPerEpoch = 1;
  let metrics: MetricBuffer | undefined;
  let zeroGradient: RunEnd['zeroGradient'];
  // Set by the zero-gradient phase, whose best point is not at the last step; otherwise θ is at `step`.
  let weightsAt: RunEnd['weightsAt'];
  let stopCriterion: RunEnd['stopCriterion'];

  const finish = (status: RunEnd['status'], extra: Partial<RunEnd> = {}): RunEnd => {
    metrics?.flush();
    const end: RunEnd = {
      status,
      steps: step,
      epochs: step / stepsPerEpoch,
      theta: theta ? Float32Array.from(theta.dataSync()) : new Float32Array(0),
      state: state ? Float32Array.from(state.dataSync()) : new Float32Array(0),
      final: { ...(metrics?.last ?? {}) },
      ...(zeroGradient ? { zeroGradient } : {}),
      ...(theta ? { weightsAt: weightsAt ?? endWeightsAt(status, step, step / stepsPerEpoch, metrics?.last) } : {}),
      ...(options.resumeFrom ? { resumedFromStep: options.resumeFrom.step } : {}),
      ...(stopCriterion ? { stopCriterion } : {}),
      durationMs: Date.now() - startedAt,
      ...extra,
    };
    sink({ type: 'end', end });
    return end;
  };

  try {
    // -- spec: defaults filled and every field checked (a bad spec ends the run FAILED, naming the field)
    const spec = validateRunSpec(specInput);
    const { signal } = options;
    if (signal?.aborted) throw new RunStop('CANCELLED', 'cancelled before the first step');

    // -- data: plain arrays, normalised once; tensors are made per batch
    const dataset = options.dataset ?? (await loadDataset(spec.data, spec.seed));
    const classification = spec.loss === 'cross-entropy';

    // -- model: θ and the batch-norm state as flat vectors, initialised under the seed
    const model = buildModel(spec.model, dataset.inputShape);
    sink({ type: 'summary', summary: model.summary() });
    const resume = options.resumeFrom;
    theta = resume ? tf.tensor1d(resume.theta) : model.init(spec.seed);
    state = resume ? tf.tensor1d(resume.state) : model.initState();
    optimizer = createOptimizer(spec.optimizer);

    // -- schedule: seeded batches; `steps` wins over `epochs`
    const sampler = new BatchSampler(dataset.train.n, spec.batchSize, spec.seed);
    stepsPerEpoch = sampler.batchesPerEpoch;
    const totalSteps = spec.steps ?? spec.epochs * stepsPerEpoch;
    const progressEvery = progressInterval(totalSteps);
    metrics = new MetricBuffer(sink, options.metricsFlushSize ?? 500);
    const m = metrics;
    const epochOf = (s: number): number => s / stepsPerEpoch;

    // -- resume: the optimiser's moments, the batch order and the metrics' last values from the
    // checkpoint (θ and the batch-norm state were taken from it above)
    if (resume) {
      checkResumable(resume, { numParams: model.numParams, stateLength: state.size, optimizer: spec.optimizer.kind, totalSteps });
      optimizer.loadState(resume.optimizer);
      sampler.restore(resume.sampler);
      Object.assign(m.last, resume.last);
      step = resume.step;
    }

    const evaluate = (): void => {
      const trainEval = evaluateSplit(model, theta!, state!, dataset.train, spec, options.evalBatchSize);
      const testEval = evaluateSplit(model, theta!, state!, dataset.test, spec, options.evalBatchSize);
      const epoch = epochOf(step);
      m.add('train/loss', step, trainEval.loss, epoch);
      m.add('test/loss', step, testEval.loss, epoch);
      if (classification) {
        m.add('train/accuracy', step, trainEval.accuracy!, epoch);
        m.add('test/accuracy', step, testEval.accuracy!, epoch);
      }
      m.flush();
      if (spec.stopWhen) stopCriterion = criterionAt(spec.stopWhen, m.last, step, epoch);
    };
    let snapshotAt = -1;
    const snapshot = (): void => {
      snapshotAt = step;
      sink({ type: 'snapshot', step, epoch: epochOf(step), theta: Float32Array.from(theta!.dataSync()), state: Float32Array.from(state!.dataSync()) });
    };
    let lastCheckpointAt = Date.now();
    const saveCheckpoint = (): void => {
      m.flush();
      const checkpoint: TrainCheckpoint = {
        step,
        epoch: epochOf(step),
        theta: Float32Array.from(theta!.dataSync()),
        state: Float32Array.from(state!.dataSync()),
        optimizer: optimizer!.saveState(),
        sampler: sampler.state(),
        last: { ...m.last },
      };
      sink({ type: 'checkpoint', checkpoint });
      lastCheckpointAt = Date.now();
    };
    const progress = (): void => {
      sink({ type: 'progress', step, totalSteps, epoch: epochOf(step), fraction: totalSteps === 0 ? 1 : step / totalSteps });
    };

    // -- step 0: where training starts (a resumed run sent it the first time)
    if (!resume) {
      evaluate();
      if (spec.snapshotEvery > 0) snapshot();
    }
    progress();

    // -- the main loop: one minibatch step at a time, until the cap or the stop criterion
    while (step < totalSteps && !stopCriterion?.reached) {
      await checkpoint(signal, step);
      const batch = gatherExamples(dataset.train, sampler.next());
      let nextState: tf.Tensor1D | undefined;
      const result = tf.tidy(() => {
        const { x, y } = batchTensors(batch, model.inputShape);
        const lossOf = (t: tf.Tensor): tf.Scalar => {
          // fused: first-order kernels (batch norm + ReLU) where the backend has them.
          const out = model.apply(t as tf.Tensor1D, x, { training: true, state: state!, fused: true });
          // The moving averages come out of the forward pass; kept past the gradient's tidy.
          if (out.nextState) nextState = tf.keep(out.nextState);
          return computeLoss(spec.loss, out.output, y);
        };
        const { value, grad } = tf.valueAndGrad(lossOf)(theta!);
        return { loss: value, gradNorm: tf.norm(grad), theta: optimizer!.step(theta!, grad as tf.Tensor1D) };
      });
      const loss = result.loss.dataSync()[0]!;
      const gradNorm = result.gradNorm.dataSync()[0]!;
      tf.dispose([result.loss, result.gradNorm]);
      if (!Number.isFinite(loss) || !Number.isFinite(gradNorm)) {
        // θ stays the last finite one; `steps` counts the steps that completed.
        tf.dispose([result.theta, nextState]);
        const at = step + 1;
        throw new RunStop('DIVERGED', `diverged at step ${at}: ${Number.isFinite(loss) ? `gradient norm ${gradNorm}` : `loss ${loss}`}`, at);
      }
      step++;
      theta.dispose();
      theta = result.theta;
      if (nextState) {
        state.dispose();
        state = nextState;
      }
      const epoch = epochOf(step);
      m.add('batch/loss', step, loss, epoch);
      if (step % spec.gradNormEvery === 0) m.add('grad_norm', step, gradNorm, epoch);

      // -- epoch ends (and the last step): evaluation, snapshots
      const epochEnd = step % stepsPerEpoch === 0;
      const epochIndex = Math.floor(epoch);
      if ((epochEnd && epochIndex % spec.evalEvery === 0) || step === totalSteps) evaluate();
      // A met criterion ends training here, so this step is the last: snapshot and report it as such.
      const last = step === totalSteps || stopCriterion?.reached === true;
      if (spec.snapshotEvery > 0 && ((epochEnd && epochIndex % spec.snapshotEvery === 0) || last)) snapshot();
      if (step % progressEvery === 0 || epochEnd || last) progress();

      // -- checkpoints: with every snapshot, and once checkpointEveryMs has passed since the last
      const { checkpointEveryMs } = options;
      if (checkpointEveryMs !== undefined && (snapshotAt === step || Date.now() - lastCheckpointAt >= checkpointEveryMs)) saveCheckpoint();
    }

    // -- zero-gradient phase: minimise ½‖∇L‖² on the full training set from where training ended.
    // Batch norm, if any, uses its running statistics, so L is the deterministic full-data loss.
    if (spec.zeroGradient) {
      const mainSteps = step;
      const point = await zeroGradientPhase({
        model,
        split: dataset.train,
        spec,
        theta,
        ...(state ? { state } : {}),
        mainSteps,
        epochOf,
        metrics: m,
        ...(signal ? { signal } : {}),
        ...(options.evalBatchSize !== undefined ? { evalBatchSize: options.evalBatchSize } : {}),
      });
      // The run ends at the best point of the phase (see ZeroGradientPoint.theta), diverged or not.
      theta.dispose();
      theta = point.theta;
      const at = mainSteps + point.bestStep;
      weightsAt = { step: at, epoch: epochOf(at), loss: point.loss, gradNorm: point.gradNorm };
      if (point.diverged) {
        const at = mainSteps + point.steps;
        throw new RunStop('DIVERGED', `zero-gradient phase diverged at its step ${point.steps} (run step ${at})`, at);
      }
      // `steps` counts the phase's steps; gradNorm and loss are those of θ, the best point.
      zeroGradient = { converged: point.converged, steps: point.steps, gradNorm: point.gradNorm, loss: point.loss };
    }

    return finish('SUCCEEDED');
  } catch (error) {
    if (error instanceof RunStop) {
      return finish(error.status, { error: error.message, ...(error.step !== undefined ? { divergedAtStep: error.step } : {}) });
    }
    return finish('FAILED', { error: error instanceof Error ? error.message : String(error) });
  } finally {
    optimizer?.dispose();
    tf.dispose([theta, state]);
  }
}

/** Whether the latest evaluation meets the spec's stop criterion, with where it was taken. */
export function criterionAt(criterion: StopCriterion, last: Readonly<Record<string, number>>, step: number, epoch: number): NonNullable<RunEnd['stopCriterion']> {
  const value = last[criterion.metric];
  if (value === undefined) throw new Error(`train: stopWhen.metric '${criterion.metric}' is not evaluated for this run`);
  const reached = criterion.atLeast !== undefined ? value >= criterion.atLeast : value <= criterion.atMost!;
  return { reached, step, epoch, value };
}

/** Checks that `checkpoint` can continue a run of this model and spec, naming what does not fit. */
function checkResumable(checkpoint: TrainCheckpoint, run: { numParams: number; stateLength: number; optimizer: string; totalSteps: number }): void {
  const misfit =
    checkpoint.theta.length !== run.numParams
      ? `its theta has ${checkpoint.theta.length} values, the model has ${run.numParams} parameters`
      : checkpoint.state.length !== run.stateLength
        ? `its batch-norm state has ${checkpoint.state.length} values, the model has ${run.stateLength}`
        : checkpoint.optimizer.kind !== run.optimizer
          ? `it holds ${checkpoint.optimizer.kind} state, the spec's optimizer is ${run.optimizer}`
          : !(Number.isInteger(checkpoint.step) && checkpoint.step >= 0 && checkpoint.step <= run.totalSteps)
            ? `its step ${checkpoint.step} is not in [0, ${run.totalSteps}] (the run's steps)`
            : undefined;
  if (misfit) throw new Error(`train: options.resumeFrom does not fit this run: ${misfit}; resume only from a checkpoint of the same spec`);
}
