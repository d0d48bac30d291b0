/**
 * Installs Saddle's wasm kernels: the missing `Conv2DBackpropFilter`, faster replacements for
 * the kernels that dominated a profiled CNN training step, a MaxPoolWithArgmax that routes
 * like MaxPoolGrad, an Identity that shares instead of copying, a Sum over leading or middle axes, a SIMD BatchMatMul for the products tfjs runs as scalar loops, a one-kernel Adam step, and fused training-mode batch
 * norm (+ ReLU) forward/backward kernels (see each file's header). May run before or after the wasm backend
 * initialises (replacements keep tfjs's setup functions). Idempotent. Other backends are
 * untouched.
 *
 * Measured and dropped: JavaScript loops over the heap for the leading-axis Sum and the
 * per-channel broadcasts (slower than tfjs's C++: 5 vs 2.5 ms; branchy loops such as a ReLU
 * mask ran at ~10 ns/element); ones[1,N]·x[N,M] by XNNPACK (it repacks every new x as weights);
 * tf.fused.matMul for dense layers (its customGrad adds more kernels than it fuses). What stayed
 * is compiled C (kernels/saddle_kernels.c), 5–20× the JavaScript.
 */
import { BATCH_NORM_BACKWARD, BATCH_NORM_FORWARD, batchNormBackwardWasm, batchNormForwardWasm } from './batch-norm-kernels.js';
import { ADAM_STEP, adamStepWasm } from './adam-step.js';
import { batchMatMulWasm } from './batch-matmul.js';
import { conv2dBackpropFilterWasm } from './conv2d-backprop-filter.js';
import { conv2dBackpropInputWasm } from './conv2d-backprop-input.js';
import { identityWasm } from './identity.js';
import { maxPoolGradWasm } from './max-pool-grad.js';
import { maxPoolWithArgmaxWasm } from './max-pool-with-argmax.js';
import { sumWasm } from './sum-middle-axes.js';
import { addWasmKernel, overrideWasmKernel } from './wasm-kernel-utils.js';

export interface RegisterWasmKernelsOptions {
  /**
   * Also replace tfjs's slower kernels and add Saddle's fused ones (default true). `false`
   * registers only what tfjs-wasm lacks to train at all (Conv2DBackpropFilter): plain tfjs, the
   * baseline `npm run bench` measures Saddle's kernels against.
   */
  replacements?: boolean;
}

export function registerWasmKernels({ replacements = true }: RegisterWasmKernelsOptions = {}): void {
  addWasmKernel('Conv2DBackpropFilter', conv2dBackpropFilterWasm);
  if (!replacements) return;
  overrideWasmKernel('Conv2DBackpropInput', conv2dBackpropInputWasm);
  overrideWasmKernel('MaxPoolGrad', maxPoolGradWasm);
  overrideWasmKernel('MaxPoolWithArgmax', maxPoolWithArgmaxWasm);
  overrideWasmKernel('Identity', identityWasm);
  overrideWasmKernel('Sum', sumWasm);
  overrideWasmKernel('BatchMatMul', batchMatMulWasm);
  addWasmKernel(BATCH_NORM_FORWARD, batchNormForwardWasm);
  addWasmKernel(BATCH_NORM_BACKWARD, batchNormBackwardWasm);
  addWasmKernel(ADAM_STEP, adamStepWasm);
}
