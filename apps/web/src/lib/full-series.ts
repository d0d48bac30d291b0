import { WebRunMetricPageDocument, type WebRunMetricPageQuery } from '@saddle/schema';
import type { Client, OperationResult } from 'urql';
import { toCsv, type CsvCell } from '../components/charts/export';
import type { MetricDatum } from './metrics';

/** Every stored point of one series, unsampled, read page by page (what CSV exports are made of). */
export async function fetchFullSeries(client: Client, runId: string, key: string): Promise<MetricDatum[]> {
  const points: MetricDatum[] = [];
  let afterStep: number | null = null;
  for (let page = 0; page < 10_000; page++) {
    const result: OperationResult<WebRunMetricPageQuery> = await client.query(WebRunMetricPageDocument, { id: runId, key, afterStep, first: 10_000 }, { requestPolicy: 'network-only' }).toPromise();
    if (result.error) throw new Error(result.error.message);
    const metricPage: NonNullable<WebRunMetricPageQuery['run']>['metricPage'] | undefined = result.data?.run?.metricPage;
    if (!metricPage) throw new Error(`run ${runId} not found`);
    points.push(...metricPage.points);
    if (!metricPage.hasMore || metricPage.lastStep === null || metricPage.lastStep === undefined) break;
    afterStep = metricPage.lastStep;
  }
  return points;
}

/** One CSV of many runs' series in long format: run, key, step, epoch, wall time, value. */
export async function seriesCsv(client: Client, runs: readonly { id: string; key: string }[], keys: readonly string[]): Promise<string> {
  const rows: CsvCell[][] = [];
  for (const run of runs) {
    for (const key of keys) {
      const points = await fetchFullSeries(client, run.id, key);
      for (const p of points) rows.push([run.key, run.id, key, p.step, p.epoch, new Date(p.wallTime).toISOString(), p.value]);
    }
  }
  return toCsv(['run', 'run_id', 'metric', 'step', 'epoch', 'wall_time', 'value'], rows);
}
