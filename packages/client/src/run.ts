/**
 * A run a script logs into, as wandb's: `log({ loss, acc })` every step, `finish()` at the end.
 * Points are batched and retried out of sight (batcher.ts, transport.ts); `finish` sends what
 * waits, then ends the run.
 */
import { RunStatus, ScriptFinishRunDocument, ScriptLogMetricsDocument, type MetricPointInput } from '@saddle/schema';
import { Batcher, type BatchOptions } from './batcher.js';
import type { Transport } from './transport.js';

/** A value `log` takes: a number (NaN and ±Infinity too) or a boolean (stored as 0 or 1). */
export type LogValue = number | boolean;

export class SaddleRun {
  private readonly batcher: Batcher<MetricPointInput>;
  private nextStep = 0;
  private ended: RunStatus | undefined;

  constructor(
    private readonly transport: Transport,
    /** The run's id (`run(id:)`, the dashboard's /runs/<id>). */
    readonly id: string,
    /** The experiment it belongs to. */
    readonly experimentId: string,
    /** Its name, unique within the experiment. */
    readonly name: string,
    batch: BatchOptions = {},
  ) {
    this.batcher = new Batcher((points) => this.send(points), batch);
  }

  /** The status `finish` ended the run with; undefined while it is being logged. */
  get status(): RunStatus | undefined {
    return this.ended;
  }

  /**
   * Logs one step's values. `step` defaults to one more than the last step logged (0 first); a
   * value logged again for a (key, step) replaces the earlier one. Returns at once: the points
   * are sent in the background.
   */
  log(values: Readonly<Record<string, LogValue>>, step?: number): void {
    if (this.ended) throw new Error(`SaddleRun.log: run ${this.id} was finished as ${this.ended}; start another with init()`);
    const at = step ?? this.nextStep;
    if (!Number.isInteger(at) || at < 0) throw new TypeError(`SaddleRun.log: step must be an integer ≥ 0, got ${String(step)}`);
    const wallTime = Date.now();
    const points: MetricPointInput[] = [];
    for (const [key, raw] of Object.entries(values)) {
      if (typeof raw !== 'number' && typeof raw !== 'boolean') {
        throw new TypeError(`SaddleRun.log: value of ${JSON.stringify(key)} must be a number or a boolean, got ${typeof raw}`);
      }
      points.push({ key, step: at, value: encodeValue(Number(raw)), wallTime });
    }
    this.nextStep = Math.max(this.nextStep, at + 1);
    this.batcher.add(points);
  }

  /** Waits until every point logged so far is stored; rejects with the error of a batch that could not be. */
  flush(): Promise<void> {
    return this.batcher.flush();
  }

  /**
   * Sends what waits, then ends the run: SUCCEEDED by default, or FAILED / CANCELLED / DIVERGED
   * with `error` saying why. Finishing twice with the same status is a no-op.
   */
  async finish(status: RunStatus = RunStatus.SUCCEEDED, error?: string): Promise<void> {
    if (this.ended === status) return;
    try {
      await this.batcher.flush();
    } finally {
      // Even when points were lost the run is ended, so it is not left RUNNING.
      await this.transport.request(ScriptFinishRunDocument, { runId: this.id, status, error: error ?? null });
      this.ended = status;
    }
  }

  /** Ends the run as FAILED with the error's message, e.g. in a `catch` around training. */
  fail(error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    return this.finish(RunStatus.FAILED, message);
  }

  private async send(points: MetricPointInput[]): Promise<void> {
    await this.transport.request(ScriptLogMetricsDocument, { runId: this.id, points });
  }
}

/**
 * A value on the wire. GraphQL's Float cannot carry NaN or ±Infinity; the API's MetricValue takes
 * them spelled "NaN", "Infinity", "-Infinity" (stored as such; the run is marked diverged there).
 */
function encodeValue(value: number): MetricPointInput['value'] {
  if (Number.isFinite(value)) return value;
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? 'Infinity' : '-Infinity';
}
