'use client';

import type { LaunchExperimentInput } from '@saddle/schema';
import { useState, type FormEvent, type ReactNode } from 'react';
import { fieldErrors } from '../lib/errors';
import { cloneName, type ExperimentClone } from './experiment-clone';
import { LaunchDialog, useLaunchExperiment } from './LaunchDialog';
import { ErrorNotice } from './StatusBadge';

/** The parts of a spec launch the JSON field holds: the spec (its overrides applied), its sweep and seeds. */
export function specCloneText(input: Record<string, unknown>): string {
  const { spec, sweep, seeds } = input;
  return JSON.stringify({ spec, ...(sweep !== undefined && { sweep }), ...(seeds !== undefined && { seeds }) }, null, 2);
}

/** The JSON field → launchExperiment's input, or why it cannot be one (not JSON, not an object, unknown keys). */
export function parseSpecClone(text: string, name: string, tags: string): { input: LaunchExperimentInput; error?: undefined } | { input?: undefined; error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { error: `The launch is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { error: 'The launch must be a JSON object { "spec": …, "sweep": …, "seeds": … }.' };
  const record = parsed as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !['spec', 'sweep', 'seeds', 'overrides'].includes(key));
  if (unknown.length > 0) return { error: `Unknown field${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}: the launch takes spec, overrides, sweep and seeds.` };
  if (record.spec === null || typeof record.spec !== 'object') return { error: 'The launch needs a "spec" object (a RunSpec).' };
  const tagList = tags
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return {
    input: {
      ...(record as Pick<LaunchExperimentInput, 'spec' | 'sweep' | 'seeds' | 'overrides'>),
      name: name.trim() || null,
      tags: tagList.length > 0 ? tagList : null,
    },
  };
}

/**
 * New experiment → Clone (spec): a spec launch's settings as JSON — the run spec with its
 * overrides applied, the sweep and the seeds — to edit and launch as a new experiment. The API
 * validates it; each error names its path (e.g. `spec.optimizer.lr`).
 */
export function CloneSpecExperiment({ onClose, header, clone }: { onClose: () => void; header: ReactNode; clone: ExperimentClone }) {
  const { launch, launchAndOpen } = useLaunchExperiment(onClose);
  const [text, setText] = useState(() => specCloneText(clone.input));
  const [name, setName] = useState(() => cloneName(clone.name));
  const [tags, setTags] = useState(() => clone.tags.join(', '));
  const [formError, setFormError] = useState<string | null>(null);
  const errors = fieldErrors(launch.error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const built = parseSpecClone(text, name, tags);
    setFormError(built.error ?? null);
    if (!built.input) return;
    await launchAndOpen(built.input);
  }

  return (
    <LaunchDialog header={header} onClose={onClose} onSubmit={(event) => void submit(event)} launching={launch.fetching} errors={errors} shownBeside={(field) => field === 'name' || field === 'tags'}>
        <p className="muted" style={{ margin: 0 }}>{`Cloned from ${clone.name}: its spec (overrides applied), sweep and seeds. Edit and launch it as a new experiment.`}</p>
        <label className="field">
          Launch (JSON)
          <textarea
            name="launch-json"
            rows={16}
            spellCheck={false}
            style={{ fontFamily: 'var(--mono, monospace)', fontSize: 12.5 }}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={formError ? true : undefined}
          />
        </label>
        {formError ? <ErrorNotice>{formError}</ErrorNotice> : null}
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 10 }}>
          <label className="field">
            Name (optional)
            <input name="name" value={name} onChange={(e) => setName(e.target.value)} />
            {errors.byField.name ? <span className="field-error">{errors.byField.name}</span> : null}
          </label>
          <label className="field">
            Tags (comma-separated)
            <input name="tags" value={tags} onChange={(e) => setTags(e.target.value)} />
            {errors.byField.tags ? <span className="field-error">{errors.byField.tags}</span> : null}
          </label>
        </div>
    </LaunchDialog>
  );
}
