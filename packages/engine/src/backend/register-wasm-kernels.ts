/**
 * Installs Saddle's wasm kernels: the missing `Conv2DBackpropFilter`, faster replacements for
 * the kernels that dominated a profiled CNN training step, a MaxPoolWithArgmax that routes
 * like MaxPoolGrad, an Identity that shares instead of copying, a Sum over leading axes, a SIMD BatchMatMul for the products tfjs runs as scalar loops, a one-kernel Adam step, and fused training-mode batch
 * norm (+ ReLU) forward/backward kernels (see each file's header). May run before or after the wasm backend
 * initialises (replacements keep tfjs's setup functions). Idempotent. Other backends are
 * untouched.
 *
 * Measured and dropped (process CPU time, [64,32,32,16]): for leading-axis Sum/Mean, a
 * JavaScript loop over the heap (5.0 ms vs tfjs's 2.5 ms) and ones[1,N]·x[N,M] by BatchMatMul
 * (0.36 ms when x is reused, but ~4 ms in a training step, where every x is new and XNNPACK
 * repacks it as weights); for per-channel broadcast Add/Sub/Mul/Div, a JavaScript loop (4.8 ms
 * vs tfjs's 1.5 ms). The wall-clock profile that suggested them was distorted by a loaded machine.
 */
import { BATCH_NORM_BACKWARD, BATCH_NORM_FORWARD, batchNormBackwardWasm, batchNormForwardWasm } from './batch-norm-kernels.js';
import { ADAM_STEP, adamStepWasm } from './adam-step.js';
import { batchMatMulWasm } from './batch-matmul.js';
import { conv2dBackpropFilterWasm } from './conv2d-backprop-filter.js';
import { conv2dBackpropInputWasm } from './conv2d-backprop-input.js';
import { identityWasm } from './identity.js';
import { maxPoolGradWasm } from './max-pool-grad.js';
import { maxPoolWithArgmaxWasm } from './max-pool-with-argmax.js';
import { sumWasm } from './sum-leading-axes.js';
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
