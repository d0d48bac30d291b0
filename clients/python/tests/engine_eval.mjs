// Saddle's own loss at weights a Python script saved, computed by @saddle/engine's built dist,
// for the tests that compare it with PyTorch's (the Hessian spectrum is asked of the server:
// analyzeRun). Input: a JSON file { model (model.json), weightsPath, x, xShape (channels last),
// y, yShape, loss: 'mse' | 'cross-entropy' }. Output: { loss } on stdout.
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { buildModel, initBackend, lossFunction } from '@saddle/engine';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
await initBackend({ prefer: process.env.SADDLE_BACKEND ?? 'cpu' });
const bytes = readFileSync(input.weightsPath);
const { numParams, numBuffers } = input.model;
if (bytes.byteLength !== (numParams + numBuffers) * 4) {
  throw new Error(`engine_eval: ${input.weightsPath} has ${bytes.byteLength} bytes, expected ${(numParams + numBuffers) * 4}`);
}
const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const values = Float32Array.from({ length: numParams + numBuffers }, (_, i) => view.getFloat32(i * 4, true));
const model = buildModel(input.model.spec, input.model.inputShape);
const theta = tf.tensor1d(values.subarray(0, numParams));
const state = numBuffers > 0 ? tf.tensor1d(values.subarray(numParams)) : undefined;
const x = tf.tensor(input.x, input.xShape);
const y = tf.tensor(input.y, input.yShape);
// Inference mode: batch norm uses the saved running statistics, as torch's model.eval().
const loss = lossFunction(model, x, y, input.loss, { training: false, ...(state && { state }) });
const out = { loss: (await loss(theta).data())[0] };
process.stdout.write(JSON.stringify(out));
