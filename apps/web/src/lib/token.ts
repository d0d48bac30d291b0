/**
 * The dashboard's bearer token, kept in this browser's localStorage so a reload stays signed in.
 * Anything on this origin can read localStorage; the API is served on its own origin
 * (`saddle serve --web`), with no third-party scripts, which is what makes that acceptable.
 */
export const TOKEN_STORAGE_KEY = 'saddle.token';

/** The saved token; null when none is saved or storage is unavailable (private mode, blocked). */
export function readToken(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_STORAGE_KEY) || null;
  } catch {
    return null;
  }
}

export function saveToken(token: string): void {
  try {
    window.localStorage.setItem(TOKEN_STORAGE_KEY, token);
  } catch {
    // Storage refused: the token still works for this page's lifetime (it is held in memory).
  }
}

export function clearToken(): void {
  try {
    window.localStorage.removeItem(TOKEN_STORAGE_KEY);
  } catch {
    // nothing saved, nothing to clear
  }
}

/** `Authorization` as the API reads it, on HTTP and in graphql-ws connection_init params alike. */
export function authorization(token: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}
