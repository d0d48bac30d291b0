/**
 * "Clone and edit" on an experiment's page: its Experiment.launchInput as the New experiment
 * dialog's starting values. Pure, so it is tested without a browser.
 */

/** An experiment to launch again with changes. */
export interface ExperimentClone {
  /** Its Experiment.launchInput: { preset, scale, data, overrides } or { spec, sweep, seeds }. */
  input: Record<string, unknown>;
  /** Its name: the clone's name starts from it. */
  name: string;
  tags: readonly string[];
}

/** The preset form's starting values for a clone: its preset, scale, overrides as typed, name and tags. */
export function presetCloneValues(clone: ExperimentClone): { preset: string; scale: 'QUICK' | 'STANDARD' | 'FULL'; values: Record<string, string>; name: string; tags: string } {
  const { input } = clone;
  const given = input.scale;
  const scale = given === 'STANDARD' || given === 'FULL' ? given : 'QUICK';
  const overrides = input.overrides && typeof input.overrides === 'object' ? (input.overrides as Record<string, unknown>) : {};
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(overrides)) values[key] = typeof value === 'string' ? value : JSON.stringify(value);
  return { preset: typeof input.preset === 'string' ? input.preset : 'fit-function', scale, values, name: cloneName(clone.name), tags: clone.tags.join(', ') };
}

/** `lr sweep` → `lr sweep (edited)`. */
export function cloneName(name: string): string {
  return name.endsWith(' (edited)') ? name : `${name} (edited)`;
}
