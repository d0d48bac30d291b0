/**
 * `trainEnsemble`: K runs that differ only in their seed and learning rate (and, for function
 * data, in the target function), trained as ONE batched computation (parameters Θ [K, P], batched matMuls over K,
 * optimiser state [K, P]). Each run still gets its own sink, events and `RunEnd`, with the numbers
 * `train` would give it (to float rounding): same init, same batch order, same data, same updates.
 * For the many-seed sweeps of small MLPs (function fitting, minimal ratio), where per-op overhead,
 * not arithmetic, bounds the speed.
 */
import * as tf from '@tensorflow/tfjs';
import type { ZeroGradientPoint } from '../analysis/zero_gradient.js';
import type { RunSpec, RunSpecInput } from '../config.js';
import { validateRunSpec } from '../config.validate.js';
import { BatchSampler, gatherExamples } from '../data/batches.js';
import type { Dataset, DataSplit } from '../data/dataset.js';
import { loadDataset } from '../data/load.js';
import { applyEnsemble, ensembleUnsupportedReason } from '../models/ensemble.js';
import { buildModel } from '../models/model.js';
import type { Model } from '../models/model.types.js';
import type { RunEnd, TrainSink } from './events.js';
import { computeEnsembleLosses, ensembleAccuracy } from './losses.js';
import { createOptimizer, PerRowLrOptimizer, type FlatOptimizer } from './optimizers.js';
import { checkpoint, endWeightsAt, MetricBuffer, progressInterval, RunStop } from './run-control.js';
import { zeroGradientPhase } from './zero-gradient-phase.js';

export interface TrainEnsembleOptions {
  /** Cancels every run at the next step (each ends CANCELLED with what it had). */
  signal?: AbortSignal;
  /** One per run: cancels that run alone at the next step; the others go on. */
  signals?: (AbortSignal | undefined)[];
  /** One data set per run (else each is loaded from its spec and seed). */
  datasets?: Dataset[];
  /** Examples per forward pass when evaluating. Default 1000, as in `train`. */
  evalBatchSize?: number;
  metricsFlushSize?: number;
}

/**
 * What `spec` is apart from what may differ between the members of one ensemble: the seed, the
 * learning rate (each row of Θ steps with its own, `PerRowLrOptimizer`), and the target of
 * function data (same n and sampling, so every member's tensors have one shape).
 * Two specs with the same key can be trained together by `trainEnsemble`.
 */
export function ensembleKey(spec: RunSpec): string {
  const data = spec.data.kind === 'function' ? { ...spec.data, fn: 'sinc5', expression: undefined } : spec.data;
  return JSON.stringify({ ...spec, seed: 0, data, optimizer: { ...spec.optimizer, lr: 0 } });
}

/**
 * The examples at `indices[k]` of split k, for every k, copied straight into one stacked array:
 * x [K, b, ...inputShape], y [K, b] (float targets or int labels). One copy, no per-run arrays.
 */
export function stackExamples(splits: readonly DataSplit[], indices: readonly ArrayLike<number>[], inputShape: number[]): { x: tf.Tensor; y: tf.Tensor2D } {
  const k = splits.length;
  const b = indices[0]!.length;
  const width = inputShape.reduce((a, c) => a * c, 1);
  const x = new Float32Array(k * b * width);
  const classification = splits[0]!.y instanceof Int32Array;
  const y = classification ? new Int32Array(k * b) : new Float32Array(k * b);
  for (let m = 0; m < k; m++) {
    const split = splits[m]!;
    const rows = indices[m]!;
    if (rows.length !== b) throw new Error(`stackExamples: every run needs the same number of examples, run ${m} has ${rows.length}, run 0 has ${b}`);
    for (let i = 0; i < b; i++) {
      const j = rows[i]!;
      const at = m * b + i;
      if (width === 1) x[at] = split.x[j]!;
      else x.set(split.x.subarray(j * width, (j + 1) * width), at * width);
      y[at] = split.y[j]!;
    }
  }
  return { x: tf.tensor(x, [k, b, ...inputShape]), y: tf.tensor2d(y, [k, b], classification ? 'int32' : 'float32') };
}

