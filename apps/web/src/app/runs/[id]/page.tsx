'use client';

import { WebCancelRunDocument, WebRunDocument, WebRunEventsDocument, WebRunProgressDocument, type WebRunEventsSubscription } from '@saddle/schema';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { MetricFigure } from '../../../components/MetricFigure';
import { RunAnalysesPanel } from '../../../components/RunAnalyses';
import { ErrorNotice, LoadingBlock, ProgressBar, StatusBadge } from '../../../components/StatusBadge';
import { formatNumber } from '../../../components/charts/scales';
import { errorText } from '../../../lib/errors';
import { elapsed, formatDuration, formatEta, formatInt, formatWhen } from '../../../lib/format';
import { seriesCsv } from '../../../lib/full-series';
import { addBatch, mergePoints, type RunSeries, type XMode } from '../../../lib/metrics';
import { useDocumentTitle } from '../../../lib/document-title';
import { useCanWrite, useConnection } from '../../../lib/Providers';

type RunEvent = WebRunEventsSubscription['runEvents'];

const LIVE = new Set(['QUEUED', 'RUNNING']);

/** `[null, 28, 28, 16]` → `(None, 28, 28, 16)`, as Keras prints it; a shape without its batch dimension gets one. */
function shape(dims: readonly (number | null)[]): string {
  const withBatch = dims[0] === null ? dims : [null, ...dims];
  return `(${withBatch.map((d) => (d === null ? 'None' : String(d))).join(', ')})`;
}

/** y axis of a metric: `auto` is log for losses and norms (they span decades), linear otherwise. */
type YMode = 'auto' | 'linear' | 'log';
function yScaleOf(mode: YMode, key: string): 'linear' | 'log' {
  if (mode !== 'auto') return mode;
  return /loss|norm/i.test(key) ? 'log' : 'linear';
}

