/**
 * Time left from the rate so far: one implementation for the CLI's progress lines, `Run.etaSeconds`
 * and `Experiment.etaSeconds` (a suite's ETA is different: it is estimated from the presets'
 * expected times before anything has run, reports/suite.service.ts).
 */

/**
 * Seconds left at the rate so far — the time spent × (1 − fraction) / fraction — or undefined while
 * it cannot be known: not started, nothing done yet (so a queued run never shows "ETA 0s"), or done.
 */
export function etaSeconds(fraction: number, startedAt: number | null | undefined, now: number): number | undefined {
  if (startedAt === null || startedAt === undefined || !Number.isFinite(fraction) || fraction <= 0 || fraction >= 1) return undefined;
  return (Math.max(0, now - startedAt) / 1000) * ((1 - fraction) / fraction);
}
