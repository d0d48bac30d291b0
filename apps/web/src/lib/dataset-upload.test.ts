import { afterEach, describe, expect, it, vi } from 'vitest';
import { uploadDataset } from './dataset-upload';
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
});
