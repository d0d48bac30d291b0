#!/usr/bin/env node
/**
 * `node bench/api-load.mjs`: a bounded load benchmark of the API on loopback, against the built
 * `@saddle/api` (run `npm run build` first). For each store (SQLite in a temp folder; PostgreSQL
 * when one answers at SADDLE_BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test,
 * in a throw-away schema) it starts the server in a child process and measures, over HTTP:
 *
 * - ingest: `logMetrics` of N points (default 1,000,000) in batches of 10,000, one request at a
 *   time, as a script logs — points per second, wall clock including GraphQL parsing — through
 *   the columnar `series` input (one `values` scalar per batch), and, for comparison, M points
 *   (default 200,000) into a second run through the point-list `points` input;
 * - big-series read: `metrics(keys: ["loss"], maxPoints: 1000)` of that series, each of R reads;
 * - health: GET /healthz every 10 ms from a second client loop, idle, during the ingest and
 *   during the reads — p50 / p99 / max latency.
 *
 *   node bench/api-load.mjs [--points 1000000] [--point-list 200000] [--reads 5] [--only sqlite|postgres] [--out file]
 *
 * Results: bench/results/api-load.json (machine, load average, one row per store); the table in
 * docs/performance.md ("API under load") is written from it by hand.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const apiDist = join(here, '..', 'apps', 'api', 'dist', 'index.js');

function parseArgs(argv) {
  const args = { points: 1_000_000, pointList: 200_000, reads: 5, only: undefined, out: join(here, 'results', 'api-load.json') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--points') args.points = Number(argv[++i]);
    else if (arg === '--point-list') args.pointList = Number(argv[++i]);
    else if (arg === '--reads') args.reads = Number(argv[++i]);
    else if (arg === '--only') args.only = argv[++i];
    else if (arg === '--out') args.out = argv[++i];
    else throw new Error(`bench/api-load.mjs: unknown argument '${arg}' (see the comment at the top of the file)`);
  }
  if (!Number.isInteger(args.points) || args.points < 10_000) throw new Error(`bench/api-load.mjs: --points must be an integer ≥ 10000, got ${args.points}`);
  if (!Number.isInteger(args.pointList) || args.pointList < 0) throw new Error(`bench/api-load.mjs: --point-list must be an integer ≥ 0, got ${args.pointList}`);
  return args;
}

const BATCH = 10_000;
const SERVER_SOURCE = `
const { createSaddleServer } = await import(${JSON.stringify(pathToFileURL(apiDist).href)});
const server = await createSaddleServer({ port: 0, workers: 0, recover: false, auth: 'off', dataDir: process.env.BENCH_DATA_DIR,
  ...(process.env.BENCH_PG_URL && { database: { kind: 'postgres', url: process.env.BENCH_PG_URL, schema: process.env.BENCH_PG_SCHEMA } }) });
process.stdout.write(JSON.stringify({ url: server.url }) + '\\n');
process.on('SIGTERM', async () => { await server.stop(); process.exit(0); });
`;

function startServer(env) {
  const child = spawn(process.execPath, ['--input-type=module', '-e', SERVER_SOURCE], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.once('exit', (code) => reject(new Error(`bench/api-load.mjs: the server exited (code ${code}) before listening`)));
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const line = buffer.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, url: JSON.parse(line).url });
    });
  });
}

async function stopServer(child) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

async function graphql(url, query, variables) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors) throw new Error(`bench/api-load.mjs: ${body.errors[0].message}`);
  return body.data;
}

/** Probes /healthz every 10 ms until stopped; returns the latencies in ms. */
function healthProbe(url) {
  const health = url.replace('/graphql', '/healthz');
  const latencies = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const t0 = performance.now();
      try {
        await (await fetch(health)).arrayBuffer();
      } catch {
        return; // the server is gone (a failed step stops it); the step's own error is the report
      }
      latencies.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return async () => {
    running = false;
    await done;
    return latencies;
  };
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const round = (x) => Math.round(x * 10) / 10;
  return { n: sorted.length, p50: round(at(0.5)), p99: round(at(0.99)), max: round(sorted[sorted.length - 1]) };
}

const valueAt = (step) => Math.exp(-step / 2e5) + 0.01 * Math.sin(step) + (step % 99_991 === 0 ? 5 : 0);

/**
 * Logs `points` points of series `loss` into `runId` in batches, one request at a time, each
 * built and serialised by the client as a script would; returns the seconds it took.
 */
