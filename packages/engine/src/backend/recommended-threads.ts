/**
 * How many threads a run should give tfjs-wasm, from what it trains. XNNPACK splits a
 * convolution's work across threads (the 34,634-param CNN's training step: 97 → 73 ms on 2
 * cores), but a small dense layer finishes before a second thread wakes, and waking it costs
 * more than it saves (the 681-param MLP's Adam step: 2.9 → 3.6 ms on 2 cores). So: every core
 * when any model convolves, else one — and many such runs side by side use the cores instead.
 */
import { availableParallelism } from 'node:os';
import type { ModelSpec } from '../models/spec.js';

export function recommendedThreads(models: readonly ModelSpec[], cores: number = availableParallelism()): number {
  return models.some((model) => model.layers.some((layer) => layer.type === 'conv2d')) ? Math.max(1, cores) : 1;
}
