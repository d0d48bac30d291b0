'use client';

import type { FigureData } from '@saddle/engine';
import { WebAnalyzeRunDocument, WebAnalyzeRunsDocument, WebCancelRunAnalysisDocument, WebRunAnalysesDocument, WebRunAnalysisEventsDocument, type RunAnalysisKind } from '@saddle/schema';
import { useEffect, useMemo, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { errorText } from '../lib/errors';
import { FigureView } from './figures/FigureView';
import { ErrorNotice, ProgressBar, StatusBadge } from './StatusBadge';

/** One analysis as the run page shows it (the WebRunAnalysisFields fragment, progress as last heard). */
export interface RunAnalysisItem {
  id: string;
  kind: RunAnalysisKind;
  /** The analysed run; the first (α = 0) of an INTERPOLATION. */
  runId?: string;
  /** The second run (α = 1) of an INTERPOLATION. */
  otherRunId?: string | null;
  status: string;
  progress: number;
  error?: string | null;
  figures: { id: string; title: string; data: unknown }[];
}

/** The kinds of one run (analyzeRun); INTERPOLATION takes this run and another (analyzeRuns). */
export type SingleRunKind = Exclude<RunAnalysisKind, 'INTERPOLATION'>;

export type AnalyzeRequest =
  | {
      kind: SingleRunKind;
      /** RunAnalysisOptionsInput: only LANDSCAPE's plane and dims are chosen here; the rest take the API's defaults. */
      options: { plane?: 'RANDOM' | 'PCA'; dims?: 1 | 2 };
    }
  /** This run is α = 0, `otherRunId` α = 1. */
  | { kind: 'INTERPOLATION'; otherRunId: string; options: Record<string, never> };

const KIND_LABELS: Record<RunAnalysisKind, string> = {
  HESSIAN: 'Hessian spectrum',
  LANDSCAPE: 'Loss landscape',
  SENSITIVITY: 'Input sensitivity',
  SHARPNESS: 'ε-sharpness',
  INTERPOLATION: 'Interpolation',
};

const LIVE = new Set(['QUEUED', 'RUNNING']);

export interface RunAnalysesProps {
  /** Newest first. */
  analyses: readonly RunAnalysisItem[];
  canWrite: boolean;
  /** Asks for an analysis; a rejection's message is shown beside the control. */
  onAnalyze: (request: AnalyzeRequest) => Promise<void>;
  onCancel: (id: string) => Promise<void>;
}

/**
 * The run page's analyses: a control that asks for one (kind; plane and dims for a landscape; the
 * second run's id for an interpolation),
 * each queued or running one with its live progress and a Cancel button, and the stored figures
 * of those that succeeded, drawn by the same FigureView as an experiment's.
 */
export function RunAnalyses({ analyses, canWrite, onAnalyze, onCancel }: RunAnalysesProps) {
  const [kind, setKind] = useState<RunAnalysisKind>('HESSIAN');
  const [otherRunId, setOtherRunId] = useState('');
  const [plane, setPlane] = useState<'RANDOM' | 'PCA'>('RANDOM');
  const [dims, setDims] = useState<1 | 2>(2);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const analyze = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await onAnalyze(kind === 'INTERPOLATION' ? { kind, otherRunId: otherRunId.trim(), options: {} } : { kind, options: kind === 'LANDSCAPE' ? { plane, dims } : {} });
    } catch (error) {
      setProblem(`The analysis was not queued: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-label="Analyses" style={{ marginBottom: 16 }}>
      <div className="card-head">
        <h2>Analyses</h2>
      </div>
      <div className="card-body">
        <div className="row" style={{ gap: 8, flexWrap: 'wrap' }}>
          <label>
            Analysis{' '}
            <select aria-label="Analysis kind" value={kind} onChange={(e) => setKind(e.target.value as RunAnalysisKind)} disabled={!canWrite}>
              {(['HESSIAN', 'LANDSCAPE', 'SENSITIVITY', 'SHARPNESS', 'INTERPOLATION'] as const).map((k) => (
                <option key={k} value={k}>
                  {k === 'INTERPOLATION' ? 'Interpolation to another run' : KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          {kind === 'INTERPOLATION' ? (
            <label>
              Second run{' '}
              <input aria-label="Second run id" value={otherRunId} onChange={(e) => setOtherRunId(e.target.value)} placeholder="run id (same model)" disabled={!canWrite} />
            </label>
          ) : null}
          {kind === 'LANDSCAPE' ? (
            <>
              <label>
                Plane{' '}
                <select aria-label="Landscape plane" value={plane} onChange={(e) => setPlane(e.target.value as 'RANDOM' | 'PCA')} disabled={!canWrite}>
                  <option value="RANDOM">random (filter-normalised)</option>
                  <option value="PCA">trajectory PCA</option>
                </select>
              </label>
              <label>
                Dimensions{' '}
                <select aria-label="Landscape dimensions" value={dims} onChange={(e) => setDims(Number(e.target.value) as 1 | 2)} disabled={!canWrite}>
                  <option value={2}>2-D</option>
                  <option value={1}>1-D</option>
                </select>
              </label>
            </>
          ) : null}
          <button type="button" className="button primary" onClick={() => void analyze()} disabled={!canWrite || busy || (kind === 'INTERPOLATION' && otherRunId.trim() === '')} title={canWrite ? undefined : 'Needs a write token'}>
            Analyze
          </button>
        </div>
        {problem ? <ErrorNotice>{problem}</ErrorNotice> : null}
        {analyses.length === 0 ? <p className="muted">No analyses of this run yet: they run on the workers at the run’s final weights.</p> : null}
        {analyses.map((analysis) => (
          <AnalysisEntry key={analysis.id} analysis={analysis} canWrite={canWrite} onCancel={onCancel} />
        ))}
      </div>
    </section>
  );
}

function AnalysisEntry({ analysis, canWrite, onCancel }: { analysis: RunAnalysisItem; canWrite: boolean; onCancel: (id: string) => Promise<void> }) {
  const [problem, setProblem] = useState<string | null>(null);
  const live = LIVE.has(analysis.status);
  // Drawn on both runs' pages: name both ends.
  const label = `${KIND_LABELS[analysis.kind]}${analysis.otherRunId ? ` from run ${analysis.runId ?? '?'} (α = 0) to run ${analysis.otherRunId} (α = 1)` : ''}`;
  return (
    <article aria-label={label} data-analysis={analysis.id} style={{ marginTop: 14 }}>
      <div className="row" style={{ gap: 8 }}>
        <h3 style={{ margin: 0 }}>{label}</h3>
        <StatusBadge status={analysis.status} />
        {live ? (
          <>
            <div style={{ width: 160 }}>
              <ProgressBar value={analysis.progress} label={`${KIND_LABELS[analysis.kind]} progress`} status={analysis.status} />
            </div>
            <button
              type="button"
              className="button"
              disabled={!canWrite}
              onClick={() => {
                setProblem(null);
                onCancel(analysis.id).catch((error: unknown) => setProblem(`Not cancelled: ${error instanceof Error ? error.message : String(error)}`));
              }}
            >
              Cancel
            </button>
          </>
        ) : null}
      </div>
      {problem ? <ErrorNotice>{problem}</ErrorNotice> : null}
      {analysis.status === 'FAILED' && analysis.error ? <ErrorNotice>{analysis.error}</ErrorNotice> : null}
      {analysis.status === 'SUCCEEDED' ? (
        <div className="grid-2" style={{ marginTop: 8 }}>
          {analysis.figures.map((figure) => (
            <FigureView key={figure.id} title={figure.title} data={figure.data as FigureData} />
          ))}
        </div>
      ) : null}
    </article>
  );
}

/**
 * RunAnalyses wired to the API: the run's analyses (WebRunAnalyses), analyzeRun and
 * cancelRunAnalysis, and one runAnalysisEvents stream per live analysis for its progress; the
 * list is read again when one ends (and every 2 s while one is live), so its figures appear.
 */
export function RunAnalysesPanel({ runId, canWrite }: { runId: string; canWrite: boolean }) {
  const client = useClient();
  const [{ data, error }, refetch] = useQuery({ query: WebRunAnalysesDocument, variables: { id: runId } });
  const [, analyzeRun] = useMutation(WebAnalyzeRunDocument);
  const [, analyzeRuns] = useMutation(WebAnalyzeRunsDocument);
  const [, cancelAnalysis] = useMutation(WebCancelRunAnalysisDocument);
  const [heard, setHeard] = useState<Record<string, { status: string; progress: number; error: string | null }>>({});
  const stored = data?.run?.analyses;
  const analyses = useMemo<RunAnalysisItem[]>(
    () => (stored ?? []).map((a) => ({ ...a, ...(heard[a.id] && LIVE.has(a.status) ? heard[a.id] : {}) })),
    [stored, heard],
  );
  const liveIds = useMemo(() => (stored ?? []).filter((a) => LIVE.has(a.status)).map((a) => a.id).join(','), [stored]);

  useEffect(() => {
    if (!liveIds) return;
    const subscriptions = liveIds.split(',').map((id) =>
      client.subscription(WebRunAnalysisEventsDocument, { id }).subscribe((result) => {
        const event = result.data?.runAnalysisEvents;
        if (!event) return;
        setHeard((previous) => ({ ...previous, [id]: { status: event.status, progress: event.progress, error: event.error ?? null } }));
        if (!LIVE.has(event.status)) refetch({ requestPolicy: 'network-only' });
      }),
    );
    // A safety net under the events: an analysis that ended before its stream was open gets a
    // stream that completes at once, with no event to say so (a fast job on a busy machine).
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), 2000);
    return () => {
      clearInterval(timer);
      subscriptions.forEach((s) => s.unsubscribe());
    };
  }, [client, liveIds, refetch]);

  if (error && !data) return <ErrorNotice>{errorText(error)}</ErrorNotice>;
  return (
    <RunAnalyses
      analyses={analyses}
      canWrite={canWrite}
      onAnalyze={async (request) => {
        const result =
          request.kind === 'INTERPOLATION'
            ? await analyzeRuns({ runIds: [runId, request.otherRunId], kind: request.kind, options: request.options })
            : await analyzeRun({ runId, kind: request.kind, options: request.options });
        if (result.error) throw new Error(errorText(result.error));
        refetch({ requestPolicy: 'network-only' });
      }}
      onCancel={async (id) => {
        const result = await cancelAnalysis({ id });
        if (result.error) throw new Error(errorText(result.error));
        refetch({ requestPolicy: 'network-only' });
      }}
    />
  );
}
