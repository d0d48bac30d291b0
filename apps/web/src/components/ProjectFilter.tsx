'use client';

import { WebProjectsDocument } from '@saddle/schema';
import { useQuery } from 'urql';

/**
 * The experiments list's project picker (projects group the experiments scripts log, createRun's
 * `project`). Renders nothing while there are no projects, so a catalogue-only stack shows no
 * empty control.
 */
export function ProjectFilter({
  value,
  onChange,
}: {
  /** The selected project's name; '' for any project. */
  value: string;
  onChange: (project: string) => void;
}) {
  const [{ data }] = useQuery({ query: WebProjectsDocument });
  const projects = data?.projects ?? [];
  // A selected project stays offered even before the list has loaded, so the select keeps its value.
  if (projects.length === 0 && !value) return null;
  return (
    <label className="field">
      Project
      <select value={value} onChange={(e) => onChange(e.target.value)} aria-label="Filter by project">
        <option value="">any</option>
        {value && !projects.some((p) => p.name === value) ? <option value={value}>{value}</option> : null}
        {projects.map((p) => (
          <option key={p.name} value={p.name}>
            {p.name} ({p.experimentCount})
          </option>
        ))}
      </select>
    </label>
  );
}
