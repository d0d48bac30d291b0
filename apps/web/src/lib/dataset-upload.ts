import { apiEndpoints } from './client';
import { authorization, readToken } from './token';

/** What `POST /datasets/:name` answers on success (Query.datasets' fields). */
export interface UploadedDataset {
  name: string;
  examples: number;
  inputShape: number[];
  numClasses: number;
}

/** The upload form's fields a refusal can name (the API's `extensions.path[0]`). */
export type UploadField = 'name' | 'file' | 'target' | 'task';
const UPLOAD_FIELDS: readonly string[] = ['name', 'file', 'target', 'task'];

/** A refused upload: the API's message, and the field it names when it names one, for the form to show beside it. */
export class DatasetUploadError extends Error {
  constructor(
    message: string,
    readonly field: UploadField | null,
    readonly status: number,
  ) {
    super(message);
    this.name = 'DatasetUploadError';
  }
}

/**
 * Registers a file as a dataset through the API's upload endpoint (`POST /datasets/:name?file=`),
 * with the session's bearer token (a form post could not send it). The file's name picks the
 * format (.csv, .npy, .npz, .zip of an image folder). A refusal rejects with a
 * {@link DatasetUploadError}: the API's own message (which names the row and column, dtype or
 * shape at fault) and the field it is about.
 */
export async function uploadDataset(name: string, file: File, options: { target?: string; task?: 'classification' | 'regression' } = {}, fetcher: typeof fetch = fetch): Promise<UploadedDataset> {
  const { http } = apiEndpoints(window.location);
  const url = new URL(`/datasets/${encodeURIComponent(name)}`, http);
  url.searchParams.set('file', file.name);
  if (options.target) url.searchParams.set('target', options.target);
  if (options.task) url.searchParams.set('task', options.task);
  const response = await fetcher(url.toString(), { method: 'POST', body: file, headers: { 'content-type': 'application/octet-stream', ...authorization(readToken()) } });
  const text = await response.text();
  let body: { data?: { dataset?: UploadedDataset }; errors?: { message?: string; extensions?: { path?: unknown } }[] } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // not JSON (a proxy's page): the text is the message
  }
  if (!response.ok || !body.data?.dataset) {
    const messages = (body.errors ?? []).map((e) => e.message).filter((m): m is string => Boolean(m));
    const path = body.errors?.[0]?.extensions?.path;
    const first = Array.isArray(path) ? String(path[0]) : '';
    const field = UPLOAD_FIELDS.includes(first) ? (first as UploadField) : null;
    throw new DatasetUploadError(`${response.status} ${response.statusText}: ${messages.length > 0 ? messages.join('; ') : text.trim()}`, field, response.status);
  }
  return body.data.dataset;
}
