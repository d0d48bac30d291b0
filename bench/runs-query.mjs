#!/usr/bin/env node
/**
 * `node bench/runs-query.mjs`: Query.runs at 100,000 runs (issue 13: filter + sort + first page
 * ≤ 100 ms), against the built `@saddle/api` (run `npm run build` first), on SQLite (a temp
 * folder) and PostgreSQL (SADDLE_BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test,
 * in a throw-away schema) when one answers.
 *
 * For each store it starts the server in a child process (which creates the schema), writes N
 * runs (default 100,000) in 1,000 experiments straight into the tables, as the store writes
 * trained runs (a flat config of 7 dotted paths, an end state with 3 final metrics), then over HTTP:
 * - the first Query.runs, which builds the run_values rows of every run (a one-time cost, after
 *   an upgrade or a bulk import; later queries rebuild only runs changed since);
 * - each query below R times (default 15), wall clock per request including GraphQL, its median
 *   and max: first page of 50 runs, with and without totalCount.
 *
 *   node bench/runs-query.mjs [--runs 100000] [--reps 15] [--only sqlite|postgres] [--out file]
 *
 * Results: bench/results/runs-query.json; docs/performance.md ("Runs across experiments") quotes it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, '..', 'apps', 'api', 'package.json'));
const apiDist = join(here, '..', 'apps', 'api', 'dist', 'index.js');

function parseArgs(argv) {
  const args = { runs: 100_000, reps: 15, only: undefined, out: join(here, 'results', 'runs-query.json') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') args.runs = Number(argv[++i]);
    else if (arg === '--reps') args.reps = Number(argv[++i]);
    else if (arg === '--only') args.only = argv[++i];
    else if (arg === '--out') args.out = argv[++i];
    else throw new Error(`bench/runs-query.mjs: unknown argument '${arg}' (see the comment at the top of the file)`);
  }
  if (!Number.isInteger(args.runs) || args.runs < 1000) throw new Error(`bench/runs-query.mjs: --runs must be an integer ≥ 1000, got ${args.runs}`);
  return args;
}

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
    child.once('exit', (code) => reject(new Error(`bench/runs-query.mjs: the server exited (code ${code}) before listening`)));
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
  if (body.errors) throw new Error(`bench/runs-query.mjs: ${body.errors[0].message}`);
  return body.data;
}

/** A deterministic pseudo-random sequence (mulberry32), so every store gets the same runs. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MODELS = ['mlp-shallow', 'mlp-middle', 'mlp-deep', 'cnn-shallow', 'cnn-deep', 'cnn-2', 'cnn-4', 'cnn-8', 'cnn-16', 'cnn-32'];
const RUNS_PER_EXPERIMENT = 100;

/** The rows of `count` runs in experiments of 100, in [experiments, runs] column order. */
function* rowsOf(count) {
  const next = random(13);
  const t0 = Date.UTC(2026, 0, 1);
  for (let e = 0; e < count / RUNS_PER_EXPERIMENT; e++) {
    const experimentId = `bench-exp-${e}`;
    const created = t0 + e * 60_000;
    const experiment = [experimentId, `sweep ${e}`, 'fit-function', 'quick', 'preset', '{}', 'SUCCEEDED', '', null, 'SUCCEEDED', 1, created, created, created];
    const runs = [];
    for (let r = 0; r < RUNS_PER_EXPERIMENT; r++) {
      const lr = 10 ** (-5 + 4 * next());
      const config = {
        'optimizer.lr': lr,
        'optimizer.name': next() < 0.5 ? 'adam' : 'sgd',
        batchSize: [32, 64, 128, 256][Math.floor(next() * 4)],
        'model.name': MODELS[Math.floor(next() * MODELS.length)],
        epochs: 10 + Math.floor(next() * 5) * 10,
        seed: r,
        'data.kind': next() < 0.7 ? 'function' : 'mnist',
      };
      const testLoss = Math.abs(Math.log10(lr) + 3) * 0.1 + next() * 0.2;
      const end = { steps: 1000, epochs: config.epochs, durationMs: 1000, final: { 'train/loss': testLoss * 0.8, 'test/loss': testLoss, 'test/accuracy': 1 - testLoss / 2 } };
      const at = created + r * 100;
      const status = next() < 0.9 ? 'SUCCEEDED' : 'FAILED';
      runs.push([`bench-run-${e}-${r}`, experimentId, `run-${r}`, r, 'group', JSON.stringify(config), null, 0, status, 1, null, null, JSON.stringify(end), null, 1, at, at, at + 1000, at + 1000]);
    }
    yield { experiment, runs };
  }
}

const EXPERIMENT_COLUMNS = ['id', 'name', 'preset', 'scale', 'origin', 'spec', 'status', 'notes', 'error', 'analysis_status', 'analysis_progress', 'created_at', 'updated_at', 'finished_at'];
const RUN_COLUMNS = ['id', 'experiment_id', 'key', 'position', 'group_name', 'config', 'spec', 'external', 'status', 'progress', 'summary', 'error', 'end_state', 'owner', 'attempt', 'created_at', 'started_at', 'finished_at', 'updated_at'];

function fillSqlite(dbPath, count) {
  const Database = require('better-sqlite3');
  const db = new Database(dbPath);
  db.pragma('busy_timeout = 10000');
  const insertExperiment = db.prepare(`INSERT INTO experiments (${EXPERIMENT_COLUMNS}) VALUES (${EXPERIMENT_COLUMNS.map(() => '?')})`);
  const insertRun = db.prepare(`INSERT INTO runs (${RUN_COLUMNS}) VALUES (${RUN_COLUMNS.map(() => '?')})`);
  const fill = db.transaction(() => {
    for (const { experiment, runs } of rowsOf(count)) {
      insertExperiment.run(experiment);
      for (const run of runs) insertRun.run(run);
    }
  });
  fill();
  db.pragma('optimize');
  db.close();
}

