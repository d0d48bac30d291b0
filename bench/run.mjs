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
 * Each workload runs in its own Node process (a fresh heap and tfjs engine per row), with the
 * wasm thread count `recommendedThreads` gives its models, as Saddle's runs get it.
 *
 * `--also-one-thread` runs each reference a second time with one torch thread (the engine's
 * thread count): on a machine shared with other jobs, two OpenMP threads wait on each other at
 * every parallel op, and the one-thread pair is the comparison that contention distorts least.
 *
 * Results: bench/results/latest.json (machine, backend, versions, one row per workload).
 * `node bench/render.mjs` turns them into the table in docs/performance.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MissingExport, relativeDifference, runReference, torchVersion, writeHandoff } from './lib/harness.mjs';
import { workloads } from './workloads/index.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const args = { quick: false, only: undefined, reference: true, fullLandscape: false, alsoOneThread: false, out: join(here, 'results', 'latest.json'), child: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') args.quick = true;
    else if (arg === '--no-reference') args.reference = false;
    else if (arg === '--full-landscape') args.fullLandscape = true;
    else if (arg === '--also-one-thread') args.alsoOneThread = true;
    else if (arg === '--only') args.only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (arg.startsWith('--only=')) args.only = arg.slice('--only='.length).split(',').filter(Boolean);
    else if (arg === '--out') args.out = argv[++i];
    else if (arg === '--child') args.child = argv[++i]; // internal: run one workload, write its row to --out
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
async function selectBackend(engine, tf, threads) {
  if (typeof engine.initBackend === 'function') {
    const info = await engine.initBackend(threads === undefined ? {} : { threads });
    const note = info.name === 'wasm' ? `engine initBackend(), SIMD ${info.simd ? 'on' : 'off'}, ${info.threads} thread${info.threads === 1 ? '' : 's'}` : 'engine initBackend()';
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

/** One workload, prepared, referenced (PyTorch) and timed (Saddle): its row of the results. */
async function runWorkload(workload, ctx, args, torch, scale) {
  const repetitions = workload.repetitions[scale];
  // Each row carries its own date and scale: with --only, rows of an earlier run are kept beside it.
  const row = { id: workload.id, title: workload.title, limits: workload.limits, tolerance: workload.tolerance ?? 1e-3, date: new Date().toISOString(), scale, repetitions, loadAverageBefore: os.loadavg()[0] };
  let prepared;
  try {
    prepared = await workload.prepare(ctx);
    writeHandoff(ctx.dataDir, workload.id, prepared.meta, prepared.arrays);
  } catch (error) {
    row.status = error instanceof MissingExport ? 'missing' : 'error';
    row.reason = error.message;
    return row;
  }
  if (workload.reference && torch) {
    const reps = workload.referenceReps ? workload.referenceReps(repetitions.reps) : repetitions.reps;
    const options = { dataDir: ctx.dataDir, warmup: repetitions.warmup, reps, full: workload.id === 'landscape-cnn' && args.fullLandscape };
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
  return row;
}

/**
 * `--child <id>`: one workload in this (fresh) process, with the wasm thread count the engine
 * recommends for the workload's models (`recommendedThreads`: every core for CNNs, one for
 * MLPs) — what Saddle's own runs use. Writes { backend, row } to --out.
 */
async function child(args) {
  const workload = workloads.find((w) => w.id === args.child);
  if (!workload) throw new Error(`bench/run.mjs: --child names unknown workload '${args.child}'`);
  const engine = await import('@saddle/engine');
  const tf = await import('@tensorflow/tfjs');
  let backend;
  if (workload.rawTfjs) {
    // The baseline: tfjs's own wasm kernels on one thread, plus the one it lacks to train at all.
    await import('@tensorflow/tfjs-backend-wasm');
    engine.registerWasmKernels({ replacements: false });
    await tf.setBackend('wasm');
    backend = { backend: 'wasm', engineThreads: 1, backendNote: "raw tfjs-wasm (tfjs's own kernels + Conv2DBackpropFilter), SIMD, 1 thread" };
  } else {
    const threads = typeof engine.recommendedThreads === 'function' ? engine.recommendedThreads(workload.models?.(engine) ?? []) : undefined;
    backend = await selectBackend(engine, tf, threads);
  }
  const torch = args.reference ? torchVersion() : undefined;
  const scale = args.quick ? 'quick' : 'full';
  const dataDir = mkdtempSync(join(os.tmpdir(), 'saddle-bench-'));
  try {
    const ctx = { engine, tf, dataDir, quick: args.quick, fullLandscape: args.fullLandscape, cache: {} };
    const row = await runWorkload(workload, ctx, args, torch, scale);
    row.engineThreads = backend.engineThreads;
    if (workload.rawTfjs) row.backendNote = backend.backendNote;
    writeFileSync(args.out, JSON.stringify({ backend: { ...backend, tfjs: tf.version?.tfjs ?? tf.version_core, torch: torch ?? null }, row }));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs `id` in a child process (see `child`), forwarding the options; returns what it wrote. */
function runChild(id, argv) {
  const scratch = mkdtempSync(join(os.tmpdir(), 'saddle-bench-row-'));
  const out = join(scratch, 'row.json');
  try {
    const forwarded = argv.filter((a, i) => !['--only', '--out'].includes(a) && !['--only', '--out'].includes(argv[i - 1]) && !a.startsWith('--only='));
    const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...forwarded, '--child', id, '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) throw new Error(`exited with ${result.status ?? result.signal}`);
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const args = parseArgs(argv);
  // MNIST is cached as bytes on first use; keep that cache out of the working tree.
  process.env.SADDLE_DATA_DIR ??= join(os.tmpdir(), 'saddle-bench-data');
  if (args.child) return child(args);
  const scale = args.quick ? 'quick' : 'full';
  const selected = workloads.filter((w) => !args.only || args.only.includes(w.id));

  const results = {
    date: new Date().toISOString(),
    scale,
    command: `node bench/run.mjs ${argv.join(' ')}`.trim(),
    machine: machine(),
    node: process.version,
    torchThreads: args.reference ? 2 : null,
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

  console.log(`bench: ${scale} scale, one process per workload (wasm threads as the engine recommends), load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const workload of selected) {
    process.stdout.write(`  ${workload.id.padEnd(22)} `);
    let row;
    try {
      const { backend, row: childRow } = runChild(workload.id, argv);
      // The header describes the backend as the workloads' processes found it (all alike but the thread count).
      const { engineThreads: _threads, backendNote, ...shared } = backend;
      if (!workload.rawTfjs) Object.assign(results, shared, { backendNote: backendNote.replace(/, \d+ threads?$/, '') });
      Object.assign(results, { torch: backend.torch, referenceNote: backend.torch ? undefined : args.reference ? '/usr/bin/python3 cannot import torch: no reference run' : '--no-reference' });
      row = childRow;
    } catch (error) {
      row = { id: workload.id, title: workload.title, limits: workload.limits, date: new Date().toISOString(), scale, status: 'error', reason: `the workload's process failed: ${error.message}` };
    }
    results.workloads = results.workloads.filter((r) => r.id !== workload.id);
    results.workloads.push(row);
    const saddleMs = row.saddle?.status === 'ok' ? row.saddle.timing.medianMs : undefined;
    const torchMs = row.pytorch?.status === 'ok' ? row.pytorch.timing.medianMs : undefined;
    const show = (ms) => (ms === undefined ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
    console.log(
      `pytorch ${show(torchMs)}  saddle ${show(saddleMs)}${row.engineThreads ? ` (${row.engineThreads} thr)` : ''}${row.ratio ? `  ratio ${row.ratio.toFixed(2)}×` : ''}` +
        `${row.ratioOneThread ? `  (1-thread pytorch ${show(row.pytorchOneThread.timing.medianMs)}, ratio ${row.ratioOneThread.toFixed(2)}×)` : ''}` +
        `${row.status !== 'ok' ? `  [${row.status}: ${row.reason}]` : ''}` +
        `${row.pytorch?.status === 'error' ? `  [pytorch error: ${row.pytorch.error}]` : ''}`,
    );
    save();
  }
  save();
  console.log(`bench: wrote ${args.out}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
