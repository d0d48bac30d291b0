import { formatInt } from '../../lib/format';

/** A model's summary as the API reports it: torchsummary's rows and totals. */
export interface TorchSummary {
  model: string;
  /** Run groups that train this model (named above the table). */
  groups: readonly string[];
  rows: readonly { layer: string; outputShape: readonly number[]; params: number }[];
  totalParams: number;
  trainableParams: number;
  nonTrainableParams: number;
  inputSizeMb: number;
  forwardBackwardSizeMb: number;
  paramsSizeMb: number;
  estimatedTotalSizeMb: number;
}

/** torchsummary prints shapes as Python lists: `[-1, 16, 32, 32]`. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** torchsummary's `%0.2f` of a size in MB (MB = 2²⁰ bytes, computed by the API). */
export function formatMb(value: number): string {
  return value.toFixed(2);
}

/**
 * A model summary in torchsummary's layout and numbers: `Layer (type) | Output Shape | Param #`,
 * the parameter totals, and its four sizes in MB — the table HW1's report shows for each model.
 */
export function TorchSummaryTable({ summary }: { summary: TorchSummary }) {
  // groups named like the model (mlp-deep trains mlp-deep) would only repeat it
  const groups = summary.groups.filter((g) => g !== summary.model);
  const caption = `${summary.model}${groups.length > 0 ? ` (${groups.join(', ')})` : ''}`;
  return (
    <figure className="torchsummary keep-together">
      <table className="data" aria-label={`Model summary of ${summary.model}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th>Layer (type)</th>
            <th className="num">Output Shape</th>
            <th className="num">Param #</th>
          </tr>
        </thead>
        <tbody>
          {summary.rows.map((row) => (
            <tr key={row.layer}>
              <td className="mono">{row.layer}</td>
              <td className="num mono">{formatShape(row.outputShape)}</td>
              <td className="num mono">{formatInt(row.params)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="kv torchsummary-totals">
        <dt>Total params</dt>
        <dd>{formatInt(summary.totalParams)}</dd>
        <dt>Trainable params</dt>
        <dd>{formatInt(summary.trainableParams)}</dd>
        <dt>Non-trainable params</dt>
        <dd>{formatInt(summary.nonTrainableParams)}</dd>
        <dt>Input size (MB)</dt>
        <dd>{formatMb(summary.inputSizeMb)}</dd>
        <dt>Forward/backward pass size (MB)</dt>
        <dd>{formatMb(summary.forwardBackwardSizeMb)}</dd>
        <dt>Params size (MB)</dt>
        <dd>{formatMb(summary.paramsSizeMb)}</dd>
        <dt>Estimated Total Size (MB)</dt>
        <dd>{formatMb(summary.estimatedTotalSizeMb)}</dd>
      </dl>
    </figure>
  );
}
