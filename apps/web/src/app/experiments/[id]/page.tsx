'use client';

import {
  WebCancelExperimentDocument,
  WebCancelRunDocument,
  WebDeleteExperimentDocument,
  WebRenameExperimentDocument,
  WebRerunExperimentDocument,
  WebSetNotesDocument,
  WebTagExperimentDocument,
  WebExperimentAnalysesDocument,
  WebExperimentViewDocument,
  WebExperimentEventsDocument,
  WebExperimentRunsDocument,
  type WebExperimentEventsSubscription,
  type WebExperimentViewQuery,
} from '@saddle/schema';
import type { FigureData } from '@saddle/engine';
import Link from 'next/link';
import { useParams, useRouter } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { useClient, useMutation, useQuery, type CombinedError } from 'urql';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { ExperimentLifecycle } from '../../../components/ExperimentLifecycle';
import { toFigureRuns } from '../../../components/figure-runs';
import { FigureView } from '../../../components/figures/FigureView';
import { MetricFigure, type FigureRun } from '../../../components/MetricFigure';
import { NewExperiment } from '../../../components/NewExperiment';
import { missingFigureReason } from '../../../components/missing-figures';
import { ErrorNotice, LoadingBlock, ProgressBar, StatusBadge } from '../../../components/StatusBadge';
import { PageColorsScope, pageColors } from '../../../components/charts/page-colors';
import { formatNumber } from '../../../components/charts/scales';
import { columnsToPoints } from '../../../lib/columns';
import { errorText } from '../../../lib/errors';
import { elapsed, formatDuration, formatEta, formatWhen } from '../../../lib/format';
import { seriesCsv } from '../../../lib/full-series';
import { addBatch, mergePoints, type RunSeries, type XMode } from '../../../lib/metrics';
import { READ_ONLY_HINT, useCanWrite, useConnection } from '../../../lib/Providers';
import { useDocumentTitle } from '../../../lib/document-title';
import { runStyles } from '../../../lib/run-config';

type Experiment = NonNullable<WebExperimentViewQuery['experiment']>;
type ExperimentEvent = WebExperimentEventsSubscription['experimentEvents'];
type FigureSpecRow = NonNullable<Experiment['presetDefinition']>['figures'][number];

const LIVE_RUN = new Set(['QUEUED', 'RUNNING']);
const LIVE_EXPERIMENT = new Set(['QUEUED', 'RUNNING', 'ANALYZING']);

/** The series of every run, by run id then metric key. */
type LiveSeries = Record<string, RunSeries>;

