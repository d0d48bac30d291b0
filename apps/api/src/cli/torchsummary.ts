/**
 * `saddle models <id> --format torchsummary`: the table torchsummary (github sksq96/pytorch-summary,
 * `torchsummary.summary(model, input_size)`) prints for the PyTorch equivalent of a Saddle model —
 * the same layout, names and numbers, so a table can be compared line by line with a PyTorch one.
 *
 * The PyTorch equivalent is an `nn.Sequential` of the layers, channels first, with each fused
 * activation as its own module (Saddle's `dense + relu` is `Linear` then `ReLU`), and an
 * `nn.Flatten` where a dense layer meets an image (Saddle's dense flattens it itself). The
 * sizes are computed as torchsummary computes them, with its default batch_size of -1 (hence
 * `abs`): input = ∏input × 4 B, forward/backward = 2 × Σ∏output × 4 B (×2 for gradients),
 * params = total × 4 B, each over 1024², and the total their float sum.
 */
import type { LayerSpec, ModelSpec, ModelSummary } from '@saddle/engine';

/** One row as torchsummary keeps it: the module key (`Conv2d-1`), output shape and parameters. */
export interface TorchRow {
  key: string;
  /** Batch first as -1, channels before height and width. */
  outputShape: number[];
  params: number;
}

const ACTIVATION_MODULE: Record<Exclude<NonNullable<Extract<LayerSpec, { type: 'dense' }>['activation']>, 'linear'>, string> = {
  relu: 'ReLU',
  tanh: 'Tanh',
  sigmoid: 'Sigmoid',
  softplus: 'Softplus',
  elu: 'ELU',
};

const LAYER_MODULE: Record<Exclude<LayerSpec['type'], 'activation'>, string> = {
  dense: 'Linear',
  conv2d: 'Conv2d',
  batchNorm: 'BatchNorm2d',
  maxPool: 'MaxPool2d',
  avgPool: 'AvgPool2d',
  flatten: 'Flatten',
};

/** Saddle's channels-last per-example shape as PyTorch's channels-first one, batch -1. */
function torchShape(shape: readonly (number | null)[]): number[] {
  const dims = shape.filter((d): d is number => d !== null);
  if (dims.length === 3) return [-1, dims[2]!, dims[0]!, dims[1]!];
  return [-1, ...dims];
}

/** The modules torchsummary would hook, in order, from a model's spec and its summary. */
export function torchRows(spec: ModelSpec, summary: Pick<ModelSummary, 'rows' | 'inputShape'>): TorchRow[] {
  const rows: TorchRow[] = [];
  const push = (module: string, outputShape: number[], params: number): void => {
    rows.push({ key: `${module}-${rows.length + 1}`, outputShape, params });
  };
  let previous: readonly number[] = summary.inputShape;
  spec.layers.forEach((layer, index) => {
    const row = summary.rows[index];
    if (!row) throw new Error(`torchsummary: the summary of '${spec.name}' has no row for layer ${index + 1} (${layer.type})`);
    const shape = torchShape(row.outputShape);
    if (layer.type === 'activation') {
      if (layer.activation !== 'linear') push(ACTIVATION_MODULE[layer.activation], shape, 0);
      return;
    }
    if (layer.type === 'dense' && previous.length > 1) push('Flatten', [-1, previous.reduce((a, b) => a * b, 1)], 0);
    push(LAYER_MODULE[layer.type], shape, row.params);
    if ((layer.type === 'dense' || layer.type === 'conv2d') && layer.activation && layer.activation !== 'linear') push(ACTIVATION_MODULE[layer.activation], shape, 0);
    previous = row.outputShape.filter((d): d is number => d !== null);
  });
  return rows;
}

/** Python's `"{0:,}".format(n)`. */
export const pythonGrouped = (n: number): string => n.toLocaleString('en-US', { useGrouping: true, maximumFractionDigits: 0 });

/**
 * Python's `"%0.2f" % x`: correctly rounded, ties to even. The sizes are multiples of 2⁻¹⁸, so
 * exact ties (0.125) happen, and JavaScript's toFixed would round them up.
 */
