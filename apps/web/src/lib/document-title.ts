import { useEffect } from 'react';

/** `<what> · Saddle`: a tab, a bookmark and a screen reader's page announcement say which page it is. */
export function documentTitle(what: string): string {
  return what === '' ? 'Saddle' : `${what} · Saddle`;
}

/** Sets the tab's title for a client-rendered page (the root layout's metadata only knows "Saddle"). */
export function useDocumentTitle(what: string): void {
  useEffect(() => {
    document.title = documentTitle(what);
  }, [what]);
}
