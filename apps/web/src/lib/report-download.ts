import { download } from '../components/charts/export';
import { apiEndpoints } from './client';
import { authorization, readToken } from './token';

/** The file name a response asks for (`Content-Disposition: attachment; filename="…"`), else `fallback`. */
export function attachmentName(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // a malformed encoding: try the plain parameter
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/**
 * Downloads a report export from the API (`Report.downloads`): fetched with the session's bearer
 * token (a plain link could not send it), then saved under the name the API gives. A refusal
 * (401, or 503 when the server has no Chromium for the PDF) rejects with the API's own message.
 */
export async function downloadReportExport(path: string, fallbackName: string, fetcher: typeof fetch = fetch): Promise<void> {
  const { http } = apiEndpoints(window.location);
  const url = new URL(path, http).toString();
  const response = await fetcher(url, { headers: authorization(readToken()) });
  if (!response.ok) {
    const text = (await response.text()).trim();
    let message = text;
    try {
      // the API answers errors as GraphQL does: { errors: [{ message, extensions: { code } }] }
      const body = JSON.parse(text) as { errors?: { message?: string }[] };
      const messages = (body.errors ?? []).map((e) => e.message).filter((m): m is string => Boolean(m));
      if (messages.length > 0) message = messages.join('; ');
    } catch {
      // not JSON: the text is the message
    }
    throw new Error(`${response.status} ${response.statusText}${message ? `: ${message}` : ''}`);
  }
  download(attachmentName(response.headers.get('content-disposition'), fallbackName), await response.blob());
}
