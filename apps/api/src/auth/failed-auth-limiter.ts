/**
 * Failed bearer-token checks per client address, so tokens cannot be guessed at network speed.
 * A fixed window per address: after `maxFailures` wrong tokens within `windowMs`, every token
 * from that address is refused (right ones too, or the refusals would tell a guesser when it hit)
 * until the window ends. In memory, per API process: with several replicas behind a load balancer
 * each keeps its own count, which still bounds a guesser to `replicas × maxFailures` per window.
 */

export interface FailedAuthLimitOptions {
  /** Wrong tokens an address may present per window before it is refused. Default 10. */
  maxFailures?: number;
  /** Window length in milliseconds. Default 60 000 (one minute). */
  windowMs?: number;
  /** The clock, for tests. Default `Date.now`. */
  now?: () => number;
}

interface Window {
  failures: number;
  endsAt: number;
}

/** Above this many addresses expired windows are swept, so a scan from many addresses cannot grow memory without bound. */
const SWEEP_AT = 10_000;

export class FailedAuthLimiter {
  readonly maxFailures: number;
  readonly windowMs: number;
  private readonly now: () => number;
  private readonly windows = new Map<string, Window>();

  constructor(options: FailedAuthLimitOptions = {}) {
    this.maxFailures = options.maxFailures ?? 10;
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now ?? Date.now;
    if (!Number.isInteger(this.maxFailures) || this.maxFailures < 1) throw new Error(`FailedAuthLimiter: maxFailures must be an integer ≥ 1, got ${this.maxFailures}`);
    if (!(this.windowMs > 0)) throw new Error(`FailedAuthLimiter: windowMs must be > 0, got ${this.windowMs}`);
  }

  /** Milliseconds until this address may try a token again; 0 when it may now. */
  retryAfterMs(address: string): number {
    const window = this.windows.get(address);
    if (!window) return 0;
    const left = window.endsAt - this.now();
    if (left <= 0) {
      this.windows.delete(address);
      return 0;
    }
    return window.failures >= this.maxFailures ? left : 0;
  }

  /** Counts one wrong token from this address. */
  recordFailure(address: string): void {
    const now = this.now();
    const window = this.windows.get(address);
    if (window && window.endsAt > now) {
      window.failures += 1;
      return;
    }
    if (this.windows.size >= SWEEP_AT) {
      for (const [key, value] of this.windows) if (value.endsAt <= now) this.windows.delete(key);
    }
    this.windows.set(address, { failures: 1, endsAt: now + this.windowMs });
  }
}
