/** SADDLE_STALL_TIMEOUT_MS: BullMQ's lock and stalled-job check sized to the budget, bad values refused by name. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_STALL_TIMEOUT_MS, stallTimeoutFromEnv, stallTimings } from './bull-worker.js';

describe('stall timings', () => {
  it('keeps lock expiry plus one stalled-job check within the budget (default 30 s, not BullMQ’s 60 s)', () => {
    expect(stallTimeoutFromEnv({})).toBe(DEFAULT_STALL_TIMEOUT_MS);
    expect(DEFAULT_STALL_TIMEOUT_MS).toBeLessThanOrEqual(30_000);
    // Worst case: the lock expires within one interval, then two checks, one of them late by an interval.
    const { lockDuration, stalledInterval } = stallTimings(DEFAULT_STALL_TIMEOUT_MS);
    expect(lockDuration).toBeLessThanOrEqual(stalledInterval);
    expect(3 * stalledInterval).toBeLessThanOrEqual(30_000);
    expect(stallTimings(6500)).toEqual({ lockDuration: 2000, stalledInterval: 2000 });
    expect(stallTimeoutFromEnv({ SADDLE_STALL_TIMEOUT_MS: '10000' })).toBe(10_000);
  });

  it('refuses a value that is not a whole number of milliseconds ≥ 2000, naming the variable', () => {
    for (const bad of ['abc', '1500', '2500.5', '-1']) {
      expect(() => stallTimeoutFromEnv({ SADDLE_STALL_TIMEOUT_MS: bad })).toThrow(new RegExp(`^SADDLE_STALL_TIMEOUT_MS must be a whole number of milliseconds, at least 2000 .*got "${bad.replace('.', '\\.')}"$`));
    }
  });
});
