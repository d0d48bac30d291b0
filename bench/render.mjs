#!/usr/bin/env node
/**
 * Regenerates the results table (and the line saying where it was measured) in
 * docs/performance.md from a results file, between the marker comments:
 *
 *   <!-- bench:results:start --> … <!-- bench:results:end -->
 *
 *   node bench/render.mjs [--in bench/results/latest.json] [--doc docs/performance.md] [--check]
 *
 * `--check` exits 1 when the document is not what the results render to (for CI), without writing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workloads } from './workloads/index.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Rows written before a field existed fall back to the workload's current definition. */
const definitions = new Map(workloads.map((w) => [w.id, w]));
const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

function parseArgs(argv) {
  const args = { in: join(root, 'bench', 'results', 'latest.json'), doc: join(root, 'docs', 'performance.md'), check: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--in') args.in = argv[++i];
    else if (argv[i] === '--doc') args.doc = argv[++i];
    else if (argv[i] === '--check') args.check = true;
    else throw new Error(`bench/render.mjs: unknown argument '${argv[i]}'`);
  }
  return args;
}

/** 0.42 ms, 31.6 ms, 2.31 s, 12.4 min, 13.1 h: three significant figures, unit by size. */
export function formatMs(ms) {
  if (ms === undefined || ms === null || !Number.isFinite(ms)) return '—';
  const three = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  if (ms < 1000) return `${three(ms)} ms`;
  if (ms < 120_000) return `${three(ms / 1000)} s`;
  if (ms < 120 * 60_000) return `${three(ms / 60_000)} min`;
  return `${three(ms / 3_600_000)} h`;
}

