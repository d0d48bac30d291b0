/**
 * An experiment's findings from what the store holds: its runs (effective specs, final metrics),
 * its figures and the metric series a finding reads. The verdicts themselves are the engine's
 * (`findingsOf`): this file only gathers their input.
 */
import type { Finding, FindingRun } from '@saddle/engine';
import { findingsOf, isPresetId, presets, SCALES, seriesReadBy } from '../engine.js';
import type { Store } from '../store/store.js';
import { NotFoundError } from '../errors.js';

export interface ExperimentFindings {
  experimentId: string;
  name: string;
  preset: string;
  scale: string | null;
  status: string;
  /**
   * From its first run's start (its creation when none started) to the end of its analysis, in
   * seconds; null while it runs. Time queued behind other experiments (a suite's) is not counted.
   */
  wallSeconds: number | null;
  findings: Finding[];
}

export async function experimentFindings(store: Store, experimentId: string): Promise<ExperimentFindings> {
  const experiment = await store.getExperiment(experimentId);
  if (!experiment) throw new NotFoundError('Experiment', experimentId);
  const records = await store.runsOf(experimentId);
  const starts = records.flatMap((r) => (r.startedAt === null ? [] : [r.startedAt]));
  const startedAt = starts.length > 0 ? Math.min(...starts) : experiment.createdAt;
  const head = {
    experimentId,
    name: experiment.name,
    preset: experiment.preset ?? '',
    scale: experiment.scale,
    status: experiment.status,
    wallSeconds: experiment.finishedAt === null ? null : (experiment.finishedAt - startedAt) / 1000,
  };
  // Findings belong to the catalogue's claims; a custom experiment has none.
  if (!experiment.preset || !isPresetId(experiment.preset)) return { ...head, findings: [] };
  // Only the series the preset's findings read: a 100-run experiment's curves stay in the store.
  const seriesKeys = seriesReadBy(experiment.preset);
  const runs: FindingRun[] = [];
  for (const record of records) {
    const series: NonNullable<FindingRun['series']> = {};
    for (const key of seriesKeys) {
      const points = await store.metricSeries(record.id, key);
      if (points.length > 0) series[key] = points.map((p) => ({ step: p.step, value: p.value }));
    }
    runs.push({
      key: record.key,
      group: record.group,
      config: record.config,
      status: record.status,
      spec: record.spec,
      steps: record.end?.steps ?? null,
      epochs: record.end?.epochs ?? null,
      final: record.end?.final ?? {},
      series,
    });
  }
  const figures = (await store.figuresOf(experimentId)).map(({ id, title, data }) => ({ id, title, data }));
  const scale = SCALES.find((s) => s === experiment.scale) ?? null;
  return { ...head, findings: findingsOf({ preset: experiment.preset, scale, runs, figures }) };
}

/** The newest SUCCEEDED experiment of each preset, in catalogue order, optionally of one scale or tag. */
export async function newestPerPreset(store: Store, options: { scale?: string; tag?: string } = {}): Promise<string[]> {
  const ids: string[] = [];
  for (const preset of presets) {
    let after: { createdAt: number; id: string } | undefined;
    for (;;) {
      const page = await store.listExperiments({ first: 50, ...(after && { after }), filter: { preset: preset.id, status: ['SUCCEEDED'], ...(options.tag && { tag: options.tag }) } });
      const match = page.items.find((e) => options.scale === undefined || e.scale === options.scale);
      if (match) {
        ids.push(match.id);
        break;
      }
      const last = page.items[page.items.length - 1];
      if (!page.hasNextPage || !last) break;
      after = { createdAt: last.createdAt, id: last.id };
    }
  }
  return ids;
}

/** A Markdown table of experiments' findings: one row per claim, with verdict, evidence and time. */
export function findingsMarkdown(results: readonly ExperimentFindings[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = ['| preset | scale | claim | verdict | seeds | evidence | wall time |', '| --- | --- | --- | --- | --- | --- | --- |'];
  for (const result of results) {
    const time = result.wallSeconds === null ? '(running)' : formatDuration(result.wallSeconds);
    for (const finding of result.findings) {
      lines.push(`| ${result.preset} | ${result.scale ?? '—'} | ${cell(finding.claim)} | **${finding.verdict}** | ${finding.seeds} | ${cell(finding.evidence)} | ${time} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function formatDuration(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
