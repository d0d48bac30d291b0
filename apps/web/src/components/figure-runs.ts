import type { PageColors } from './charts/page-colors';
import type { FigureRun } from './MetricFigure';
import type { RunSeries } from '../lib/metrics';

/**
 * The runs as a page's metric figures draw them: each with its colour from the page's assignment,
 * its line style (what varies within its group, `runStyles`), and its family — the group, or for
 * seeds of one model (a colour each) a band key, so they still share one mean ± std.
 */
export function toFigureRuns<Run extends { id: string; key: string; group: string }>(
  runs: readonly Run[],
  seriesOf: (run: Run) => RunSeries,
  colors: PageColors,
  styles: ReadonlyMap<string, string>,
): FigureRun[] {
  return runs.map((run): FigureRun => {
    const color = colors.run(run.key);
    const style = styles.get(run.key);
    return {
      id: run.id,
      label: run.key,
      ...(colors.byGroup ? { group: run.group } : { band: run.group }),
      ...(color !== undefined && { color }),
      ...(style !== undefined && { style }),
      series: seriesOf(run),
    };
  });
}
