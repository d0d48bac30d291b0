/**
 * `validateRunSpec`: user input (JSON from the API, a preset, the CLI) → a complete, checked
 * {@link RunSpec}. Every failure is a {@link SpecError} naming the field by its path
 * (`optimizer.lr`, `model.layers[2].filters`), what is allowed and how to fix it.
 */
import { DEFAULT_DATA, DEFAULT_OPTIMIZER, resolveRunSpec, type RunSpec, type RunSpecInput } from './config.js';
import { checkExpressionFinite, compileExpression, ExpressionError } from './data/expression.js';
import { DATASET_NAME } from './data/registered.js';
import { inputShapeOf, numClassesOf, outputSizeOf } from './data/shapes.js';
import { planLayers } from './models/model.js';
import { zoo } from './models/zoo.js';
import type { Activation, LayerSpec } from './models/spec.js';

export class SpecError extends Error {
  override readonly name = 'SpecError';
  constructor(
    /** Dotted path of the bad field, e.g. `optimizer.lr`, `model.layers[1].units`; '' for the whole spec. */
    readonly path: string,
    /** What is wrong, what is allowed, and the fix. */
    readonly detail: string,
    /** Where the spec came from (e.g. a preset and run), prefixed to the message. */
    readonly context?: string,
  ) {
    super(`${context ? `${context}: ` : ''}invalid run spec${path ? ` at '${path}'` : ''}: ${detail}`);
  }
}

type Obj = Record<string, unknown>;

const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh', 'sigmoid', 'softplus', 'elu', 'linear'];
const RUN_KEYS = ['data', 'model', 'loss', 'optimizer', 'batchSize', 'epochs', 'steps', 'seed', 'snapshotEvery', 'evalEvery', 'gradNormEvery', 'zeroGradient', 'stopWhen'];
const LAYER_KEYS: Record<LayerSpec['type'], string[]> = {
  dense: ['type', 'units', 'activation'],
  conv2d: ['type', 'filters', 'kernelSize', 'stride', 'padding', 'activation'],
  batchNorm: ['type', 'momentum', 'epsilon'],
  activation: ['type', 'activation'],
  maxPool: ['type', 'size', 'stride'],
  avgPool: ['type', 'size', 'stride'],
  flatten: ['type'],
};
const MNIST_SIZE = 10_000;
const CIFAR_TRAIN = 50_000;
const CIFAR_TEST = 10_000;