export function pythonFixed2(x: number): string {
  const scaled = Math.abs(x) * 100;
  const floor = Math.floor(scaled);
  const rest = scaled - floor;
  const n = rest > 0.5 || (rest === 0.5 && floor % 2 === 1) ? floor + 1 : floor;
  return `${x < 0 && n > 0 ? '-' : ''}${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
}

/** Python's `"{:>w}".format(s)`. */
const right = (s: string, width: number): string => s.padStart(width);

/** torchsummary's numbers for one model: its rows, the parameter totals and the four sizes (MB = 2²⁰ bytes). */
export interface TorchSummaryTable {
  rows: TorchRow[];
  totalParams: number;
  trainableParams: number;
  nonTrainableParams: number;
  inputSizeMb: number;
  /** 2 × Σ outputs × 4 B: torchsummary doubles the forward activations for their gradients. */
  forwardBackwardSizeMb: number;
  paramsSizeMb: number;
  /** The float sum of the three sizes above (torchsummary rounds only when printing). */
  estimatedTotalSizeMb: number;
}

/**
 * The numbers `summary_string` computes, with its default batch_size of -1: the shapes' products
 * are negative and its abs() undoes that. The one implementation behind `saddle models
 * --format torchsummary` and the report's model tables.
 */
export function torchSummaryTable(spec: ModelSpec, summary: Pick<ModelSummary, 'rows' | 'inputShape'>): TorchSummaryTable {
  const rows = torchRows(spec, summary);
  let totalParams = 0;
  let totalOutput = 0;
  for (const row of rows) {
    totalParams += row.params;
    totalOutput += row.outputShape.reduce((a, b) => a * b, 1);
  }
  const batchSize = -1;
  const inputSizeMb = Math.abs((summary.inputShape.reduce((a, b) => a * b, 1) * batchSize * 4) / 1024 ** 2);
  const forwardBackwardSizeMb = Math.abs((2 * totalOutput * 4) / 1024 ** 2);
  const paramsSizeMb = Math.abs((totalParams * 4) / 1024 ** 2);
  // Every Saddle parameter is trainable (batch-norm statistics are buffers, as in PyTorch).
  return {
    rows,
    totalParams,
    trainableParams: totalParams,
    nonTrainableParams: 0,
    inputSizeMb,
    forwardBackwardSizeMb,
    paramsSizeMb,
    estimatedTotalSizeMb: paramsSizeMb + forwardBackwardSizeMb + inputSizeMb,
  };
}

/** The table, byte for byte as torchsummary's `summary_string` builds it. */
export function torchSummaryText(spec: ModelSpec, summary: Pick<ModelSummary, 'rows' | 'inputShape'>): string {
  return formatTorchSummary(torchSummaryTable(spec, summary));
}

/** torchsummary's printed layout of a table's numbers. */
export function formatTorchSummary(table: TorchSummaryTable): string {
  const rule = (c: string): string => `${c.repeat(64)}\n`;
  const line = (a: string, b: string, c: string): string => `${right(a, 20)}  ${right(b, 25)} ${right(c, 15)}\n`;
  let text = rule('-') + line('Layer (type)', 'Output Shape', 'Param #') + rule('=');
  for (const row of table.rows) text += line(row.key, `[${row.outputShape.join(', ')}]`, pythonGrouped(row.params));
  text += rule('=');
  text += `Total params: ${pythonGrouped(table.totalParams)}\n`;
  text += `Trainable params: ${pythonGrouped(table.trainableParams)}\n`;
  text += `Non-trainable params: ${pythonGrouped(table.nonTrainableParams)}\n`;
  text += rule('-');
  text += `Input size (MB): ${pythonFixed2(table.inputSizeMb)}\n`;
  text += `Forward/backward pass size (MB): ${pythonFixed2(table.forwardBackwardSizeMb)}\n`;
  text += `Params size (MB): ${pythonFixed2(table.paramsSizeMb)}\n`;
  text += `Estimated Total Size (MB): ${pythonFixed2(table.estimatedTotalSizeMb)}\n`;
  text += rule('-');
  return text;
}
