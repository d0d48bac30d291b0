import { WebRunMetricPageDocument, WebSeriesCsvBatchDocument, type WebRunMetricPageQuery } from '@saddle/schema';
import type { Client, OperationResult } from 'urql';
import { toCsv, type CsvCell } from '../components/charts/export';
import { readColumns } from './columns';
import type { MetricDatum } from './metrics';

/** Unsampled points per page (the API's maximum). */
const PAGE = 10_000;
/** Runs whose first page one request asks for: 10 × 10,000 points stay a few MB per answer. */
const RUNS_PER_BATCH = 10;

/** How far an export has come: series read so far of all it will read. */
export type CsvProgress = (done: number, total: number) => void;

/**
 * Every stored point of one series, unsampled, read page by page (what CSV exports are made of),
 * from the step after `afterStep` (null: from the first).
 */
export async function fetchFullSeries(client: Client, runId: string, key: string, afterStep: number | null = null): Promise<MetricDatum[]> {
  const points: MetricDatum[] = [];
  let after = afterStep;
  for (let page = 0; page < 10_000; page++) {
    const result: OperationResult<WebRunMetricPageQuery> = await client.query(WebRunMetricPageDocument, { id: runId, key, afterStep: after, first: PAGE }, { requestPolicy: 'network-only' }).toPromise();
    if (result.error) throw new Error(result.error.message);
    const metricPage: NonNullable<WebRunMetricPageQuery['run']>['metricPage'] | undefined = result.data?.run?.metricPage;
    if (!metricPage) throw new Error(`run ${runId} not found`);
    points.push(...metricPage.points);
    if (!metricPage.hasMore || metricPage.lastStep === null || metricPage.lastStep === undefined) break;
    after = metricPage.lastStep;
  }
  return points;
}

const HEADER = ['run', 'run_id', 'metric', 'step', 'epoch', 'wall_time', 'value'];

/**
 * One CSV of many runs' series in long format: run, key, step, epoch, wall time, value. Read ten
 * runs per request (their first page each; longer series go on page by page), reported to
 * `onProgress` after each batch, and kept as one CSV chunk per batch in a Blob rather than one
 * string of every row.
 */
export async function seriesCsv(client: Client, runs: readonly { id: string; key: string }[], keys: readonly string[], onProgress?: CsvProgress): Promise<Blob> {
  const total = runs.length * keys.length;
  const chunks: string[] = [toCsv(HEADER, [])];
  let done = 0;
  onProgress?.(0, total);
  for (const key of keys) {
    for (let start = 0; start < runs.length; start += RUNS_PER_BATCH) {
      const batch = runs.slice(start, start + RUNS_PER_BATCH);
      const result = await client.query(WebSeriesCsvBatchDocument, { ids: batch.map((r) => r.id), key, first: PAGE }, { requestPolicy: 'network-only' }).toPromise();
      if (result.error) throw new Error(result.error.message);
      const pages = new Map((result.data?.runsById ?? []).map((r) => [r.id, r.metricPage]));
      const rows: CsvCell[][] = [];
      for (const run of batch) {
        const page = pages.get(run.id);
        if (!page) throw new Error(`run ${run.id} not found`);
        // A non-finite value is data: written as the API spells it ("NaN", "Infinity", "-Infinity").
        const { steps, values, wallTimes, epochs } = readColumns(page.columns);
        for (let i = 0; i < steps.length; i++) rows.push([run.key, run.id, key, steps[i], epochs[i], new Date(wallTimes[i] as number).toISOString(), values[i]]);
        const rest = page.hasMore && page.lastStep !== null && page.lastStep !== undefined ? await fetchFullSeries(client, run.id, key, page.lastStep) : [];
        for (const p of rest) rows.push([run.key, run.id, key, p.step, p.epoch, new Date(p.wallTime).toISOString(), p.value]);
      }
      // toCsv of no header starts with an empty line
      if (rows.length > 0) chunks.push(toCsv([], rows).slice(1));
      done += batch.length;
      onProgress?.(done, total);
    }
  }
  return new Blob(chunks, { type: 'text/csv;charset=utf-8' });
}
