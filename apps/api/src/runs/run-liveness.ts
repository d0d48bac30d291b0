/**
 * The watch over logged runs' heartbeats: every so often, a RUNNING logged run that has sent
 * nothing for the timeout becomes CRASHED (RunService.detectCrashes). Heartbeats are stored, so
 * a script that died while the API was down is judged once the API is back.
 */
import type { RunService } from './run.service.js';

export interface CrashWatchOptions {
  /** A logged run silent this long becomes CRASHED (ms). */
  timeoutMs: number;
  /** How often to look (ms). Default: a quarter of the timeout, from 250 ms to 30 s. */
  intervalMs?: number;
  /** Where a failed check is reported (it is retried at the next interval). Default console. */
  logger?: Pick<Console, 'error'>;
}

/** Starts the watch; the returned function stops it. */
export function watchForCrashes(runs: RunService, options: CrashWatchOptions): () => void {
  const since = Date.now();
  const intervalMs = options.intervalMs ?? Math.min(30_000, Math.max(250, options.timeoutMs / 4));
  const logger = options.logger ?? console;
  let checking = false;
  const timer = setInterval(() => {
    // One check at a time: a slow store must not pile them up.
    if (checking) return;
    checking = true;
    runs
      .detectCrashes(options.timeoutMs, since)
      .catch((error: unknown) => logger.error('heartbeat check failed (retried at the next interval)', error))
      .finally(() => {
        checking = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
