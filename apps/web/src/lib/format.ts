/** Durations as people read them: 850 ms, 12.4 s, 3 m 05 s, 1 h 02 m. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} m ${String(Math.floor(seconds % 60)).padStart(2, '0')} s`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${String(minutes % 60).padStart(2, '0')} m`;
}

/** A timestamp (ISO string or ms) relative to `now`: `just now`, `5 min ago`, else the local date and time. */
export function formatWhen(value: string | number | null | undefined, now = Date.now()): string {
  if (value === null || value === undefined) return '—';
  const time = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(time)) return '—';
  const ago = now - time;
  if (ago < 45_000) return 'just now';
  if (ago < 3_600_000) return `${Math.round(ago / 60_000)} min ago`;
  if (ago < 86_400_000) return `${Math.round(ago / 3_600_000)} h ago`;
  return new Date(time).toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Milliseconds between two timestamps (ISO strings), or from `start` to now while running. */
export function elapsed(start: string | null | undefined, end: string | null | undefined, now = Date.now()): number | null {
  if (!start) return null;
  const from = Date.parse(start);
  const to = end ? Date.parse(end) : now;
  return Number.isFinite(from) && Number.isFinite(to) ? Math.max(0, to - from) : null;
}

/** 34634 → 34,634. */
export function formatInt(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toLocaleString('en-US');
}

/**
 * What is left of an ETA the API computed (`etaSeconds`, from the rate so far) at `readAt`,
 * counted down to `now` between reads, as "about 1 m 05 s left"; '—' while it is unknown.
 */
export function formatEta(etaSeconds: number | null | undefined, readAt: number, now = Date.now()): string {
  if (etaSeconds === null || etaSeconds === undefined || !Number.isFinite(etaSeconds)) return '—';
  const left = Math.max(0, etaSeconds * 1000 - Math.max(0, now - readAt));
  return left < 1000 ? 'less than 1 s left' : `about ${formatDuration(left)} left`;
}
