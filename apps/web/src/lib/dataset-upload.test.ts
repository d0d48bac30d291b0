import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatasetUploadError, uploadDataset } from './dataset-upload';
import { TOKEN_STORAGE_KEY } from './token';

afterEach(() => {
  window.localStorage.clear();
});

describe('uploadDataset', () => {
  it('posts the file to /datasets/:name with its name, the CSV options and the saved token', async () => {
    window.localStorage.setItem(TOKEN_STORAGE_KEY, 'tok-9');
    const fetcher = vi.fn(async () => new Response(JSON.stringify({ data: { dataset: { name: 'wine', examples: 3, inputShape: [2], numClasses: 2 } } }), { status: 201 }));
    const file = new File(['a,b,y\n1,2,x\n'], 'wine.csv');
    const dataset = await uploadDataset('wine', file, { target: 'y', task: 'classification' }, fetcher as unknown as typeof fetch);
    expect(dataset).toEqual({ name: 'wine', examples: 3, inputShape: [2], numClasses: 2 });
    const [url, init] = fetcher.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`${window.location.protocol}//${window.location.host}/datasets/wine?file=wine.csv&target=y&task=classification`);
    expect(init.method).toBe('POST');
    expect(init.body).toBe(file);
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer tok-9');
  });

  it("rejects with the API's message naming the problem in the file", async () => {
    const refusal = { errors: [{ message: "dataset 'bad' not registered: loadCsv: row 3, column 'a': \"three\" is not a finite number", extensions: { code: 'BAD_USER_INPUT' } }] };
    const fetcher = vi.fn(async () => new Response(JSON.stringify(refusal), { status: 400, statusText: 'Bad Request' }));
    await expect(uploadDataset('bad', new File(['a,y\n'], 'bad.csv'), {}, fetcher as unknown as typeof fetch)).rejects.toThrow(/^400 Bad Request: dataset 'bad' not registered: loadCsv: row 3, column 'a'/);
  });

  it('says which form field a refusal names (extensions.path), and none for other failures', async () => {
    const answer = (status: number, body: unknown) => vi.fn(async () => new Response(JSON.stringify(body), { status }));
    const refused = (fetcher: ReturnType<typeof answer>) => uploadDataset('iris', new File(['a,y\n'], 'iris.csv'), { target: 'kind' }, fetcher as unknown as typeof fetch).catch((error: unknown) => error);
    const target = await refused(answer(400, { errors: [{ message: "target column 'kind' not found", extensions: { code: 'BAD_USER_INPUT', path: ['target'] } }] }));
    expect(target).toBeInstanceOf(DatasetUploadError);
    expect(target).toMatchObject({ field: 'target', status: 400 });
    expect(await refused(answer(400, { errors: [{ message: 'taken', extensions: { path: ['name'] } }] }))).toMatchObject({ field: 'name' });
    expect(await refused(answer(401, { errors: [{ message: 'no token', extensions: { code: 'UNAUTHENTICATED' } }] }))).toMatchObject({ field: null, status: 401 });
  });
});
