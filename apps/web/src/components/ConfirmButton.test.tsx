import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmButton } from './ConfirmButton';

describe('ConfirmButton', () => {
  it('asks first, acts only on the confirming button, and "Keep" backs out without acting', async () => {
    const onConfirm = vi.fn(async () => {});
    render(<ConfirmButton label="Cancel run" question="Cancel run lr=0.1?" confirmLabel="Yes, cancel it" canWrite onConfirm={onConfirm} />);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel run' }));
    expect(screen.getByRole('group', { name: 'Cancel run lr=0.1?' })).toBeTruthy();
    // The safe choice has the focus: Enter straight after the first click keeps the run.
    expect(document.activeElement?.textContent).toBe('Keep');
    fireEvent.click(screen.getByRole('button', { name: 'Keep' }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.queryByRole('group')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Cancel run' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel it' }));
    await waitFor(() => expect(screen.queryByRole('group')).toBeNull());
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('keeps the question open and shows the API message when the action fails', async () => {
    const onConfirm = vi.fn(async () => {
      throw new Error('The run has already ended (CONFLICT).');
    });
    render(<ConfirmButton label="Delete" question="Delete it?" confirmLabel="Yes, delete it" canWrite onConfirm={onConfirm} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete it' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The run has already ended (CONFLICT).'));
    expect(screen.getByRole('group', { name: 'Delete it?' })).toBeTruthy();
  });

  it('is disabled with a read-only token, naming why on hover', () => {
    render(<ConfirmButton label="Delete" question="Delete it?" confirmLabel="Yes" canWrite={false} onConfirm={vi.fn()} />);
    const button = screen.getByRole('button', { name: 'Delete' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.title).toMatch(/read-only|write/i);
  });
});
