/** HW1 1-1, deep vs shallow: on a function (fit-function) and on MNIST/CIFAR (train-cnn). */
import { deepVsShallow } from './deep-vs-shallow.js';
import type { Finding, FindingInput } from './types.js';

const TARGET_NAMES: Record<string, string> = { sinc5: 'sin(5x)/(5x)', 'sgn-sin5pi': 'sgn(sin(5πx))' };

export function fitFunctionFindings(input: FindingInput): Finding[] {
  const targets = [...new Set(input.runs.map((run) => (run.spec?.data.kind === 'function' ? run.spec.data.fn : String(run.config.target ?? ''))))].filter(Boolean);
  return targets.map((target) =>
    deepVsShallow(input, {
      id: `fit-function/deep-beats-shallow/${target}`,
      claim: `At 573 parameters the deep MLP fits ${TARGET_NAMES[target] ?? target} better (lower final training loss) than the shallow one.`,
      shallowGroup: 'mlp-shallow',
      deepGroup: 'mlp-deep',
      metric: 'train/loss',
      better: 'lower',
      where: (run) => (run.spec?.data.kind === 'function' ? run.spec.data.fn : run.config.target) === target,
    }),
  );
}

export function trainCnnFindings(input: FindingInput): Finding[] {
  return [
    deepVsShallow(input, {
      id: 'train-cnn/deep-beats-shallow/train-loss',
      claim: 'At ~34.6k parameters the deep CNN reaches a lower final training loss than the shallow one.',
      shallowGroup: 'cnn-shallow',
      deepGroup: 'cnn-deep',
      metric: 'train/loss',
      better: 'lower',
    }),
    deepVsShallow(input, {
      id: 'train-cnn/deep-beats-shallow/test-accuracy',
      claim: 'At ~34.6k parameters the deep CNN reaches a higher final test accuracy than the shallow one.',
      shallowGroup: 'cnn-shallow',
      deepGroup: 'cnn-deep',
      metric: 'test/accuracy',
      better: 'higher',
    }),
  ];
}
