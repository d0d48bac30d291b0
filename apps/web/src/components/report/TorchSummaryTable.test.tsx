import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatMb, formatShape, TorchSummaryTable, type TorchSummary } from './TorchSummaryTable';

/**
 * A Linear(1→5) – ReLU – Linear(5→1) net as torchsummary reports it for input (1,): outputs of 5,
 * 5 and 1 floats; params 10 + 0 + 6 = 16; sizes in MB of 2²⁰ bytes.
 */
const tiny: TorchSummary = {
  model: 'mlp-tiny',
  groups: ['shallow'],
  rows: [
    { layer: 'Linear-1', outputShape: [-1, 5], params: 10 },
    { layer: 'ReLU-2', outputShape: [-1, 5], params: 0 },
    { layer: 'Linear-3', outputShape: [-1, 1], params: 6 },
  ],
  totalParams: 16,
  trainableParams: 16,
  nonTrainableParams: 0,
  inputSizeMb: 4 / 2 ** 20,
  forwardBackwardSizeMb: (2 * 11 * 4) / 2 ** 20,
  paramsSizeMb: (16 * 4) / 2 ** 20,
  estimatedTotalSizeMb: (4 + 88 + 64) / 2 ** 20,
};

describe('TorchSummaryTable', () => {
  it('shows torchsummary’s columns, rows, totals and the four sizes', () => {
    render(<TorchSummaryTable summary={{ ...tiny, rows: [...tiny.rows, { layer: 'Conv2d-4', outputShape: [-1, 16, 32, 32], params: 12_345 }] }} />);
    const table = screen.getByRole('table', { name: 'Model summary of mlp-tiny' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Layer (type)', 'Output Shape', 'Param #']);
    const cells = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(cells).toEqual([
      ['Linear-1', '[-1, 5]', '10'],
      ['ReLU-2', '[-1, 5]', '0'],
      ['Linear-3', '[-1, 1]', '6'],
      ['Conv2d-4', '[-1, 16, 32, 32]', '12,345'],
    ]);
    expect(table.querySelector('caption')?.textContent).toBe('mlp-tiny (shallow)');
    const totals = [...document.querySelectorAll('.torchsummary-totals dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
    expect(totals).toEqual([
      'Total params: 16',
      'Trainable params: 16',
      'Non-trainable params: 0',
      'Input size (MB): 0.00',
      'Forward/backward pass size (MB): 0.00',
      'Params size (MB): 0.00',
      'Estimated Total Size (MB): 0.00',
    ]);
  });
});

describe('TorchSummaryTable caption', () => {
  it('names the groups that train the model, unless they only repeat its name', () => {
    render(<TorchSummaryTable summary={{ ...tiny, model: 'mlp-deep', groups: ['mlp-deep'] }} />);
    expect(document.querySelector('caption')?.textContent).toBe('mlp-deep');
  });
});

describe('formatting as torchsummary does', () => {
  it('prints shapes as Python lists and sizes with two decimals', () => {
    expect(formatShape([-1, 16, 32, 32])).toBe('[-1, 16, 32, 32]');
    // a CIFAR-10 input: 3 × 32 × 32 floats = 0.01171875 MB
    expect(formatMb((3 * 32 * 32 * 4) / 2 ** 20)).toBe('0.01');
    expect(formatMb(1.255)).toBe('1.25');
    expect(formatMb(0.6)).toBe('0.60');
  });
});
