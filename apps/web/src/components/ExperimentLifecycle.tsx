'use client';

import { useEffect, useState } from 'react';
import { READ_ONLY_HINT } from '../lib/Providers';
import { ConfirmButton } from './ConfirmButton';

export interface ExperimentLifecycleProps {
  name: string;
  tags: readonly string[];
  notes: string;
  canWrite: boolean;
  /** Stores the tags (the old ones replaced); rejects with the API's message. */
  onSaveTags: (tags: string[]) => Promise<void>;
  /** Stores the notes (empty clears them); rejects with the API's message. */
  onSaveNotes: (notes: string) => Promise<void>;
  /** Deletes the experiment with its runs and figures; the caller navigates away. */
  onDelete: () => Promise<void>;
}

/** Tags as typed in one field: split on commas, trimmed, empty and repeated ones dropped. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((t) => t.trim()).filter((t) => t !== ''))];
}

/** The experiment's tags and notes, edited in place, and deleting it after a confirmation. */
export function ExperimentLifecycle({ name, tags, notes, canWrite, onSaveTags, onSaveNotes, onDelete }: ExperimentLifecycleProps) {
  const [tagDraft, setTagDraft] = useState(tags.join(', '));
  const [notesDraft, setNotesDraft] = useState(notes);
  const [saving, setSaving] = useState<'tags' | 'notes' | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  // Another tab (or a script) may change them: a reload replaces an unedited draft.
  const tagsText = tags.join(', ');
  useEffect(() => setTagDraft(tagsText), [tagsText]);
  useEffect(() => setNotesDraft(notes), [notes]);

  function save(what: 'tags' | 'notes') {
    setSaving(what);
    setMessage(null);
    const done = what === 'tags' ? onSaveTags(parseTags(tagDraft)) : onSaveNotes(notesDraft);
    done
      .then(() => setMessage({ kind: 'ok', text: what === 'tags' ? 'Tags saved.' : 'Notes saved.' }))
      .catch((e: unknown) => setMessage({ kind: 'error', text: `The ${what} were not saved: ${e instanceof Error ? e.message : String(e)}` }))
      .finally(() => setSaving(null));
  }

  const hint = canWrite ? undefined : READ_ONLY_HINT;
  return (
    <section className="card" aria-label="Tags, notes and deletion">
      <div className="card-head">
        <h2>Tags and notes</h2>
        <ConfirmButton
          label="Delete experiment"
          question={`Delete ${name} with all its runs, series and figures? This cannot be undone.`}
          confirmLabel="Yes, delete it"
          canWrite={canWrite}
          onConfirm={onDelete}
        />
      </div>
      <div className="card-body stack" style={{ gap: 10 }}>
        <div className="row">
          <label className="field" style={{ flex: 1, minWidth: 0 }}>
            Tags (comma-separated)
            <input value={tagDraft} onChange={(e) => setTagDraft(e.target.value)} disabled={!canWrite} title={hint} />
          </label>
          <button type="button" disabled={!canWrite || saving !== null || tagDraft === tagsText} title={hint} onClick={() => save('tags')} style={{ alignSelf: 'flex-end' }}>
            Save tags
          </button>
        </div>
        <div className="row">
          <label className="field" style={{ flex: 1, minWidth: 0 }}>
            Notes
            <textarea rows={3} value={notesDraft} onChange={(e) => setNotesDraft(e.target.value)} disabled={!canWrite} title={hint} />
          </label>
          <button type="button" disabled={!canWrite || saving !== null || notesDraft === notes} title={hint} onClick={() => save('notes')} style={{ alignSelf: 'flex-end' }}>
            Save notes
          </button>
        </div>
        {message ? (
          <div className={message.kind === 'error' ? 'field-error' : 'muted'} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </div>
        ) : null}
      </div>
    </section>
  );
}
