/**
 * A loaded data set: plain typed arrays, normalised and channels-last once at load; tensors are
 * made per batch by whoever trains. Labels are Int32 class ids for classification, Float32
 * targets for regression.
 */
export interface DataSplit {
  /** n × prod(inputShape) values, example-major, channels last. */
  x: Float32Array;
  /** n labels (Int32Array) or n regression targets (Float32Array). */
  y: Float32Array | Int32Array;
  n: number;
}

export interface Dataset {
  /** e.g. `sinc5`, `mnist`, `cifar10`. */
  name: string;
  /** Per-example shape: [1], [28, 28, 1], [32, 32, 3]. */
  inputShape: number[];
  /** 10 for the image sets, 0 for regression. */
  numClasses: number;
  train: DataSplit;
  test: DataSplit;
  /** One line for logs and the UI: what was loaded, sizes, normalisation. */
  describe: string;
  /**
   * How x was standardised, per channel (last axis): x = (x_raw − mean[c]) / std[c], x_raw the
   * pixel intensity in [0, 1]. Absent when x is as generated (the target functions). Lets an
   * analysis report a derivative with respect to the raw input: ∂f/∂x_raw = ∂f/∂x / std[c].
   */
  standardization?: { mean: number[]; std: number[] };
}

/** Where cached data lives: `$SADDLE_DATA_DIR/cache`, default `.saddle/cache` under the working directory. */
export function dataCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return `${env.SADDLE_DATA_DIR ?? '.saddle'}/cache`;
}

/** Standardise every channel (last axis) of both splits with the training split's mean and std. */
export function standardizeChannels(train: Float32Array, test: Float32Array, channels: number): { mean: number[]; std: number[] } {
  const sum = new Float64Array(channels);
  const sumSquares = new Float64Array(channels);
  for (let i = 0; i < train.length; i++) {
    const c = i % channels;
    const v = train[i]!;
    sum[c]! += v;
    sumSquares[c]! += v * v;
  }
  const count = train.length / channels;
  const mean = Array.from(sum, (s) => s / count);
  const std = Array.from(sumSquares, (s, c) => Math.sqrt(Math.max(s / count - mean[c]! ** 2, 1e-12)));
  for (const array of [train, test]) {
    for (let i = 0; i < array.length; i++) {
      const c = i % channels;
      array[i] = (array[i]! - mean[c]!) / std[c]!;
    }
  }
  return { mean, std };
}
