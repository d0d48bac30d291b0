'use client';

import { useState, type FormEvent, type ReactNode } from 'react';
import { useSession } from '../lib/Providers';
import { ErrorNotice } from './StatusBadge';

/**
 * The sign-in form, for an API that requires tokens (bound off loopback, or SADDLE_AUTH=required).
 * The token is tried against the API and kept in this browser's localStorage once accepted.
 */
export function SignIn() {
  const { signIn, message, signingIn } = useSession();
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) signIn(token);
  };
  return (
    <div className="card" style={{ maxWidth: 560, margin: '48px auto', padding: 24 }}>
      <h1>Sign in</h1>
      <p className="muted">
        This Saddle API requires a token. Create one where the API runs with <code>npx saddle token create --scope write</code> (or{' '}
        <code>--scope read</code> for a read-only dashboard) and paste it here. It is kept in this browser only.
      </p>
      <form onSubmit={submit} aria-label="Sign in">
        <label className="field">
          Token
          <input type="password" autoComplete="off" spellCheck={false} placeholder="sdl_…" value={token} onChange={(e) => setToken(e.target.value)} aria-label="Token" />
        </label>
        {message ? (
          <div style={{ marginTop: 12 }}>
            <ErrorNotice>{message}</ErrorNotice>
          </div>
        ) : null}
        <button type="submit" className="primary" style={{ marginTop: 12 }} disabled={!token.trim() || signingIn}>
          {signingIn ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}

/**
 * The page, or the sign-in form while the API wants a token (and while a token from it is tried,
 * so the form does not flicker away), or a placeholder until the API said which.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const { status, signingIn } = useSession();
  if (status === 'signed-out' || signingIn) {
    return (
      <main>
        <SignIn />
      </main>
    );
  }
  if (status === 'checking') {
    return (
      <main>
        <div className="skeleton" style={{ height: 320 }} aria-busy="true" aria-label="Loading" />
      </main>
    );
  }
  return <>{children}</>;
}
