'use client';

import { WebLaunchExperimentDocument, type LaunchExperimentInput } from '@saddle/schema';
import { useRouter } from 'next/navigation';
import type { FormEvent, ReactNode } from 'react';
import { useMutation } from 'urql';
import type { FieldErrors } from '../lib/errors';
import { READ_ONLY_HINT, useCanWrite } from '../lib/Providers';
import { ErrorNotice } from './StatusBadge';

export interface LaunchDialogProps {
  /** The dialog's head: its title and the Preset / Custom / Clone switch (NewExperiment's). */
  header: ReactNode;
  onClose: () => void;
  onSubmit: (event: FormEvent) => void;
  /** The launch is in flight: the button says so and waits. */
  launching: boolean;
  /** Nothing to launch yet (the catalogue or zoo still loading); a read-only session is handled here. */
  disabled?: boolean;
  /** The launch's errors; those whose field `shownBeside` says has its own place are left to it. */
  errors: FieldErrors;
  /** Whether a field's error is already shown beside its input (default: none is). */
  shownBeside?: (field: string) => boolean;
  /** The form's fields. */
  children: ReactNode;
}

/**
 * The frame every New-experiment form shares (preset, custom, cloned spec): the dialog, its head,
 * the fields, the errors no field shows (as `field: message`) and the general ones, and Cancel /
 * Launch, which a read-only session cannot press.
 */
export function LaunchDialog({ header, onClose, onSubmit, launching, disabled = false, errors, shownBeside = () => false, children }: LaunchDialogProps) {
  const canWrite = useCanWrite();
  return (
    <form className="card modal" role="dialog" aria-label="New experiment" onClick={(e) => e.stopPropagation()} onSubmit={onSubmit}>
      {header}
      <div className="card-body stack">
        {children}
        {Object.entries(errors.byField)
          .filter(([field]) => !shownBeside(field))
          .map(([field, message]) => (
            <ErrorNotice key={field}>{`${field}: ${message}`}</ErrorNotice>
          ))}
        {errors.general.map((message) => (
          <ErrorNotice key={message}>{message}</ErrorNotice>
        ))}
      </div>
      <div className="row" style={{ justifyContent: 'flex-end', padding: '0 16px 16px' }}>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={disabled || launching || !canWrite} title={canWrite ? undefined : READ_ONLY_HINT}>
          {launching ? 'Launching…' : 'Launch'}
        </button>
      </div>
    </form>
  );
}

/**
 * launchExperiment as every New-experiment form does it: the mutation's state (for the button and
 * `fieldErrors`), and a launch that, once the API accepts it, closes the dialog and opens the new
 * experiment's page. A refusal stays in `launch.error`, for the form to show by field.
 */
export function useLaunchExperiment(onClose: () => void) {
  const router = useRouter();
  const [launch, runLaunch] = useMutation(WebLaunchExperimentDocument);
  const launchAndOpen = async (input: LaunchExperimentInput): Promise<void> => {
    const result = await runLaunch({ input });
    const id = result.data?.launchExperiment.id;
    if (id) {
      onClose();
      router.push(`/experiments/${id}`);
    }
  };
  return { launch, launchAndOpen };
}
