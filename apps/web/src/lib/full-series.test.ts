import type { Client } from 'urql';
import { describe, expect, it } from 'vitest';
import { seriesCsv } from './full-series';

/** A client answering WebSeriesCsvBatch from fixed series: three points a run, the second non-finite. */
function fakeClient(asked: string[][]): Client {
  const query = (_document: unknown, variables: { ids: string[] }) => {
    asked.push(variables.ids);
    const runsById = variables.ids.map((id) => ({
      id,
      metricPage: { key: 'loss', hasMore: false, lastStep: 2, columns: { steps: [0, 1, 2], values: [1, 'NaN', 0.25], wallTimes: [0, 1000, 2000], epochs: [null, null, 1] } },
    }));
    return { toPromise: async () => ({ data: { runsById }, error: undefined }) };
  };
  return { query } as unknown as Client;
}

describe('seriesCsv', () => {
  it('reads ten runs per request, reports progress after each batch, and writes every point in long format', async () => {
    const asked: string[][] = [];
    const runs = Array.from({ length: 12 }, (_, i) => ({ id: `id${i}`, key: `run${i}` }));
    const progress: [number, number][] = [];
    const blob = await seriesCsv(fakeClient(asked), runs, ['loss'], (done, total) => progress.push([done, total]));
    expect(asked.map((ids) => ids.length)).toEqual([10, 2]);
    expect(progress).toEqual([
      [0, 12],
      [10, 12],
      [12, 12],
    ]);
    const lines = (await blob.text()).trimEnd().split('\n');
    expect(lines[0]).toBe('run,run_id,metric,step,epoch,wall_time,value');
    expect(lines).toHaveLength(1 + 12 * 3);
    expect(lines[2]).toBe('run0,id0,loss,1,,1970-01-01T00:00:01.000Z,NaN');
    expect(lines.at(-1)).toBe('run11,id11,loss,2,1,1970-01-01T00:00:02.000Z,0.25');
  });
});
