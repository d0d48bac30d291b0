'use client';

import { useState } from 'react';
import { READ_ONLY_HINT } from '../lib/Providers';

export interface ConfirmButtonProps {
  /** The button's label, e.g. `Cancel run`. */
  label: string;
  /** The question asked before acting, naming what is lost, e.g. `Cancel run lr=0.1? Its training stops.` */
  question: string;
  /** The confirming button's label, e.g. `Yes, cancel it`. */
  confirmLabel: string;
  canWrite: boolean;
  small?: boolean;
  /** Does the destructive thing; a rejection's message is shown beside the buttons. */
  onConfirm: () => Promise<void>;
}

/**
 * A destructive action behind an inline confirmation (not window.confirm: it stays in the page's
 * focus order, is styled like the rest, and a keyboard user reaches "Keep" first).
 */
export function ConfirmButton({ label, question, confirmLabel, canWrite, small, onConfirm }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const size = small ? 'small ' : '';
  if (!asking) {
    return (
      <button
        type="button"
        className={`${size}danger`}
        disabled={!canWrite}
        title={canWrite ? undefined : READ_ONLY_HINT}
        onClick={(e) => {
          e.stopPropagation();
          setError(null);
          setAsking(true);
        }}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question} onClick={(e) => e.stopPropagation()}>
      <span className="confirm-question">{question}</span>
      <button type="button" className={small ? 'small' : undefined} autoFocus onClick={() => setAsking(false)} disabled={busy}>
        Keep
      </button>
      <button
        type="button"
        className={`${size}danger`}
        disabled={busy}
        onClick={() => {
          setBusy(true);
          onConfirm()
            .then(() => setAsking(false))
            .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
            .finally(() => setBusy(false));
        }}
      >
        {confirmLabel}
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
