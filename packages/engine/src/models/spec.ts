/**
 * Declarative, JSON-serialisable model specs. A spec says what the network is; `buildModel`
 * turns it into a functional model over one flat parameter vector θ (see `model.ts`), which is
 * what training, Hessians, PCA and landscapes all work on.
 */

export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'softplus' | 'elu' | 'linear';

export type LayerSpec =
  /** Fully connected: y = act(xW + b). Flattens a rank > 2 input first. */
  | { type: 'dense'; units: number; activation?: Activation }
  /** 2-D convolution, channels last. kernelSize 5, stride 1 and padding 'same' by default (HW1). */
  | {
      type: 'conv2d';
      filters: number;
      kernelSize?: number;
      stride?: number;
      padding?: 'same' | 'valid';
      activation?: Activation;
    }
  /** Batch normalisation over channels: γ and β trainable (2 params per channel), running mean/var not. */
  | { type: 'batchNorm'; momentum?: number; epsilon?: number }
  /** An activation as its own layer (e.g. after batch norm). */
  | { type: 'activation'; activation: Activation }
  /** Max pooling; size 2 and stride = size by default. */
  | { type: 'maxPool'; size?: number; stride?: number }
  | { type: 'avgPool'; size?: number; stride?: number }
  | { type: 'flatten' };

export interface ModelSpec {
  /** A name for tables and legends, e.g. `shallow-cnn`. */
  name: string;
  layers: LayerSpec[];
}

/** One row of `summary()`: the familiar Keras layout. */
export interface SummaryRow {
  /** e.g. `conv2d_1 (Conv2D)` */
  layer: string;
  type: LayerSpec['type'];
  /** Per-example output shape, batch dimension shown as null. */
  outputShape: (number | null)[];
  params: number;
  trainable: number;
}

export interface ModelSummary {
  name: string;
  inputShape: number[];
  rows: SummaryRow[];
  totalParams: number;
  trainableParams: number;
  nonTrainableParams: number;
  /** float32 sizes in MB (2^20 bytes), as `torchsummary` reports them. */
  paramsSizeMB: number;
  /** Forward activations of one example (outputs of every layer), float32. */
  activationsSizeMB: number;
  /** Input of one example, float32. */
  inputSizeMB: number;
  /** The printable table. */
  text: string;
}
