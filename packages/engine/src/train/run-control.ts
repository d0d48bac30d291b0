/** Pieces shared by the single-run loop (`train.ts`) and the ensemble loop (`ensemble.ts`). */
import type { MetricPoint, RunEnd, TrainSink } from './events.js';

/** Thrown inside a loop to end a run early with a status other than FAILED. */
export class RunStop extends Error {
  constructor(readonly status: 'CANCELLED' | 'DIVERGED', message: string, readonly step?: number) {
    super(message);
  }
}

/** Collects metric points and sends them to the sink in batches, not one event per point. */
export class MetricBuffer {
  private points: MetricPoint[] = [];
  /** The last value of every key, for `RunEnd.final`. */
  readonly last: Record<string, number> = {};
  constructor(private readonly sink: TrainSink, private readonly flushSize: number) {}
  add(key: string, step: number, value: number, epoch?: number): void {
    this.points.push({ key, step, value, wallTime: Date.now(), ...(epoch === undefined ? {} : { epoch }) });
    this.last[key] = value;
    if (this.points.length >= this.flushSize) this.flush();
  }
  flush(): void {
    if (this.points.length === 0) return;
    const points = this.points;
    this.points = [];
    this.sink({ type: 'metrics', points });
  }
}

/** Let timers and abort signals in, then check the signal. */
export async function checkpoint(signal: AbortSignal | undefined, step: number): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (signal?.aborted) throw new RunStop('CANCELLED', `cancelled at step ${step}`);
}

/** How many steps between progress events: about 100 per run. */
export const progressInterval = (totalSteps: number): number => Math.max(1, Math.round(totalSteps / 100));

/**
 * Where a run's θ was taken when no zero-gradient phase moved it: at its last step, where a
 * SUCCEEDED run was last evaluated (so `train/loss` is of these weights); for a run stopped early
 * the last evaluation may be older, so no loss is claimed.
 */
export function endWeightsAt(status: RunEnd['status'], step: number, epoch: number, last: Record<string, number> | undefined): NonNullable<RunEnd['weightsAt']> {
  const loss = status === 'SUCCEEDED' ? last?.['train/loss'] : undefined;
  return { step, epoch, ...(loss !== undefined ? { loss } : {}) };
}
