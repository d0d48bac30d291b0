/**
 * The torchsummary table against a hand computation (cnn-shallow on 32×32×3, the HW1 count) and
 * against torchsummary's own format strings run by Python on the same rows.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { zoo, zooSummaries } from '../engine.js';
import { formatTorchSummary, pythonFixed2, torchRows, torchSummaryTable, torchSummaryText } from './torchsummary.js';

const spec = zoo['cnn-shallow']!.spec;
const summary = zooSummaries([32, 32, 3])['cnn-shallow']!;

describe('torchsummary', () => {
  it('lists the modules of the PyTorch equivalent, channels first, with their parameters', () => {
    expect(torchRows(spec, summary).map((r) => [r.key, r.outputShape, r.params])).toEqual([
      ['Conv2d-1', [-1, 16, 32, 32], 5 * 5 * 3 * 16 + 16],
      ['BatchNorm2d-2', [-1, 16, 32, 32], 2 * 16],
      ['ReLU-3', [-1, 16, 32, 32], 0],
      ['MaxPool2d-4', [-1, 16, 16, 16], 0],
      ['Conv2d-5', [-1, 32, 16, 16], 5 * 5 * 16 * 32 + 32],
      ['BatchNorm2d-6', [-1, 32, 16, 16], 2 * 32],
      ['ReLU-7', [-1, 32, 16, 16], 0],
      ['MaxPool2d-8', [-1, 32, 8, 8], 0],
      ['Flatten-9', [-1, 2048], 0],
      ['Linear-10', [-1, 10], 2048 * 10 + 10],
    ]);
  });

  it('computes the sizes as torchsummary does (by hand: outputs 81,930 floats, ×2 for gradients)', () => {
    // Σ outputs: 3·16·32·32 + 16·16·16 + 3·32·16·16 + 32·8·8 + 2048 + 10 = 81,930.
    // forward/backward 2·81,930·4/2²⁰ = 0.6251; input 3,072·4/2²⁰ = 0.0117; params 34,634·4/2²⁰ = 0.1321.
    const text = torchSummaryText(spec, summary);
    expect(text).toContain('Total params: 34,634\nTrainable params: 34,634\nNon-trainable params: 0\n');
    expect(text).toContain('Input size (MB): 0.01\nForward/backward pass size (MB): 0.63\nParams size (MB): 0.13\nEstimated Total Size (MB): 0.77\n');
    expect(text.split('\n')[1]).toBe('        Layer (type)               Output Shape         Param #');
    expect(text).toContain('\n            Conv2d-5           [-1, 32, 16, 16]          12,832\n');
  });

  it('gives the report the unrounded numbers torchsummary computes (summary_string’s formulas, by hand)', () => {
    const table = torchSummaryTable(spec, summary);
    const MB = 1024 ** 2;
    // total_input_size = |∏(3, 32, 32) · batch_size(-1) · 4 / 1024²|
    expect(table.inputSizeMb).toBe((3 * 32 * 32 * 4) / MB);
    // total_output_size = |2 · Σ∏output_shape · 4 / 1024²|, the outputs summed by hand above: 81,930.
    expect(table.forwardBackwardSizeMb).toBe((2 * 81_930 * 4) / MB);
    expect(table.paramsSizeMb).toBe((34_634 * 4) / MB);
    expect(table.estimatedTotalSizeMb).toBe((34_634 * 4) / MB + (2 * 81_930 * 4) / MB + (3 * 32 * 32 * 4) / MB);
    expect([table.totalParams, table.trainableParams, table.nonTrainableParams]).toEqual([34_634, 34_634, 0]);
    // The printed table is this table's numbers, formatted.
    expect(formatTorchSummary(table)).toBe(torchSummaryText(spec, summary));
  });

  it('rounds exact ties to even, as Python’s %0.2f does', () => {
    expect(pythonFixed2(0.125)).toBe('0.12'); // JavaScript's toFixed gives 0.13
    expect(pythonFixed2(0.375)).toBe('0.38');
    expect(pythonFixed2(0.6250762939453125)).toBe('0.63');
    expect(pythonFixed2(12.344999)).toBe('12.34');
  });

  it('is byte for byte what torchsummary’s format strings make of the same rows', () => {
    const rows = torchRows(spec, summary);
    // torchsummary.summary_string's printing, with the hooks' results given (no torch needed).
    const python = `
import json, sys
rows = json.loads(sys.argv[1]); input_size = (3, 32, 32); batch_size = -1
import functools, operator
prod = lambda xs: functools.reduce(operator.mul, xs, 1)
s = "----------------------------------------------------------------" + "\\n"
s += "{:>20}  {:>25} {:>15}".format("Layer (type)", "Output Shape", "Param #") + "\\n"
s += "================================================================" + "\\n"
total_params = 0; total_output = 0; trainable_params = 0
for key, shape, params in rows:
    s += "{:>20}  {:>25} {:>15}".format(key, str(shape), "{0:,}".format(params)) + "\\n"
    total_params += params; total_output += prod(shape); trainable_params += params
total_input_size = abs(prod(input_size) * batch_size * 4. / (1024 ** 2.))
total_output_size = abs(2. * total_output * 4. / (1024 ** 2.))
total_params_size = abs(total_params * 4. / (1024 ** 2.))
total_size = total_params_size + total_output_size + total_input_size
s += "================================================================" + "\\n"
s += "Total params: {0:,}".format(total_params) + "\\n"
s += "Trainable params: {0:,}".format(trainable_params) + "\\n"
s += "Non-trainable params: {0:,}".format(total_params - trainable_params) + "\\n"
s += "----------------------------------------------------------------" + "\\n"
s += "Input size (MB): %0.2f" % total_input_size + "\\n"
s += "Forward/backward pass size (MB): %0.2f" % total_output_size + "\\n"
s += "Params size (MB): %0.2f" % total_params_size + "\\n"
s += "Estimated Total Size (MB): %0.2f" % total_size + "\\n"
s += "----------------------------------------------------------------" + "\\n"
sys.stdout.write(s)
`;
    const result = spawnSync('python3', ['-c', python, JSON.stringify(rows.map((r) => [r.key, r.outputShape, r.params]))], { encoding: 'utf8' });
    if (result.error) throw new Error(`this test needs python3 on PATH: ${result.error.message}`);
    expect(result.stderr).toBe('');
    expect(torchSummaryText(spec, summary)).toBe(result.stdout);
  });
});