export function formatRatio(ratio) {
  if (ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(2)}×`;
}

/** Table cells never contain a bare `|` or a line break. */
const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function timeCell(side, row, showCpu) {
  if (!side) return '—';
  if (side.status !== 'ok') {
    const loop = side.loop ? ` (loop of 100: ${formatMs(side.loop.medianMs)})` : '';
    return side.status === 'missing' ? `not yet${loop}` : `error${loop}`;
  }
  let text = formatMs(side.timing.medianMs);
  const notes = [];
  if (side.timing.extrapolated) notes.push(`est. from ${side.timedPoints ?? side.perPoint?.reps} points`);
  if (showCpu && side.timing.cpuMedianMs !== undefined) notes.push(`CPU ${formatMs(side.timing.cpuMedianMs)}`);
  if (notes.length) text += ` (${notes.join(', ')})`;
  if (row.id === 'ensemble-mlp' && side.loop) text += `; loop ${formatMs(side.loop.medianMs)}`;
  if (side === row.saddle && row.engineThreads !== undefined) text += ` [${row.engineThreads} thread${row.engineThreads === 1 ? '' : 's'}]`;
  return text;
}

/** Largest relative difference of the values both sides computed, when above the row's tolerance. */
function disagreement(row) {
  const values = Object.values(row.agreement ?? {});
  if (values.length === 0) return undefined;
  const worst = Math.max(...values);
  return worst > (row.tolerance ?? definitions.get(row.id)?.tolerance ?? 1e-3) ? worst : undefined;
}

export function renderResults(results) {
  const m = results.machine;
  const lines = [];
  const loads = results.workloads.flatMap((w) => [w.loadAverageBefore, w.loadAverageAfter]).filter((l) => typeof l === 'number');
  const peakLoad = loads.length ? Math.max(...loads) : undefined;
  lines.push(
    `Measured ${results.date.slice(0, 16).replace('T', ' ')} UTC with \`${results.command}\` (${results.scale} repetitions) on ` +
      `${m.cpus} × ${m.model}, ${m.memoryGiB} GiB; Node ${results.node}, tfjs ${results.tfjs} on \`${results.backend}\` ` +
      `(${results.backendNote}${results.engineThreads === undefined ? '; each row in its own process, with the threads the engine recommends for its model, given beside its time' : `, ${results.engineThreads} thread${results.engineThreads === 1 ? '' : 's'}`}), ` +
      (results.torch ? `PyTorch ${results.torch} (${results.torchThreads} threads).` : `no PyTorch reference (${results.referenceNote}).`),
  );
  for (const update of results.updates ?? []) {
    lines.push('');
    lines.push(`Rows ${update.workloads.join(', ')} re-measured ${update.date.slice(0, 16).replace('T', ' ')} UTC with \`${update.command}\`.`);
  }
  // On a shared machine wall times mostly measure the other jobs; CPU times are shown beside them.
  // The benchmark's own rows keep every core busy (2-thread PyTorch, Saddle's CNN rows), which
  // the load average counts too: only a load above the cores plus one means other jobs.
  const noisy = peakLoad !== undefined && peakLoad > m.cpus + 1;
  if (noisy) {
    lines.push('');
    lines.push(
      `**Noisy run:** the 1-minute load average reached ${peakLoad.toFixed(1)} on ${m.cpus} cores while it ran (other jobs ` +
        'shared the machine), so wall times are inflated and ratios are only indicative; each time is followed by the ' +
        "process's CPU time (PyTorch's summed over its threads). Rerun on a quiet machine.",
    );
  }
  lines.push('');
  lines.push('| workload | PyTorch | Saddle | ratio (Saddle / PyTorch) | what limits it |');
  lines.push('| --- | --- | --- | --- | --- |');
  for (const row of results.workloads) {
    let ratio = formatRatio(row.ratio);
    if (row.ratioOneThread !== undefined) {
      ratio += `; ${formatRatio(row.ratioOneThread)} against 1-thread PyTorch (${formatMs(row.pytorchOneThread.timing.medianMs)})`;
    }
    const worst = disagreement(row);
    if (worst !== undefined) ratio += ` (results differ by ${worst.toExponential(1)})`;
    if (row.id === 'ensemble-mlp') {
      const speedups = [];
      if (row.pytorch?.speedup) speedups.push(`PyTorch batched ${row.pytorch.speedup.toFixed(2)}× a loop`);
      if (row.saddle?.speedup) speedups.push(`Saddle batched ${row.saddle.speedup.toFixed(2)}× a loop`);
      if (speedups.length) ratio += `; ${speedups.join(', ')}`;
    }
    for (const highlight of row.saddle?.highlights ?? []) ratio += `; ${highlight}`;
    if (row.id === 'cnn-train-step') {
      const raw = results.workloads.find((r) => r.id === 'cnn-train-step-raw' && r.status === 'ok');
      if (raw && row.status === 'ok') ratio += `; ${(raw.saddle.timing.medianMs / row.saddle.timing.medianMs).toFixed(2)}× raw tfjs-wasm (next row)`;
    }
    // The analysis lives with the workload's code and may be newer than the run's copy.
    let limits = definitions.get(row.id)?.limits ?? row.limits ?? '';
    if (row.status && row.status !== 'ok') limits = `${row.status === 'missing' ? 'Not measured yet' : 'Failed'}: ${row.reason}. ${limits}`;
    lines.push(`| ${cell(row.title)} | ${cell(row.pytorch ? timeCell(row.pytorch, row, noisy) : '—')} | ${cell(timeCell(row.saddle, row, noisy))} | ${cell(ratio)} | ${cell(limits)} |`);
  }
  return lines.join('\n');
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const results = JSON.parse(readFileSync(args.in, 'utf8'));
  const doc = readFileSync(args.doc, 'utf8');
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`bench/render.mjs: ${args.doc} lacks the markers ${START} … ${END}`);
  const next = `${doc.slice(0, start + START.length)}\n${renderResults(results)}\n${doc.slice(end)}`;
  if (args.check) {
    if (next !== doc) {
      console.error(`bench/render.mjs: ${args.doc} is not what ${args.in} renders to; run node bench/render.mjs`);
      process.exit(1);
    }
    return;
  }
  writeFileSync(args.doc, next);
  console.log(`bench/render.mjs: wrote the table of ${args.in} into ${args.doc}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
