'use client';

import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * True while the page is being printed (the browser's print, or print media emulated by a test or
 * a PDF renderer). Charts measure their box in JavaScript, which a print stylesheet cannot
 * resize, so they redraw at a page's width while this is true.
 */
export function usePrinting(): boolean {
  // false on the first render, as on the server, so hydration matches; the effect corrects it
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia('print');
    if (query.matches) setPrinting(true);
    // The browser lays the page out for print right after `beforeprint` returns: the redraw must
    // be committed synchronously inside the handler, hence flushSync.
    const set = (value: boolean) => flushSync(() => setPrinting(value));
    const onChange = (event: MediaQueryListEvent) => set(event.matches);
    const onBefore = () => set(true);
    const onAfter = () => set(query.matches);
    query.addEventListener('change', onChange);
    window.addEventListener('beforeprint', onBefore);
    window.addEventListener('afterprint', onAfter);
    return () => {
      query.removeEventListener('change', onChange);
      window.removeEventListener('beforeprint', onBefore);
      window.removeEventListener('afterprint', onAfter);
    };
  }, []);
  return printing;
}
