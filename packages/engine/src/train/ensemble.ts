/**
 * `trainEnsemble`: K runs that differ only in their seed, trained as ONE batched computation
 * (parameters Θ [K, P], batched matMuls over K, optimiser state [K, P]). Each run still gets
 * its own sink, events and `RunEnd`, with the numbers `train` would give it (to float rounding):
 * same init, same batch order, same data, same updates. For the many-seed sweeps of small MLPs
 * (function fitting, minimal ratio), where per-op overhead, not arithmetic, bounds the speed.
 */
import * as tf from '@tensorflow/tfjs';
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
import { createOptimizer, type FlatOptimizer } from './optimizers.js';
import { checkpoint, MetricBuffer, progressInterval, RunStop } from './run-control.js';

export interface TrainEnsembleOptions {
  signal?: AbortSignal;
  /** One data set per run (else each is loaded from its spec and seed). */
  datasets?: Dataset[];
  /** Examples per forward pass when evaluating. Default 1000, as in `train`. */
  evalBatchSize?: number;
  metricsFlushSize?: number;
}

/** Stack the same examples' positions of K splits: x [K, n, ...inputShape], y [K, n]. */
function stackSplits(splits: DataSplit[], inputShape: number[]): { x: tf.Tensor; y: tf.Tensor2D } {
  const n = splits[0]!.n;
  const width = splits[0]!.x.length / n;
  const x = new Float32Array(splits.length * n * width);
  const classification = splits[0]!.y instanceof Int32Array;
  const y = classification ? new Int32Array(splits.length * n) : new Float32Array(splits.length * n);
  splits.forEach((s, k) => {
    x.set(s.x, k * n * width);
    y.set(s.y, k * n);
  });
  return {
    x: tf.tensor(x, [splits.length, n, ...inputShape]),
    y: classification ? tf.tensor2d(y, [splits.length, n], 'int32') : tf.tensor2d(y, [splits.length, n], 'float32'),
  };
}

/** What `spec` is apart from its seed, to check the runs can share one computation. */
const withoutSeed = (spec: RunSpec): string => JSON.stringify({ ...spec, seed: 0 });

interface Member {
  spec: RunSpec;
  sink: TrainSink;
  dataset: Dataset;
  sampler: BatchSampler;
  metrics: MetricBuffer;
  /** Set once the member's run has ended (diverged, or finished the zero-gradient phase). */
  end?: RunEnd;
  zeroGradient?: RunEnd['zeroGradient'];
}

