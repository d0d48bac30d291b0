/** What a state means where its name alone may not say it (shown on hover). */
const STATUS_HINTS: Partial<Record<string, string>> = {
  CRASHED: 'The script logging this run stopped sending anything (no heartbeat within the timeout); it can resume the run.',
  DIVERGED: 'The loss or the gradient norm was not finite.',
};

/** Run and experiment states as coloured pills (colours in globals.css, one per state). */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge ${status}`} data-status={status} title={STATUS_HINTS[status]}>
      {status.toLowerCase()}
    </span>
  );
}

/** States that ended without finishing their work: a full bar in green would read as success. */
const ENDED_SHORT = new Set(['CANCELLED', 'FAILED', 'DIVERGED', 'CRASHED']);

/**
 * A thin bar for a fraction in [0, 1]; green only when complete and (if a status is given) it
 * succeeded. A cancelled run shows how far it got, in grey; a failed one in red.
 */
export function ProgressBar({ value, label, status }: { value: number; label?: string; status?: string }) {
  const fraction = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  const ended = status !== undefined && ENDED_SHORT.has(status);
  const className = ended ? `progress ${status === 'CANCELLED' ? 'stopped' : 'failed'}` : fraction >= 1 ? 'progress done' : 'progress';
  return (
    <div className={className} role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)} aria-label={label} aria-valuetext={ended ? `${Math.round(fraction * 100)}%, ${status.toLowerCase()}` : undefined}>
      <div style={{ width: `${fraction * 100}%` }} />
    </div>
  );
}

/** Loading placeholder rows. */
export function LoadingBlock({ height = 240 }: { height?: number }) {
  return <div className="skeleton" style={{ height }} aria-busy="true" aria-label="Loading" />;
}

/** The error state of a query or mutation. */
export function ErrorNotice({ children }: { children: string }) {
  return (
    <div className="notice error" role="alert">
      {children}
    </div>
  );
}
