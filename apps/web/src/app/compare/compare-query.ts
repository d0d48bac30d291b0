/** Sizes of the compare view's requests. */

/** Experiments per page of the run picker. */
export const PICKER_PAGE = 20;

/** Width the compare chart leaves of the window: the picker (300 px), gaps, paddings and axes. */
const CHROME_PX = 470;
/** The API's cost limit (20,000) less room for the rest of the query. */
const COST_BUDGET = 18_000;
/** What one run's series costs: 1 for the run, 2 for reading the series, 1 per 25 points (apps/api operation-limits). */
const costOf = (points: number) => 3 + Math.ceil(points / 25);

/**
 * Points per series to ask for: a min and a max per pixel of the plot (what a line at that width
 * can show), in steps of 250 so small resizes share a request, 500 … 3,000, and fewer when many
 * runs would otherwise pass the query's cost limit.
 */
export function comparePoints(viewportWidth: number, runs: number): number {
  const plot = Math.max(250, viewportWidth - CHROME_PX);
  let points = Math.min(3000, Math.max(500, Math.ceil((2 * plot) / 250) * 250));
  while (points > 50 && Math.max(1, runs) * costOf(points) > COST_BUDGET) points -= 50;
  return points;
}
