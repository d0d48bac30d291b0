/**
 * How long each preset takes at each scale on the reference machine: measured wall times of the
 * whole experiment (training + analyses, two local workers, `saddle run`) where we ran it, and
 * projections where a run takes longer than a session: the `standard` wall time scaled by the
 * ratio of training work (runs × images × epochs, × 1.4 for MNIST resampled to 32×32×3) and of
 * analysis work (grid points, samples). The API prefers what its own store measured (same preset and
 * scale, no overrides); these are the fallback, labelled as what they are.
 */
import type { PresetId, Scale } from './types.js';

export interface ReferenceTime {
  seconds: number;
  /** `measured`: a whole run of the preset took this long; `projected`: estimated from step rates. */
  basis: 'measured' | 'projected';
}

/** The machine the reference times are from. */
export const REFERENCE_MACHINE = '2-core Intel Xeon, 24 GiB, wasm backend (2026-12-01)';

const measured = (seconds: number): ReferenceTime => ({ seconds, basis: 'measured' });
const projected = (seconds: number): ReferenceTime => ({ seconds, basis: 'projected' });

/**
 * `saddle run <preset> --scale <scale>` on REFERENCE_MACHINE, two local workers, one preset at a
 * time — but full train-cnn and random-labels ran side by side, so alone they take less
 * (docs/findings.md has the runs, and how each projection was made).
 */
export const REFERENCE_TIMES: Readonly<Record<PresetId, Readonly<Record<Scale, ReferenceTime>>>> = {
  'fit-function': { quick: measured(2.6), standard: measured(16), full: measured(73) },
  'train-cnn': { quick: measured(3.9), standard: measured(265), full: measured(3254) },
  'pca-trajectories': { quick: measured(1.9), standard: measured(2.6), full: measured(3.2) },
  'gradient-norm': { quick: measured(1.6), standard: measured(18), full: measured(186) },
  'minimal-ratio': { quick: measured(2.4), standard: measured(34), full: measured(34) },
  'loss-landscape': { quick: measured(4.1), standard: measured(67), full: measured(1170) },
  'random-labels': { quick: measured(4.4), standard: measured(123), full: measured(3899) },
  'params-vs-generalization': { quick: measured(4.2), standard: measured(1041), full: projected(17_500) },
  interpolation: { quick: measured(11), standard: measured(76), full: measured(223) },
  sensitivity: { quick: measured(22), standard: measured(449), full: projected(2680) },
};
