/**
 * The one configuration type of a training run, in the manner of nanoGPT's `GPTConfig`: every
 * field is JSON, every default is written here once and explained. Presets, the API and the CLI
 * all build a {@link RunSpec} by overriding {@link DEFAULT_RUN_SPEC}; `resolveRunSpec` fills the
 * gaps and `validateRunSpec` (in `config.validate.ts`) names the bad field when one is wrong.
 */
import type { ModelSpec } from './models/spec.js';

/** A target function y = f(x) on [-1, 1] for the function-fitting experiments. */
export type TargetFunction =
  /** sin(5x)/(5x), with the removable singularity filled by its limit 1 at x = 0. */
  | 'sinc5'
  /** sgn(sin(5πx)): a square wave with five periods on [-1, 1]; sgn(0) = 0. */
  | 'sgn-sin5pi';

export type DataSpec =
  | {
      kind: 'function';
      /** A built-in target (default `sinc5`); not used when `expression` is given. */
      fn: TargetFunction;
      /**
       * A target written as a formula in x, e.g. `sin(4*pi*x)/(4*pi*x)` or `exp(-x)*cos(2*pi*x)`:
       * x, pi, e, numbers, + − * / ^ % and real functions (`data/expression.ts` lists them). When
       * given it is the target and `fn` is not used. It must be finite on all of [−1, 1].
       */
      expression?: string;
      /** Training points. 1000, as in HW1. Test points are an independent sample of the same size. */
      n: number;
      /** `grid`: evenly spaced on [-1, 1]; `random`: uniform draws from the seed. Default `grid`. */
      sampling: 'grid' | 'random';
    }
  | {
      kind: 'mnist';
      /** Of the 10,000 embedded digits, this many train (default 8,000) ... */
      trainSize: number;
      /** ... and this many test (default 2,000): a fixed split (`MNIST_SPLIT_SEED`, not the run's seed). */
      testSize: number;
      /** Resample the images to 32×32×3 so the CIFAR-shaped zoo counts hold. Default false (28×28×1). */
      as32x32x3: boolean;
      /** Shuffle the training labels under the run's seed (the random-labels experiment). */
      randomLabels: boolean;
    }
  | {
      kind: 'cifar10';
      /** Folder with `data_batch_1..5.bin` and `test_batch.bin`; default `$SADDLE_CIFAR10_DIR`. */
      dir?: string;
      /** Training images to use (≤ 50,000). Default 50,000. */
      trainSize: number;
      /** Test images to use (≤ 10,000). Default 10,000. */
      testSize: number;
      randomLabels: boolean;
    }
  | {
      /** A dataset registered by name (`saddle data add NAME FILE`, the upload endpoint). */
      kind: 'dataset';
      name: string;
      /** Share of the examples held out for test, from a fixed shuffle (DATASET_SPLIT_SEED). Default 0.2. */
      testFraction: number;
      randomLabels: boolean;
      /**
       * Per-example shape and classes (0 = regression) of the registered data, filled in by the
       * API at launch from the registry, so validation and the model's plan need no file reads.
       */
      inputShape?: number[];
      numClasses?: number;
    };

export type OptimizerSpec =
  | {
      kind: 'sgd';
      /** Step size. */
      lr: number;
      /** Heavy-ball momentum; 0 is plain SGD. PyTorch's convention: v ← μv + g, θ ← θ − lr·v. */
      momentum: number;
    }
  | {
      kind: 'adam';
      lr: number;
      /** Adam's defaults (Kingma & Ba): β₁ 0.9, β₂ 0.999, ε 1e-8. */
      beta1: number;
      beta2: number;
      epsilon: number;
    };

export type LossKind =
  /** Mean squared error, ½ left out: mean over the batch of (ŷ − y)². Used for function fitting. */
  | 'mse'
  /** Softmax cross-entropy on logits, mean over the batch. Used for classification. */
  | 'cross-entropy';

/**
 * After the main training, minimise ‖∇L‖² from where it ended, to land on a zero-gradient point
 * (HW1's "minimal ratio" experiment). The gradient of ‖∇L‖² is 2·H·∇L, a Hessian-vector product.
 */
export interface ZeroGradientPhase {
  /** Stop once ‖∇L‖ is below this. HW1 uses 1e-3. */
  gradNormThreshold: number;
  /** Give up after this many steps; the point is kept and marked `converged: false`. */
  maxSteps: number;
  /** Optimiser of the phase: Adam with a small step works far better than SGD on ‖∇L‖². */
  optimizer: OptimizerSpec;
}

/**
 * Stop training once an evaluated metric meets a criterion (checked at every evaluation, so every
 * `evalEvery` epochs); `epochs`/`steps` stay the cap. This is the protocol of Keskar et al. and
 * Novak et al. for comparing batch sizes: every model trained to the same training accuracy (or
 * loss), not for the same number of epochs — which would give a batch of 1024 sixteen times
 * fewer optimiser steps than a batch of 64 and measure under-training instead of the batch size.
 */
