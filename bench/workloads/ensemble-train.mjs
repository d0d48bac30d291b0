/**
 * The minimal-ratio preset's MLP (1→10→10→1, 141 params) trained end to end for 100 seeds: one
 * `trainEnsemble` call vs a loop of `train` calls (fewer runs for the loop; compared per model).
 * The preset's full-scale run specs (1,000 grid points, Adam 1e-3, batch 100, evaluation every 20
 * epochs, ‖∇L‖ every 10 steps) with fewer epochs, and without the zero-gradient phase:
 * `trainEnsemble` runs that phase run by run with `train`'s own search (it costs the same on both
 * sides; at full scale it took 18–74 steps per run, ~1% of a run).
 */
import { need, timeMs } from '../lib/harness.mjs';

const MODELS = 100;
/** A second, smaller ensemble: the speed-up at the small end of the presets' sweeps. */
const SMALL = 20;
const EPOCHS = { quick: 20, full: 100 };
const LOOP_RUNS = { quick: 10, full: 20 };

export default {
  id: 'ensemble-train',
  title: '100 seeds of the minimal-ratio MLP trained end to end: trainEnsemble vs a loop of train',
  // What it trains decides its wasm threads (engine.recommendedThreads): MLPs get one.
  models: (engine) => engine.getPreset('minimal-ratio').runs({ scale: 'quick' }).map((run) => run.spec.model),
  limits:
    "Both sides do the same steps, evaluations and metric events per run; the batched side pays tfjs's per-kernel cost once per step for all runs, then its batched products (Saddle's SIMD kernel) and per-run bookkeeping (batch gathering, metric events) bound it.",
  reference: null,
  repetitions: { quick: { warmup: 0, reps: 1 }, full: { warmup: 1, reps: 3 } },
  prepare({ engine, quick }) {
    const { getPreset } = need(engine, 'getPreset', 'trainEnsemble', 'train');
    const scale = quick ? 'quick' : 'full';
    const specs = getPreset('minimal-ratio')
      .runs({ scale: 'full', overrides: { runs: MODELS, epochs: EPOCHS[scale] } })
      .map(({ spec }) => {
        const { zeroGradient: _phase, ...rest } = spec;
        return rest;
      });
    const { model, data, optimizer, batchSize, epochs, evalEvery, gradNormEvery } = specs[0];
    return {
      meta: { model: model.name, data, optimizer, batchSize, epochs, evalEvery, gradNormEvery, models: MODELS, small: SMALL, loopRuns: LOOP_RUNS[scale] },
      arrays: {},
      specs,
      loopRuns: LOOP_RUNS[scale],
    };
  },
  async engine({ engine }, prepared, repetitions) {
    const { trainEnsemble, train } = need(engine, 'trainEnsemble', 'train');
    const { specs, loopRuns } = prepared;
    const ignore = () => {};
    // Warm both paths (kernel set-up, first-use allocations) on two short runs.
    const short = specs.slice(0, 2).map((spec) => ({ ...spec, epochs: 1 }));
    await train(short[0], ignore);
    await trainEnsemble(short, short.map(() => ignore));

    let loopEnds = [];
    const loop = await timeMs(async () => {
      loopEnds = [];
      for (const spec of specs.slice(0, loopRuns)) loopEnds.push(await train(spec, ignore));
    }, repetitions);
    let ensembleEnds = [];
    const batched = await timeMs(async () => {
      ensembleEnds = await trainEnsemble(specs, specs.map(() => ignore));
    }, repetitions);
    const small = await timeMs(() => trainEnsemble(specs.slice(0, SMALL), specs.slice(0, SMALL).map(() => ignore)), repetitions);

    const perModel = (timing, runs) => ({ wallMs: timing.medianMs / runs, cpuMs: timing.cpuMedianMs / runs });
    const loopPerModel = perModel(loop, loopRuns);
    const bigPerModel = perModel(batched, MODELS);
    const smallPerModel = perModel(small, SMALL);
    // The same runs on both sides must end at the same losses (to float rounding).
    const finalLoss = (ends) => ends.map((end) => end.final['train/loss']);
    const looped = finalLoss(loopEnds);
    const together = finalLoss(ensembleEnds.slice(0, loopRuns));
    const maxRelativeDifference = Math.max(...looped.map((value, i) => Math.abs(value - together[i]) / Math.abs(value)));
    return {
      timing: batched,
      loop,
      small,
      models: MODELS,
      perModelMs: { loop: loopPerModel, [`ensemble${MODELS}`]: bigPerModel, [`ensemble${SMALL}`]: smallPerModel },
      speedup: loopPerModel.wallMs / bigPerModel.wallMs,
      speedupCpu: loopPerModel.cpuMs / bigPerModel.cpuMs,
      speedupSmall: loopPerModel.wallMs / smallPerModel.wallMs,
      speedupSmallCpu: loopPerModel.cpuMs / smallPerModel.cpuMs,
      highlights: [
        `per model, trainEnsemble is ${(loopPerModel.wallMs / bigPerModel.wallMs).toFixed(1)}× a loop of train at K = ${MODELS} and ${(loopPerModel.wallMs / smallPerModel.wallMs).toFixed(1)}× at K = ${SMALL}`,
      ],
      check: { meanFinalTrainLoss: together.reduce((a, b) => a + b, 0) / together.length, maxRelativeDifferenceToLoop: maxRelativeDifference },
      via: `trainEnsemble(${MODELS} specs) and trainEnsemble(${SMALL} specs) vs ${loopRuns} × train(spec), per model`,
    };
  },
};
