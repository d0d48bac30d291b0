/**
 * What `saddle run` shows while it follows an experiment and when it ends: one line per run
 * (progress, ETA, status, latest loss and accuracy) that fits the terminal's width, the
 * heartbeat lines of piped output, and the end summary. Pure functions of the follower's state,
 * so the layout is tested without a terminal.
 */
import { etaSeconds } from '../common/eta.js';

/** What the follower knows of one run. */
export interface RunView {
  key: string;
  status: string;
  /** 0…1 */
  fraction: number;
  /** When it started RUNNING here (ms since the epoch), for its ETA. */
  startedAt?: number;
  /** Latest value of each metric key seen (train/loss, test/accuracy, …). */
  latest: Map<string, number>;
}

/** Metrics shown live, most telling first: loss, then accuracy for classifiers. */
const LIVE_METRICS: readonly { key: string; label: string; percent: boolean }[] = [
  { key: 'train/loss', label: 'loss', percent: false },
  { key: 'train/accuracy', label: 'acc', percent: true },
  { key: 'test/accuracy', label: 'test', percent: true },
];

/** 0.012345 → "1.23e-2"; 1.5 → "1.500": a fixed, short width whatever the magnitude. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 0.01 || abs >= 1000)) return value.toExponential(2).replace('e+', 'e');
  return value.toPrecision(4);
}

/** "loss 1.23e-2 acc 98.1%": the live metrics this run has reported so far. */
export function liveMetrics(latest: ReadonlyMap<string, number>): string {
  const parts: string[] = [];
  for (const { key, label, percent } of LIVE_METRICS) {
    const value = latest.get(key);
    if (value === undefined) continue;
    parts.push(`${label} ${percent ? `${(value * 100).toFixed(1)}%` : formatValue(value)}`);
  }
  return parts.join(' ');
}

/** 75 → "1m15s", 3725 → "1h02m"; under a minute "42s". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** The ETA column: "ETA 1m15s" once known, "queued" before the run starts, blank at the end. */
export function etaColumn(view: Pick<RunView, 'status' | 'fraction' | 'startedAt'>, now: number): string {
  if (view.status === 'QUEUED') return 'queued';
  if (view.status !== 'RUNNING') return '';
  const eta = etaSeconds(view.fraction, view.startedAt, now);
  return eta === undefined ? 'ETA …' : `ETA ${formatDuration(eta)}`;
}

const LABEL_WIDTH = 12;
const STATUS_WIDTH = 9; // SUCCEEDED, CANCELLED
const ETA_WIDTH = 10; // "ETA 59m59s"
const METRICS_WIDTH = 23; // "loss 1.23e-2 acc 98.1%"

/**
 * One progress line: `label |bar| pct% ETA status metrics`, exactly `width` columns or fewer. The
 * bar takes what the fixed columns and the metrics leave (at least 5 cells); when even that does
 * not fit, the metrics are cut, never the status.
 */
export function progressLine(label: string, view: Pick<RunView, 'status' | 'fraction' | 'startedAt'>, metrics: string, width: number, now: number): string {
  const name = label.length > LABEL_WIDTH ? `${label.slice(0, LABEL_WIDTH - 1)}…` : label.padEnd(LABEL_WIDTH);
  const percent = `${String(Math.round(view.fraction * 100)).padStart(3)}%`;
  const eta = etaColumn(view, now).padEnd(ETA_WIDTH);
  const status = view.status.padEnd(STATUS_WIDTH);
  // name + " |" + bar + "| " + percent + " " + eta + " " + status + " " + metrics
  const fixed = name.length + 2 + 2 + percent.length + 1 + eta.length + 1 + status.length;
  // The same bar width on every line (so the bars line up), leaving room for "loss … acc …".
  const barWidth = Math.max(5, Math.min(30, width - fixed - METRICS_WIDTH - 1));
  const room = width - fixed - barWidth - 1;
  const shown = metrics.length <= room ? metrics : room > 2 ? `${metrics.slice(0, room - 1)}…` : '';
  const filled = Math.round(Math.min(1, Math.max(0, view.fraction)) * barWidth);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}`;
  return `${name} |${bar}| ${percent} ${eta} ${status}${shown ? ` ${shown}` : ''}`.trimEnd();
}

/** A heartbeat line of piped output: `run seed0: RUNNING 40% ETA 1m20s loss 1.23e-2 acc 97.1%`. */
export function heartbeatLine(view: RunView, now: number): string {
  const eta = etaColumn(view, now);
  const metrics = liveMetrics(view.latest);
  return [`run ${view.key}: ${view.status} ${Math.round(view.fraction * 100)}%`, eta, metrics].filter(Boolean).join(' ');
}

/** Final metrics in a stable order: train before test, loss before accuracy, then the rest by name. */
export function finalMetrics(final: Readonly<Record<string, number | null>> | null | undefined): string {
  if (!final) return '';
  const rank = (key: string) => {
    const order = ['train/loss', 'train/accuracy', 'test/loss', 'test/accuracy'];
    const i = order.indexOf(key);
    return i === -1 ? order.length : i;
  };
  return Object.entries(final)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([key, value]) => `${key} ${value === null ? 'n/a' : key.endsWith('accuracy') ? `${(value * 100).toFixed(2)}%` : formatValue(value)}`)
    .join('  ');
}

/** Greedy wrap at two-space separators ("train/loss 1.2e-3  test/loss …") into lines of at most `width`. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const part of text.split('  ').filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 2 + part.length <= width) lines[lines.length - 1] = `${last}  ${part}`;
    else lines.push(part);
  }
  return lines;
}
