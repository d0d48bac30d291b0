/**
 * The points a run logs, sent in batches out of sight: a batch goes when `maxPoints` are waiting
 * or `intervalMs` after its first point, one request at a time and in order (so a later value of
 * a (key, step) wins, as in one batch). A batch that fails after the transport's retries is kept
 * as the error `flush()` rejects with; logging itself never waits for the network.
 */

export interface BatchOptions {
  /** Send when this many points wait (default 1000; the API takes at most 10,000 a request). */
  maxPoints?: number;
  /** Send at most this long after the first waiting point (default 250 ms). */
  intervalMs?: number;
}

export class Batcher<T> {
  private readonly maxPoints: number;
  private readonly intervalMs: number;
  private waiting: T[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(
    private readonly sendBatch: (items: T[]) => Promise<void>,
    options: BatchOptions = {},
  ) {
    this.maxPoints = Math.min(10_000, Math.max(1, options.maxPoints ?? 1000));
    this.intervalMs = Math.max(0, options.intervalMs ?? 250);
  }

  /** Items added but not yet handed to a request. */
  get pending(): number {
    return this.waiting.length;
  }

  add(items: readonly T[]): void {
    this.waiting.push(...items);
    if (this.waiting.length >= this.maxPoints) this.cut();
    else if (!this.timer && this.waiting.length > 0) {
      this.timer = setTimeout(() => this.cut(), this.intervalMs);
      // A script that has nothing else to do may end; its finish() flushes what waits.
      this.timer.unref?.();
    }
  }

  /** Sends everything added so far; rejects with the first batch that could not be sent. */
  async flush(): Promise<void> {
    this.cut();
    await this.chain;
    if (this.failure !== undefined) throw this.failure;
  }

  private cut(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxPoints);
      this.chain = this.chain.then(async () => {
        // After a failure, later batches are not sent: they would leave a hole before them.
        if (this.failure !== undefined) return;
        try {
          await this.sendBatch(batch);
        } catch (error) {
          this.failure = error;
        }
      });
    }
  }
}
