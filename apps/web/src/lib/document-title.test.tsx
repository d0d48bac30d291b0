import { render, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useDocumentTitle } from './document-title';

function Page({ what }: { what: string }) {
  useDocumentTitle(what);
  return null;
}

describe('useDocumentTitle', () => {
  it('sets the tab title and puts it back when something else (Next’s metadata) writes over it', async () => {
    document.head.appendChild(document.createElement('title'));
    const { unmount } = render(<Page what="fit-function" />);
    expect(document.title).toBe('fit-function · Saddle');
    document.title = 'Saddle';
    await waitFor(() => expect(document.title).toBe('fit-function · Saddle'));
    unmount();
    document.title = 'Saddle';
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.title).toBe('Saddle');
  });
});