async function fillPostgres(url, schema, count) {
  const pg = require('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`SET search_path TO ${schema}`);
  await client.query('BEGIN');
  const insertMany = async (table, columns, rows) => {
    const values = [];
    const tuples = rows.map((row) => `(${row.map((v) => `$${values.push(v)}`).join(',')})`);
    await client.query(`INSERT INTO ${table} (${columns}) VALUES ${tuples.join(',')}`, values);
  };
  for (const { experiment, runs } of rowsOf(count)) {
    await insertMany('experiments', EXPERIMENT_COLUMNS, [experiment]);
    await insertMany('runs', RUN_COLUMNS, runs);
  }
  await client.query('COMMIT');
  await client.query('ANALYZE');
  await client.end();
}

const PAGE = `query($filter: RunFilter, $orderBy: [RunOrder!], $first: Int) { runs(filter: $filter, orderBy: $orderBy, first: $first) { edges { node { id key status config final } } pageInfo { hasNextPage endCursor } } }`;
const COUNTED = `query($filter: RunFilter, $orderBy: [RunOrder!], $first: Int) { runs(filter: $filter, orderBy: $orderBy, first: $first) { totalCount edges { node { id key status config final } } } }`;

const QUERIES = [
  {
    name: 'lr > 1e-3, sorted by final test/loss',
    variables: { filter: { config: [{ path: 'optimizer.lr', op: 'GT', value: 1e-3 }] }, orderBy: [{ field: 'final.test/loss', direction: 'ASC' }], first: 50 },
  },
  {
    name: 'SUCCEEDED, model.name = cnn-deep, batchSize IN [64, 128], sorted by lr desc',
    variables: {
      filter: { status: ['SUCCEEDED'], config: [{ path: 'model.name', op: 'EQ', value: 'cnn-deep' }, { path: 'batchSize', op: 'IN', value: [64, 128] }] },
      orderBy: [{ field: 'config.optimizer.lr', direction: 'DESC' }],
      first: 50,
    },
  },
  {
    name: 'final test/accuracy ≥ 0.95 and adam, newest first',
    variables: { filter: { final: [{ key: 'test/accuracy', op: 'GTE', value: 0.95 }], config: [{ path: 'optimizer.name', op: 'EQ', value: 'adam' }] }, first: 50 },
  },
  { name: 'every run, newest first', variables: { first: 50 } },
  { name: 'every run, sorted by final test/loss', variables: { orderBy: [{ field: 'final.test/loss', direction: 'ASC' }], first: 50 } },
];

async function measure(url, reps) {
  const rows = [];
  for (const { name, variables } of QUERIES) {
    for (const [label, query] of [
      ['page', PAGE],
      ['page + totalCount', COUNTED],
    ]) {
      const times = [];
      let returned = 0;
      let total;
      for (let i = 0; i < reps; i++) {
        const t0 = performance.now();
        const data = await graphql(url, query, variables);
        times.push(performance.now() - t0);
        returned = data.runs.edges.length;
        total = data.runs.totalCount;
      }
      times.sort((a, b) => a - b);
      const round = (x) => Math.round(x * 10) / 10;
      rows.push({ query: name, fields: label, returned, ...(total !== undefined && { totalCount: total }), medianMs: round(times[Math.floor(times.length / 2)]), maxMs: round(times[times.length - 1]) });
      console.log(`  ${label.padEnd(18)} ${String(round(times[Math.floor(times.length / 2)])).padStart(7)} ms median  ${name}`);
    }
  }
  return rows;
}

async function benchStore(store, args) {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'saddle-bench-runs-'));
  const pgUrl = process.env.SADDLE_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_runs_${process.pid}`;
  const env = { BENCH_DATA_DIR: dataDir, ...(store === 'postgres' && { BENCH_PG_URL: pgUrl, BENCH_PG_SCHEMA: schema }) };
  let server = await startServer(env);
  try {
    console.log(`${store}: writing ${args.runs} runs`);
    const t0 = performance.now();
    if (store === 'sqlite') fillSqlite(join(dataDir, 'saddle.db'), args.runs);
    else await fillPostgres(pgUrl, schema, args.runs);
    const fillSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    await graphql(server.url, PAGE, { first: 1 });
    const indexSeconds = (performance.now() - t1) / 1000;
    console.log(`${store}: first query built the value rows of ${args.runs} runs in ${indexSeconds.toFixed(1)} s`);
    return { store, runs: args.runs, fillSeconds: Math.round(fillSeconds * 10) / 10, firstQueryIndexSeconds: Math.round(indexSeconds * 10) / 10, queries: await measure(server.url, args.reps) };
  } finally {
    await stopServer(server.child);
    rmSync(dataDir, { recursive: true, force: true });
    if (store === 'postgres') {
      const pg = require('pg');
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
    server = undefined;
  }
}

async function postgresAnswers() {
  const pg = require('pg');
  const client = new pg.Client({ connectionString: process.env.SADDLE_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test', connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const args = parseArgs(process.argv.slice(2));
const stores = [];
if (args.only !== 'postgres') stores.push('sqlite');
if (args.only !== 'sqlite' && (await postgresAnswers())) stores.push('postgres');
const results = [];
for (const store of stores) results.push(await benchStore(store, args));
const report = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100), node: process.version },
  goal: 'filter + sort + first page ≤ 100 ms at 100,000 runs',
  results,
};
mkdirSync(dirname(args.out), { recursive: true });
writeFileSync(args.out, JSON.stringify(report, null, 2) + '\n');
console.log(`wrote ${args.out}`);
