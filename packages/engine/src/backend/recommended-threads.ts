/**
 * How many threads a run should give tfjs-wasm, from what it trains. XNNPACK splits a
 * convolution's work across threads (the 34,634-param CNN's training step: ~97 → ~65 ms on 2
 * cores), but a dense model gains nothing: its products run on Saddle's one-thread kernel, and
 * the small elementwise XNNPACK operators it still uses finish before a second thread wakes, so
 * waking it only costs (the 681-param MLP's Adam step: 1.5 → 2.3 ms on 2 cores). So: every
 * core when any model convolves, else one — and many such runs side by side use the cores.
 */
import { availableParallelism } from 'node:os';
import type { ModelSpec } from '../models/spec.js';

export function recommendedThreads(models: readonly ModelSpec[], cores: number = availableParallelism()): number {
  return models.some((model) => model.layers.some((layer) => layer.type === 'conv2d')) ? Math.max(1, cores) : 1;
}