export default function RunPage() {
  const { id } = useParams<{ id: string }>();
  const client = useClient();
  const { epoch } = useConnection();
  const [{ data, fetching, error }, refetch] = useQuery({ query: WebRunDocument, variables: { id, maxPoints: 2000 } });
  const [series, setSeries] = useState<RunSeries>({});
  const [progress, setProgress] = useState<number | null>(null);
  const [x, setX] = useState<XMode>('step');
  const [yMode, setYMode] = useState<YMode>('auto');
  const [now, setNow] = useState(() => Date.now());
  // Progress, ETA and last values, read again every few seconds while the run is live.
  const [progressResult, refetchProgress] = useQuery({ query: WebRunProgressDocument, variables: { id }, pause: !data });
  const [readAt, setReadAt] = useState(() => Date.now());
  const run = data?.run ?? null;
  const latest = progressResult.data?.run ?? null;
  const canWrite = useCanWrite();
  const [, cancelRun] = useMutation(WebCancelRunDocument);
  useDocumentTitle(run ? `${run.key} · ${run.experiment.name}` : 'Run');

  useEffect(() => {
    if (!run) return;
    setSeries((previous) => {
      const next: RunSeries = { ...previous };
      for (const s of run.metrics) next[s.key] = mergePoints(s.points, next[s.key] ?? []);
      return next;
    });
  }, [run]);

  useEffect(() => {
    const apply = (event: RunEvent) => {
      if (event.type === 'METRICS' && event.points) {
        const points = event.points;
        setSeries((previous) => addBatch(previous, points));
      } else if (event.type === 'PROGRESS' && typeof event.progress === 'number') {
        setProgress(event.progress);
      } else if (event.type === 'SERIES_RESET') {
        // The run restarted and its stored points changed: merging would keep dropped ones, so start over.
        setSeries({});
        refetch({ requestPolicy: 'network-only' });
      } else {
        refetch({ requestPolicy: 'network-only' });
      }
    };
    const { unsubscribe } = client.subscription(WebRunEventsDocument, { runId: id }).subscribe((result) => {
      if (result.data) apply(result.data.runEvents);
    });
    return unsubscribe;
  }, [client, id, refetch]);

  useEffect(() => {
    if (epoch > 1) refetch({ requestPolicy: 'network-only' });
  }, [epoch, refetch]);

  const live = run ? LIVE.has(run.status) : false;
  useEffect(() => {
    if (!live) return;
    let ticks = 0;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (++ticks % 3 === 0) refetchProgress({ requestPolicy: 'network-only' });
    }, 1000);
    return () => clearInterval(timer);
  }, [live, refetchProgress]);
  useEffect(() => setReadAt(Date.now()), [progressResult.data, data]);

  const keys = useMemo(() => [...new Set([...(run?.metricKeys ?? []), ...Object.keys(series)])].sort(), [run, series]);
  const figureRuns = useMemo(() => (run ? [{ id: run.id, label: run.key, series }] : []), [run, series]);

  if (error && !run) return <ErrorNotice>{errorText(error)}</ErrorNotice>;
  if (fetching && !data) return <LoadingBlock height={420} />;
  if (!run) return <ErrorNotice>{`No run has the id ${id}.`}</ErrorNotice>;

  const summary = run.summary;
  // While live, the newer read of the two (the last stored values, never a downsampled series' last point).
  const fresh = live && latest && latest.status === run.status ? latest : null;
  const final = ((fresh ? fresh.final : run.final) ?? {}) as Record<string, unknown>;
  const steps = fresh ? fresh.steps : run.steps;
  const eta = run.status === 'RUNNING' ? formatEta(fresh ? fresh.etaSeconds : run.etaSeconds, readAt, now) : null;
  // A live run's stored duration is 0 until it ends: count from its start instead.
  const duration = live || run.timings.durationMs === null || run.timings.durationMs === undefined ? elapsed(run.timings.startedAt, run.timings.finishedAt, now) : run.timings.durationMs;

  return (
    <>
      <div className="crumbs">
        <Link href="/">Experiments</Link> / <Link href={`/experiments/${run.experiment.id}`}>{run.experiment.name}</Link> / {run.key}
      </div>
      <div className="page-head">
        <div>
          <div className="row">
            <h1>{run.key}</h1>
            <StatusBadge status={run.status} />
          </div>
          <div className="sub">
            group {run.group} · {run.external ? 'logged by a script' : 'trained by Saddle'} · {formatDuration(duration)}
            {eta ? <span data-testid="run-eta"> · {eta}</span> : null}
          </div>
        </div>
        <div className="row">
          <div style={{ width: 180 }}>
            <ProgressBar value={live ? (progress ?? run.progress) : run.status === 'SUCCEEDED' ? 1 : run.progress} label="Run progress" status={run.status} />
          </div>
          {live ? (
            <ConfirmButton
              label="Cancel run"
              question={`Cancel run ${run.key}? Its training stops; what it logged so far is kept.`}
              confirmLabel="Yes, cancel it"
              canWrite={canWrite}
              onConfirm={async () => {
                const result = await cancelRun({ id: run.id });
                if (result.error) throw new Error(errorText(result.error));
                refetch({ requestPolicy: 'network-only' });
              }}
            />
          ) : null}
          <Link className="button" href={`/compare?runs=${run.id}`}>
            Compare
          </Link>
        </div>
      </div>
      {run.error ? <ErrorNotice>{run.error}</ErrorNotice> : null}

      <div className="grid-2" style={{ marginBottom: 16, marginTop: 12 }}>
        <section className="card">
          <div className="card-head">
            <h2>Model summary{summary ? `: ${summary.name}` : ''}</h2>
          </div>
          <div className="card-body">
            {summary ? (
              <>
                <table className="data mono" aria-label="Model summary">
                  <thead>
                    <tr>
                      <th>Layer (type)</th>
                      <th>Output shape</th>
                      <th className="num">Param #</th>
                    </tr>
                  </thead>
                  <tbody>
                    {summary.rows.map((row) => (
                      <tr key={row.layer}>
                        <td>{row.layer}</td>
                        <td>{shape(row.outputShape)}</td>
                        <td className="num">{formatInt(row.params)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <dl className="kv" style={{ marginTop: 12 }}>
                  <dt>Input</dt>
                  <dd>{shape(summary.inputShape)}</dd>
                  <dt>Total params</dt>
                  <dd>{formatInt(summary.totalParams)}</dd>
                  <dt>Trainable params</dt>
                  <dd>{formatInt(summary.trainableParams)}</dd>
                  <dt>Non-trainable params</dt>
                  <dd>{formatInt(summary.nonTrainableParams)}</dd>
                  <dt>Params size</dt>
                  <dd>{formatNumber(summary.paramsSizeMB, 3)} MB</dd>
                  <dt>Forward pass size</dt>
                  <dd>{formatNumber(summary.activationsSizeMB, 3)} MB</dd>
                </dl>
              </>
            ) : (
              <p className="muted">{run.external ? 'A logged run has no model summary.' : 'The summary arrives when the run starts.'}</p>
            )}
          </div>
        </section>
        <section className="card">
          <div className="card-head">
            <h2>Run</h2>
          </div>
          <div className="card-body">
            <dl className="kv">
              <dt>Created</dt>
              <dd>{formatWhen(run.timings.createdAt, now)}</dd>
              <dt>Started</dt>
              <dd>{formatWhen(run.timings.startedAt, now)}</dd>
              <dt>Finished</dt>
              <dd>{formatWhen(run.timings.finishedAt, now)}</dd>
              <dt>Training time</dt>
              <dd>{formatDuration(duration)}</dd>
              {eta ? (
                <>
                  <dt>Time left</dt>
                  <dd>{eta}</dd>
                </>
              ) : null}
              <dt>Steps</dt>
              <dd>{steps ?? '—'}</dd>
              {run.restarts > 0 ? (
                <>
                  <dt>Restarts</dt>
                  <dd>{run.restarts}</dd>
                </>
              ) : null}
              {run.divergedAtStep !== null && run.divergedAtStep !== undefined ? (
                <>
                  <dt>Diverged at step</dt>
                  <dd>{run.divergedAtStep}</dd>
                </>
              ) : null}
              {run.weightsAt && run.weightsAt.step !== run.steps ? (
                // After a zero-gradient phase the stored weights are not those `final` describes.
                <>
                  <dt>Final weights</dt>
                  <dd>
                    step {run.weightsAt.step}
                    {run.weightsAt.loss !== null && run.weightsAt.loss !== undefined ? ` · loss ${formatNumber(run.weightsAt.loss, 4)}` : ''}
                    {run.weightsAt.gradNorm !== null && run.weightsAt.gradNorm !== undefined ? ` · ‖∇L‖ ${formatNumber(run.weightsAt.gradNorm, 3)}` : ''}
                  </dd>
                </>
              ) : null}
              {Object.entries(final).map(([key, value]) => (
                <FinalRow key={key} name={`final ${key}`} value={value} />
              ))}
              {Object.entries((run.config ?? {}) as Record<string, unknown>).map(([key, value]) => (
                <FinalRow key={`config-${key}`} name={key} value={value} />
              ))}
            </dl>
            <h3 style={{ margin: '14px 0 6px' }}>Spec</h3>
            <pre className="block" aria-label="Run spec">
              {JSON.stringify(run.spec ?? {}, null, 2)}
            </pre>
          </div>
        </section>
      </div>

      <div className="row" style={{ marginBottom: 10 }}>
        <h2 style={{ marginRight: 'auto' }}>Metrics</h2>
        <div className="segmented" role="group" aria-label="x axis">
          {(['step', 'epoch', 'wall'] as const).map((mode) => (
            <button key={mode} type="button" className={x === mode ? 'on' : undefined} onClick={() => setX(mode)}>
              {mode === 'wall' ? 'wall time' : mode}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label="y axis">
          {(['auto', 'linear', 'log'] as const).map((mode) => (
            <button key={mode} type="button" className={yMode === mode ? 'on' : undefined} onClick={() => setYMode(mode)} title={mode === 'auto' ? 'log for losses and norms, linear otherwise' : undefined}>
              y {mode}
            </button>
          ))}
        </div>
      </div>
      {keys.length === 0 ? <p className="muted">No metric points yet.</p> : null}
      <div className="grid-2">
        {keys.map((key) => (
          <MetricFigure key={key} title={key} metrics={[key]} runs={figureRuns} x={x} yScale={yScaleOf(yMode, key)} csv={() => seriesCsv(client, [run], [key])} />
        ))}
      </div>

      <div style={{ marginTop: 16 }}>
        <RunAnalysesPanel runId={run.id} canWrite={canWrite} />
      </div>
    </>
  );
}

function FinalRow({ name, value }: { name: string; value: unknown }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>{typeof value === 'number' ? formatNumber(value, 5) : typeof value === 'object' ? JSON.stringify(value) : String(value)}</dd>
    </>
  );
}
