import type { RunSpec } from '../config.js';
import type { FlatConfig } from '../config/flatten.js';
import type { Figure, PresetId, Scale } from '../experiments/types.js';
import type { RunStatus } from '../train/events.js';

/** One stored run, as a finding reads it: what the store keeps of every run. */
export interface FindingRun {
  key: string;
  group: string;
  /** Dotted paths (flattenConfig); a logged run's may hold null and empty lists or objects. */
  config: FlatConfig;
  status: RunStatus;
  /** The run's effective spec (seed, batch size, stop rule, ...); null for runs logged by scripts. */
  spec: RunSpec | null;
  steps: number | null;
  epochs: number | null;
  /** Last value of each metric (`train/loss`, `test/accuracy`, ...). */
  final: Record<string, number>;
  /** Whole metric series by key, for findings about a curve (gradient norm); absent when not loaded. */
  series?: Record<string, { step: number; value: number }[]>;
}

/** What a finding is decided from: an experiment's preset, scale, runs and analysis figures. */
export interface FindingInput {
  preset: PresetId;
  scale: Scale | null;
  runs: FindingRun[];
  figures: Figure[];
}

/**
 * `holds`: the data show the claim by the finding's stated rule. `does not hold`: they show the
 * opposite or nothing of it. `mixed`: part of the evidence each way (e.g. deep wins on one target,
 * not the other; in 3 of 5 seeds). `undecided`: too few runs or seeds to say (the scale, not the
 * science) — a quick-scale result is usually this.
 */
export type Verdict = 'holds' | 'does not hold' | 'mixed' | 'undecided';

export interface Finding {
  /** Stable id, e.g. `fit-function/deep-beats-shallow/sinc5`. */
  id: string;
  preset: PresetId;
  /** The claim HW1 makes, in one sentence. */
  claim: string;
  verdict: Verdict;
  /** The evidence in one sentence with its numbers ("deep < shallow final training loss in 2 of 5 seeds; median ratio 1.8"). */
  evidence: string;
  /** The numbers behind the evidence, for tables and reports. */
  numbers: Record<string, number>;
  /** Independent trainings (seeds) the verdict rests on. */
  seeds: number;
}
