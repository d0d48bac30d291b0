'use client';

import { WebViewerDocument, type WebViewerQuery } from '@saddle/schema';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Provider, type Client, type CombinedError } from 'urql';
import { createSaddleClient, type ConnectionState } from './client';
import { clearToken, readToken, saveToken } from './token';

interface Connection {
  state: ConnectionState;
  /** Increments on every (re)connection: pages refetch what they may have missed while away. */
  epoch: number;
}

export type Viewer = WebViewerQuery['viewer'];

export interface Session {
  /** `checking` until the API said what the token allows; `signed-out` when it wants a (new) token. */
  status: 'checking' | 'ready' | 'signed-out';
  /** What the token allows; null while unknown (API not reachable yet). */
  viewer: Viewer | null;
  /** Whether a token is in use (so signing out means something). */
  signedIn: boolean;
  /** A token from the sign-in form is being tried (the form stays up meanwhile). */
  signingIn: boolean;
  /** Why the sign-in form is shown: a refused or revoked token, too many attempts. */
  message: string | null;
  /** Tries this token; it is saved in localStorage once the API accepts it. */
  signIn(token: string): void;
  /** Forgets the saved token. */
  signOut(): void;
}

const ConnectionContext = createContext<Connection>({ state: 'connecting', epoch: 0 });
const SessionContext = createContext<Session>({ status: 'checking', viewer: null, signedIn: false, signingIn: false, message: null, signIn: () => undefined, signOut: () => undefined });

/** The socket's state and a counter that changes on each reconnection. */
export function useConnection(): Connection {
  return useContext(ConnectionContext);
}

/** The sign-in state and what the token allows. */
export function useSession(): Session {
  return useContext(SessionContext);
}

/** Shown on write actions a READ token cannot use. */
export const READ_ONLY_HINT = 'Read-only: this token has scope read. Sign in with a write token (`saddle token create --scope write`) to launch, cancel or delete.';

/**
 * Whether this session may change things. True while unknown: the API still refuses what the
 * token does not allow, and hiding every button while the API restarts would be worse.
 */
export function useCanWrite(): boolean {
  return useSession().viewer?.canWrite ?? true;
}

function codes(error: CombinedError): string[] {
  return error.graphQLErrors.map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : ''));
}

/**
 * Creates the urql client in the browser only (the dashboard is client-rendered: its data is live
 * and the server has no socket to the API), with the saved token, and asks the API what the token
 * allows (`viewer`). A refused token (HTTP 401/429, or the socket closed with 4403) shows the
 * sign-in form instead of an error and "Connecting…" forever.
 */
export function Providers({ children }: { children: ReactNode }) {
  const [client, setClient] = useState<Client | null>(null);
  const [connection, setConnection] = useState<Connection>({ state: 'connecting', epoch: 0 });
  // undefined until localStorage was read (it exists only in the browser, after the first render).
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const [status, setStatus] = useState<Session['status']>('checking');
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // Bumped by every sign-in, so trying the same token again asks the API again.
  const [attempt, setAttempt] = useState(0);
  const [signingIn, setSigningIn] = useState(false);

  useEffect(() => setToken(readToken()), []);

  useEffect(() => {
    if (token === undefined) return;
    let live = true;
    // The socket is refused (4403) as soon as the HTTP check is: only once the token was accepted
    // does a refused socket mean something new (the token was revoked since).
    let accepted = false;
    const refuse = (why: string | null) => {
      if (!live) return;
      if (token) clearToken();
      setMessage(why);
      setStatus('signed-out');
      setSigningIn(false);
      setViewer(null);
    };
    const { client: created, ws } = createSaddleClient((state) => {
      if (state === 'unauthorized' && accepted) refuse(token ? 'The API refused this token (it may have been revoked). Sign in with another one.' : null);
      setConnection((previous) => ({ state, epoch: state === 'connected' ? previous.epoch + 1 : previous.epoch }));
    }, token);
    setStatus('checking');
    void created
      .query(WebViewerDocument, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (!live) return;
        if (result.data) {
          accepted = true;
          setSigningIn(false);
          if (token) saveToken(token);
          setViewer(result.data.viewer);
          setMessage(null);
          setStatus('ready');
        } else if (result.error && codes(result.error).some((code) => code === 'UNAUTHENTICATED' || code === 'RATE_LIMITED')) {
          const serverMessage = result.error.graphQLErrors[0]?.message ?? 'Sign in with a token.';
          refuse(token || codes(result.error).includes('RATE_LIMITED') ? serverMessage : null);
        } else {
          // The API is not reachable (yet): show the pages, which retry; the socket's reconnection asks again.
          setSigningIn(false);
          setStatus('ready');
        }
      });
    setClient(created);
    return () => {
      live = false;
      void ws.dispose();
    };
  }, [token, attempt]);

  // After a reconnection (an API restart, tokens possibly revoked meanwhile) ask again what the token allows.
  useEffect(() => {
    if (!client || connection.epoch < 2) return;
    void client
      .query(WebViewerDocument, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (result.data) setViewer(result.data.viewer);
      });
  }, [client, connection.epoch]);

  const signIn = useCallback((candidate: string) => {
    setToken(candidate.trim());
    setSigningIn(true);
    setAttempt((n) => n + 1);
  }, []);
  const signOut = useCallback(() => {
    clearToken();
    setMessage(null);
    setToken(null);
  }, []);
  const session = useMemo<Session>(() => ({ status, viewer, signedIn: status === 'ready' && Boolean(token), signingIn, message, signIn, signOut }),
    [status, viewer, token, signingIn, message, signIn, signOut],
  );

  if (!client) {
    return (
      <main>
        <div className="skeleton" style={{ height: 24, width: 220, marginBottom: 16 }} />
        <div className="skeleton" style={{ height: 320 }} />
      </main>
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <ConnectionContext.Provider value={connection}>
        <Provider value={client}>{children}</Provider>
      </ConnectionContext.Provider>
    </SessionContext.Provider>
  );
}
