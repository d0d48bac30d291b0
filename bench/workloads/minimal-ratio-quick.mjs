/** The `minimal-ratio` preset end to end at `quick` scale: its runs trained, then its analysis. */
import { need, summarize } from '../lib/harness.mjs';

export default {
  id: 'minimal-ratio-quick',
  title: 'minimal-ratio preset end to end, quick scale',
  // What it trains decides its wasm threads (engine.recommendedThreads): MLPs get one.
  models: (engine) => engine.getPreset('minimal-ratio').runs({ scale: 'quick' }).map((run) => run.spec.model),
  limits:
    "4 runs of a 141-param MLP trained as one trainEnsemble group, then each run's zero-gradient phase (up to 500 ‖∇L‖² steps, a Hessian-vector product each, run by run) and exact Hessians: per-kernel cost of small kernels.",
  reference: null,
  repetitions: { quick: { warmup: 0, reps: 1 }, full: { warmup: 0, reps: 3 } },
  prepare() {
    return { meta: {}, arrays: {} };
  },
  async engine({ engine }, prepared, repetitions) {
    const { runPresetLocally, getPreset } = need(engine, 'runPresetLocally', 'getPreset');
    const preset = getPreset('minimal-ratio');
    const samples = [];
    const trainMs = [];
    const analyzeMs = [];
    let result;
    for (let i = 0; i < repetitions.warmup + repetitions.reps; i++) {
      const started = performance.now();
      result = await runPresetLocally(preset, { scale: 'quick' });
      if (i < repetitions.warmup) continue;
      samples.push(performance.now() - started);
      trainMs.push(result.timings.trainMs);
      analyzeMs.push(result.timings.analyzeMs);
    }
    const converged = result.runs.filter((run) => run.end.zeroGradient?.converged).length;
    return {
      timing: summarize(samples),
      phases: { trainMs: summarize(trainMs).medianMs, analyzeMs: summarize(analyzeMs).medianMs },
      check: { runs: result.runs.length, converged, figures: result.figures.map((f) => f.id) },
      via: "runPresetLocally(getPreset('minimal-ratio'), { scale: 'quick' })",
    };
  },
};