export interface StopCriterion {
  /** An evaluated metric: `train/accuracy`, `train/loss`, `test/accuracy` or `test/loss`. */
  metric: 'train/accuracy' | 'train/loss' | 'test/accuracy' | 'test/loss';
  /** Stop when the metric is ≥ this (accuracies) ... */
  atLeast?: number;
  /** ... or ≤ this (losses). Exactly one of the two. */
  atMost?: number;
}

export interface RunSpec {
  data: DataSpec;
  model: ModelSpec;
  loss: LossKind;
  optimizer: OptimizerSpec;
  /** Examples per step. The whole training set when ≥ its size (full-batch gradient descent). */
  batchSize: number;
  /** Passes over the training set. `steps`, when set, wins and is counted in optimiser steps. */
  epochs: number;
  steps?: number;
  /** Seeds parameters, batch order, data sampling and label shuffles. Same seed → same numbers. */
  seed: number;
  /** Save the flat weights every this many epochs (and at the start and the end); 0 = never. */
  snapshotEvery: number;
  /** Evaluate train/test loss and accuracy every this many epochs. */
  evalEvery: number;
  /** Record ‖∇L‖ of the minibatch gradient every this many steps (it costs nothing: we have ∇L). */
  gradNormEvery: number;
  /** Optional second phase to a zero-gradient point; absent = none. */
  zeroGradient?: ZeroGradientPhase;
  /** Optional early stop once an evaluated metric meets a criterion; absent = train to the cap. */
  stopWhen?: StopCriterion;
}

export const DEFAULT_OPTIMIZER: { sgd: OptimizerSpec; adam: OptimizerSpec } = {
  sgd: { kind: 'sgd', lr: 0.01, momentum: 0.9 },
  adam: { kind: 'adam', lr: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
};

/** The defaults a spec is completed from. The model has no sensible default and must be given. */
export const DEFAULT_RUN_SPEC: Omit<RunSpec, 'model'> = {
  data: { kind: 'function', fn: 'sinc5', n: 1000, sampling: 'grid' },
  loss: 'mse',
  optimizer: DEFAULT_OPTIMIZER.adam,
  batchSize: 128,
  epochs: 20,
  seed: 0,
  snapshotEvery: 0,
  evalEvery: 1,
  gradNormEvery: 1,
};

/** Defaults of each data kind, so `{kind: 'mnist'}` alone is a complete data spec. */
export const DEFAULT_DATA: { [K in DataSpec['kind']]: Extract<DataSpec, { kind: K }> } = {
  function: { kind: 'function', fn: 'sinc5', n: 1000, sampling: 'grid' },
  mnist: { kind: 'mnist', trainSize: 8000, testSize: 2000, as32x32x3: false, randomLabels: false },
  cifar10: { kind: 'cifar10', trainSize: 50_000, testSize: 10_000, randomLabels: false },
  dataset: { kind: 'dataset', name: '', testFraction: 0.2, randomLabels: false },
};

/** A partial spec as users write it: every field may be left out, nested ones too. */
export type RunSpecInput = Partial<Omit<RunSpec, 'data' | 'optimizer' | 'zeroGradient'>> & {
  model: ModelSpec;
  data?: Partial<DataSpec> & { kind: DataSpec['kind'] };
  optimizer?: Partial<OptimizerSpec> & { kind: OptimizerSpec['kind'] };
  zeroGradient?: Partial<Omit<ZeroGradientPhase, 'optimizer'>> & {
    optimizer?: Partial<OptimizerSpec> & { kind: OptimizerSpec['kind'] };
  };
};

/** Fill every missing field from the defaults above. Validation is separate (`validateRunSpec`). */
export function resolveRunSpec(input: RunSpecInput): RunSpec {
  const data = { ...DEFAULT_DATA[input.data?.kind ?? DEFAULT_RUN_SPEC.data.kind], ...input.data } as DataSpec;
  const optimizer = {
    ...DEFAULT_OPTIMIZER[input.optimizer?.kind ?? DEFAULT_RUN_SPEC.optimizer.kind],
    ...input.optimizer,
  } as OptimizerSpec;
  const spec: RunSpec = {
    ...DEFAULT_RUN_SPEC,
    ...input,
    data,
    optimizer,
    zeroGradient: undefined,
  };
  if (input.zeroGradient) {
    spec.zeroGradient = {
      gradNormThreshold: 1e-3,
      maxSteps: 2000,
      ...input.zeroGradient,
      optimizer: {
        ...DEFAULT_OPTIMIZER[input.zeroGradient.optimizer?.kind ?? 'adam'],
        ...input.zeroGradient.optimizer,
      } as OptimizerSpec,
    };
  } else {
    delete spec.zeroGradient;
  }
  return spec;
}
