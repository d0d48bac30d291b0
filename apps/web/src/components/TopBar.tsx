'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { READ_ONLY_HINT, useConnection, useSession } from '../lib/Providers';
import { ThemeToggle } from './ThemeToggle';

const LABEL = { connecting: 'Connecting…', connected: 'Live', reconnecting: 'Reconnecting to the API…', unauthorized: 'Sign-in needed' } as const;

/** Navigation, the live-connection indicator and the signed-in token's scope. */
export function TopBar() {
  const pathname = usePathname();
  const { state } = useConnection();
  const { viewer, signedIn, signOut } = useSession();
  // A run's own page (/runs/<id>) belongs to its experiment; the runs table is /runs itself.
  const onRunsTable = pathname === '/runs';
  const active = (prefix: string) => (prefix === '/' ? pathname === '/' || pathname.startsWith('/experiments') || (pathname.startsWith('/runs/') && !onRunsTable) : prefix === '/runs' ? onRunsTable : pathname.startsWith(prefix));
  return (
    <header className="topbar">
      <Link href="/" className="brand" style={{ textDecoration: 'none' }}>
        <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
          <path d="M1 6 C 6 16, 14 16, 19 6" fill="none" stroke="#60a5fa" strokeWidth="2.2" />
          <path d="M4 14 C 8 6, 12 6, 16 14" fill="none" stroke="#f59e0b" strokeWidth="2.2" />
        </svg>
        Saddle
      </Link>
      <nav>
        <Link href="/" className={active('/') ? 'active' : undefined}>
          Experiments
        </Link>
        <Link href="/runs" className={active('/runs') ? 'active' : undefined}>
          Runs
        </Link>
        <Link href="/compare" className={active('/compare') ? 'active' : undefined}>
          Compare
        </Link>
        <Link href="/datasets" className={active('/datasets') ? 'active' : undefined}>
          Datasets
        </Link>
      </nav>
      <span className="spacer" />
      <span className={`conn ${state}`} data-testid="connection" data-state={state}>
        <span className="dot" />
        {LABEL[state]}
      </span>
      {viewer && !viewer.canWrite ? (
        <span className="conn" data-testid="read-only" title={READ_ONLY_HINT}>
          Read-only
        </span>
      ) : null}
      <ThemeToggle />
      {signedIn ? (
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      ) : null}
    </header>
  );
}
