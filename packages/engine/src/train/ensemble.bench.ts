/**
 * Per-run speed of `trainEnsemble` against a loop of `train` calls, for the many-seed sweeps.
 * Not a test: `npx jiti src/train/ensemble.bench.ts [cpu|wasm] [K] [zoo id]` (default wasm, K = 20,
 * mlp-shallow). Workload: a 573-param MLP on sinc5 (1000 points, batch 128, 5 epochs, Adam).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { resolveRunSpec } from '../config.js';
import { zoo } from '../models/zoo.js';
import { trainEnsemble } from './ensemble.js';
import { train } from './train.js';

const backend = process.argv.includes('cpu') ? 'cpu' : 'wasm';
const k = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 20);
const modelId = process.argv.find((a) => a.startsWith('mlp-')) ?? 'mlp-shallow';
await tf.setBackend(backend);
const spec = (seed: number) =>
  resolveRunSpec({ model: zoo[modelId]!.spec, data: { kind: 'function', fn: 'sinc5', n: 1000, sampling: 'grid' }, batchSize: 128, epochs: 5, seed });

// Warm up both paths once (kernel compilation, first-use allocations).
await train(spec(0), () => {});
await trainEnsemble([spec(0), spec(1)], [() => {}, () => {}]);

let t0 = performance.now();
for (let s = 0; s < k; s++) await train(spec(s), () => {});
const loopMs = performance.now() - t0;
t0 = performance.now();
await trainEnsemble(Array.from({ length: k }, (_, s) => spec(s)), Array.from({ length: k }, () => () => {}));
const ensembleMs = performance.now() - t0;
console.log(
  JSON.stringify({ backend, k, model: modelId, loopMsPerRun: +(loopMs / k).toFixed(1), ensembleMsPerRun: +(ensembleMs / k).toFixed(1), speedup: +(loopMs / ensembleMs).toFixed(2) }),
);
