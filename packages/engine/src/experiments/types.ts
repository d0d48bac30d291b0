import type { DataSpec, RunSpec } from '../config.js';
import type { FlatConfig } from '../config/flatten.js';
import type { MetricPoint, RunEnd } from '../train/events.js';

/**
 * How big a preset runs. `quick`: the whole catalogue in minutes on two cores, for CI and a first
 * look; it shows every figure but decides nothing. `standard`: the whole catalogue in about an
 * hour on two cores, with the seeds and training that decide each HW1 finding one way or the
 * other. `full`: HW1's own scale (hours).
 */
export type Scale = 'quick' | 'standard' | 'full';

export const SCALES: readonly Scale[] = ['quick', 'standard', 'full'];

export type PresetId =
  | 'fit-function'
  | 'train-cnn'
  | 'pca-trajectories'
  | 'gradient-norm'
  | 'minimal-ratio'
  | 'loss-landscape'
  | 'random-labels'
  | 'params-vs-generalization'
  | 'interpolation'
  | 'sensitivity';

/** One run of a preset's sweep. */
export interface PresetRun {
  /** Unique within the experiment and stable across scales, e.g. `deep/sinc5` or `bs64`. */
  key: string;
  /** Runs with the same group are one curve family in charts (mean ± band). */
  group: string;
  /** Config values a user may group or filter by, e.g. { model: 'deep', batchSize: 64 }. */
  config: Record<string, string | number | boolean>;
  spec: RunSpec;
}

/** What a finished run hands to its preset's analyses. */
export interface RunArtifacts {
  key: string;
  group: string;
  config: FlatConfig;
  spec: RunSpec;
  end: RunEnd;
  snapshots: { step: number; epoch: number; theta: Float32Array; state: Float32Array }[];
  /**
   * The run's metric series, when the caller kept them (`runPresetLocally` does). Analyses never
   * need them; they let a result document carry the metric figures' data too.
   */
  metrics?: MetricPoint[];
}

/** Axis of a figure. */
export interface AxisSpec {
  label: string;
  /**
   * `symlog`: sign(v)·log10(1 + |v|/c) with c = SYMLOG_RELATIVE_CONSTANT × the axis' largest |v|,
   * so values of both signs spanning decades (a Hessian spectrum: a few large positive outliers,
   * small negative eigenvalues near 0) all show; linear within ±c.
   */
  scale: 'linear' | 'log' | 'symlog';
}

/** A symlog axis is linear within ±(this × its largest |value|): four decades below the largest are resolved. */
export const SYMLOG_RELATIVE_CONSTANT = 1e-4;

/**
 * How a figure is drawn. Metric figures are drawn live from the runs' metric series;
 * the others come from `Preset.analyze` when the runs are done.
 */
export type FigureSpec =
  | {
      id: string;
      title: string;
      kind: 'metric-lines';
      /** Metric keys drawn, one panel each (twin panels for two). */
      metrics: string[];
      x: 'step' | 'epoch';
      yScale: 'linear' | 'log';
    }
  | { id: string; title: string; kind: 'lines' | 'scatter' | 'paths' | 'grid' | 'histogram' };

export interface XY {
  x: number;
  y: number;
}

/** One choice of a scatter's y (e.g. the minimal ratio over all eigenvalues, or over the non-flat ones). */
export interface ScatterView {
  id: string;
  /** What the view shows, for the switch and the caption. */
  label: string;
  y: AxisSpec;
  /** The key of `meta` that holds this view's y at every point. */
  metaKey: string;
}

export type FigureData =
  | {
      kind: 'lines';
      x: AxisSpec;
      y: AxisSpec;
      series: {
        label: string;
        group?: string;
        runKey?: string;
        dashed?: boolean;
        /**
         * `marked` points are drawn with a marker; `markedLabel` says what a marker means. `error`
         * is the half-length of the point's error bar (one standard error; the title says over what).
         */
        points: (XY & { marked?: boolean; error?: number })[];
        markedLabel?: string;
      }[];
    }
  | {
      kind: 'scatter';
      x: AxisSpec;
      y: AxisSpec;
      points: (XY & { label?: string; runKey?: string; group?: string; marked?: boolean; meta?: Record<string, number | string | boolean | number[]> })[];
      /**
       * Other definitions of y the viewer can switch to: each reads its y from `meta[metaKey]` of
       * every point. The first view is the one `y`/`points[].y` already show.
       */
      views?: ScatterView[];
      /** What a `marked` point means (its legend entry), e.g. "did not converge". */
      markedLabel?: string;
    }
  | {
      kind: 'paths';
      x: AxisSpec;
      y: AxisSpec;
      /** Fraction of variance along each plotted axis. */
      explainedVariance: number[];
      /** Choices the viewer can switch between (whole model or one layer). */
      views: { id: string; label: string; /** This view's own explained variance per axis. */ explainedVariance?: number[]; paths: { label: string; runKey?: string; points: (XY & { epoch: number; loss?: number; accuracy?: number })[] }[] }[];
    }
  | {
      kind: 'grid';
      x: AxisSpec;
      y: AxisSpec;
      xs: number[];
      ys: number[];
      /** values[j][i] at (xs[i], ys[j]). */
      values: number[][];
      valueLabel: string;
      path?: (XY & { epoch?: number })[];
      /** 1-D slices through the centre along each axis. */
      slices?: { label: string; points: XY[] }[];
    }
  | {
      kind: 'histogram';
      x: AxisSpec;
      y: AxisSpec;
      bins: { x0: number; x1: number; count: number }[];
      series?: string;
    };

export interface Figure {
  id: string;
  title: string;
  data: FigureData;
}

/** A registered dataset as a preset needs it: the name, and the shape and classes the registry records. */
export interface PresetDataset {
  name: string;
  inputShape: number[];
  /** 0 for a regression set (which the classification presets refuse). */
  numClasses: number;
}

/** Options a user gives when launching a preset. */
export interface PresetOptions {
  scale: Scale;
  /** Where the classification presets take their images from; MNIST (embedded) by default. */
  data?: DataSpec['kind'];
  /**
   * A registered dataset the classification presets train on instead of `data` (`saddle run
   * train-cnn --data wine`): its name with the registry's shape and classes, which the API fills
   * in. The zoo models' last dense layer gets one unit per class; a regression set is refused.
   */
  dataset?: PresetDataset;
  /** Dotted-path overrides applied to every run spec, e.g. { 'epochs': 5, 'optimizer.lr': 0.01 }, plus preset knobs like 'runs'. */
  overrides?: Record<string, unknown>;
}

/** A preset's own setting (beyond RunSpec paths), e.g. `runs`, with its default per scale. */
export interface PresetKnob {
  key: string;
  description: string;
  quick: number | string | boolean;
  standard: number | string | boolean;
  full: number | string | boolean;
  /** When present, the only values allowed (compared as strings). */
  choices?: string[];
  /** Numbers: the least value allowed. */
  min?: number;
  /** Numbers: must be a whole number. */
  integer?: boolean;
}

export interface Preset {
  id: PresetId;
  title: string;
  description: string;
  figures: FigureSpec[];
  /** The knobs of this preset (beyond RunSpec paths) with their defaults per scale, for forms. */
  knobs: PresetKnob[];
  runs(options: PresetOptions): PresetRun[];
  /** Turn finished runs into the analysis figures; `onProgress` reports a fraction in [0, 1]. */
  analyze(runs: RunArtifacts[], options: PresetOptions, onProgress?: (fraction: number) => void): Promise<Figure[]>;
}

export type { MetricPoint };
