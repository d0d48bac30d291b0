/**
 * How long a preset will take at a scale, for the CLI, the API (`Preset.expectedTime`) and the
 * New-experiment form: the median wall time of this store's own finished launches of it (same
 * scale, no overrides, default data) when there are any — measured on the machine it runs on —
 * else the engine's reference time, measured or projected on the reference machine.
 */
import type { Scale } from '@saddle/engine';
import { REFERENCE_MACHINE, REFERENCE_TIMES, isPresetId } from '../engine.js';
import type { Store } from '../store/store.js';

export type ExpectedTimeBasis = 'measured-here' | 'reference-measured' | 'reference-projected';

export interface ExpectedTime {
  seconds: number;
  basis: ExpectedTimeBasis;
  /** Launches the median is over (measured-here); 0 for reference times. */
  samples: number;
  /** Where the number comes from, in words. */
  source: string;
}

/** The newest launches looked at: enough for a stable median, bounded work per request. */
const RECENT = 5;

export async function expectedTime(store: Store, presetId: string, scale: Scale): Promise<ExpectedTime | null> {
  const seconds: number[] = [];
  let after: { createdAt: number; id: string } | undefined;
  // Pages of the preset's finished experiments, newest first, until RECENT plain launches are found.
  for (let pages = 0; pages < 10 && seconds.length < RECENT; pages++) {
    const page = await store.listExperiments({ first: 50, ...(after && { after }), filter: { preset: presetId, status: ['SUCCEEDED'] } });
    for (const experiment of page.items) {
      const plain = experiment.scale === scale && Object.keys(experiment.spec.overrides ?? {}).length === 0 && (experiment.spec.data === undefined || experiment.spec.data === 'mnist') && experiment.spec.dataset === undefined;
      if (plain && experiment.finishedAt !== null && seconds.length < RECENT) seconds.push((experiment.finishedAt - experiment.createdAt) / 1000);
    }
    const last = page.items[page.items.length - 1];
    if (!page.hasNextPage || !last) break;
    after = { createdAt: last.createdAt, id: last.id };
  }
  if (seconds.length > 0) {
    const sorted = [...seconds].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    return { seconds: median, basis: 'measured-here', samples: seconds.length, source: `median of the last ${seconds.length} launch${seconds.length === 1 ? '' : 'es'} on this server` };
  }
  if (!isPresetId(presetId)) return null;
  const reference = REFERENCE_TIMES[presetId][scale];
  return {
    seconds: reference.seconds,
    basis: reference.basis === 'measured' ? 'reference-measured' : 'reference-projected',
    samples: 0,
    source: `${reference.basis} on ${REFERENCE_MACHINE}`,
  };
}

/** "~4 min", "~2.5 h": how long, for people. */
export function formatExpected(time: ExpectedTime): string {
  const s = time.seconds;
  const text = s < 90 ? `${Math.max(1, Math.round(s))} s` : s < 5400 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`;
  return `~${text} (${time.source})`;
}
