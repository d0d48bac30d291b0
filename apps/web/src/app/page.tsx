'use client';

import { WebExperimentsDocument, WebLaunchExperimentDocument, type WebExperimentsQuery } from '@saddle/schema';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { NewExperiment } from '../components/NewExperiment';
import { ProjectFilter } from '../components/ProjectFilter';
import { SuitePanel } from '../components/SuitePanel';
import { ErrorNotice, LoadingBlock, ProgressBar, StatusBadge } from '../components/StatusBadge';
import { errorText, fieldErrors } from '../lib/errors';
import { elapsed, formatDuration, formatWhen } from '../lib/format';
import { useDocumentTitle } from '../lib/document-title';
import { READ_ONLY_HINT, useCanWrite, useConnection } from '../lib/Providers';

type ExperimentRow = WebExperimentsQuery['experiments']['edges'][number]['node'];

const STATUSES = ['QUEUED', 'RUNNING', 'ANALYZING', 'SUCCEEDED', 'FAILED', 'CANCELLED'] as const;
const LIVE = new Set(['QUEUED', 'RUNNING', 'ANALYZING']);
/** Experiments per page of the list. */
const EXPERIMENTS_PAGE = 50;

/** Debounces a value (the search box) so typing does not send a query per key. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export default function ExperimentsPage() {
  const router = useRouter();
  const { epoch } = useConnection();
  const canWrite = useCanWrite();
  useDocumentTitle('Experiments');
  const [text, setText] = useState('');
  const [status, setStatus] = useState<string>('');
  const [project, setProject] = useState<string>('');
  const [creating, setCreating] = useState(false);
  const search = useDebounced(text, 250);
  const filter = useMemo(
    () => ({ text: search.trim() || null, status: status ? [status as (typeof STATUSES)[number]] : null, project: project || null }),
    [search, status, project],
  );
  // Pages of 50, newest first; `pages` holds the cursor each page after the first starts from.
  const [pages, setPages] = useState<string[]>([]);
  useEffect(() => setPages([]), [filter]);
  const after = pages[pages.length - 1] ?? null;
  const [{ data, fetching, error }, refetch] = useQuery({ query: WebExperimentsDocument, variables: { first: EXPERIMENTS_PAGE, after, filter } });
  const [quick, launchQuick] = useMutation(WebLaunchExperimentDocument);
  const rows: ExperimentRow[] = data?.experiments.edges.map((e) => e.node) ?? [];
  const anyLive = rows.some((r) => LIVE.has(r.status));
  const [now, setNow] = useState(() => Date.now());

  // Live status: while anything runs, poll (cheap: one list query) and tick the durations.
  useEffect(() => {
    const timer = setInterval(
      () => {
        setNow(Date.now());
        refetch({ requestPolicy: 'network-only' });
      },
      anyLive ? 1500 : 10_000,
    );
    return () => clearInterval(timer);
  }, [anyLive, refetch]);

  // After the socket reconnects (the API restarted), fetch what changed meanwhile.
  useEffect(() => {
    if (epoch > 1) refetch({ requestPolicy: 'network-only' });
  }, [epoch, refetch]);

  async function launchFitFunction() {
    const result = await launchQuick({ input: { preset: 'fit-function', scale: 'QUICK' } });
    const id = result.data?.launchExperiment.id;
    if (id) router.push(`/experiments/${id}`);
  }

  const filtered = Boolean(filter.text || filter.status || filter.project);
  const quickErrors = fieldErrors(quick.error);

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Experiments</h1>
          <div className="sub">{data ? `${data.experiments.totalCount} experiment${data.experiments.totalCount === 1 ? '' : 's'}` : ' '}</div>
        </div>
        <button type="button" className="primary" onClick={() => setCreating(true)} disabled={!canWrite} title={canWrite ? undefined : READ_ONLY_HINT}>
          New experiment
        </button>
      </div>

      {error ? <ErrorNotice>{errorText(error)}</ErrorNotice> : null}

      <div style={{ marginBottom: 16 }}>
        <SuitePanel />
      </div>

      <div className="card">
        <div className="toolbar-row">
          <label className="field" style={{ flex: 1, minWidth: 220 }}>
            Search
            <input type="search" placeholder="name, preset or notes" value={text} onChange={(e) => setText(e.target.value)} aria-label="Search experiments" />
          </label>
          <label className="field">
            Status
            <select value={status} onChange={(e) => setStatus(e.target.value)} aria-label="Filter by status">
              <option value="">any</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s.toLowerCase()}
                </option>
              ))}
            </select>
          </label>
          <ProjectFilter value={project} onChange={setProject} />
        </div>

        {fetching && !data ? (
          <div style={{ padding: 16 }}>
            <LoadingBlock height={180} />
          </div>
        ) : null}

        {data && rows.length === 0 && !filtered ? (
          <div className="empty">
            <h2>No experiments yet</h2>
            <p>
              Start with the first figure of HW1: shallow versus deep networks with the same number of parameters fitting sin(5x)/5x. The quick version
              trains in about a minute, and you can watch the curves grow.
            </p>
            <button type="button" className="primary" onClick={launchFitFunction} disabled={quick.fetching || !canWrite} title={canWrite ? undefined : READ_ONLY_HINT}>
              {quick.fetching ? 'Launching…' : 'Launch fit-function (quick)'}
            </button>
            {[...quickErrors.general, ...Object.values(quickErrors.byField)].map((m) => (
              <div key={m} style={{ marginTop: 12 }}>
                <ErrorNotice>{m}</ErrorNotice>
              </div>
            ))}
            <p style={{ marginTop: 18, fontSize: 12.5 }}>
              or <button type="button" onClick={() => setCreating(true)} disabled={!canWrite} title={canWrite ? undefined : READ_ONLY_HINT}>pick another preset</button>
            </p>
          </div>
        ) : null}

        {data && rows.length === 0 && filtered ? <div className="empty muted">No experiment matches this filter.</div> : null}

        {rows.length > 0 ? (
          <table className="data" aria-label="Experiments">
            <thead>
              <tr>
                <th>Name</th>
                <th>Status</th>
                <th>Preset</th>
                <th style={{ width: 160 }}>Progress</th>
                <th className="num">Runs</th>
                <th>Started</th>
                <th className="num">Duration</th>
                <th>Tags</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const done = row.runCounts.succeeded + row.runCounts.failed + row.runCounts.cancelled + row.runCounts.diverged + row.runCounts.crashed;
                const failed = row.runCounts.failed + row.runCounts.diverged + row.runCounts.crashed;
                return (
                  <tr key={row.id} className="clickable" onClick={() => router.push(`/experiments/${row.id}`)}>
                    <td>
                      <Link href={`/experiments/${row.id}`} onClick={(e) => e.stopPropagation()}>
                        {row.name}
                      </Link>
                      {row.project ? <span className="muted"> · {row.project}</span> : null}
                    </td>
                    <td>
                      <StatusBadge status={row.status} />
                    </td>
                    <td>
                      {row.preset ? <code>{row.preset}</code> : <span className="muted">custom</span>}
                      {row.scale ? <span className="muted"> · {String(row.scale).toLowerCase()}</span> : null}
                    </td>
                    <td>
                      <ProgressBar value={row.progress} label={`${row.name} progress`} status={row.status} />
                    </td>
                    <td className="num">
                      {done}/{row.runCounts.total}
                      {failed > 0 ? <span style={{ color: 'var(--bad)' }}> · {failed} failed</span> : null}
                    </td>
                    <td className="muted">{formatWhen(row.createdAt, now)}</td>
                    <td className="num">{formatDuration(elapsed(row.createdAt, row.finishedAt, now))}</td>
                    <td>
                      {row.tags.map((t) => (
                        <span key={t} className="tag">
                          {t}
                        </span>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
        {data && (pages.length > 0 || data.experiments.pageInfo.hasNextPage) ? (
          <nav className="row" aria-label="Experiment pages" style={{ gap: 8, padding: '10px 16px' }}>
            <button type="button" className="small" disabled={pages.length === 0} onClick={() => setPages((list) => list.slice(0, -1))}>
              ← Newer
            </button>
            <span className="muted" style={{ fontSize: 12.5 }}>
              {pages.length * EXPERIMENTS_PAGE + 1}–{pages.length * EXPERIMENTS_PAGE + rows.length} of {data.experiments.totalCount}
            </span>
            <button
              type="button"
              className="small"
              disabled={!data.experiments.pageInfo.hasNextPage || !data.experiments.pageInfo.endCursor}
              onClick={() => {
                const cursor = data.experiments.pageInfo.endCursor;
                if (cursor) setPages((list) => [...list, cursor]);
              }}
            >
              Older →
            </button>
          </nav>
        ) : null}
      </div>
      {creating ? <NewExperiment onClose={() => setCreating(false)} /> : null}
    </>
  );
}
