/** Target functions y = f(x) on [-1, 1] for the function-fitting experiments. */
import type { DataSpec, TargetFunction } from '../config.js';
import { Rng } from '../util/rng.js';
import type { Dataset } from './dataset.js';
import { compileExpression } from './expression.js';

type FunctionData = Extract<DataSpec, { kind: 'function' }>;

/** The name of a function data spec's target: its expression when it has one, else its built-in `fn`. */
export function targetName(spec: Pick<FunctionData, 'fn' | 'expression'>): string {
  return spec.expression ?? spec.fn;
}

/** The target of a function data spec: its expression when it has one, else its built-in `fn`. */
export function targetOf(spec: Pick<FunctionData, 'fn' | 'expression'>): (x: number) => number {
  return spec.expression !== undefined ? compileExpression(spec.expression) : targetFunction(spec.fn);
}

export function targetFunction(fn: TargetFunction): (x: number) => number {
  switch (fn) {
    case 'sinc5':
      return (x) => (x === 0 ? 1 : Math.sin(5 * x) / (5 * x));
    case 'sgn-sin5pi':
      return (x) => {
        // sin(5πx) is exactly 0 where 5x is an integer; floating point would give ±1e-16 there.
        const t = 5 * x;
        return Math.abs(t - Math.round(t)) < 1e-9 ? 0 : Math.sign(Math.sin(Math.PI * t));
      };
  }
}

/** n evenly spaced points from −1 to 1 inclusive. */
export function grid(n: number): Float32Array {
  return Float32Array.from({ length: n }, (_, i) => (n === 1 ? 0 : -1 + (2 * i) / (n - 1)));
}

/**
 * Training inputs on the grid or drawn uniformly (seeded); the test set is always an independent
 * uniform sample of the same size, so that it probes between the grid points.
 */
export function loadFunctionDataset(spec: FunctionData, seed: number): Dataset {
  const f = targetOf(spec);
  const name = targetName(spec);
  const trainX = spec.sampling === 'grid' ? grid(spec.n) : new Rng(seed).uniformArray(spec.n, -1, 1);
  const testX = Rng.stream(seed, 0x7e57).uniformArray(spec.n, -1, 1);
  return {
    name,
    inputShape: [1],
    numClasses: 0,
    train: { x: trainX, y: trainX.map(f), n: spec.n },
    test: { x: testX, y: testX.map(f), n: spec.n },
    describe: `${name} on [-1, 1]: ${spec.n} training points (${spec.sampling}), ${spec.n} uniform test points`,
  };
}
