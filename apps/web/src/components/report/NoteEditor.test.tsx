import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { NoteEditor } from './NoteEditor';

describe('NoteEditor', () => {
  it('shows the rendered note, edits its Markdown in place and shows what the API stored', async () => {
    const onSave = vi.fn(async (markdown: string) => `<p>${markdown.replace(/\*\*(.+)\*\*/, '<strong>$1</strong>')}</p>`);
    render(<NoteEditor label="HW1-1" markdown="Deep wins." html="<p>Deep wins.</p>" canWrite onSave={onSave} />);
    expect(screen.getByTestId('note-body').innerHTML).toBe('<p>Deep wins.</p>');
    fireEvent.click(screen.getByRole('button', { name: 'Edit comment' }));
    const editor = screen.getByRole('textbox', { name: 'Comment on HW1-1 (Markdown)' });
    expect((editor as HTMLTextAreaElement).value).toBe('Deep wins.');
    fireEvent.change(editor, { target: { value: 'Deep wins **twice**.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save comment' }));
    await waitFor(() => expect(screen.getByTestId('note-body').innerHTML).toBe('<p>Deep wins <strong>twice</strong>.</p>'));
    expect(onSave).toHaveBeenCalledWith('Deep wins **twice**.');
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('keeps the draft and says why when saving fails', async () => {
    const onSave = vi.fn(async () => {
      throw new Error('markdown: at most 20000 characters');
    });
    render(<NoteEditor label="HW1-2" markdown="" html="" canWrite onSave={onSave} />);
    expect(screen.getByText('No comment yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add a comment' }));
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'draft' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save comment' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The note was not saved: markdown: at most 20000 characters'));
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('draft');
  });

  it('cannot be edited with a read-only token', () => {
    render(<NoteEditor label="HW1-3" markdown="x" html="<p>x</p>" canWrite={false} onSave={vi.fn()} />);
    expect((screen.getByRole('button', { name: 'Edit comment' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
