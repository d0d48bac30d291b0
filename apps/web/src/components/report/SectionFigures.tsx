'use client';

import { WebExperimentDocument } from '@saddle/schema';
import type { FigureData } from '@saddle/engine';
import { useEffect, useMemo, useRef } from 'react';
import { useClient, useQuery } from 'urql';
import { PageColorsScope, pageColors } from '../charts/page-colors';
import { toFigureRuns } from '../figure-runs';
import { FigureView } from '../figures/FigureView';
import { MetricFigure, type FigureRun } from '../MetricFigure';
import { ErrorNotice, LoadingBlock } from '../StatusBadge';
import { errorText } from '../../lib/errors';
import { seriesCsv } from '../../lib/full-series';
import type { RunSeries, XMode } from '../../lib/metrics';
import { runStyles } from '../../lib/run-config';

/** A figure of a report section, as the report names it. */
export interface FigureRef {
  figureId: string;
  title: string;
  kind: string;
}

export interface SectionFiguresProps {
  experimentId: string;
  figures: readonly FigureRef[];
  /** The section's experiment is still queued, running or analysing: its data are re-read on every `tick`. */
  running: boolean;
  /** Changes when the report was polled. */
  tick: number;
}

/** Points per series for a page-sized figure: a 7 in chart has ~670 px, two points per pixel column. */
const PAGE_POINTS = 1400;

/**
 * A section's figures drawn by the experiment page's own components (MetricFigure for metric
 * lines, FigureView for analyses), from that experiment's stored data, at a page's width.
 */
export function SectionFigures({ experimentId, figures, running, tick }: SectionFiguresProps) {
  const client = useClient();
  const [{ data, fetching, error }, refetch] = useQuery({ query: WebExperimentDocument, variables: { id: experimentId, maxPoints: PAGE_POINTS } });
  const experiment = data?.experiment ?? null;

  // Re-read while running, and once more when the section stops running (its last points and analyses).
  // (not on mount: the query above has just been sent)
  const wasRunning = useRef(running);
  const lastTick = useRef(tick);
  useEffect(() => {
    const changed = tick !== lastTick.current || running !== wasRunning.current;
    if (changed && (running || wasRunning.current)) refetch({ requestPolicy: 'network-only' });
    wasRunning.current = running;
    lastTick.current = tick;
  }, [tick, running, refetch]);

  // The experiment page's colours and line styles, so a section's figures read like that page's.
  const stored = useMemo(() => experiment?.runs ?? [], [experiment]);
  const colors = useMemo(() => pageColors(stored), [stored]);
  const runs: FigureRun[] = useMemo(
    () =>
      toFigureRuns(
        stored,
        (run) => {
          const series: RunSeries = {};
          for (const metric of run.metrics) series[metric.key] = metric.points;
          return series;
        },
        colors,
        runStyles(stored),
      ),
    [stored, colors],
  );

  if (error && !experiment) return <ErrorNotice>{errorText(error)}</ErrorNotice>;
  if (fetching && !experiment) return <LoadingBlock height={320} />;
  if (!experiment) return <ErrorNotice>{`No experiment has the id ${experimentId}.`}</ErrorNotice>;

  const specs = experiment.presetDefinition?.figures ?? [];
  const analyses = experiment.analyses;
  return (
    <PageColorsScope colors={colors}>
      <div className="report-figures stack">
        {figures.map((figure) => {
          const key = `${experimentId}:${figure.figureId}`;
          if (figure.kind.toUpperCase() === 'METRIC_LINES') {
            const spec = specs.find((s) => s.id === figure.figureId);
            const metrics = spec?.metrics ?? [];
            return (
              <div key={key} data-report-figure={figure.figureId}>
                <MetricFigure
                  title={figure.title}
                  metrics={metrics}
                  runs={runs}
                  x={(spec?.x === 'epoch' ? 'epoch' : 'step') satisfies XMode}
                  yScale={spec?.yScale === 'log' ? 'log' : 'linear'}
                  csv={() => seriesCsv(client, experiment.runs, metrics)}
                  waiting={running ? 'Still running: the curves appear as the runs log them.' : 'No points were logged.'}
                />
              </div>
            );
          }
          const analysis = analyses.find((a) => a.id === figure.figureId) ?? analyses.find((a) => a.title === figure.title);
          if (analysis) {
            return (
              <div key={key} data-report-figure={figure.figureId}>
                <FigureView title={analysis.title} data={analysis.data as unknown as FigureData} />
              </div>
            );
          }
          return (
            <section key={key} className="card figure-pending" data-report-figure={figure.figureId} data-figure-pending="true">
              <div className="card-head">
                <h2>{figure.title}</h2>
              </div>
              <div className="card-body muted">
                {running ? 'Still running: drawn once the runs have finished and the analysis has run.' : 'Not computed: the analysis did not store this figure (see the experiment’s error).'}
              </div>
            </section>
          );
        })}
      </div>
    </PageColorsScope>
  );
}
