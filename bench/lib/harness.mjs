/**
 * What every workload of the benchmark shares: timing (medians after warm-up), the data hand-off
 * to the PyTorch reference (arrays written to a temp folder, read back by numpy), running the
 * reference, and the "this engine function does not exist yet" outcome.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Thrown when a workload needs an engine export that is not there (yet): recorded, not faked. */
export class MissingExport extends Error {
  constructor(reason) {
    super(reason);
    this.name = 'MissingExport';
  }
}

/** The engine exports a workload needs; throws MissingExport naming the absent ones. */
export function need(engine, ...names) {
  const absent = names.filter((name) => typeof engine[name] === 'undefined');
  if (absent.length > 0) {
    throw new MissingExport(`@saddle/engine does not export ${absent.join(', ')} (yet)`);
  }
  return Object.fromEntries(names.map((name) => [name, engine[name]]));
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Summary of timed samples, the same fields as the Python side's `summary()`. `cpuSamples` (the
 * process's CPU time per sample) shows contention: on a quiet machine a one-thread engine's CPU
 * time equals its wall time; when other jobs share the cores, wall time grows and CPU time does not.
 */
export function summarize(samples, cpuSamples) {
  return {
    medianMs: median(samples),
    ...(cpuSamples ? { cpuMedianMs: median(cpuSamples) } : {}),
    minMs: Math.min(...samples),
    maxMs: Math.max(...samples),
    reps: samples.length,
    samplesMs: samples.map((s) => Math.round(s * 1000) / 1000),
  };
}

/**
 * Median of `reps` timed calls after `warmup` untimed ones. `fn` must finish its work before it
 * returns (read a value back): tfjs may queue kernels, and a timer around a queue times nothing.
 */
export async function timeMs(fn, { warmup, reps }) {
  for (let i = 0; i < warmup; i++) await fn();
  const samples = [];
  const cpuSamples = [];
  for (let i = 0; i < reps; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuSamples.push((cpu.user + cpu.system) / 1000);
  }
  return summarize(samples, cpuSamples);
}

const DTYPES = new Map([
  [Float32Array, 'float32'],
  [Float64Array, 'float64'],
  [Int32Array, 'int32'],
]);

/**
 * Write a workload's hand-off for the reference: `<id>.json` with `meta` plus an `arrays` table,
 * and one raw little-endian file per array (`{ values: TypedArray, shape }`).
 */
export function writeHandoff(dir, id, meta, arrays) {
  const table = {};
  for (const [key, { values, shape }] of Object.entries(arrays)) {
    const dtype = DTYPES.get(values.constructor);
    if (!dtype) throw new Error(`writeHandoff(${id}): array '${key}' must be Float32Array, Float64Array or Int32Array`);
    const expected = shape.reduce((a, b) => a * b, 1);
    if (expected !== values.length) {
      throw new Error(`writeHandoff(${id}): array '${key}' has ${values.length} values, shape [${shape}] needs ${expected}`);
    }
    const file = `${id}.${key}.bin`;
    writeFileSync(join(dir, file), new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    table[key] = { file, dtype, shape };
  }
  writeFileSync(join(dir, `${id}.json`), JSON.stringify({ ...meta, arrays: table }));
}

export const PYTHON = '/usr/bin/python3';

/** torch's version under Debian's interpreter, or undefined when it cannot be imported there. */
export function torchVersion() {
  try {
    return execFileSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** Run one reference script; its last stdout line is its JSON result. */
export function runReference(script, { dataDir, warmup, reps, full = false, threads = 2, timeoutMs = 30 * 60_000 }) {
  const args = [script, '--data', dataDir, '--warmup', String(warmup), '--reps', String(reps), '--threads', String(threads), ...(full ? ['--full'] : [])];
  const started = performance.now();
  const child = spawnSync(PYTHON, args, {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
    // No __pycache__ in the working tree.
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  const wallMs = performance.now() - started;
  if (child.status !== 0) {
    const why = child.error ? child.error.message : (child.stderr || '').trim().split('\n').slice(-3).join(' | ');
    return { status: 'error', error: `${script} exited ${child.status}: ${why}`, wallMs };
  }
  const lines = child.stdout.trim().split('\n');
  try {
    return { status: 'ok', ...JSON.parse(lines[lines.length - 1]), wallMs };
  } catch {
    return { status: 'error', error: `${script}: last line is not JSON: ${lines[lines.length - 1]}`, wallMs };
  }
}

/** |a − b| / max(|a|, |b|), for "both sides computed the same thing" checks. */
export function relativeDifference(a, b) {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}
