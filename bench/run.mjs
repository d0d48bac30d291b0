#!/usr/bin/env node
/**
 * `npm run bench`: Saddle's engine against PyTorch on the same machine, in the same session.
 *
 * Every workload builds its model and data with @saddle/engine's public exports, writes the exact
 * arrays (θ₀, inputs, labels, directions) to a temp folder, runs the PyTorch reference on them
 * (`bench/reference/*.py` under Debian's /usr/bin/python3 with python3-torch, 2 threads) when torch
 * imports there, then times the engine. Medians after warm-up; each row records the ratio
 * saddle/pytorch and the values both sides computed, so a ratio is only read where they agree.
 * A workload whose engine function does not exist yet is recorded as `missing`, never faked.
 *
 *   node bench/run.mjs [--quick] [--only id[,id...]] [--no-reference] [--full-landscape] [--also-one-thread] [--out file]
 *
 * `--also-one-thread` runs each reference a second time with one torch thread (the engine's
 * thread count): on a machine shared with other jobs, two OpenMP threads wait on each other at
 * every parallel op, and the one-thread pair is the comparison that contention distorts least.
 *
 * Results: bench/results/latest.json (machine, backend, versions, one row per workload).
 * `node bench/render.mjs` turns them into the table in docs/performance.md.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MissingExport, relativeDifference, runReference, torchVersion, writeHandoff } from './lib/harness.mjs';
import { workloads } from './workloads/index.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const args = { quick: false, only: undefined, reference: true, fullLandscape: false, alsoOneThread: false, out: join(here, 'results', 'latest.json') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') args.quick = true;
    else if (arg === '--no-reference') args.reference = false;
    else if (arg === '--full-landscape') args.fullLandscape = true;
    else if (arg === '--also-one-thread') args.alsoOneThread = true;
    else if (arg === '--only') args.only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (arg.startsWith('--only=')) args.only = arg.slice('--only='.length).split(',').filter(Boolean);
    else if (arg === '--out') args.out = argv[++i];
    else if (arg === '--help' || arg === '-h') {
      console.log('node bench/run.mjs [--quick] [--only id[,id...]] [--no-reference] [--full-landscape] [--also-one-thread] [--out file]');
      console.log(`workloads: ${workloads.map((w) => w.id).join(', ')}`);
      process.exit(0);
    } else throw new Error(`bench/run.mjs: unknown argument '${arg}' (try --help)`);
  }
  if (args.only) {
    const known = new Set(workloads.map((w) => w.id));
    const unknown = args.only.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new Error(`bench/run.mjs: --only names unknown workloads ${unknown.join(', ')}; known: ${[...known].join(', ')}`);
  }
  return args;
}

/** The engine's backend, chosen the engine's way; recorded with how it was chosen. */
async function selectBackend(engine, tf) {
  if (typeof engine.initBackend === 'function') {
    const info = await engine.initBackend();
    const note = info.name === 'wasm' ? `engine initBackend(), SIMD ${info.simd ? 'on' : 'off'}` : 'engine initBackend()';
    return { backend: info.name, backendInfo: info, engineThreads: info.threads, backendNote: note };
  }
  // The engine cannot choose yet: time it on plain tfjs-wasm, and say so in every result.
  await import('@tensorflow/tfjs-backend-wasm');
  await tf.setBackend('wasm');
  await tf.ready();
  return { backend: tf.getBackend(), engineThreads: 1, backendNote: '@saddle/engine does not export initBackend yet: plain tfjs-wasm, without Saddle\'s kernels' };
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    hostname: os.hostname(),
  };
}

