'use client';

import { useEffect, useState } from 'react';
import { READ_ONLY_HINT } from '../../lib/Providers';

export interface NoteEditorProps {
  /** What the note is about, for the editor's accessible name (e.g. `HW1-1 Simulate a function`). */
  label: string;
  /** The stored Markdown source. */
  markdown: string;
  /**
   * The note rendered to HTML by the API and sanitised there (no scripts, event handlers or
   * `javascript:` links): one renderer for the page and the exports, so they read the same.
   */
  html: string;
  canWrite: boolean;
  /** Stores the Markdown; resolves to the stored note's HTML, or rejects with an error to show. */
  onSave: (markdown: string) => Promise<string>;
}

/** A section's comment: the rendered note, edited in place as Markdown and saved through the API. */
export function NoteEditor({ label, markdown, html, canWrite, onSave }: NoteEditorProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(markdown);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // What the API answered last: shown until the next report poll brings the same back
  const [saved, setSaved] = useState<{ markdown: string; html: string } | null>(null);
  const shownHtml = saved?.html ?? html;
  const shownMarkdown = saved?.markdown ?? markdown;

  // A poll that brings the stored note back supersedes the local copy (another tab may edit too).
  useEffect(() => {
    setSaved((previous) => (previous && previous.markdown === markdown ? null : previous));
  }, [markdown]);

  function startEditing() {
    setDraft(shownMarkdown);
    setError(null);
    setEditing(true);
  }

  async function save() {
    setSaving(true);
    setError(null);
    try {
      const stored = await onSave(draft);
      setSaved({ markdown: draft, html: stored });
      setEditing(false);
    } catch (failure) {
      setError(`The note was not saved: ${failure instanceof Error ? failure.message : String(failure)}`);
    } finally {
      setSaving(false);
    }
  }

  if (editing) {
    return (
      <div className="note-editor">
        <textarea
          aria-label={`Comment on ${label} (Markdown)`}
          value={draft}
          rows={Math.min(18, Math.max(5, draft.split('\n').length + 1))}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) void save();
            if (event.key === 'Escape') setEditing(false);
          }}
          disabled={saving}
          autoFocus
        />
        <div className="row">
          <button type="button" className="primary" onClick={() => void save()} disabled={saving}>
            {saving ? 'Saving…' : 'Save comment'}
          </button>
          <button type="button" onClick={() => setEditing(false)} disabled={saving}>
            Cancel
          </button>
          <span className="muted">Markdown: **bold**, _italic_, lists, links, `code`. Ctrl+Enter saves.</span>
        </div>
        {error ? (
          <div className="notice error" role="alert">
            {error}
          </div>
        ) : null}
      </div>
    );
  }

  const empty = shownMarkdown.trim() === '';
  return (
    <div className={empty ? 'note empty-note' : 'note'}>
      {empty ? (
        <p className="muted no-print">No comment yet.</p>
      ) : (
        // sanitised by the API (see `html` above)
        <div className="note-body" data-testid="note-body" dangerouslySetInnerHTML={{ __html: shownHtml }} />
      )}
      <button type="button" className="small no-print" onClick={startEditing} disabled={!canWrite} title={canWrite ? `Edit the comment on ${label}` : READ_ONLY_HINT}>
        {empty ? 'Add a comment' : 'Edit comment'}
      </button>
    </div>
  );
}