export default function ExperimentPage() {
  const { id } = useParams<{ id: string }>();
  const router = useRouter();
  const client = useClient();
  const { epoch } = useConnection();
  const canWrite = useCanWrite();
  // 1,500 points a series: what a figure draws without bucketing again (MetricFigure's DRAW_LIMIT).
  const [{ data, fetching, error }, refetch] = useQuery({ query: WebExperimentViewDocument, variables: { id, maxPoints: 1500 } });
  const [runsResult, refetchRuns] = useQuery({ query: WebExperimentRunsDocument, variables: { id }, pause: !data });
  const [analysesResult, refetchAnalyses] = useQuery({ query: WebExperimentAnalysesDocument, variables: { id }, pause: !data });
  const [, cancelExperiment] = useMutation(WebCancelExperimentDocument);
  const [, cancelRun] = useMutation(WebCancelRunDocument);
  const [, tagExperiment] = useMutation(WebTagExperimentDocument);
  const [, setNotes] = useMutation(WebSetNotesDocument);
  const [, deleteExperiment] = useMutation(WebDeleteExperimentDocument);
  const [, renameExperiment] = useMutation(WebRenameExperimentDocument);
  const [rerun, rerunExperiment] = useMutation(WebRerunExperimentDocument);
  const [cloning, setCloning] = useState(false);
  const [series, setSeries] = useState<LiveSeries>({});
  const [progressOf, setProgressOf] = useState<Record<string, number>>({});
  const [now, setNow] = useState(() => Date.now());
  // When the run rows (and their ETAs) were last read: the ETAs count down from there.
  const [readAt, setReadAt] = useState(() => Date.now());
  const experiment = data?.experiment ?? null;
  useDocumentTitle(experiment ? experiment.name : 'Experiment');

  // Loaded (or reloaded) series are merged with what streamed in meanwhile: merging is idempotent per step.
  useEffect(() => {
    if (!experiment) return;
    setSeries((previous) => {
      const next: LiveSeries = { ...previous };
      for (const run of experiment.runs) {
        const runSeries: RunSeries = { ...(next[run.id] ?? {}) };
        for (const s of run.metrics) runSeries[s.key] = mergePoints(columnsToPoints(s.columns), runSeries[s.key] ?? []);
        next[run.id] = runSeries;
      }
      return next;
    });
  }, [experiment]);

  // Live events: metric batches extend the curves; status changes refetch the small queries.
  useEffect(() => {
    const apply = (event: ExperimentEvent) => {
      switch (event.type) {
        case 'METRICS':
          if (event.runId && event.points) {
            const runId = event.runId;
            const points = event.points;
            setSeries((previous) => ({ ...previous, [runId]: addBatch(previous[runId] ?? {}, points) }));
          }
          break;
        case 'RUN_PROGRESS':
          if (event.runId && typeof event.progress === 'number') {
            const runId = event.runId;
            const progress = event.progress;
            setProgressOf((previous) => ({ ...previous, [runId]: progress }));
          }
          break;
        case 'RUN_STATUS':
        case 'STATUS':
          refetchRuns({ requestPolicy: 'network-only' });
          break;
        case 'ANALYSIS':
          refetchRuns({ requestPolicy: 'network-only' });
          refetchAnalyses({ requestPolicy: 'network-only' });
          break;
        case 'SERIES_RESET':
          // The run restarted and its stored points changed: merging would keep dropped ones, so start over.
          if (event.runId) {
            const runId = event.runId;
            setSeries((previous) => ({ ...previous, [runId]: {} }));
            refetch({ requestPolicy: 'network-only' });
          }
          break;
        default:
          break;
      }
    };
    const { unsubscribe } = client.subscription(WebExperimentEventsDocument, { experimentId: id }).subscribe((result) => {
      if (result.data) apply(result.data.experimentEvents);
    });
    return unsubscribe;
  }, [client, id, refetch, refetchRuns, refetchAnalyses]);

  // After a reconnection, reload everything: events sent while the socket was down are lost.
  useEffect(() => {
    if (epoch > 1) refetch({ requestPolicy: 'network-only' });
  }, [epoch, refetch]);

  const runs = runsResult.data?.experiment?.runs ?? experiment?.runs ?? [];
  // What the figures read of the runs, kept as the same array while it does not change: the runs
  // are read again (WebExperimentRuns after the page's query, on status events and every few
  // seconds while live) as new objects for the same runs, and each new array redrew every figure
  // (at 100 runs, rebuilding and repainting 200 series for nothing).
  const figureSignature = JSON.stringify(runs.map((r) => [r.id, r.key, r.group, r.config]));
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const figureSource = useMemo(() => runs, [figureSignature]);
  useEffect(() => setReadAt(Date.now()), [runsResult.data, data]);
  const status = runsResult.data?.experiment?.status ?? experiment?.status ?? 'QUEUED';
  const analysisStatus = runsResult.data?.experiment?.analysisStatus ?? experiment?.analysisStatus ?? 'PENDING';
  const live = LIVE_EXPERIMENT.has(status);

  // A safety net under the events, and the clock of the durations and ETAs (every second).
  useEffect(() => {
    if (!live) return;
    let ticks = 0;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (++ticks % 3 === 0) refetchRuns({ requestPolicy: 'network-only' });
    }, 1000);
    return () => clearInterval(timer);
  }, [live, refetchRuns]);

  // One colour per model (per run when the runs are seeds of one model) in every figure of the page,
  // and a line style per value of what varies within a group (fit-function's target).
  const colors = useMemo(() => pageColors(figureSource), [figureSource]);
  const styles = useMemo(() => runStyles(figureSource), [figureSource]);
  const figureRuns: FigureRun[] = useMemo(() => toFigureRuns(figureSource, (r) => series[r.id] ?? {}, colors, styles), [figureSource, series, colors, styles]);
  const analyses = analysesResult.data?.experiment?.analyses ?? experiment?.analyses ?? [];

  if (error && !experiment) return <ErrorNotice>{errorText(error)}</ErrorNotice>;
  if (fetching && !data) return <LoadingBlock height={420} />;
  if (!experiment) return <ErrorNotice>{`No experiment has the id ${id}.`}</ErrorNotice>;

  const figureSpecs: FigureSpecRow[] = experiment.presetDefinition?.figures ?? [];
  // Without a preset (a raw spec or a script's runs) every metric key gets its own chart.
  const keys = [...new Set(Object.values(series).flatMap((s) => Object.keys(s)))].sort();
  const metricFigures: FigureSpecRow[] =
    figureSpecs.length > 0
      ? figureSpecs
      : keys.map((key) => ({ __typename: 'FigureSpec' as const, id: key, title: key, kind: 'METRIC_LINES' as FigureSpecRow['kind'], metrics: [key], x: 'step', yScale: 'linear' }));
  const shownAnalysisIds = new Set<string>();
  const endedShort = runs.filter((r) => r.status !== 'SUCCEEDED' && !LIVE_RUN.has(r.status));
  /** A mutation's error as a rejection (ConfirmButton and the editors show it), then fresh runs. */
  const mutated = async (result: Promise<{ error?: CombinedError }>) => {
    const { error: mutationError } = await result;
    if (mutationError) throw new Error(errorText(mutationError));
    refetchRuns({ requestPolicy: 'network-only' });
  };
  const counts = {
    done: runs.filter((r) => !LIVE_RUN.has(r.status)).length,
    failed: runs.filter((r) => r.status === 'FAILED' || r.status === 'DIVERGED' || r.status === 'CRASHED').length,
  };
  const progress = live ? (runs.reduce((s, r) => s + (LIVE_RUN.has(r.status) ? (progressOf[r.id] ?? r.progress) : 1), 0) / Math.max(1, runs.length)) : (runsResult.data?.experiment?.progress ?? experiment.progress);

  return (
    <>
      <div className="crumbs">
        <Link href="/">Experiments</Link> / {experiment.name}
      </div>
      <div className="page-head">
        <div>
          <div className="row">
            <h1>{experiment.name}</h1>
            <StatusBadge status={status} />
          </div>
          <div className="sub">
            {experiment.preset ? (
              <>
                <code>{experiment.preset}</code> · {String(experiment.scale ?? '').toLowerCase()} ·{' '}
              </>
            ) : null}
            {counts.done}/{runs.length} runs done{counts.failed > 0 ? `, ${counts.failed} failed` : ''} · started {formatWhen(experiment.createdAt, now)} ·{' '}
            {formatDuration(elapsed(experiment.createdAt, runsResult.data?.experiment?.finishedAt ?? experiment.finishedAt, now))}
            {live ? <span data-testid="experiment-eta"> · {formatEta(runsResult.data?.experiment?.etaSeconds ?? experiment.etaSeconds, readAt, now)}</span> : null}
            {analysisStatus !== 'SKIPPED' && experiment.preset ? ` · analyses ${analysisStatus.toLowerCase()}` : ''}
          </div>
        </div>
        <div className="row">
          <div style={{ width: 180 }}>
            <ProgressBar value={progress} label="Experiment progress" status={status} />
          </div>
          {live ? (
            <ConfirmButton
              label="Cancel"
              question={`Cancel every run of ${experiment.name} that has not ended?`}
              confirmLabel="Yes, cancel them"
              canWrite={canWrite}
              onConfirm={() => mutated(cancelExperiment({ id }))}
            />
          ) : null}
          {experiment.launchInput ? (
            <>
              <button
                type="button"
                disabled={!canWrite || rerun.fetching}
                title={canWrite ? 'Launch the same preset, scale and overrides (or spec, sweep and seeds) again, as a new experiment' : READ_ONLY_HINT}
                onClick={async () => {
                  const result = await rerunExperiment({ id });
                  const next = result.data?.rerunExperiment.id;
                  if (next) router.push(`/experiments/${next}`);
                }}
              >
                {rerun.fetching ? 'Launching…' : 'Re-run'}
              </button>
              <button type="button" disabled={!canWrite} title={canWrite ? 'Open New experiment with these settings, to change and launch' : READ_ONLY_HINT} onClick={() => setCloning(true)}>
                Clone and edit
              </button>
            </>
          ) : null}
          <Link className="button" href={`/compare?runs=${runs.map((r) => r.id).join(',')}`}>
            Compare runs
          </Link>
          <Link className="button" href={`/reports/${id}`} title="This experiment's HW1 report section: setup, models, figures, verdicts and comment; exports Markdown, HTML and PDF">
            Report
          </Link>
        </div>
      </div>
      {rerun.error ? <ErrorNotice>{`Re-run failed: ${errorText(rerun.error)}`}</ErrorNotice> : null}
      {cloning && experiment.launchInput ? (
        <NewExperiment onClose={() => setCloning(false)} clone={{ input: experiment.launchInput as Record<string, unknown>, name: experiment.name, tags: experiment.tags }} />
      ) : null}
      {experiment.error ? <ErrorNotice>{experiment.error}</ErrorNotice> : null}
      {experiment.presetDefinition ? <p className="muted" style={{ marginTop: -6 }}>{experiment.presetDefinition.description}</p> : null}

      <PageColorsScope colors={colors}>
        <div className={figureSpecs.length > 0 ? 'stack' : 'grid-2'} style={{ marginBottom: 16 }}>
          {metricFigures.map((figure) => {
            if (String(figure.kind).toUpperCase() === 'METRIC_LINES') {
              const metrics = figure.metrics ?? [];
              return (
                <div key={figure.id} data-figure-id={figure.id}>
                  <MetricFigure
                    title={figure.title}
                    metrics={metrics}
                    runs={figureRuns}
                    x={(figure.x === 'epoch' ? 'epoch' : 'step') satisfies XMode}
                    yScale={figure.yScale === 'log' ? 'log' : 'linear'}
                    csv={(onProgress) => seriesCsv(client, runs, metrics, onProgress)}
                  />
                </div>
              );
            }
            const analysis = analyses.find((a) => a.id === figure.id) ?? analyses.find((a) => a.title === figure.title);
            if (analysis) {
              shownAnalysisIds.add(analysis.id);
              return (
                <div key={figure.id} data-figure-id={figure.id}>
                  <FigureView title={analysis.title} data={analysis.data as unknown as FigureData} />
                </div>
              );
            }
            // The analyses ran and drew no such figure: one the preset draws only when asked (fit-function's
            // formula targets), not one still to come — unless runs ended short, which may be why.
            const missing = analysisStatus === 'SUCCEEDED' ? missingFigureReason(runs) : null;
            if (analysisStatus === 'SUCCEEDED' && missing === null) return null;
            return (
              <section key={figure.id} className="card" data-figure-id={figure.id} {...(missing ? { 'data-figure-missing': figure.id } : { 'data-figure-pending': figure.id })}>
                <div className="card-head">
                  <h2>{figure.title}</h2>
                </div>
                <div className="card-body muted">
                  {missing
                    ? missing
                    : analysisStatus === 'RUNNING' || analysisStatus === 'QUEUED'
                    ? 'The analysis is running; the figure appears here when it is done.'
                    : analysisStatus === 'FAILED'
                      ? 'The analysis failed; see the experiment’s error.'
                      : analysisStatus === 'SKIPPED'
                        ? `Not drawn: the experiment was stopped, or no run finished to analyse (${endedShort.length > 0 ? endedShort.map((r) => `${r.key}: ${r.status.toLowerCase()}`).join(', ') : 'no run finished'}).`
                        : 'Computed from the runs once they have all finished.'}
                </div>
              </section>
            );
          })}
          {analyses
            .filter((a) => !shownAnalysisIds.has(a.id) && !metricFigures.some((f) => f.id === a.id))
            .map((a) => (
              <FigureView key={a.id} title={a.title} data={a.data as unknown as FigureData} />
            ))}
        </div>
      </PageColorsScope>
      <div className="stack">
        <ExperimentLifecycle
          name={experiment.name}
          onRename={(name) => mutated(renameExperiment({ id, name }))}
          tags={experiment.tags}
          notes={experiment.notes}
          canWrite={canWrite}
          onSaveTags={(tags) => mutated(tagExperiment({ id, tags }))}
          onSaveNotes={(notes) => mutated(setNotes({ id, notes }))}
          onDelete={async () => {
            await mutated(deleteExperiment({ id }));
            router.push('/');
          }}
        />
        <section className="card">
          <div className="card-head">
            <h2>Runs</h2>
          </div>
          <div className="card-body">
            <table className="data" aria-label="Runs">
              <thead>
                <tr>
                  <th>Run</th>
                  <th>Group</th>
                  <th>Status</th>
                  <th style={{ width: 130 }}>Progress</th>
                  <th className="num">Steps</th>
                  <th className="num">Final train loss</th>
                  <th className="num">Final test acc.</th>
                  <th className="num">Duration</th>
                  <th className="num">ETA</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {runs.map((run) => {
                  // The API's last stored values (a live run's too), never a downsampled series' last point.
                  const final = (run.final ?? {}) as Record<string, unknown>;
                  const number = (v: unknown) => (typeof v === 'number' ? formatNumber(v, 4) : '—');
                  return (
                    <tr key={run.id} className="clickable" onClick={() => router.push(`/runs/${run.id}`)}>
                      <td>
                        <Link href={`/runs/${run.id}`} onClick={(e) => e.stopPropagation()}>
                          {run.key}
                        </Link>
                        {run.error ? (
                          <div className="field-error" title={run.error}>
                            {run.error.length > 90 ? `${run.error.slice(0, 90)}…` : run.error}
                          </div>
                        ) : null}
                      </td>
                      <td className="muted">{run.group}</td>
                      <td>
                        <StatusBadge status={run.status} />
                      </td>
                      <td>
                        <ProgressBar value={LIVE_RUN.has(run.status) ? (progressOf[run.id] ?? run.progress) : run.status === 'SUCCEEDED' ? 1 : run.progress} label={`${run.key} progress`} status={run.status} />
                      </td>
                      <td className="num">{run.steps ?? '—'}</td>
                      <td className="num">{number(final['train/loss'])}</td>
                      <td className="num">{number(final['test/accuracy'])}</td>
                      {/* A live run's stored duration is 0 until it ends: count from its start instead. */}
                      <td className="num">{formatDuration(LIVE_RUN.has(run.status) || run.timings.durationMs === null || run.timings.durationMs === undefined ? elapsed(run.timings.startedAt, run.timings.finishedAt, now) : run.timings.durationMs)}</td>
                      <td className="num muted">{run.status === 'RUNNING' ? formatEta(run.etaSeconds, readAt, now) : ''}</td>
                      <td>
                        {LIVE_RUN.has(run.status) ? (
                          <ConfirmButton
                            small
                            label="Cancel"
                            question={`Cancel run ${run.key}?`}
                            confirmLabel="Yes, cancel it"
                            canWrite={canWrite}
                            onConfirm={() => mutated(cancelRun({ id: run.id }))}
                          />
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </>
  );
}
