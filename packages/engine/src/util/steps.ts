/**
 * Long analyses written once as generators that yield their fraction done after each chunk (a
 * batch of grid points, one α, one ascent step), and driven two ways: `runSteps` at once for
 * callers that want a plain function, `runStepsAsync` with a turn of the event loop between
 * chunks, so a worker can hear a cancellation (a timer, an IPC message) and stop at the next chunk.
 */

/** A computation in chunks: yields the fraction done in [0, 1] after each, returns the result. */
export type Steps<T> = Generator<number, T, void>;

/** Runs every chunk at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export interface StepHooks {
  onProgress?: (fraction: number) => void;
  /** Checked before every chunk: once aborted, the generator is closed (its `finally` disposes) and the reason thrown. */
  signal?: AbortSignal;
}

/** Runs the chunks with a macrotask between them (timers and messages run there), reporting progress. */
export async function runStepsAsync<T>(steps: Steps<T>, hooks: StepHooks = {}): Promise<T> {
  try {
    for (;;) {
      hooks.signal?.throwIfAborted();
      const next = steps.next();
      if (next.done) return next.value;
      hooks.onProgress?.(next.value);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    // A no-op once done; on an abort or an error it runs the generator's `finally` blocks.
    steps.return(undefined as never);
  }
}
