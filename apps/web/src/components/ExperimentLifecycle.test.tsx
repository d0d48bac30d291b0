import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ExperimentLifecycle, nameProblem, parseTags } from './ExperimentLifecycle';

const noop = async () => {};

describe('parseTags', () => {
  it('splits on commas, trims, and drops empty and repeated tags', () => {
    expect(parseTags(' hw1, deep ,, hw1 ,final ')).toEqual(['hw1', 'deep', 'final']);
    expect(parseTags('  ')).toEqual([]);
  });
});

describe('ExperimentLifecycle', () => {
  it('saves edited tags as a list and notes as typed, saying each was saved', async () => {
    const onSaveTags = vi.fn(async (_tags: string[]) => {});
    const onSaveNotes = vi.fn(async (_notes: string) => {});
    render(<ExperimentLifecycle name="hw1-1" tags={['hw1']} notes="" canWrite onSaveTags={onSaveTags} onSaveNotes={onSaveNotes} onDelete={noop} />);
    const save = screen.getByRole('button', { name: 'Save tags' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true); // nothing changed yet
    fireEvent.change(screen.getByRole('textbox', { name: 'Tags (comma-separated)' }), { target: { value: 'hw1, deep' } });
    fireEvent.click(save);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Tags saved.'));
    expect(onSaveTags).toHaveBeenCalledWith(['hw1', 'deep']);

    fireEvent.change(screen.getByRole('textbox', { name: 'Notes' }), { target: { value: 'lr 0.1 diverges' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save notes' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Notes saved.'));
    expect(onSaveNotes).toHaveBeenCalledWith('lr 0.1 diverges');
  });

  it('keeps the draft and shows the API error when saving fails', async () => {
    const onSaveTags = vi.fn(async () => {
      throw new Error('tags[0]: at most 64 characters');
    });
    render(<ExperimentLifecycle name="e" tags={[]} notes="" canWrite onSaveTags={onSaveTags} onSaveNotes={noop} onDelete={noop} />);
    const input = screen.getByRole('textbox', { name: 'Tags (comma-separated)' }) as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'x'.repeat(70) } });
    fireEvent.click(screen.getByRole('button', { name: 'Save tags' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The tags were not saved: tags[0]: at most 64 characters'));
    expect(input.value).toBe('x'.repeat(70));
  });

  it('deletes only after the confirmation that names the experiment', async () => {
    const onDelete = vi.fn(async () => {});
    render(<ExperimentLifecycle name="hw1-3 fit random labels" tags={[]} notes="" canWrite onSaveTags={noop} onSaveNotes={noop} onDelete={onDelete} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete experiment' }));
    expect(onDelete).not.toHaveBeenCalled();
    expect(screen.getByText(/Delete hw1-3 fit random labels with all its runs, series and figures\? This cannot be undone\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete it' }));
    await waitFor(() => expect(onDelete).toHaveBeenCalledTimes(1));
  });

  it('is read-only without a write token', () => {
    render(<ExperimentLifecycle name="e" tags={['a']} notes="n" canWrite={false} onSaveTags={noop} onSaveNotes={noop} onDelete={noop} />);
    expect((screen.getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Delete experiment' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('renames, trimmed, saying so', async () => {
    const onRename = vi.fn(async (_name: string) => {});
    render(<ExperimentLifecycle name="lr sweep" tags={[]} notes="" canWrite onRename={onRename} onSaveTags={noop} onSaveNotes={noop} onDelete={noop} />);
    const rename = screen.getByRole('button', { name: 'Rename' }) as HTMLButtonElement;
    expect(rename.disabled).toBe(true); // unchanged
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: '  lr sweep, take 2 ' } });
    fireEvent.click(rename);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Name saved.'));
    expect(onRename).toHaveBeenCalledWith('lr sweep, take 2');
  });

  it('refuses an empty or too long name beside the field, without asking the API', () => {
    const onRename = vi.fn(async (_name: string) => {});
    render(<ExperimentLifecycle name="e" tags={[]} notes="" canWrite onRename={onRename} onSaveTags={noop} onSaveNotes={noop} onDelete={noop} />);
    const input = screen.getByRole('textbox', { name: 'Name' });
    fireEvent.change(input, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    expect(screen.getByRole('alert').textContent).toBe('The name must not be empty.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    fireEvent.change(input, { target: { value: 'x'.repeat(201) } });
    expect(screen.queryByRole('alert')).toBeNull(); // typing clears the old complaint
    fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    expect(screen.getByRole('alert').textContent).toBe('The name must be at most 200 characters (it has 201).');
    expect(onRename).not.toHaveBeenCalled();
    expect(nameProblem('x'.repeat(200))).toBeNull();
  });

  it('shows the API’s refusal of a name beside the field and keeps the draft', async () => {
    const onRename = vi.fn(async () => {
      throw new Error('name must not be empty or longer than 200 characters');
    });
    render(<ExperimentLifecycle name="e" tags={[]} notes="" canWrite onRename={onRename} onSaveTags={noop} onSaveNotes={noop} onDelete={noop} />);
    const input = screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'new name' } });
    fireEvent.submit(input.form!);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The name was not saved: name must not be empty or longer than 200 characters'));
    expect(input.value).toBe('new name');
  });
});
