'use client';

import { WebReportDocument, WebSetReportNoteDocument, WebSuiteDocument } from '@saddle/schema';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ReportSectionView } from '../../../components/report/ReportSectionView';
import { ErrorNotice, LoadingBlock, ProgressBar, StatusBadge } from '../../../components/StatusBadge';
import { errorText } from '../../../lib/errors';
import { formatDuration, formatWhen } from '../../../lib/format';
import { downloadReportExport } from '../../../lib/report-download';
import { useCanWrite, useConnection } from '../../../lib/Providers';

/** How often a running report is read again: its verdicts, setup and figures change as runs end. */
const POLL_MS = 4000;

const EXPORTS = [
  { format: 'markdownZip', label: 'Markdown', extension: 'md.zip', hint: 'report.md with its figures as SVG and PNG files beside it (a zip)' },
  { format: 'html', label: 'HTML', extension: 'html', hint: 'One self-contained HTML file, figures inlined' },
  { format: 'pdf', label: 'PDF', extension: 'pdf', hint: 'The report printed to PDF by the server’s Chromium' },
] as const;

/**
 * The report of a suite (every HW1 question, in HW1's order) or of one experiment, written from
 * live data: it is read again while anything runs and says which sections are still running.
 * Printing the page gives the document (globals.css `@media print`).
 */
export default function ReportPage() {
  const { id } = useParams<{ id: string }>();
  const canWrite = useCanWrite();
  const { epoch } = useConnection();
  const [{ data, fetching, error }, refetch] = useQuery({ query: WebReportDocument, variables: { id } });
  const report = data?.report ?? null;
  const isSuite = report?.subject === 'SUITE';
  const [suiteResult, refetchSuite] = useQuery({ query: WebSuiteDocument, variables: { id }, pause: !isSuite });
  const [, setReportNote] = useMutation(WebSetReportNoteDocument);
  const [tick, setTick] = useState(0);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);
  const running = report?.running ?? false;

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      refetch({ requestPolicy: 'network-only' });
      if (isSuite) refetchSuite({ requestPolicy: 'network-only' });
      setTick((n) => n + 1);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, isSuite, refetch, refetchSuite]);

  // After the socket reconnects (the API restarted), read everything again.
  useEffect(() => {
    if (epoch > 1) refetch({ requestPolicy: 'network-only' });
  }, [epoch, refetch]);

  useEffect(() => {
    if (report) document.title = `${report.title} · Saddle`;
  }, [report]);

  if (error && !report) return <ErrorNotice>{errorText(error)}</ErrorNotice>;
  if (fetching && !data) return <LoadingBlock height={420} />;
  if (!report) return <ErrorNotice>{`No suite or experiment has the id ${id}: a report is written for either.`}</ErrorNotice>;

  const suite = suiteResult.data?.suite ?? null;
  const stillRunning = report.sections.filter((s) => s.running);

  async function saveNote(sectionKey: string, markdown: string): Promise<string> {
    const result = await setReportNote({ reportId: id, sectionKey, markdown });
    if (result.error) throw new Error(errorText(result.error));
    const stored = result.data?.setReportNote;
    if (!stored) throw new Error('the API returned no note');
    return stored.html;
  }

  async function download(format: (typeof EXPORTS)[number]['format'], extension: string) {
    if (!report) return;
    setDownloadError(null);
    setDownloading(format);
    try {
      await downloadReportExport(report.downloads[format], `report-${id}.${extension}`);
    } catch (failure) {
      setDownloadError(`The ${extension.toUpperCase()} export failed: ${failure instanceof Error ? failure.message : String(failure)}`);
    } finally {
      setDownloading(null);
    }
  }

  return (
    <div className="report">
      <div className="crumbs no-print">
        <Link href="/">Experiments</Link> / report
        {report.subject === 'EXPERIMENT' ? (
          <>
            {' '}
            of <Link href={`/experiments/${id}`}>{report.title}</Link>
          </>
        ) : null}
      </div>
      <div className="page-head report-head">
        <div>
          <h1>{report.title}</h1>
          <div className="sub">
            {report.scale ? `${report.scale} scale · ` : ''}launched {formatWhen(report.createdAt)} · {report.sections.length} section{report.sections.length === 1 ? '' : 's'}
          </div>
        </div>
        <div className="row no-print">
          <div className="toolbar" role="group" aria-label="Download the report">
            {EXPORTS.map((e) => (
              <button key={e.format} type="button" onClick={() => void download(e.format, e.extension)} disabled={downloading !== null} title={e.hint}>
                {downloading === e.format ? `${e.label}…` : e.label}
              </button>
            ))}
          </div>
          <button type="button" onClick={() => window.print()} title="The browser’s print gives the same document: no controls, figures at the page’s width">
            Print
          </button>
        </div>
      </div>
      {downloadError ? (
        <div className="notice error no-print" role="alert">
          {downloadError}
        </div>
      ) : null}

      {suite ? (
        <section className="card suite-progress" aria-label="Suite progress">
          <div className="card-body row">
            <StatusBadge status={suite.status} />
            <div style={{ width: 220 }}>
              <ProgressBar value={suite.progress} label="Suite progress" />
            </div>
            <span>
              {Math.round(suite.progress * 100)}% done
              {suite.etaSeconds !== null && suite.etaSeconds !== undefined ? ` · about ${formatDuration(suite.etaSeconds * 1000)} left` : ''}
            </span>
            <span className="muted">
              {suite.experiments.filter((e) => !['QUEUED', 'RUNNING', 'ANALYZING'].includes(e.status)).length}/{suite.experiments.length} experiments ended
            </span>
          </div>
        </section>
      ) : null}

      {stillRunning.length > 0 ? (
        <div className="notice info" role="status" data-testid="report-running">
          Live:{' '}
          {stillRunning.length === report.sections.length && stillRunning.length > 1
            ? `all ${stillRunning.length} sections are still running`
            : `${stillRunning.map((s) => [s.part, s.title].filter(Boolean).join(' ')).join(', ')} ${stillRunning.length === 1 ? 'is' : 'are'} still running`}
          ; this page updates as they run.
        </div>
      ) : null}

      <nav className="report-toc no-print" aria-label="Sections">
        {report.sections.map((s) => (
          <a key={s.key} href={`#${s.key}`}>
            {[s.part, s.title].filter(Boolean).join(' · ')}
            {s.running ? ' (running)' : ''}
          </a>
        ))}
      </nav>

      <div className="stack">
        {report.sections.map((section) => (
          <ReportSectionView key={section.key} section={section} canWrite={canWrite} tick={tick} onSaveNote={(markdown) => saveNote(section.key, markdown)} />
        ))}
      </div>
    </div>
  );
}
