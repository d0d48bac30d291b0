import { afterEach, describe, expect, it, vi } from 'vitest';
import { attachmentName, downloadReportExport } from './report-download';
import { TOKEN_STORAGE_KEY } from './token';

afterEach(() => {
  vi.restoreAllMocks();
  window.localStorage.clear();
});

describe('attachmentName', () => {
  it('reads the plain and the UTF-8 filename parameters', () => {
    expect(attachmentName('attachment; filename="hw1-quick.pdf"', 'report.pdf')).toBe('hw1-quick.pdf');
    expect(attachmentName("attachment; filename*=UTF-8''hw1%20r%C3%A9sum%C3%A9.html", 'report.html')).toBe('hw1 résumé.html');
    expect(attachmentName(null, 'report.md.zip')).toBe('report.md.zip');
  });
});

describe('downloadReportExport', () => {
  it('sends the saved token and saves the file under the name the API gives', async () => {
    window.localStorage.setItem(TOKEN_STORAGE_KEY, 'tok-123');
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:1');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const fetcher = vi.fn(async () => new Response('%PDF-1.7', { headers: { 'content-disposition': 'attachment; filename="hw1.pdf"' } }));
    await downloadReportExport('/reports/s1.pdf', 'report.pdf', fetcher as unknown as typeof fetch);
    const [url, init] = fetcher.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`${window.location.protocol}//${window.location.host}/reports/s1.pdf`);
    expect(init.headers).toEqual({ authorization: 'Bearer tok-123' });
    expect(names).toEqual(['hw1.pdf']);
  });

  it('rejects with the API’s message when it refuses', async () => {
    const fetcher = vi.fn(async () => new Response(JSON.stringify({ errors: [{ message: 'no Chromium: apt-get install -y chromium', extensions: { code: 'UNAVAILABLE' } }] }), { status: 503, statusText: 'Service Unavailable' }));
    await expect(downloadReportExport('/reports/s1.pdf', 'report.pdf', fetcher as unknown as typeof fetch)).rejects.toThrow('503 Service Unavailable: no Chromium: apt-get install -y chromium');
  });
});
