import { appendFileSync } from 'node:fs';

// A tiny preset for the API's tests, loaded through SADDLE_PRESET_MODULES by the API and its
// worker processes alike: two 1→8→1 MLPs on 64 points of sin(5x)/5x, a few epochs each, and an
// analysis that draws each run's final training loss (so tests can check the figure against the
// stored runs).
const spec = (seed, epochs) => ({
  data: { kind: 'function', fn: 'sinc5', n: 64, sampling: 'grid' },
  model: { name: 'tiny-mlp', layers: [{ type: 'dense', units: 8, activation: 'relu' }, { type: 'dense', units: 1, activation: 'linear' }] },
  loss: 'mse',
  optimizer: { kind: 'adam', lr: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  batchSize: 16,
  epochs,
  seed,
  snapshotEvery: 2,
  evalEvery: 1,
  gradNormEvery: 1,
});

export const tinyPreset = {
  id: 'test-tiny',
  title: 'Tiny test preset',
  description: 'Two 1→8→1 MLPs on 64 points of sin(5x)/5x.',
  figures: [
    { id: 'loss', title: 'Loss', kind: 'metric-lines', metrics: ['train/loss'], x: 'epoch', yScale: 'log' },
    { id: 'final-loss', title: 'Final loss per run', kind: 'lines' },
  ],
  knobs: [{ key: 'epochs', description: 'Epochs per run', quick: 4, full: 40 }],
  runs(options) {
    const overrides = options.overrides ?? {};
    for (const key of Object.keys(overrides)) {
      if (key !== 'epochs') throw new Error(`preset 'test-tiny': unknown override '${key}'; allowed: epochs`);
    }
    const epochs = overrides.epochs ?? (options.scale === 'quick' ? 4 : 40);
    if (!Number.isInteger(epochs) || epochs < 1) throw new Error(`preset 'test-tiny': 'epochs' must be a positive integer, got ${epochs}`);
    return [0, 1].map((seed) => ({ key: `seed${seed}`, group: 'tiny', config: { seed }, spec: spec(seed, epochs) }));
  },
  async analyze(runs, _options, onProgress) {
    onProgress?.(0.5);
    return [
      {
        id: 'final-loss',
        title: 'Final loss per run',
        data: {
          kind: 'lines',
          x: { label: 'run', scale: 'linear' },
          y: { label: 'train/loss', scale: 'log' },
          // The label carries θ's length and the snapshot count: proof that weights reach the analysis.
          series: runs.map((run, i) => ({
            label: `${run.key} theta=${run.end.theta.length} snapshots=${run.snapshots.length}`,
            points: [{ x: i, y: run.end.final['train/loss'] ?? Number.NaN }],
          })),
        },
      },
    ];
  },
};

/** A preset whose analysis throws, to test that analysis failures are reported. */
export const brokenAnalysisPreset = { ...tinyPreset, id: 'test-broken-analysis', async analyze() { throw new Error('deliberately broken analysis'); } };

/**
 * A preset whose analysis computes for $SADDLE_TEST_ANALYSIS_MS (default 3000) without yielding
 * to the event loop, as a big Hessian does: for tests of who computes an analysis when processes
 * die. Each computation appends `begin <pid>` and `end <pid>` lines to $SADDLE_TEST_ANALYSIS_LOG.
 */
export const slowAnalysisPreset = {
  ...tinyPreset,
  id: 'test-slow-analysis',
  async analyze(runs, options, onProgress) {
    const log = process.env.SADDLE_TEST_ANALYSIS_LOG;
    const note = (what) => log && appendFileSync(log, `${what} ${process.pid}\n`);
    note('begin');
    const ms = Number(process.env.SADDLE_TEST_ANALYSIS_MS ?? 3000);
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const slice = Date.now() + 50;
      while (Date.now() < slice) {
        // busy, like a synchronous kernel
      }
      onProgress?.(1 - Math.max(0, until - Date.now()) / ms);
    }
    note('end');
    return tinyPreset.analyze(runs, options);
  },
};

/**
 * Two runs that cannot train as one batch: `short` (2 epochs) and `long` (`epochs`, default 4),
 * so a test can kill the long one's worker while the short one ends on its own.
 */
export const unevenPreset = {
  ...tinyPreset,
  id: 'test-uneven',
  runs(options) {
    const [first, second] = tinyPreset.runs(options);
    return [
      { ...first, key: 'short', spec: { ...first.spec, epochs: 2 } },
      { ...second, key: 'long' },
    ];
  },
};

export const presets = [tinyPreset, brokenAnalysisPreset, slowAnalysisPreset, unevenPreset];