/** Relative differences of the `check` values both sides reported (same keys only). */
function agreement(engineCheck = {}, referenceCheck = {}) {
  const out = {};
  for (const [key, value] of Object.entries(engineCheck)) {
    const other = referenceCheck[key];
    if (typeof value === 'number' && typeof other === 'number') out[key] = relativeDifference(value, other);
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  // MNIST is cached as bytes on first use; keep that cache out of the working tree.
  process.env.SADDLE_DATA_DIR ??= join(os.tmpdir(), 'saddle-bench-data');
  const engine = await import('@saddle/engine');
  const tf = await import('@tensorflow/tfjs');
  const backend = await selectBackend(engine, tf);
  const torch = args.reference ? torchVersion() : undefined;
  const scale = args.quick ? 'quick' : 'full';
  const selected = workloads.filter((w) => !args.only || args.only.includes(w.id));

  const results = {
    date: new Date().toISOString(),
    scale,
    command: `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim(),
    machine: machine(),
    node: process.version,
    tfjs: tf.version?.tfjs ?? tf.version_core,
    ...backend,
    torch: torch ?? null,
    torchThreads: torch ? 2 : null,
    referenceNote: torch ? undefined : args.reference ? '/usr/bin/python3 cannot import torch: no reference run' : '--no-reference',
    loadAverage: { start: os.loadavg() },
    workloads: [],
  };
  // Rows from an earlier run are kept for workloads this run skips (--only), so the file stays
  // whole; the run header stays the earlier run's and this run is listed as an update.
  if (args.only) {
    try {
      const previous = JSON.parse(readFileSync(args.out, 'utf8'));
      const kept = (previous.workloads ?? []).filter((row) => !args.only.includes(row.id));
      if (kept.length > 0) {
        const update = { date: results.date, command: results.command, workloads: args.only, loadAverage: results.loadAverage };
        Object.assign(results, { date: previous.date, command: previous.command, scale: previous.scale, loadAverage: previous.loadAverage });
        results.updates = [...(previous.updates ?? []), update];
        results.workloads = kept;
      }
    } catch {
      // no earlier results
    }
  }
  const save = () => {
    results.loadAverage.end = os.loadavg();
    const order = new Map(workloads.map((w, i) => [w.id, i]));
    results.workloads.sort((a, b) => (order.get(a.id) ?? 99) - (order.get(b.id) ?? 99));
    mkdirSync(dirname(args.out), { recursive: true });
    writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
  };

  const dataDir = mkdtempSync(join(os.tmpdir(), 'saddle-bench-'));
  const ctx = { engine, tf, dataDir, quick: args.quick, fullLandscape: args.fullLandscape, cache: {} };
  console.log(`bench: ${scale} scale, backend ${backend.backend} (${backend.backendNote}), torch ${torch ?? 'not available'}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  try {
    for (const workload of selected) {
      const repetitions = workload.repetitions[scale];
      // Each row carries its own date and scale: with --only, rows of an earlier run are kept beside it.
      const row = { id: workload.id, title: workload.title, limits: workload.limits, tolerance: workload.tolerance ?? 1e-3, date: new Date().toISOString(), scale, repetitions, loadAverageBefore: os.loadavg()[0] };
      results.workloads = results.workloads.filter((r) => r.id !== workload.id);
      results.workloads.push(row);
      process.stdout.write(`  ${workload.id.padEnd(22)} `);
      let prepared;
      try {
        prepared = await workload.prepare(ctx);
        writeHandoff(dataDir, workload.id, prepared.meta, prepared.arrays);
      } catch (error) {
        row.status = error instanceof MissingExport ? 'missing' : 'error';
        row.reason = error.message;
        console.log(`${row.status}: ${row.reason}`);
        save();
        continue;
      }
      if (workload.reference && torch) {
        const reps = workload.referenceReps ? workload.referenceReps(repetitions.reps) : repetitions.reps;
        const options = { dataDir, warmup: repetitions.warmup, reps, full: workload.id === 'landscape-cnn' && args.fullLandscape };
        row.pytorch = runReference(join(here, 'reference', workload.reference), options);
        if (args.alsoOneThread) row.pytorchOneThread = runReference(join(here, 'reference', workload.reference), { ...options, threads: 1 });
      }
      try {
        row.saddle = { status: 'ok', ...(await workload.engine(ctx, prepared, repetitions)) };
      } catch (error) {
        const missing = error instanceof MissingExport;
        row.saddle = { status: missing ? 'missing' : 'error', reason: error.message, ...(error.partial ?? {}) };
        if (!missing) row.saddle.stack = error.stack?.split('\n').slice(0, 6).join('\n');
      }
      const saddleMs = row.saddle.status === 'ok' ? row.saddle.timing.medianMs : undefined;
      const torchMs = row.pytorch?.status === 'ok' ? row.pytorch.timing.medianMs : undefined;
      if (saddleMs !== undefined && torchMs !== undefined) {
        row.ratio = saddleMs / torchMs;
        row.agreement = agreement(row.saddle.check, row.pytorch.check);
      }
      if (saddleMs !== undefined && row.pytorchOneThread?.status === 'ok') row.ratioOneThread = saddleMs / row.pytorchOneThread.timing.medianMs;
      row.status = row.saddle.status;
      row.loadAverageAfter = os.loadavg()[0];
      if (row.saddle.status !== 'ok') row.reason = row.saddle.reason;
      const show = (ms) => (ms === undefined ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
      console.log(
        `pytorch ${show(torchMs)}  saddle ${show(saddleMs)}${row.ratio ? `  ratio ${row.ratio.toFixed(2)}×` : ''}` +
          `${row.ratioOneThread ? `  (1-thread pytorch ${show(row.pytorchOneThread.timing.medianMs)}, ratio ${row.ratioOneThread.toFixed(2)}×)` : ''}` +
          `${row.saddle.status !== 'ok' ? `  [${row.saddle.status}: ${row.saddle.reason}]` : ''}` +
          `${row.pytorch?.status === 'error' ? `  [pytorch error: ${row.pytorch.error}]` : ''}`,
      );
      save();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  save();
  console.log(`bench: wrote ${args.out}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