async function ingest(url, runId, points, input) {
  const log =
    input === 'series'
      ? `mutation($id: ID!, $series: [MetricSeriesInput!]!) { logMetrics(runId: $id, series: $series) { accepted } }`
      : `mutation($id: ID!, $points: [MetricPointInput!]!) { logMetrics(runId: $id, points: $points) { accepted } }`;
  const started = performance.now();
  for (let start = 0; start < points; start += BATCH) {
    const steps = Array.from({ length: Math.min(BATCH, points - start) }, (_, i) => start + i);
    const variables =
      input === 'series'
        ? { id: runId, series: [{ key: 'loss', steps, values: steps.map(valueAt), wallTimes: steps.map((step) => 1.7e12 + step), epochs: steps.map((step) => step / 1000) }] }
        : { id: runId, points: steps.map((step) => ({ key: 'loss', step, value: valueAt(step), wallTime: 1.7e12 + step, epoch: step / 1000 })) };
    await graphql(url, log, variables);
  }
  return (performance.now() - started) / 1000;
}

async function measure(store, env, args) {
  const { child, url } = await startServer(env);
  try {
    const stopIdle = healthProbe(url);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idle = summary(await stopIdle());

    const { createRun } = await graphql(url, `mutation { createRun(input: { name: "load" }) { id } }`);
    const stopIngest = healthProbe(url);
    const ingestSeconds = await ingest(url, createRun.id, args.points, 'series');
    const ingestHealth = summary(await stopIngest());
    let pointList;
    if (args.pointList > 0) {
      const { createRun: other } = await graphql(url, `mutation { createRun(input: { name: "load-point-list" }) { id } }`);
      const stopPointList = healthProbe(url);
      const seconds = await ingest(url, other.id, args.pointList, 'points');
      pointList = { points: args.pointList, pointsPerSecond: Math.round(args.pointList / seconds), seconds: Math.round(seconds * 100) / 100, healthMs: summary(await stopPointList()) };
    }

    const read = `query($id: ID!) { run(id: $id) { metrics(keys: ["loss"], maxPoints: 1000) { totalPoints sampled points { step value } } } }`;
    const stopRead = healthProbe(url);
    const reads = [];
    let kept = 0;
    for (let i = 0; i < args.reads; i++) {
      const t0 = performance.now();
      const data = await graphql(url, read, { id: createRun.id });
      reads.push(performance.now() - t0);
      kept = data.run.metrics[0].points.length;
      if (data.run.metrics[0].totalPoints !== args.points) throw new Error(`bench/api-load.mjs: read ${data.run.metrics[0].totalPoints} points, wrote ${args.points}`);
    }
    const readHealth = summary(await stopRead());
    return {
      store,
      points: args.points,
      batch: BATCH,
      input: 'series',
      ingestPointsPerSecond: Math.round(args.points / ingestSeconds),
      ingestSeconds: Math.round(ingestSeconds * 100) / 100,
      ...(pointList && { pointListIngest: pointList }),
      read: { maxPoints: 1000, kept, ...summary(reads), samplesMs: reads.map((x) => Math.round(x)) },
      healthMs: { idle, duringIngest: ingestHealth, duringReads: readHealth },
    };
  } finally {
    await stopServer(child);
  }
}

async function postgresAvailable(url) {
  try {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return client;
  } catch {
    return undefined;
  }
}

const args = parseArgs(process.argv.slice(2));
const results = {
  date: new Date().toISOString(),
  command: `node bench/api-load.mjs ${process.argv.slice(2).join(' ')}`.trim(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10, node: process.version },
  loadAverage: { start: os.loadavg() },
  goals: { ingestSqlitePointsPerSecond: 200_000, ingestPostgresPointsPerSecond: 50_000, readMs: 50 },
  stores: [],
};

if (args.only !== 'postgres') {
  const dir = mkdtempSync(join(os.tmpdir(), 'saddle-load-'));
  try {
    results.stores.push(await measure('sqlite', { BENCH_DATA_DIR: dir }, args));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (args.only !== 'sqlite') {
  const url = process.env.SADDLE_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = await postgresAvailable(url);
  if (!admin) results.stores.push({ store: 'postgres', skipped: `no PostgreSQL answered at ${url}` });
  else {
    const schema = `saddle_load_${process.pid}`;
    const dir = mkdtempSync(join(os.tmpdir(), 'saddle-load-'));
    try {
      results.stores.push(await measure('postgres', { BENCH_DATA_DIR: dir, BENCH_PG_URL: url, BENCH_PG_SCHEMA: schema }, args));
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
results.loadAverage.end = os.loadavg();
mkdirSync(dirname(args.out), { recursive: true });
writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results.stores, null, 2));
