import { useEffect } from 'react';

/** `<what> · Saddle`: a tab, a bookmark and a screen reader's page announcement say which page it is. */
export function documentTitle(what: string): string {
  return what === '' ? 'Saddle' : `${what} · Saddle`;
}

/** Sets the tab's title for a client-rendered page (the root layout's metadata only knows "Saddle"). */
export function useDocumentTitle(what: string): void {
  useEffect(() => {
    const title = documentTitle(what);
    document.title = title;
    // Next's App Router writes the layout's metadata title when a navigation settles, which can
    // land after this effect (a busy machine): put the page's back whenever the title changes.
    const observer = new MutationObserver(() => {
      if (document.title !== title) document.title = title;
    });
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [what]);
}
