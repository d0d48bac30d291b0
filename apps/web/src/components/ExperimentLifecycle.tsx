'use client';

import { useEffect, useState } from 'react';
import { READ_ONLY_HINT } from '../lib/Providers';
import { ConfirmButton } from './ConfirmButton';

export interface ExperimentLifecycleProps {
  name: string;
  tags: readonly string[];
  notes: string;
  canWrite: boolean;
  /** Renames the experiment; rejects with the API's message (shown beside the name field). Without it, no name field. */
  onRename?: (name: string) => Promise<void>;
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

/** The API's limit on names (LIMITS.nameLengthMax), checked here too so the field says it before a round trip. */
export const NAME_LENGTH_MAX = 200;

/** Why a name would be refused, or null: empty once trimmed, or longer than 200 characters. */
export function nameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'The name must not be empty.';
  if (trimmed.length > NAME_LENGTH_MAX) return `The name must be at most ${NAME_LENGTH_MAX} characters (it has ${trimmed.length}).`;
  return null;
}

/** The experiment's name, tags and notes, edited in place, and deleting it after a confirmation. */
export function ExperimentLifecycle({ name, tags, notes, canWrite, onRename, onSaveTags, onSaveNotes, onDelete }: ExperimentLifecycleProps) {
  const [nameDraft, setNameDraft] = useState(name);
  const [nameError, setNameError] = useState<string | null>(null);
  const [tagDraft, setTagDraft] = useState(tags.join(', '));
  const [notesDraft, setNotesDraft] = useState(notes);
  const [saving, setSaving] = useState<'name' | 'tags' | 'notes' | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  // Another tab (or a script) may change them: a reload replaces an unedited draft.
  const tagsText = tags.join(', ');
  useEffect(() => setNameDraft(name), [name]);
  useEffect(() => setTagDraft(tagsText), [tagsText]);
  useEffect(() => setNotesDraft(notes), [notes]);

  function rename() {
    if (!onRename) return;
    const problem = nameProblem(nameDraft);
    setNameError(problem);
    setMessage(null);
    if (problem) return;
    setSaving('name');
    onRename(nameDraft.trim())
      .then(() => setMessage({ kind: 'ok', text: 'Name saved.' }))
      .catch((e: unknown) => setNameError(`The name was not saved: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => setSaving(null));
  }

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
    <section className="card" aria-label={onRename ? 'Name, tags, notes and deletion' : 'Tags, notes and deletion'}>
      <div className="card-head">
        <h2>{onRename ? 'Name, tags and notes' : 'Tags and notes'}</h2>
        <ConfirmButton
          label="Delete experiment"
          question={`Delete ${name} with all its runs, series and figures? This cannot be undone.`}
          confirmLabel="Yes, delete it"
          canWrite={canWrite}
          onConfirm={onDelete}
        />
      </div>
      <div className="card-body stack" style={{ gap: 10 }}>
        {onRename ? (
          <form
            className="row"
            onSubmit={(e) => {
              e.preventDefault();
              rename();
            }}
          >
            <div className="stack" style={{ flex: 1, minWidth: 0, gap: 4 }}>
              <label className="field">
                Name
                <input
                  name="experiment-name"
                  value={nameDraft}
                  onChange={(e) => {
                    setNameDraft(e.target.value);
                    setNameError(null);
                  }}
                  disabled={!canWrite}
                  title={hint}
                  aria-invalid={nameError ? true : undefined}
                  aria-describedby={nameError ? 'experiment-name-error' : undefined}
                />
              </label>
              {nameError ? (
                <span className="field-error" id="experiment-name-error" role="alert">
                  {nameError}
                </span>
              ) : null}
            </div>
            <button type="submit" disabled={!canWrite || saving !== null || nameDraft === name} title={hint} style={{ alignSelf: nameError ? 'center' : 'flex-end' }}>
              Rename
            </button>
          </form>
        ) : null}
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
