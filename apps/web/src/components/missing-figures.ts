/**
 * Why a figure the preset declares is missing once its analyses succeeded: the analyses ran on
 * the runs that finished (a run cancelled on its own, or failed, does not waste the others), so a
 * figure that needed the missing runs is not drawn — the experiment page says which runs and why.
 */

/** Run statuses that end a run without the weights an analysis reads. */
const ENDED_SHORT = new Set(['CANCELLED', 'FAILED', 'CRASHED']);

/** Runs named one by one; the rest are counted. */
const NAMED = 5;

/**
 * The sentence a missing figure's card shows, naming the runs that ended short and how; null
 * when every run finished (then a declared figure not drawn is one the preset draws only when
 * asked, and no card is shown).
 */
export function missingFigureReason(runs: readonly { key: string; status: string }[]): string | null {
  const short = runs.filter((r) => ENDED_SHORT.has(r.status));
  if (short.length === 0) return null;
  const finished = runs.length - short.length;
  const named = short.slice(0, NAMED).map((r) => `${r.key} (${r.status.toLowerCase()})`);
  const more = short.length > NAMED ? ` and ${short.length - NAMED} more` : '';
  const who = `${named.join(', ')}${more}`;
  return `Not drawn: the analyses had only the ${finished} of ${runs.length} run${runs.length === 1 ? '' : 's'} that finished, and ${who} did not finish. Re-run the experiment to draw it.`;
}