/** Evaluation chunks are kept as tensors between evaluations while they hold at most this many values. */
const EVAL_CACHE_VALUES = 1 << 22;

interface Member {
  /** Row of Θ (and position in the arguments). */
  index: number;
  spec: RunSpec;
  sink: TrainSink;
  dataset: Dataset;
  sampler: BatchSampler;
  metrics: MetricBuffer;
  /** Set once the member's run has ended. */
  end?: RunEnd;
}

export async function trainEnsemble(specInputs: (RunSpec | RunSpecInput)[], sinks: TrainSink[], options: TrainEnsembleOptions = {}): Promise<RunEnd[]> {
  const startedAt = Date.now();
  if (options.signals && options.signals.length !== specInputs.length) {
    throw new Error(`trainEnsemble: options.signals must hold one signal (or undefined) per spec (${specInputs.length}), got ${options.signals.length}`);
  }
  if (specInputs.length === 0 || specInputs.length !== sinks.length) {
    throw new Error(`trainEnsemble: need one sink per spec and at least one spec, got ${specInputs.length} specs and ${sinks.length} sinks`);
  }
  if (specInputs.some((spec) => spec.stopWhen !== undefined)) {
    throw new Error('trainEnsemble: stopWhen ends each run at its own step, which a batched ensemble cannot do; train those runs one by one with train()');
  }
  let thetas: tf.Tensor2D | undefined;
  let optimizer: FlatOptimizer | undefined;
  let members: Member[] = [];
  /** Members whose run has not ended, in row order. */
  let running: Member[] = [];
  const evalCache = new Map<string, { x: tf.Tensor; y: tf.Tensor2D; n: number }[]>();
  let step = 0;
  let stepsPerEpoch = 1;

  const endMember = (m: Member, status: RunEnd['status'], theta: Float32Array | undefined, extra: Partial<RunEnd> = {}): void => {
    if (m.end) return;
    m.metrics.flush();
    m.end = {
      status,
      steps: step,
      epochs: step / stepsPerEpoch,
      theta: theta ?? new Float32Array(0),
      state: new Float32Array(0),
      final: { ...m.metrics.last },
      ...(theta ? { weightsAt: endWeightsAt(status, step, step / stepsPerEpoch, m.metrics.last) } : {}),
      durationMs: Date.now() - startedAt,
      ...extra,
    };
    running = running.filter((r) => r !== m);
    m.sink({ type: 'end', end: m.end });
  };
  /** Row k of Θ as a fresh array. */
  const rowOf = (rows: Float32Array, k: number): Float32Array => {
    const p = rows.length / members.length;
    return rows.slice(k * p, (k + 1) * p);
  };  /** Ends (CANCELLED, at their current θ) the runs whose own signal has fired. */
  const endCancelled = (): void => {
    const cancelled = running.filter((m) => options.signals?.[m.index]?.aborted);
    if (cancelled.length === 0 || !thetas) return;
    const rows = thetas.dataSync() as Float32Array;
    for (const m of cancelled) endMember(m, 'CANCELLED', rowOf(rows, m.index), { error: `cancelled at step ${step}` });
  };


  try {
    // -- specs: each checked; all equal but for the seed (and a function's target)
    const specs = specInputs.map((s) => validateRunSpec(s));
    const shape = ensembleKey(specs[0]!);
    specs.forEach((s, k) => {
      if (ensembleKey(s) !== shape) throw new Error(`trainEnsemble: run ${k}'s spec differs from run 0's in more than its seed; only the seed and the learning rate may differ (and, for function data, the target)`);
    });
    const spec = specs[0]!;
    const { signal } = options;

    // -- data: one per run (function samples and label shuffles depend on the seed)
    if (options.datasets && options.datasets.length !== specs.length) {
      throw new Error(`trainEnsemble: options.datasets must hold one data set per spec (${specs.length}), got ${options.datasets.length}`);
    }
    const datasets = options.datasets ?? (await Promise.all(specs.map((s) => loadDataset(s.data, s.seed))));
    const classification = spec.loss === 'cross-entropy';

    // -- model: one architecture, K parameter rows
    const model: Model = buildModel(spec.model, datasets[0]!.inputShape);
    const unsupported = ensembleUnsupportedReason(model);
    if (unsupported) throw new Error(`trainEnsemble: model '${spec.model.name}' has ${unsupported}; use train() for it`);
    members = specs.map((s, k) => ({
      index: k,
      spec: s,
      sink: sinks[k]!,
      dataset: datasets[k]!,
      sampler: new BatchSampler(datasets[k]!.train.n, s.batchSize, s.seed),
      metrics: new MetricBuffer(sinks[k]!, options.metricsFlushSize ?? 500),
    }));
    running = [...members];
    const summary = model.summary();
    for (const m of members) m.sink({ type: 'summary', summary });
    thetas = tf.tidy(() => tf.stack(specs.map((s) => model.init(s.seed))) as tf.Tensor2D);
    // Runs of an lr sweep share one computation; equal rates keep the plain optimiser (same numbers as before).
    const lrs = specs.map((s) => s.optimizer.lr);
    optimizer = lrs.every((lr) => lr === lrs[0]) ? createOptimizer(spec.optimizer) : new PerRowLrOptimizer(createOptimizer({ ...spec.optimizer, lr: 1 }), lrs);

    // -- schedule
    stepsPerEpoch = members[0]!.sampler.batchesPerEpoch;
    const totalSteps = spec.steps ?? spec.epochs * stepsPerEpoch;
    const progressEvery = progressInterval(totalSteps);
    const epochOf = (s: number): number => s / stepsPerEpoch;

    /**
     * A split of every run as stacked chunks of at most `evalBatchSize` examples. The data never
     * change, so small ones are made once and kept (most evaluations of a small-MLP sweep would
     * otherwise spend their time copying the same examples).
     */
    const evalChunks = (which: 'train' | 'test'): { chunks: { x: tf.Tensor; y: tf.Tensor2D; n: number }[]; owned: boolean } => {
      const cached = evalCache.get(which);
      if (cached) return { chunks: cached, owned: false };
      const n = members[0]!.dataset[which].n;
      const chunkSize = options.evalBatchSize ?? 1000;
      const chunks: { x: tf.Tensor; y: tf.Tensor2D; n: number }[] = [];
      for (let start = 0; start < n; start += chunkSize) {
        const indices = Array.from({ length: Math.min(chunkSize, n - start) }, (_, i) => start + i);
        chunks.push({ ...stackExamples(members.map((m) => m.dataset[which]), members.map(() => indices), model.inputShape), n: indices.length });
      }
      const keep = members.length * n * (model.inputShape.reduce((a, c) => a * c, 1) + 1) <= EVAL_CACHE_VALUES;
      if (keep) evalCache.set(which, chunks);
      return { chunks, owned: !keep };
    };
    /** Per-run mean loss and accuracy over a whole split, in chunks, as `evaluateSplit` does for one run. */
    const evaluateSplitAll = (which: 'train' | 'test'): { loss: Float64Array; accuracy: Float64Array } => {
      const { chunks, owned } = evalChunks(which);
      const n = members[0]!.dataset[which].n;
      const loss = new Float64Array(members.length);
      const accuracy = new Float64Array(members.length);
      try {
        for (const chunk of chunks) {
          const values = tf.tidy(() => {
            const outputs = applyEnsemble(model, thetas!, chunk.x);
            const losses = computeEnsembleLosses(spec.loss, outputs, chunk.y);
            // One read-back for both.
            return (classification ? tf.concat([losses, ensembleAccuracy(outputs, chunk.y)]) : losses).dataSync();
          });
          for (let k = 0; k < members.length; k++) {
            loss[k]! += (values[k]! * chunk.n) / n;
            if (classification) accuracy[k]! += (values[members.length + k]! * chunk.n) / n;
          }
        }
      } finally {
        if (owned) tf.dispose(chunks.flatMap((c) => [c.x, c.y]));
      }
      return { loss, accuracy };
    };
    const evaluate = (): void => {
      const [trainEval, testEval] = [evaluateSplitAll('train'), evaluateSplitAll('test')];
      const epoch = epochOf(step);
      for (const m of running) {
        const k = m.index;
        // The same keys in the same order as train().
        m.metrics.add('train/loss', step, trainEval.loss[k]!, epoch);
        m.metrics.add('test/loss', step, testEval.loss[k]!, epoch);
        if (classification) {
          m.metrics.add('train/accuracy', step, trainEval.accuracy[k]!, epoch);
          m.metrics.add('test/accuracy', step, testEval.accuracy[k]!, epoch);
        }
        m.metrics.flush();
      }
    };
    const snapshot = (): void => {
      const rows = thetas!.dataSync() as Float32Array;
      for (const m of running) m.sink({ type: 'snapshot', step, epoch: epochOf(step), theta: rowOf(rows, m.index), state: new Float32Array(0) });
    };
    const progress = (): void => {
      for (const m of running) m.sink({ type: 'progress', step, totalSteps, epoch: epochOf(step), fraction: totalSteps === 0 ? 1 : step / totalSteps });
    };

    // -- step 0
    evaluate();
    if (spec.snapshotEvery > 0) snapshot();
    progress();

    // -- the main loop: one batched step for all K runs (rows of ended runs ride along, unread)
    const k = members.length;
    while (step < totalSteps && running.length > 0) {
      await checkpoint(signal, step);
      endCancelled();
      const batch = stackExamples(
        members.map((m) => m.dataset.train),
        members.map((m) => m.sampler.next()),
        model.inputShape,
      );
      const result = tf.tidy(() => {
        let lossesT: tf.Tensor1D | undefined;
        // Σ_k L_k: its gradient's row k is ∇L_k, as the runs share no parameters.
        const { grad } = tf.valueAndGrad((t: tf.Tensor) => {
          const losses = computeEnsembleLosses(spec.loss, applyEnsemble(model, t as tf.Tensor2D, batch.x), batch.y);
          lossesT = tf.keep(losses);
          return tf.sum(losses) as tf.Scalar;
        })(thetas!);
        // Losses and gradient norms in one tensor: one read-back per step.
        const readings = tf.concat([lossesT!, tf.sqrt(tf.sum(tf.square(grad), 1))]);
        lossesT!.dispose();
        return { readings, thetas: optimizer!.step(thetas!, grad as tf.Tensor2D) };
      });
      tf.dispose([batch.x, batch.y]);
      const readings = result.readings.dataSync();
      result.readings.dispose();
      const diverged = running.filter((m) => !Number.isFinite(readings[m.index]!) || !Number.isFinite(readings[k + m.index]!));
      if (diverged.length > 0) {
        // Their θ stays the last finite one; the other rows do not depend on theirs.
        const rows = thetas.dataSync() as Float32Array;
        for (const m of diverged) {
          const [loss, gradNorm] = [readings[m.index]!, readings[k + m.index]!];
          const why = Number.isFinite(loss) ? `gradient norm ${gradNorm}` : `loss ${loss}`;
          endMember(m, 'DIVERGED', rowOf(rows, m.index), { error: `diverged at step ${step + 1}: ${why}`, divergedAtStep: step + 1 });
        }
      }
      thetas.dispose();
      thetas = result.thetas;
      step++;
      const epoch = epochOf(step);
      const recordGradNorm = step % spec.gradNormEvery === 0;
      for (const m of running) {
        m.metrics.add('batch/loss', step, readings[m.index]!, epoch);
        if (recordGradNorm) m.metrics.add('grad_norm', step, readings[k + m.index]!, epoch);
      }

      // -- epoch ends
      const epochEnd = step % stepsPerEpoch === 0;
      const epochIndex = Math.floor(epoch);
      if ((epochEnd && epochIndex % spec.evalEvery === 0) || step === totalSteps) evaluate();
      if (spec.snapshotEvery > 0 && ((epochEnd && epochIndex % spec.snapshotEvery === 0) || step === totalSteps)) snapshot();
      if (step % progressEvery === 0 || epochEnd || step === totalSteps) progress();
    }
    tf.dispose(Array.from(evalCache.values()).flatMap((chunks) => chunks.flatMap((c) => [c.x, c.y])));
    evalCache.clear();
    const rows = Float32Array.from(thetas.dataSync());

    // -- zero-gradient phase, run by run with the very search `train` uses (zeroGradientPhase):
    // each run stops after its own number of steps and ends at its own best point, as in train.
    // Batched, it was no faster per run (a full-data Hessian-vector product per step).
    endCancelled();
    if (spec.zeroGradient) {
      const mainSteps = step;
      // The phase of a run stops for the whole ensemble's signal or for its own.
      const phaseSignal = (m: Member): AbortSignal | undefined => {
        const own = options.signals?.[m.index];
        return own && signal ? AbortSignal.any([own, signal]) : (own ?? signal);
      };
      for (const m of [...running]) {
        const theta0 = tf.tensor1d(rowOf(rows, m.index));
        let point: ZeroGradientPoint;
        try {
          point = await zeroGradientPhase({
            model,
            split: m.dataset.train,
            spec,
            theta: theta0,
            mainSteps,
            epochOf,
            metrics: m.metrics,
            ...(phaseSignal(m) ? { signal: phaseSignal(m)! } : {}),
            ...(options.evalBatchSize !== undefined ? { evalBatchSize: options.evalBatchSize } : {}),
          });
        } catch (error) {
          if (!(error instanceof RunStop)) throw error;
          // The run's own cancellation ends it alone; the ensemble's ends it and every later one,
          // all CANCELLED at their trained θ.
          if (!signal?.aborted) {
            endMember(m, error.status, rowOf(rows, m.index), { error: error.message });
            continue;
          }
          for (const r of [...running]) endMember(r, error.status, rowOf(rows, r.index), { error: error.message });
          break;
        } finally {
          theta0.dispose();
        }
        // As in train(): the run ends at the best point of the phase, diverged or not.
        const theta = Float32Array.from(point.theta.dataSync());
        point.theta.dispose();
        const bestAt = mainSteps + point.bestStep;
        const weightsAt = { step: bestAt, epoch: epochOf(bestAt), loss: point.loss, gradNorm: point.gradNorm };
        if (point.diverged) {
          const at = mainSteps + point.steps;
          endMember(m, 'DIVERGED', theta, { error: `zero-gradient phase diverged at its step ${point.steps} (run step ${at})`, divergedAtStep: at, weightsAt });
        } else {
          endMember(m, 'SUCCEEDED', theta, { zeroGradient: { converged: point.converged, steps: point.steps, gradNorm: point.gradNorm, loss: point.loss }, weightsAt });
        }
      }
    }

    // -- end: every run still going succeeded
    for (const m of [...running]) endMember(m, 'SUCCEEDED', rowOf(rows, m.index));
  } catch (error) {
    const rows = thetas ? Float32Array.from(thetas.dataSync()) : undefined;
    if (members.length === 0) {
      // Failed before the runs were set up: each sink still gets its end.
      members = specInputs.map((s, k) => ({ index: k, sink: sinks[k]!, metrics: new MetricBuffer(sinks[k]!, 1) }) as Member);
      running = [...members];
    }
    for (const m of [...running]) {
      const theta = rows ? rowOf(rows, m.index) : undefined;
      if (error instanceof RunStop) endMember(m, error.status, theta, { error: error.message });
      else endMember(m, 'FAILED', theta, { error: error instanceof Error ? error.message : String(error) });
    }
  } finally {
    optimizer?.dispose();
    thetas?.dispose();
    tf.dispose(Array.from(evalCache.values()).flatMap((chunks) => chunks.flatMap((c) => [c.x, c.y])));
  }
  return members.map((m) => m.end!);
}