const show = (v: unknown): string => (typeof v === 'string' ? `'${v}'` : v === undefined ? 'nothing' : JSON.stringify(v) ?? String(v));
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Check `input` and return it complete with defaults; throws {@link SpecError} on the first bad field. */
export function validateRunSpec(input: unknown, context?: string): RunSpec {
  const fail = (path: string, detail: string): never => {
    throw new SpecError(path, detail, context);
  };
  const object = (v: unknown, path: string): Obj => (isObj(v) ? v : fail(path, `expected an object, got ${show(v)}`));
  const noUnknownKeys = (o: Obj, allowed: readonly string[], path: string): void => {
    for (const key of Object.keys(o)) {
      if (!allowed.includes(key)) fail(path ? `${path}.${key}` : key, `unknown field; allowed fields are ${allowed.join(', ')}. Remove it or fix its spelling.`);
    }
  };
  const oneOf = <T extends string>(v: unknown, allowed: readonly T[], path: string): T =>
    allowed.includes(v as T) ? (v as T) : fail(path, `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${show(v)}`);
  const integer = (v: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER): number =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? v
      : fail(path, `must be an integer from ${min} to ${max.toLocaleString('en-US')}, got ${show(v)}`);
  const number = (v: unknown, path: string, check: (x: number) => boolean, allowed: string): number =>
    typeof v === 'number' && Number.isFinite(v) && check(v) ? v : fail(path, `must be ${allowed}, got ${show(v)}`);
  const boolean = (v: unknown, path: string): boolean => (typeof v === 'boolean' ? v : fail(path, `must be true or false, got ${show(v)}`));

  // Shape and kinds first, so that filling defaults cannot trip over a bad kind.
  // A shallow copy: a zoo name in `model` is replaced below without touching the caller's object.
  const raw = { ...object(input, '') };
  noUnknownKeys(raw, RUN_KEYS, '');
  if (raw.model === undefined) fail('model', `is required: give a zoo model's name (${Object.keys(zoo).join(', ')}) or a model spec { name, layers }`);
  if (typeof raw.model === 'string') {
    // A zoo id stands for its spec, so a spec written by hand (or a form) need not copy the layers.
    const entry = Object.hasOwn(zoo, raw.model) ? zoo[raw.model] : undefined;
    if (!entry) fail('model', `${show(raw.model)} is not a zoo model; the zoo has ${Object.keys(zoo).join(', ')} (or give a model spec { name, layers })`);
    raw.model = structuredClone(entry!.spec);
  }
  if (raw.data !== undefined) oneOf(object(raw.data, 'data').kind, Object.keys(DEFAULT_DATA) as (keyof typeof DEFAULT_DATA)[], 'data.kind');
  if (raw.optimizer !== undefined) oneOf(object(raw.optimizer, 'optimizer').kind, ['sgd', 'adam'] as const, 'optimizer.kind');
  if (raw.zeroGradient !== undefined) {
    const zg = object(raw.zeroGradient, 'zeroGradient');
    if (zg.optimizer !== undefined) oneOf(object(zg.optimizer, 'zeroGradient.optimizer').kind, ['sgd', 'adam'] as const, 'zeroGradient.optimizer.kind');
  }
  const spec = resolveRunSpec(raw as unknown as RunSpecInput);

  // data
  const data = spec.data as unknown as Obj;
  switch (spec.data.kind) {
    case 'function':
      noUnknownKeys(data, ['kind', 'fn', 'expression', 'n', 'sampling'], 'data');
      oneOf(data.fn, ['sinc5', 'sgn-sin5pi'] as const, 'data.fn');
      if (data.expression !== undefined) {
        if (typeof data.expression !== 'string') fail('data.expression', `must be a formula in x (a string), e.g. 'sin(4*pi*x)/(4*pi*x)'; got ${show(data.expression)}`);
        try {
          checkExpressionFinite(compileExpression(data.expression as string));
        } catch (error) {
          if (!(error instanceof ExpressionError)) throw error;
          fail('data.expression', `${JSON.stringify(data.expression)} ${error.message}`);
        }
      }
      integer(data.n, 'data.n', 2, 10_000_000);
      oneOf(data.sampling, ['grid', 'random'] as const, 'data.sampling');
      break;
    case 'mnist': {
      noUnknownKeys(data, ['kind', 'trainSize', 'testSize', 'as32x32x3', 'randomLabels'], 'data');
      const train = integer(data.trainSize, 'data.trainSize', 1, MNIST_SIZE - 1);
      integer(data.testSize, 'data.testSize', 1, MNIST_SIZE - train);
      boolean(data.as32x32x3, 'data.as32x32x3');
      boolean(data.randomLabels, 'data.randomLabels');
      break;
    }
    case 'cifar10':
      noUnknownKeys(data, ['kind', 'dir', 'trainSize', 'testSize', 'randomLabels'], 'data');
      if (data.dir !== undefined && (typeof data.dir !== 'string' || data.dir === '')) {
        fail('data.dir', `must be a folder path (string) holding data_batch_1..5.bin and test_batch.bin, or left out to use $SADDLE_CIFAR10_DIR; got ${show(data.dir)}`);
      }
      integer(data.trainSize, 'data.trainSize', 1, CIFAR_TRAIN);
      integer(data.testSize, 'data.testSize', 1, CIFAR_TEST);
      boolean(data.randomLabels, 'data.randomLabels');
      break;
    case 'dataset': {
      noUnknownKeys(data, ['kind', 'name', 'testFraction', 'randomLabels', 'inputShape', 'numClasses'], 'data');
      if (typeof data.name !== 'string' || !DATASET_NAME.test(data.name)) {
        fail('data.name', `must be the name of a registered dataset (see saddle data list or Query.datasets), got ${show(data.name)}`);
      }
      number(data.testFraction, 'data.testFraction', (x) => x > 0 && x < 1, 'a fraction in (0, 1) of the examples held out for test, e.g. 0.2');
      boolean(data.randomLabels, 'data.randomLabels');
      if (!Array.isArray(data.inputShape) || data.inputShape.length === 0 || !data.inputShape.every((d) => Number.isInteger(d) && (d as number) > 0)) {
        fail('data.inputShape', `is filled from the registry at launch (dataset ${show(data.name)}); give it only as the registered shape, got ${show(data.inputShape)}`);
      }
      integer(data.numClasses, 'data.numClasses', 0, 100_000);
      if (data.randomLabels === true && data.numClasses === 0) fail('data.randomLabels', `dataset ${show(data.name)} is a regression set; random labels need class labels`);
      break;
    }
  }

  // model
  const model = object(spec.model, 'model');
  noUnknownKeys(model, ['name', 'layers'], 'model');
  if (typeof model.name !== 'string' || model.name.trim() === '') fail('model.name', `must be a non-empty string, got ${show(model.name)}`);
  if (!Array.isArray(model.layers) || model.layers.length === 0) fail('model.layers', `must be a non-empty array of layers, got ${show(model.layers)}`);
  (model.layers as unknown[]).forEach((layerInput, i) => {
    const path = `model.layers[${i}]`;
    const layer = object(layerInput, path);
    const type = oneOf(layer.type, Object.keys(LAYER_KEYS) as LayerSpec['type'][], `${path}.type`);
    noUnknownKeys(layer, LAYER_KEYS[type], path);
    const optional = (key: string, check: (v: unknown, p: string) => unknown): void => {
      if (layer[key] !== undefined) check(layer[key], `${path}.${key}`);
    };
    const act = (v: unknown, p: string) => oneOf(v, ACTIVATIONS, p);
    switch (type) {
      case 'dense':
        integer(layer.units, `${path}.units`, 1, 1_000_000);
        optional('activation', act);
        break;
      case 'conv2d':
        integer(layer.filters, `${path}.filters`, 1, 4096);
        optional('kernelSize', (v, p) => integer(v, p, 1, 64));
        optional('stride', (v, p) => integer(v, p, 1, 64));
        optional('padding', (v, p) => oneOf(v, ['same', 'valid'] as const, p));
        optional('activation', act);
        break;
      case 'batchNorm':
        optional('momentum', (v, p) => number(v, p, (x) => x > 0 && x <= 1, 'in (0, 1] (PyTorch convention: weight of the new batch; 0.1 is the default)'));
        optional('epsilon', (v, p) => number(v, p, (x) => x > 0, 'a positive number (default 1e-5)'));
        break;
      case 'activation':
        act(layer.activation, `${path}.activation`);
        break;
      case 'maxPool':
      case 'avgPool':
        optional('size', (v, p) => integer(v, p, 1, 64));
        optional('stride', (v, p) => integer(v, p, 1, 64));
        break;
      case 'flatten':
        break;
    }
  });
  let outputSize = 0;
  try {
    const plan = planLayers(spec.model, inputShapeOf(spec.data));
    const last = plan.layers[plan.layers.length - 1]!;
    outputSize = last.outputShape.reduce((a, b) => a * b, 1);
  } catch (error) {
    const match = /layers\[(\d+)\]/.exec(String(error));
    fail(match ? `model.layers[${match[1]}]` : 'model', `does not fit the ${spec.data.kind} input [${inputShapeOf(spec.data).join(', ')}]: ${(error as Error).message}`);
  }
  const wanted = outputSizeOf(spec.data);
  if (outputSize !== wanted) {
    fail('model.layers', `the model's output has ${outputSize} units but ${spec.data.kind} data needs ${wanted} (${wanted === 1 ? 'one regression output' : 'one logit per class'}); end with { type: 'dense', units: ${wanted} }`);
  }

  // loss must match the data: regression → mse, classification → cross-entropy.
  const loss = oneOf(spec.loss, ['mse', 'cross-entropy'] as const, 'loss');
  const wantedLoss = numClassesOf(spec.data) === 0 ? 'mse' : 'cross-entropy';
  if (loss !== wantedLoss) fail('loss', `'${loss}' does not fit ${spec.data.kind} data; use '${wantedLoss}'`);

  // optimisers
  const checkOptimizer = (o: unknown, path: string): void => {
    const opt = object(o, path);
    if (opt.kind === 'sgd') {
      noUnknownKeys(opt, Object.keys(DEFAULT_OPTIMIZER.sgd), path);
      number(opt.lr, `${path}.lr`, (x) => x > 0, 'a positive learning rate, e.g. 0.01');
      number(opt.momentum, `${path}.momentum`, (x) => x >= 0 && x < 1, 'in [0, 1) (0 = plain SGD, 0.9 is usual)');
    } else {
      noUnknownKeys(opt, Object.keys(DEFAULT_OPTIMIZER.adam), path);
      number(opt.lr, `${path}.lr`, (x) => x > 0, 'a positive learning rate, e.g. 0.001');
      number(opt.beta1, `${path}.beta1`, (x) => x >= 0 && x < 1, 'in [0, 1) (default 0.9)');
      number(opt.beta2, `${path}.beta2`, (x) => x >= 0 && x < 1, 'in [0, 1) (default 0.999)');
      number(opt.epsilon, `${path}.epsilon`, (x) => x > 0, 'a positive number (default 1e-8)');
    }
  };
  checkOptimizer(spec.optimizer, 'optimizer');

  // schedule
  integer(spec.batchSize, 'batchSize', 1, 10_000_000);
  if (spec.steps !== undefined) integer(spec.steps, 'steps', 1, 100_000_000);
  integer(spec.epochs, 'epochs', spec.steps !== undefined ? 0 : 1, 1_000_000);
  integer(spec.seed, 'seed', 0, 2 ** 32 - 1);
  integer(spec.snapshotEvery, 'snapshotEvery', 0, 1_000_000);
  integer(spec.evalEvery, 'evalEvery', 1, 1_000_000);
  integer(spec.gradNormEvery, 'gradNormEvery', 1, 1_000_000);

  if (spec.zeroGradient) {
    const zg = spec.zeroGradient as unknown as Obj;
    noUnknownKeys(zg, ['gradNormThreshold', 'maxSteps', 'optimizer'], 'zeroGradient');
    number(zg.gradNormThreshold, 'zeroGradient.gradNormThreshold', (x) => x > 0, 'a positive gradient norm, e.g. 1e-3');
    integer(zg.maxSteps, 'zeroGradient.maxSteps', 1, 100_000_000);
    checkOptimizer(zg.optimizer, 'zeroGradient.optimizer');
  }

  if (spec.stopWhen !== undefined) {
    const stop = object(spec.stopWhen, 'stopWhen');
    noUnknownKeys(stop, ['metric', 'atLeast', 'atMost'], 'stopWhen');
    const metric = oneOf(stop.metric, ['train/accuracy', 'train/loss', 'test/accuracy', 'test/loss'] as const, 'stopWhen.metric');
    if (metric.endsWith('accuracy') && spec.loss !== 'cross-entropy') fail('stopWhen.metric', `'${metric}' exists only for classification; use 'train/loss' or 'test/loss'`);
    if ((stop.atLeast === undefined) === (stop.atMost === undefined)) fail('stopWhen', 'give exactly one of atLeast (e.g. { metric: \'train/accuracy\', atLeast: 0.99 }) or atMost (e.g. { metric: \'train/loss\', atMost: 0.01 })');
    if (stop.atLeast !== undefined) number(stop.atLeast, 'stopWhen.atLeast', () => true, 'a finite number');
    if (stop.atMost !== undefined) number(stop.atMost, 'stopWhen.atMost', () => true, 'a finite number');
  }
  return spec;
}
