/**
 * The HW1 model zoo as named, JSON-serialisable specs. Counts (BN = 2 params per channel, 5×5
 * 'same' convs, 2×2 max pools) are asserted in zoo.test.ts against the numbers in the brief.
 */
import type { LayerSpec, ModelSpec } from './spec.js';
import { buildModel } from './model.js';
import type { ModelSummary } from './spec.js';

export interface ZooEntry {
  spec: ModelSpec;
  description: string;
}

const dense = (units: number, activation: 'relu' | 'linear' = 'relu'): LayerSpec => ({ type: 'dense', units, activation });
const convBnRelu = (filters: number): LayerSpec[] => [
  { type: 'conv2d', filters },
  { type: 'batchNorm' },
  { type: 'activation', activation: 'relu' },
];
const pool: LayerSpec = { type: 'maxPool' };

/** An MLP with ReLU hidden layers and a linear output, e.g. `mlp('x', [1, 190], 1)`. */
export function mlpSpec(name: string, hidden: number[], outputs: number): ModelSpec {
  return { name, layers: [...hidden.map((u) => dense(u)), dense(outputs, 'linear')] };
}

/**
 * The function-fitting MLPs: input 1 → a linear 1-unit layer → ReLU hidden layers → 1. The
 * 1-unit layer is what brings the HW1 counts to 573; it is linear because a ReLU there would
 * zero the whole net wherever w·x + b < 0 (a dead input for part of [-1, 1]).
 */
function fitMlpSpec(name: string, hidden: number[]): ModelSpec {
  return { name, layers: [dense(1, 'linear'), ...hidden.map((u) => dense(u)), dense(1, 'linear')] };
}

/** conv(c1)-BN-ReLU-pool-conv(c2)-BN-ReLU-pool-dense10: the shallow CNN family. */
export function twoConvCnnSpec(name: string, c1: number, c2: number, classes = 10): ModelSpec {
  return { name, layers: [...convBnRelu(c1), pool, ...convBnRelu(c2), pool, { type: 'flatten' }, dense(classes, 'linear')] };
}

/** (c1, c2) of the ten "params vs generalization" CNNs, smallest to largest. */
export const PARAMS_SWEEP_CHANNELS: readonly (readonly [number, number])[] = [
  [4, 4], [4, 8], [4, 16], [4, 32], [8, 32], [16, 32], [32, 32], [64, 64], [128, 64], [128, 128],
];

const entries: [string, ZooEntry][] = [
  ['mlp-shallow', { spec: fitMlpSpec('mlp-shallow', [190]), description: 'Function fitting, shallow: dense 1→1 (linear)→190→1, ReLU hidden, 573 params.' }],
  ['mlp-middle', { spec: fitMlpSpec('mlp-middle', [39, 12]), description: 'Function fitting, middle depth: dense 1→1 (linear)→39→12→1, ReLU hidden, 573 params.' }],
  ['mlp-deep', { spec: fitMlpSpec('mlp-deep', [5, 10, 10, 10, 10, 10, 5]), description: 'Function fitting, deep: dense 1→1 (linear)→5→10→10→10→10→10→5→1, ReLU hidden, 573 params.' }],
  ['cnn-shallow', { spec: twoConvCnnSpec('cnn-shallow', 16, 32), description: 'conv16-BN-ReLU-pool-conv32-BN-ReLU-pool-dense10; 34,634 params on 32×32×3.' }],
  [
    'cnn-deep',
    {
      spec: {
        name: 'cnn-deep',
        layers: [...convBnRelu(16), ...convBnRelu(16), pool, ...convBnRelu(8), ...convBnRelu(8), ...convBnRelu(8), { type: 'flatten' }, dense(10, 'linear')],
      },
      description: 'conv16-BN-conv16-BN-pool-conv8-BN-conv8-BN-conv8-BN-dense10 (ReLU after each BN; final map 16×16×8); 34,658 params on 32×32×3.',
    },
  ],
  ...PARAMS_SWEEP_CHANNELS.map(([c1, c2]): [string, ZooEntry] => {
    const id = `cnn-c${c1}-c${c2}`;
    return [id, { spec: twoConvCnnSpec(id, c1, c2), description: `Params vs generalization: conv${c1}-BN-ReLU-pool-conv${c2}-BN-ReLU-pool-dense10.` }];
  }),
];

/** Every named model: id → spec and a one-line description. */
export const zoo: Readonly<Record<string, ZooEntry>> = Object.freeze(Object.fromEntries(entries));

/** The summaries of every zoo model for one input shape (default 32×32×3; MLPs always take [1]). */
export function zooSummaries(inputShape: number[] = [32, 32, 3]): Record<string, ModelSummary> {
  return Object.fromEntries(
    Object.entries(zoo).map(([id, entry]) => {
      const isMlp = entry.spec.layers.every((l) => l.type === 'dense');
      return [id, buildModel(entry.spec, isMlp ? [1] : inputShape).summary()];
    }),
  );
}
