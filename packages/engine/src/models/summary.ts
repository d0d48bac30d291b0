/**
 * The familiar model table (Keras's `model.summary()` layout, torchsummary's MB lines). Batch
 * norm counts its 2 trainable parameters per channel; its running statistics are buffers, not
 * parameters, as in PyTorch, so the HW1 counts (34,634 for the shallow CNN, ...) come out.
 */
import type { LayerSpec, ModelSpec, ModelSummary, SummaryRow } from './spec.js';
import type { PlannedLayer } from './model.js';

const KERAS_CLASS: Record<LayerSpec['type'], string> = {
  dense: 'Dense',
  conv2d: 'Conv2D',
  batchNorm: 'BatchNormalization',
  activation: 'Activation',
  maxPool: 'MaxPooling2D',
  avgPool: 'AveragePooling2D',
  flatten: 'Flatten',
};

const MB = 2 ** 20;
const FLOAT32_BYTES = 4;

const formatCount = (n: number): string => n.toLocaleString('en-US');
const formatShape = (shape: (number | null)[]): string => `(${shape.map((d) => (d === null ? 'None' : String(d))).join(', ')})`;

export function summarize(spec: ModelSpec, inputShape: number[], layers: readonly PlannedLayer[]): ModelSummary {
  const buffers = layers.reduce((s, l) => s + l.buffers.reduce((a, b) => a + b.size, 0), 0);
  const rows: SummaryRow[] = layers.map((layer) => {
    const params = layer.params.reduce((s, p) => s + p.size, 0);
    const activationSuffix =
      layer.spec.type === 'activation' ? `: ${layer.spec.activation}` : 'activation' in layer.spec && layer.spec.activation && layer.spec.activation !== 'linear' ? ` + ${layer.spec.activation}` : '';
    return {
      layer: `${layer.name} (${KERAS_CLASS[layer.spec.type]}${activationSuffix})`,
      type: layer.spec.type,
      outputShape: [null, ...layer.outputShape],
      params,
      trainable: params,
    };
  });
  const totalParams = rows.reduce((s, r) => s + r.params, 0);
  const trainableParams = rows.reduce((s, r) => s + r.trainable, 0);
  const activations = layers.reduce((s, l) => s + l.outputShape.reduce((a, b) => a * b, 1), 0);
  const inputSize = inputShape.reduce((a, b) => a * b, 1);
  const summary: Omit<ModelSummary, 'text'> = {
    name: spec.name,
    inputShape: [...inputShape],
    rows,
    totalParams,
    trainableParams,
    nonTrainableParams: totalParams - trainableParams,
    paramsSizeMB: (totalParams * FLOAT32_BYTES) / MB,
    activationsSizeMB: (activations * FLOAT32_BYTES) / MB,
    inputSizeMB: (inputSize * FLOAT32_BYTES) / MB,
  };
  return { ...summary, text: formatSummaryText(summary, buffers) };
}

/** `buffers`: batch-norm running statistics, shown on their own line (they are state, not parameters). */
export function formatSummaryText(s: Omit<ModelSummary, 'text'>, buffers = 0): string {
  const layerWidth = Math.max(28, ...s.rows.map((r) => r.layer.length + 2));
  const shapeWidth = Math.max(26, ...s.rows.map((r) => formatShape(r.outputShape).length + 2));
  const width = layerWidth + shapeWidth + 12;
  const line = (c: string): string => c.repeat(width);
  const row = (a: string, b: string, c: string): string => ` ${a.padEnd(layerWidth - 1)}${b.padEnd(shapeWidth)}${c}`;
  const mb = (x: number): string => x.toFixed(2);
  return [
    `Model: "${s.name}"`,
    `Input shape: ${formatShape([null, ...s.inputShape])}`,
    line('_'),
    row('Layer (type)', 'Output Shape', 'Param #'),
    line('='),
    ...s.rows.map((r) => row(r.layer, formatShape(r.outputShape), formatCount(r.params))),
    line('='),
    `Total params: ${formatCount(s.totalParams)}`,
    `Trainable params: ${formatCount(s.trainableParams)}`,
    `Non-trainable params: ${formatCount(s.nonTrainableParams)}`,
    ...(buffers > 0 ? [`Buffers (batch-norm running mean/variance, not parameters): ${formatCount(buffers)}`] : []),
    line('_'),
    `Input size (MB): ${mb(s.inputSizeMB)}`,
    `Forward pass activations size (MB): ${mb(s.activationsSizeMB)}`,
    `Params size (MB): ${mb(s.paramsSizeMB)}`,
    `Estimated total size (MB): ${mb(s.inputSizeMB + s.activationsSizeMB + s.paramsSizeMB)}`,
    line('_'),
  ].join('\n');
}
