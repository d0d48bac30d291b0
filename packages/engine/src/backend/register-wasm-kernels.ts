/**
 * Installs Saddle's wasm kernels: the missing `Conv2DBackpropFilter`, and faster replacements
 * for the kernels that dominated a profiled CNN training step (see each file's header). Must
 * run before or after the wasm backend initialises (replacements keep tfjs's setup functions).
 * Idempotent. Other backends are untouched.
 */
import { channelBroadcastBinaryWasm, type ChannelBinaryOp } from './channel-broadcast-binary.js';
import { conv2dBackpropFilterWasm } from './conv2d-backprop-filter.js';
import { conv2dBackpropInputWasm } from './conv2d-backprop-input.js';
import { maxPoolGradWasm } from './max-pool-grad.js';
import { maxPoolWithArgmaxWasm } from './max-pool-with-argmax.js';
import { reduceLeadingAxesWasm } from './reduce-leading-axes.js';
import { addWasmKernel, overrideWasmKernel } from './wasm-kernel-utils.js';

export function registerWasmKernels(): void {
  addWasmKernel('Conv2DBackpropFilter', conv2dBackpropFilterWasm);
  overrideWasmKernel('Conv2DBackpropInput', conv2dBackpropInputWasm);
  overrideWasmKernel('MaxPoolGrad', maxPoolGradWasm);
  overrideWasmKernel('MaxPoolWithArgmax', maxPoolWithArgmaxWasm);
  overrideWasmKernel('Sum', (original) => reduceLeadingAxesWasm(original, 'sum'));
  overrideWasmKernel('Mean', (original) => reduceLeadingAxesWasm(original, 'mean'));
  const binaryOps: ChannelBinaryOp[] = ['Add', 'Sub', 'Multiply', 'RealDiv'];
  for (const op of binaryOps) overrideWasmKernel(op, (original) => channelBroadcastBinaryWasm(original, op));
}
