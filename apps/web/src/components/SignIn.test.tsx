/**
 * Signing in to an API that requires tokens: the form instead of a raw error, a refused token's
 * message, then the token sent on HTTP (Authorization: Bearer) and in graphql-ws connection_init,
 * kept in localStorage, and a READ token's read-only view; signing out forgets it.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Providers, useCanWrite } from '../lib/Providers';
import { TOKEN_STORAGE_KEY } from '../lib/token';
import { AuthGate } from './SignIn';
import { TopBar } from './TopBar';

vi.mock('next/navigation', () => ({ usePathname: () => '/' }));

/** A WebSocket that opens and records what graphql-ws sends; it never acknowledges a good token. */
class RecordingSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static sent: string[] = [];
  readyState = 0;
  protocol = 'graphql-transport-ws';
  onopen: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  constructor(readonly url: string) {
    setTimeout(() => {
      this.readyState = 1;
      this.onopen?.();
    }, 0);
  }
  send(data: string) {
    RecordingSocket.sent.push(data);
    // Like the API: a connection_init without the good token is refused with 4403, often before
    // the HTTP check has answered.
    const message = JSON.parse(data) as { type: string; payload?: { authorization?: string } };
    if (message.type === 'connection_init' && message.payload?.authorization !== `Bearer ${READ_TOKEN}`) {
      this.readyState = 3;
      this.onclose?.({ code: 4403, reason: 'Forbidden', wasClean: true });
    }
  }
  close() {
    this.readyState = 3;
  }
}

const READ_TOKEN = 'sdl_0123456789abcdef0123456789abcdef_readsecret';
const requests: { authorization: string | null; body: string }[] = [];

function fakeApi(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const headers = new Headers(init?.headers);
  const authorization = headers.get('authorization');
  requests.push({ authorization, body: String(init?.body ?? '') });
  const json = (status: number, body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  if (authorization === `Bearer ${READ_TOKEN}`) return json(200, { data: { viewer: { __typename: 'Viewer', authRequired: true, canWrite: false, scope: 'READ' } } });
  if (!authorization) return json(401, { errors: [{ message: 'A bearer token is required: send `Authorization: Bearer <token>`', extensions: { code: 'UNAUTHENTICATED' } }] });
  return json(401, { errors: [{ message: 'The bearer token is not valid (unknown or revoked): create one with `saddle token create --scope read|write`.', extensions: { code: 'UNAUTHENTICATED' } }] });
}

function Page() {
  const canWrite = useCanWrite();
  return <p>{canWrite ? 'may write' : 'read only'}</p>;
}

beforeEach(() => {
  process.env.NEXT_PUBLIC_SADDLE_API_URL = 'http://127.0.0.1:4000';
  window.localStorage.clear();
  requests.length = 0;
  RecordingSocket.sent = [];
  vi.stubGlobal('fetch', vi.fn(fakeApi));
  vi.stubGlobal('WebSocket', RecordingSocket);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('signing in to an API that requires tokens', () => {
  it('shows the form, refuses a wrong token with the API’s message, then signs in read-only with a good one', async () => {
    render(
      <Providers>
        <TopBar />
        <AuthGate>
          <Page />
        </AuthGate>
      </Providers>,
    );
    // No token: the sign-in form, not the raw 401 and not a page stuck on "Connecting…".
    const input = await screen.findByLabelText('Token');
    expect(screen.queryByText(/bearer token is required/)).toBeNull();

    fireEvent.change(input, { target: { value: 'sdl_wrong_token' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringMatching(/not valid/));
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();

    fireEvent.change(screen.getByLabelText('Token'), { target: { value: READ_TOKEN } });
    fireEvent.submit(screen.getByRole('form', { name: 'Sign in' }));
    expect(await screen.findByText('read only')).toBeTruthy();
    expect(screen.getByTestId('read-only').getAttribute('title')).toMatch(/scope read.*--scope write/);
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBe(READ_TOKEN);
    expect(requests.at(-1)?.authorization).toBe(`Bearer ${READ_TOKEN}`);
    await waitFor(() => {
      const inits = RecordingSocket.sent.map((m) => JSON.parse(m) as { type: string; payload?: unknown }).filter((m) => m.type === 'connection_init');
      expect(inits.at(-1)?.payload).toEqual({ authorization: `Bearer ${READ_TOKEN}` });
    });

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    });
    expect(await screen.findByLabelText('Token')).toBeTruthy();
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
  });

  it('signs in at once with a token saved earlier', async () => {
    window.localStorage.setItem(TOKEN_STORAGE_KEY, READ_TOKEN);
    render(
      <Providers>
        <AuthGate>
          <Page />
        </AuthGate>
      </Providers>,
    );
    expect(await screen.findByText('read only')).toBeTruthy();
    expect(screen.queryByLabelText('Token')).toBeNull();
  });
});
