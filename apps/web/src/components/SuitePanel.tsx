'use client';

import { WebLaunchSuiteDocument, WebSuitesDocument, type Scale } from '@saddle/schema';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorText } from '../lib/errors';
import { formatDuration, formatWhen } from '../lib/format';
import { READ_ONLY_HINT, useCanWrite } from '../lib/Providers';
import { ProgressBar, StatusBadge } from './StatusBadge';

const SCALES: { value: Scale; label: string; hint: string }[] = [
  { value: 'QUICK', label: 'quick', hint: 'Minutes on two cores: every figure, decides nothing' },
  { value: 'STANDARD', label: 'standard', hint: 'About an hour on two cores: the seeds and training that decide each finding' },
  { value: 'FULL', label: 'full', hint: 'The original HW1 sizes: hours' },
];

const LIVE = new Set(['QUEUED', 'RUNNING', 'ANALYZING']);

/** How many recent suites the panel lists. */
const RECENT = 5;

/**
 * "Run the HW1 suite": the whole catalogue as one launch at a chosen scale, and the recent suites
 * with their progress and ETA (read again every few seconds while one runs), each linking to its
 * report.
 */
export function SuitePanel() {
  const router = useRouter();
  const canWrite = useCanWrite();
  const [scale, setScale] = useState<Scale>('QUICK');
  const [{ data, error }, refetch] = useQuery({ query: WebSuitesDocument, variables: { first: RECENT } });
  const [launch, launchSuite] = useMutation(WebLaunchSuiteDocument);
  const suites = data?.suites ?? [];
  const anyLive = suites.some((s) => LIVE.has(s.status));

  useEffect(() => {
    if (!anyLive) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), 3000);
    return () => clearInterval(timer);
  }, [anyLive, refetch]);

  async function run() {
    const result = await launchSuite({ input: { suite: 'hw1', scale } });
    const id = result.data?.launchSuite.id;
    if (id) router.push(`/reports/${id}`);
  }

  return (
    <section className="card suite-panel" aria-label="HW1 suite">
      <div className="card-head">
        <h2>HW1 report</h2>
        <div className="row">
          <div className="segmented" role="group" aria-label="Suite scale">
            {SCALES.map((s) => (
              <button key={s.value} type="button" className={scale === s.value ? 'on' : undefined} aria-pressed={scale === s.value} onClick={() => setScale(s.value)} title={s.hint}>
                {s.label}
              </button>
            ))}
          </div>
          <button type="button" className="primary" onClick={() => void run()} disabled={!canWrite || launch.fetching} title={canWrite ? 'Launches every HW1 preset at this scale; the report fills in as they run' : READ_ONLY_HINT}>
            {launch.fetching ? 'Launching…' : 'Run the HW1 suite'}
          </button>
        </div>
      </div>
      <div className="card-body">
        {launch.error ? (
          <div className="notice error" role="alert">
            The suite was not launched: {errorText(launch.error)}
          </div>
        ) : null}
        {error && !data ? <div className="notice error">{errorText(error)}</div> : null}
        {suites.length === 0 ? (
          <p className="muted" style={{ margin: 0 }}>
            One launch runs every HW1 question; its report page gathers their models, figures, verdicts and your comments, and exports Markdown, HTML and PDF.
          </p>
        ) : (
          <table className="data" aria-label="Suites">
            <tbody>
              {suites.map((suite) => (
                <tr key={suite.id} data-suite={suite.id}>
                  <td>
                    <Link href={`/reports/${suite.id}`}>{suite.name}</Link>
                  </td>
                  <td>
                    <StatusBadge status={suite.status} />
                  </td>
                  <td style={{ width: 140 }}>
                    <ProgressBar value={suite.progress} label={`${suite.name} progress`} />
                  </td>
                  <td className="num">{Math.round(suite.progress * 100)}%</td>
                  <td className="muted">{LIVE.has(suite.status) && suite.etaSeconds !== null && suite.etaSeconds !== undefined ? `about ${formatDuration(suite.etaSeconds * 1000)} left` : formatWhen(suite.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
