/**
 * Times one training step (forward + backward, batch 64) of the 34,634-param CNN
 * conv16-BN-relu-pool-conv32-BN-relu-pool-dense10 on 32×32×3, built from tf ops, on wasm.
 * Not a test: run `npx jiti src/backend/cnn-train-step.bench.ts [raw|saddle] [--profile]`.
 * `raw` registers only the missing Conv2DBackpropFilter (the baseline: everything else is
 * tfjs's own kernels); `saddle` (default) registers all of Saddle's wasm kernels.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { conv2dBackpropFilterWasm } from './conv2d-backprop-filter.js';
import { registerWasmKernels } from './register-wasm-kernels.js';
import { addWasmKernel } from './wasm-kernel-utils.js';

const batch = 64;
const mode = process.argv.includes('raw') ? 'raw' : 'saddle';
const profile = process.argv.includes('--profile');
const steps = 10;

if (mode === 'raw') addWasmKernel('Conv2DBackpropFilter', conv2dBackpropFilterWasm);
else registerWasmKernels();
await tf.setBackend('wasm');

type Params = Record<'w1' | 'b1' | 'g1' | 'be1' | 'w2' | 'b2' | 'g2' | 'be2' | 'w3' | 'b3', tf.Tensor>;
const names = ['w1', 'b1', 'g1', 'be1', 'w2', 'b2', 'g2', 'be2', 'w3', 'b3'] as const;
const params: Params = {
  w1: tf.randomNormal([5, 5, 3, 16], 0, 0.2, 'float32', 1),
  b1: tf.zeros([16]),
  g1: tf.ones([16]),
  be1: tf.zeros([16]),
  w2: tf.randomNormal([5, 5, 16, 32], 0, 0.05, 'float32', 2),
  b2: tf.zeros([32]),
  g2: tf.ones([32]),
  be2: tf.zeros([32]),
  w3: tf.randomNormal([8 * 8 * 32, 10], 0, 0.02, 'float32', 3),
  b3: tf.zeros([10]),
};
const count = names.reduce((n, k) => n + params[k].size, 0);
if (count !== 34_634) throw new Error(`cnn-train-step.bench: expected 34,634 params, built ${count}`);

function batchNorm(x: tf.Tensor4D, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor4D {
  const { mean, variance } = tf.moments(x, [0, 1, 2]);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-5))), gamma), beta);
}
function loss(p: Params, x: tf.Tensor4D, labels: tf.Tensor2D): tf.Scalar {
  let h = tf.add(tf.conv2d(x, p.w1 as tf.Tensor4D, 1, 'same'), p.b1) as tf.Tensor4D;
  h = tf.maxPool(tf.relu(batchNorm(h, p.g1, p.be1)), 2, 2, 'valid');
  h = tf.add(tf.conv2d(h, p.w2 as tf.Tensor4D, 1, 'same'), p.b2) as tf.Tensor4D;
  h = tf.maxPool(tf.relu(batchNorm(h, p.g2, p.be2)), 2, 2, 'valid');
  const logits = tf.add(tf.matMul(tf.reshape(h, [batch, -1]), p.w3 as tf.Tensor2D), p.b3) as tf.Tensor2D;
  return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
}
const x = tf.randomNormal([batch, 32, 32, 3], 0, 1, 'float32', 4) as tf.Tensor4D;
const labels = tf.oneHot(tf.randomUniform([batch], 0, 10, 'int32', 5) as tf.Tensor1D, 10) as tf.Tensor2D;
const gradients = tf.grads((...theta: tf.Tensor[]) => loss(Object.fromEntries(names.map((n, i) => [n, theta[i]])) as Params, x, labels));
function step(): void {
  const grads = tf.tidy(() => gradients(names.map((n) => params[n])));
  for (const g of grads) g.dataSync();
  tf.dispose(grads);
}

for (let i = 0; i < 3; i++) step();
// Wall time and this process's CPU time per step: the machine is shared, and wasm runs on one
// thread, so CPU time is the steadier measure of the work a step needs.
const wall: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < steps; i++) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  step();
  const used = process.cpuUsage(cpuStart);
  cpu.push((used.user + used.system) / 1000);
  wall.push(performance.now() - start);
}
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
console.log(
  JSON.stringify({
    mode,
    wallMedianMs: +median(wall).toFixed(1),
    wallMinMs: +Math.min(...wall).toFixed(1),
    cpuMedianMs: +median(cpu).toFixed(1),
    imagesPerSecondWall: Math.round((batch / median(wall)) * 1000),
    imagesPerSecondCpu: Math.round((batch / median(cpu)) * 1000),
  }),
);

if (profile) {
  const info = await tf.profile(() => step());
  const byKernel = new Map<string, number>();
  for (const k of info.kernels) {
    const ms = await k.kernelTimeMs;
    const key = `${k.name} ${JSON.stringify(k.inputShapes)}`;
    byKernel.set(key, (byKernel.get(key) ?? 0) + (typeof ms === 'number' ? ms : 0));
  }
  for (const [key, ms] of [...byKernel].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(ms.toFixed(1).padStart(7), key);
}
