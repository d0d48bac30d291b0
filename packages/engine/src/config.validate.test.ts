import { describe, expect, it } from 'vitest';
import { SpecError, validateRunSpec } from './config.validate.js';
import { zoo } from './models/zoo.js';

const mlp = zoo['mlp-shallow']!.spec;
const cnn = zoo['cnn-shallow']!.spec;

function errorOf(input: unknown, context?: string): SpecError {
  try {
    validateRunSpec(input, context);
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return error as SpecError;
  }
  throw new Error('expected a SpecError');
}

describe('validateRunSpec', () => {
  it('fills every default for a minimal spec', () => {
    const spec = validateRunSpec({ model: mlp });
    expect(spec).toMatchObject({
      data: { kind: 'function', fn: 'sinc5', n: 1000, sampling: 'grid' },
      loss: 'mse',
      optimizer: { kind: 'adam', lr: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
      batchSize: 128,
      epochs: 20,
      seed: 0,
    });
    expect(spec.zeroGradient).toBeUndefined();
    const cifar = validateRunSpec({ model: cnn, data: { kind: 'cifar10' }, loss: 'cross-entropy', zeroGradient: {} });
    expect(cifar.data).toEqual({ kind: 'cifar10', trainSize: 50_000, testSize: 10_000, randomLabels: false });
    expect(cifar.zeroGradient).toMatchObject({ gradNormThreshold: 1e-3, maxSteps: 2000, optimizer: { kind: 'adam' } });
  });

  it('takes a zoo model by name', () => {
    expect(validateRunSpec({ model: 'mlp-deep' }).model).toEqual(zoo['mlp-deep']!.spec);
  });

  it.each([
    ['not an object', 42, '', /expected an object/],
    ['missing model', {}, 'model', /is required/],
    ['unknown zoo model', { model: 'mlp-huge' }, 'model', /'mlp-huge' is not a zoo model; the zoo has mlp-shallow, /],
    ['unknown top-level field', { model: mlp, lr: 0.1 }, 'lr', /unknown field; allowed fields are data, model/],
    ['bad data kind', { model: mlp, data: { kind: 'imagenet' } }, 'data.kind', /one of 'function', 'mnist', 'cifar10'/],
    ['bad function', { model: mlp, data: { kind: 'function', fn: 'cos' } }, 'data.fn', /'sinc5', 'sgn-sin5pi'/],
    ['non-integer n', { model: mlp, data: { kind: 'function', n: 10.5 } }, 'data.n', /integer from 2/],
    ['expression typo', { model: mlp, data: { kind: 'function', expression: 'exp(-x)*cos(2*pi*x' } }, 'data.expression', /does not parse: .* at char 19/],
    ['expression unknown name', { model: mlp, data: { kind: 'function', expression: 'sin(4*pi*t)' } }, 'data.expression', /unknown name 't' \(char 10\)/],
    ['expression not finite', { model: mlp, data: { kind: 'function', expression: 'log(x)' } }, 'data.expression', /NaN at x = -1/],
    ['expression not a string', { model: mlp, data: { kind: 'function', expression: 3 } }, 'data.expression', /a formula in x/],
    ['bad sampling', { model: mlp, data: { kind: 'function', sampling: 'sobol' } }, 'data.sampling', /'grid', 'random'/],
    ['mnist split too big', { model: cnn, loss: 'cross-entropy', data: { kind: 'mnist', as32x32x3: true, trainSize: 9000, testSize: 2000 } }, 'data.testSize', /from 1 to 1,000/],
    ['mnist flag not boolean', { model: cnn, loss: 'cross-entropy', data: { kind: 'mnist', as32x32x3: 'yes' } }, 'data.as32x32x3', /true or false/],
    ['cifar dir empty', { model: cnn, loss: 'cross-entropy', data: { kind: 'cifar10', dir: '' } }, 'data.dir', /SADDLE_CIFAR10_DIR/],
    ['cifar too many', { model: cnn, loss: 'cross-entropy', data: { kind: 'cifar10', trainSize: 60_000 } }, 'data.trainSize', /1 to 50,000/],
    ['model without layers', { model: { name: 'x', layers: [] } }, 'model.layers', /non-empty array/],
    ['model without name', { model: { layers: mlp.layers } }, 'model.name', /non-empty string/],
    ['bad layer type', { model: { name: 'x', layers: [{ type: 'lstm' }] } }, 'model.layers[0].type', /one of 'dense'/],
    ['bad units', { model: { name: 'x', layers: [{ type: 'dense', units: 0 }] } }, 'model.layers[0].units', /integer from 1/],
    ['bad activation', { model: { name: 'x', layers: [{ type: 'dense', units: 1, activation: 'gelu' }] } }, 'model.layers[0].activation', /'relu', 'tanh'/],
    ['unknown layer field', { model: { name: 'x', layers: [{ type: 'dense', units: 1, filters: 3 }] } }, 'model.layers[0].filters', /allowed fields are type, units, activation/],
    ['conv on 1-D input', { model: { name: 'x', layers: [{ type: 'conv2d', filters: 1 }, { type: 'dense', units: 1 }] } }, 'model.layers[0]', /does not fit the function input \[1\]/],
    ['wrong output size', { model: mlp, data: { kind: 'mnist' }, loss: 'cross-entropy' }, 'model.layers', /needs 10 .*units: 10/],
    ['loss mismatch', { model: cnn, data: { kind: 'cifar10' } }, 'loss', /use 'cross-entropy'/],
    ['bad loss', { model: mlp, loss: 'hinge' }, 'loss', /'mse', 'cross-entropy'/],
    ['bad optimizer kind', { model: mlp, optimizer: { kind: 'rmsprop' } }, 'optimizer.kind', /'sgd', 'adam'/],
    ['negative lr', { model: mlp, optimizer: { kind: 'sgd', lr: -1 } }, 'optimizer.lr', /positive learning rate/],
    ['momentum 1', { model: mlp, optimizer: { kind: 'sgd', momentum: 1 } }, 'optimizer.momentum', /\[0, 1\)/],
    ['adam field on sgd', { model: mlp, optimizer: { kind: 'sgd', beta1: 0.9 } }, 'optimizer.beta1', /unknown field/],
    ['bad beta2', { model: mlp, optimizer: { kind: 'adam', beta2: 1.5 } }, 'optimizer.beta2', /\[0, 1\)/],
    ['NaN epsilon', { model: mlp, optimizer: { kind: 'adam', epsilon: Number.NaN } }, 'optimizer.epsilon', /positive/],
    ['batch size 0', { model: mlp, batchSize: 0 }, 'batchSize', /integer from 1/],
    ['epochs as string', { model: mlp, epochs: '3' }, 'epochs', /integer/],
    ['steps 0', { model: mlp, steps: 0 }, 'steps', /integer from 1/],
    ['negative seed', { model: mlp, seed: -1 }, 'seed', /integer from 0/],
    ['evalEvery 0', { model: mlp, evalEvery: 0 }, 'evalEvery', /integer from 1/],
    ['zero-grad threshold', { model: mlp, zeroGradient: { gradNormThreshold: 0 } }, 'zeroGradient.gradNormThreshold', /positive/],
    ['zero-grad optimizer', { model: mlp, zeroGradient: { optimizer: { kind: 'adam', lr: 0 } } }, 'zeroGradient.optimizer.lr', /positive/],
  ])('%s → error at its path', (_, input, path, message) => {
    const error = errorOf(input);
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
  });

  it('prefixes the context and allows epochs 0 when steps are given', () => {
    expect(errorOf({ model: mlp, batchSize: -3 }, "preset 'x', run 'a'").message).toMatch(/^preset 'x', run 'a': invalid run spec at 'batchSize'/);
    expect(validateRunSpec({ model: mlp, steps: 10, epochs: 0 }).steps).toBe(10);
  });
});