export async function trainEnsemble(specInputs: (RunSpec | RunSpecInput)[], sinks: TrainSink[], options: TrainEnsembleOptions = {}): Promise<RunEnd[]> {
  const startedAt = Date.now();
  if (specInputs.length === 0 || specInputs.length !== sinks.length) {
    throw new Error(`trainEnsemble: need one sink per spec and at least one spec, got ${specInputs.length} specs and ${sinks.length} sinks`);
  }
  let thetas: tf.Tensor2D | undefined;
  let optimizer: FlatOptimizer | undefined;
  let members: Member[] = [];
  let step = 0;
  let stepsPerEpoch = 1;

  const endMember = (m: Member, k: number, status: RunEnd['status'], thetaRows: Float32Array | undefined, extra: Partial<RunEnd> = {}): void => {
    if (m.end) return;
    m.metrics.flush();
    const p = thetaRows ? thetaRows.length / members.length : 0;
    m.end = {
      status,
      steps: step,
      epochs: step / stepsPerEpoch,
      theta: thetaRows ? thetaRows.slice(k * p, (k + 1) * p) : new Float32Array(0),
      state: new Float32Array(0),
      final: { ...m.metrics.last },
      ...(m.zeroGradient ? { zeroGradient: m.zeroGradient } : {}),
      durationMs: Date.now() - startedAt,
      ...extra,
    };
    m.sink({ type: 'end', end: m.end });
  };

  try {
    // -- specs: each checked; all equal but for the seed
    const specs = specInputs.map((s) => validateRunSpec(s));
    const shape = withoutSeed(specs[0]!);
    specs.forEach((s, k) => {
      if (withoutSeed(s) !== shape) throw new Error(`trainEnsemble: run ${k}'s spec differs from run 0's in more than its seed; only the seed may differ`);
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
      spec: s,
      sink: sinks[k]!,
      dataset: datasets[k]!,
      sampler: new BatchSampler(datasets[k]!.train.n, s.batchSize, s.seed),
      metrics: new MetricBuffer(sinks[k]!, options.metricsFlushSize ?? 500),
    }));
    const summary = model.summary();
    for (const m of members) m.sink({ type: 'summary', summary });
    thetas = tf.tidy(() => tf.stack(specs.map((s) => model.init(s.seed))) as tf.Tensor2D);
    optimizer = createOptimizer(spec.optimizer);

    // -- schedule
    stepsPerEpoch = members[0]!.sampler.batchesPerEpoch;
    const totalSteps = spec.steps ?? spec.epochs * stepsPerEpoch;
    const progressEvery = progressInterval(totalSteps);
    const epochOf = (s: number): number => s / stepsPerEpoch;
    const active = (): Member[] => members.filter((m) => !m.end);

    /** Per-run mean loss and accuracy over a whole split, in chunks, as `evaluateSplit` does for one run. */
    const evaluateSplitAll = (which: 'train' | 'test'): { loss: Float64Array; accuracy: Float64Array } => {
      const n = members[0]!.dataset[which].n;
      const chunkSize = options.evalBatchSize ?? 1000;
      const loss = new Float64Array(members.length);
      const accuracy = new Float64Array(members.length);
      for (let start = 0; start < n; start += chunkSize) {
        const indices = Array.from({ length: Math.min(chunkSize, n - start) }, (_, i) => start + i);
        const chunks = members.map((m) => gatherExamples(m.dataset[which], indices));
        const [losses, accuracies] = tf.tidy(() => {
          const { x, y } = stackSplits(chunks, model.inputShape);
          const outputs = applyEnsemble(model, thetas!, x);
          return [computeEnsembleLosses(spec.loss, outputs, y).dataSync(), classification ? ensembleAccuracy(outputs, y).dataSync() : undefined];
        });
        members.forEach((_, k) => {
          loss[k]! += (losses[k]! * indices.length) / n;
          if (accuracies) accuracy[k]! += (accuracies[k]! * indices.length) / n;
        });
      }
      return { loss, accuracy };
    };
    const evaluate = (): void => {
      const [trainEval, testEval] = [evaluateSplitAll('train'), evaluateSplitAll('test')];
      const epoch = epochOf(step);
      for (const m of active()) {
        const k = members.indexOf(m);
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
      const p = model.numParams;
      active().forEach((m) => {
        const k = members.indexOf(m);
        m.sink({ type: 'snapshot', step, epoch: epochOf(step), theta: rows.slice(k * p, (k + 1) * p), state: new Float32Array(0) });
      });
    };
    const progress = (): void => {
      for (const m of active()) m.sink({ type: 'progress', step, totalSteps, epoch: epochOf(step), fraction: totalSteps === 0 ? 1 : step / totalSteps });
    };

    // -- step 0
    evaluate();
    if (spec.snapshotEvery > 0) snapshot();
    progress();

    // -- the main loop: one batched step for all K runs
    while (step < totalSteps && active().length > 0) {
      await checkpoint(signal, step);
      const batches = members.map((m) => gatherExamples(m.dataset.train, m.sampler.next()));
      const result = tf.tidy(() => {
        const { x, y } = stackSplits(batches, model.inputShape);
        let lossesT: tf.Tensor1D | undefined;
        // Σ_k L_k: its gradient's row k is ∇L_k, as the runs share no parameters.
        const { grad } = tf.valueAndGrad((t: tf.Tensor) => {
          const losses = computeEnsembleLosses(spec.loss, applyEnsemble(model, t as tf.Tensor2D, x), y);
          lossesT = tf.keep(losses);
          return tf.sum(losses) as tf.Scalar;
        })(thetas!);
        return { losses: lossesT!, gradNorms: tf.sqrt(tf.sum(tf.square(grad), 1)), thetas: optimizer!.step(thetas!, grad as tf.Tensor2D) };
      });
      const losses = result.losses.dataSync();
      const gradNorms = result.gradNorms.dataSync();
      tf.dispose([result.losses, result.gradNorms]);
      const diverged = active().filter((m) => {
        const k = members.indexOf(m);
        return !Number.isFinite(losses[k]!) || !Number.isFinite(gradNorms[k]!);
      });
      if (diverged.length > 0) {
        // Their θ stays the last finite one; the other rows do not depend on theirs.
        const rows = Float32Array.from(thetas.dataSync());
        for (const m of diverged) {
          const k = members.indexOf(m);
          const why = Number.isFinite(losses[k]!) ? `gradient norm ${gradNorms[k]}` : `loss ${losses[k]}`;
          endMember(m, k, 'DIVERGED', rows, { error: `diverged at step ${step + 1}: ${why}`, divergedAtStep: step + 1 });
        }
      }
      thetas.dispose();
      thetas = result.thetas;
      step++;
      const epoch = epochOf(step);
      for (const m of active()) {
        const k = members.indexOf(m);
        m.metrics.add('batch/loss', step, losses[k]!, epoch);
        if (step % spec.gradNormEvery === 0) m.metrics.add('grad_norm', step, gradNorms[k]!, epoch);
      }

      // -- epoch ends
      const epochEnd = step % stepsPerEpoch === 0;
      const epochIndex = Math.floor(epoch);
      if ((epochEnd && epochIndex % spec.evalEvery === 0) || step === totalSteps) evaluate();
      if (spec.snapshotEvery > 0 && ((epochEnd && epochIndex % spec.snapshotEvery === 0) || step === totalSteps)) snapshot();
      if (step % progressEvery === 0 || epochEnd || step === totalSteps) progress();
    }

    // -- zero-gradient phase, batched: Σ_k ½‖∇L_k‖², each row frozen once its norm is below the threshold
    if (spec.zeroGradient && active().length > 0) {
      const phase = spec.zeroGradient;
      const phaseOptimizer = createOptimizer(phase.optimizer);
      const { x, y } = stackSplits(members.map((m) => m.dataset.train), model.inputShape);
      const running = new Set(active());
      try {
        for (let phaseStep = 0; running.size > 0; phaseStep++) {
          await checkpoint(signal, step + phaseStep);
          let lossesT: tf.Tensor1D | undefined;
          let normsT: tf.Tensor1D | undefined;
          const objectiveGrad = tf.tidy(() =>
            tf.grad((t: tf.Tensor) => {
              const { value, grad } = tf.valueAndGrad((u: tf.Tensor) => {
                const losses = computeEnsembleLosses(spec.loss, applyEnsemble(model, u as tf.Tensor2D, x), y);
                lossesT = tf.keep(losses);
                return tf.sum(losses) as tf.Scalar;
              })(t);
              value.dispose();
              const squaredNorms = tf.sum(tf.square(grad), 1);
              normsT = tf.keep(tf.sqrt(squaredNorms)) as tf.Tensor1D;
              return tf.mul(tf.sum(squaredNorms), 0.5) as tf.Scalar;
            })(thetas!),
          );
          const losses = lossesT!.dataSync();
          const norms = normsT!.dataSync();
          tf.dispose([lossesT, normsT]);
          const at = step + phaseStep;
          let rows: Float32Array | undefined;
          for (const m of [...running]) {
            const k = members.indexOf(m);
            const [loss, gradNorm] = [losses[k]!, norms[k]!];
            m.metrics.add('zero_grad/grad_norm', at, gradNorm, at / stepsPerEpoch);
            m.metrics.add('zero_grad/loss', at, loss, at / stepsPerEpoch);
            if (!Number.isFinite(loss) || !Number.isFinite(gradNorm)) {
              rows ??= Float32Array.from(thetas.dataSync());
              running.delete(m);
              endMember(m, k, 'DIVERGED', rows, { error: `zero-gradient phase diverged at its step ${phaseStep} (run step ${at})`, divergedAtStep: at });
            } else if (gradNorm < phase.gradNormThreshold || phaseStep >= phase.maxSteps) {
              m.zeroGradient = { converged: gradNorm < phase.gradNormThreshold, steps: phaseStep, gradNorm, loss };
              m.metrics.flush();
              running.delete(m);
            }
          }
          if (running.size === 0) {
            objectiveGrad.dispose();
            break;
          }
          // Rows that stopped keep their θ (the point recorded for them); the rest take a step.
          const mask = tf.tensor2d(members.map((m) => (running.has(m) ? 1 : 0)), [members.length, 1]);
          const stepped = phaseOptimizer.step(thetas, objectiveGrad as tf.Tensor2D);
          const next = tf.tidy(() => tf.add(tf.mul(stepped, mask), tf.mul(thetas!, tf.sub(1, mask)))) as tf.Tensor2D;
          tf.dispose([mask, stepped, objectiveGrad, thetas]);
          thetas = next;
        }
      } finally {
        phaseOptimizer.dispose();
        tf.dispose([x, y]);
      }
    }

    // -- end: every run still going succeeded
    const rows = Float32Array.from(thetas.dataSync());
    members.forEach((m, k) => endMember(m, k, 'SUCCEEDED', rows));
  } catch (error) {
    const rows = thetas ? Float32Array.from(thetas.dataSync()) : undefined;
    if (members.length === 0) {
      // Failed before the runs were set up: each sink still gets its end.
      members = specInputs.map((s, k) => ({ spec: s, sink: sinks[k]!, metrics: new MetricBuffer(sinks[k]!, 1) }) as Member);
    }
    members.forEach((m, k) => {
      if (error instanceof RunStop) endMember(m, k, error.status, rows, { error: error.message });
      else endMember(m, k, 'FAILED', rows, { error: error instanceof Error ? error.message : String(error) });
    });
  } finally {
    optimizer?.dispose();
    thetas?.dispose();
  }
  return members.map((m) => m.end!);
}
