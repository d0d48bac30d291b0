#!/usr/bin/env node
/**
 * `node bench/dashboard-load.mjs`: the dashboard at research scale (issue 15, "Speed"), in a real
 * Chromium against the built stack (`npm run build` first: the API's dist and the Next build).
 *
 * It starts `saddle serve --web` (the API on a random port, `next start` on another) in a temp data
 * directory, logs the fixture through the API's `createRun` / `logMetrics` / `finishRun` — EXTRA
 * small experiments (one run of 50 points each; default 120, so the list holds more than 100) and
 * then one experiment `bench-100` of RUNS runs (default 100) with KEYS keys × POINTS steps each
 * (default train/loss and train/accuracy × 5,000), config { model, lr } to group by — and measures
 * every row of the table, REPEAT times each (default 3), each time in a fresh page:
 *
 * - compare: /compare?runs=<the 100>&metric=train/loss, from navigation until every line is drawn
 *   (an SVG `path.saddle-line` with a path, or a canvas chart's `data-lines-drawn`); GraphQL
 *   requests (HTTP POSTs to /graphql) and long tasks (PerformanceObserver 'longtask') in that time;
 * - hover: MOVES mouse moves across that chart, each timed from the event to the frame after it
 *   (requestAnimationFrame, then a task: the frame that shows the tooltip has been produced);
 * - log-y, smoothing 0.6 and group-by model: from the input's change until the chart has changed
 *   (its SVG text, path count and first path, or a canvas chart's `data-draw-version`) and the next
 *   frame, each toggled on and off;
 * - experiment page: /experiments/<bench-100> until every chart has its 100 lines; the page's
 *   GraphQL operations by name with their durations (the slowest is reported as the query);
 * - compare CSV: the CSV button until the download starts; requests, and whether a progress bar
 *   (a progress element or role=progressbar in the chart card) was shown meanwhile.
 *
 *   node bench/dashboard-load.mjs [--runs 100] [--points 5000] [--extra 120] [--repeat 3] [--moves 30] [--label before] [--out file]
 *   node bench/dashboard-load.mjs --profile [--runs 100] [--extra 0]
 *
 * --profile measures nothing: it loads the compare view once and prints where the page's main
 * thread spent its time (CDP Profiler, self time by function) during a log-y toggle, a smoothing
 * change and a grouping change — what to fix next.
 *
 * Results: bench/results/dashboard-load-<label>.json; the table in docs/performance.md
 * ("The dashboard at 100 runs") is written from them by hand.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..');

function parseArgs(argv) {
  const args = { runs: 100, points: 5000, extra: 120, repeat: 3, moves: 30, label: 'current', out: undefined, profile: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--runs') args.runs = Number(value);
    else if (arg === '--points') args.points = Number(value);
    else if (arg === '--extra') args.extra = Number(value);
    else if (arg === '--repeat') args.repeat = Number(value);
    else if (arg === '--moves') args.moves = Number(value);
    else if (arg === '--label') args.label = value;
    else if (arg === '--out') args.out = value;
    else if (arg === '--profile') {
      args.profile = true;
      continue;
    }
    else throw new Error(`bench/dashboard-load.mjs: unknown argument '${arg}' (see the comment at the top of the file)`);
    i++;
  }
  for (const name of ['runs', 'points', 'extra', 'repeat', 'moves']) {
    if (!Number.isInteger(args[name]) || args[name] < 0) throw new Error(`bench/dashboard-load.mjs: --${name} must be an integer ≥ 0, got ${args[name]}`);
  }
  args.out ??= join(here, 'results', `dashboard-load-${args.label}.json`);
  return args;
}

const KEYS = ['train/loss', 'train/accuracy'];
const MODELS = ['shallow', 'middle', 'deep'];

async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function startStack(dataDir) {
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ['apps/api/bin/saddle.mjs', 'serve', '--web', '--port', String(port), '--workers', '1'], {
    cwd: repoRoot,
    env: { ...process.env, SADDLE_DATA_DIR: dataDir, SADDLE_HOST: '127.0.0.1', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stderr.on('data', (chunk) => (log = (log + chunk).slice(-4000)));
  // Killed by a timeout or Ctrl-C: the stack (its own process group) goes too.
  for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => void stopStack(child).then(() => process.exit(130)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`bench/dashboard-load.mjs: saddle serve exited (${child.exitCode}) before it answered:\n${log}`);
    try {
      const api = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ presets { id } }' }) });
      const page = await fetch(`${url}/`);
      if (api.ok && page.ok) return { child, url };
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('bench/dashboard-load.mjs: the stack did not answer within 150 s');
}

/** Stops saddle serve and everything in its process group (workers, next start). */
async function stopStack(child) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

async function graphql(url, query, variables) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors) throw new Error(`bench/dashboard-load.mjs: ${body.errors[0].message}`);
  return body.data;
}

const CREATE = `mutation($input: CreateRunInput!) { createRun(input: $input) { id experimentId } }`;
const LOG = `mutation($id: ID!, $points: [MetricPointInput!]!) { logMetrics(runId: $id, points: $points) { accepted } }`;
const FINISH = `mutation($id: ID!) { finishRun(runId: $id, status: SUCCEEDED) { id } }`;

/** A loss curve with noise and the odd spike, and an accuracy rising to a plateau, per run. */
function points(run, steps) {
  const out = [];
  const rate = 1 + (run % 7) / 3;
  for (let step = 0; step < steps; step++) {
    const t = step / steps;
    const noise = Math.sin(step * 0.37 + run) * 0.02 + Math.sin(step * 1.7 + run * 3) * 0.01;
    const wallTime = 1.7e12 + run * 1e6 + step * 20;
    out.push({ key: 'train/loss', step, value: Math.exp(-rate * 4 * t) * (1 + run / 200) + 0.05 + noise + (step % 997 === 0 ? 0.3 : 0), wallTime, epoch: step / 100 });
    out.push({ key: 'train/accuracy', step, value: 1 - 0.9 * Math.exp(-rate * 5 * t) + noise / 2, wallTime, epoch: step / 100 });
  }
  return out;
}

async function logAll(url, id, all) {
  for (let start = 0; start < all.length; start += 10_000) await graphql(url, LOG, { id, points: all.slice(start, start + 10_000) });
}

async function buildFixture(url, args) {
  const t0 = performance.now();
  for (let i = 0; i < args.extra; i++) {
    const { createRun } = await graphql(url, CREATE, { input: { name: 'run', experimentName: `small-${String(i).padStart(3, '0')}`, config: { model: MODELS[i % 3] } } });
    await logAll(url, createRun.id, points(i, 25));
    await graphql(url, FINISH, { id: createRun.id });
    // distinct creation times keep the list's order the order of creation
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const runIds = [];
  let experimentId = null;
  for (let i = 0; i < args.runs; i++) {
    const name = `bench-${String(i).padStart(3, '0')}`;
    const config = { model: MODELS[i % 3], lr: [0.1, 0.01, 0.001][Math.floor(i / 3) % 3], seed: i };
    const input = experimentId ? { name, experimentId, config } : { name, experimentName: 'bench-100', config };
    const { createRun } = await graphql(url, CREATE, { input });
    experimentId = createRun.experimentId;
    runIds.push(createRun.id);
    await logAll(url, createRun.id, points(i, args.points));
    await graphql(url, FINISH, { id: createRun.id });
  }
  return { experimentId, runIds, seconds: (performance.now() - t0) / 1000 };
}

/** Installed before any page script: long tasks, and the hover latency probe. */
function initScript() {
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task timing in this browser
  }
  window.__moves = [];
  window.addEventListener(
    'mousemove',
    (event) => {
      const t = event.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.__moves.push(performance.now() - t), 0));
    },
    { capture: true },
  );
}

/** In the page: the number of lines every chart has drawn (SVG paths or a canvas chart's count). */
const LINES_DRAWN = `(() => [...document.querySelectorAll('.chart')].map((chart) => {
  if (chart.dataset.linesDrawn !== undefined) return Number(chart.dataset.linesDrawn);
  return [...chart.querySelectorAll('path.saddle-line[data-series]')].filter((p) => (p.getAttribute('d') ?? '').length > 20).length;
}))()`;

/** In the page: what changes when a chart is drawn again. */
const SIGNATURE = `(() => { const chart = document.querySelector('.chart'); if (!chart) return ''; const svg = chart.querySelector('svg');
  return [chart.dataset.drawVersion ?? '', svg ? svg.textContent : '', chart.querySelectorAll('path').length, chart.querySelector('path.saddle-line')?.getAttribute('d')?.slice(0, 400) ?? ''].join('|'); })()`;

function stats(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const round = (x) => Math.round(x * 10) / 10;
  return { n: sorted.length, median: round(at(0.5)), p95: round(at(0.95)), max: round(sorted[sorted.length - 1]) };
}

async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  await context.addInitScript(initScript);
  const page = await context.newPage();
  const requests = [];
  const failed = new Set();
  page.on('requestfailed', (request) => failed.add(request));
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') {
      let name = '';
      try {
        name = JSON.parse(request.postData() ?? '{}').operationName ?? '';
      } catch {
        // not JSON
      }
      requests.push({ name, request, failed });
    }
  });
  return { context, page, requests };
}

/**
 * Each operation's duration (request to the end of its response). A request the page aborted
 * (urql cancels a query it no longer needs: net::ERR_ABORTED, after its headers came) is listed
 * as aborted: its response never finishes, and waiting for it hung the bench.
 */
async function operationTimes(requests) {
  const out = [];
  for (const { name, request, failed } of requests) {
    const response = await request.response();
    if (!response) continue;
    const finished = await Promise.race([response.finished().then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 5_000))]);
    if (!finished || failed.has(request)) {
      out.push({ name, ms: null, aborted: true });
      continue;
    }
    const timing = request.timing();
    out.push({ name, ms: Math.round(timing.responseEnd) });
  }
  return out;
}

async function longTasksBetween(page, from, to) {
  const tasks = await page.evaluate(() => window.__longTasks);
  const inside = tasks.filter((t) => t.start >= from && t.start <= to);
  return { count: inside.length, totalMs: Math.round(inside.reduce((s, t) => s + t.duration, 0)), maxMs: Math.round(Math.max(0, ...inside.map((t) => t.duration))) };
}

async function waitAllDrawn(page, charts, lines, timeout = 120_000) {
  await page.waitForFunction(([expr, c, n]) => {
    const drawn = eval(expr);
    return drawn.length >= c && drawn.every((d) => d >= n);
  }, [LINES_DRAWN, charts, lines], { timeout, polling: 'raf' });
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0))));
}

/** Runs `change` in the page and times until the chart's signature differs, all lines are back, and a frame has passed. */
async function timeChange(page, change, lines) {
  return page.evaluate(
    async ([changeSource, signatureSource, linesSource, n]) => {
      const before = eval(signatureSource);
      const t0 = performance.now();
      new Function(changeSource)();
      const deadline = t0 + 60_000;
      for (;;) {
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const drawn = eval(linesSource);
        if (eval(signatureSource) !== before && drawn.length > 0 && drawn.every((d) => d >= n)) return performance.now() - t0;
        if (performance.now() > deadline) return null;
      }
    },
    [change, SIGNATURE, LINES_DRAWN, lines],
  );
}

const SET_INPUT = (selector, value, event) => `const el = document.querySelector(${JSON.stringify(selector)});
  if (!el) throw new Error('no ' + ${JSON.stringify(selector)});
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, ${JSON.stringify(value)});
  el.dispatchEvent(new Event(${JSON.stringify(event)}, { bubbles: true }));`;
const CLICK_LABEL = (text) => `const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === ${JSON.stringify(text)});
  if (!label) throw new Error('no label ' + ${JSON.stringify(text)}); label.querySelector('input').click();`;

async function measureCompare(browser, url, fixture, args) {
  const { context, page, requests } = await newPage(browser);
  try {
    const target = `${url}/compare?runs=${fixture.runIds.join(',')}&metric=train/loss`;
    await page.goto(target, { waitUntil: 'commit' });
    const drawnAt = await waitAllDrawn(page, 1, fixture.runIds.length);
    const load = { ms: Math.round(drawnAt), graphqlRequests: requests.length, longTasks: await longTasksBetween(page, 0, drawnAt) };

    // Hover: moves across the plot, one at a time, each waited for.
    const box = await page.locator('.chart').first().boundingBox();
    await page.evaluate(() => (window.__moves = []));
    const hoverFrom = await page.evaluate(() => performance.now());
    for (let i = 0; i < args.moves; i++) {
      const x = box.x + 80 + ((box.width - 140) * (i + 0.5)) / args.moves;
      const y = box.y + 120 + (i % 5) * 40;
      await page.mouse.move(x, y);
      await page.waitForFunction((n) => window.__moves.length >= n, i + 1, { polling: 10 });
    }
    const hoverTo = await page.evaluate(() => performance.now());
    const hover = { perMove: stats(await page.evaluate(() => window.__moves)), longTasks: await longTasksBetween(page, hoverFrom, hoverTo) };
    await page.mouse.move(box.x - 20, box.y - 20);

    const n = fixture.runIds.length;
    const requestsBeforeChanges = requests.length;
    const changes = {
      logY: [await timeChange(page, CLICK_LABEL('log y'), n), await timeChange(page, CLICK_LABEL('log y'), n)],
      smoothing: [await timeChange(page, SET_INPUT('input[aria-label="Smoothing"]', '0.6', 'input'), n), await timeChange(page, SET_INPUT('input[aria-label="Smoothing"]', '0', 'input'), n)],
      // grouped, the lines are drawn faint under each group's mean: still one per run
      group: [await timeChange(page, SET_INPUT('select[aria-label="Group by"]', 'model', 'change'), n), await timeChange(page, SET_INPUT('select[aria-label="Group by"]', '', 'change'), n)],
    };
    // GraphQL requests the six changes sent (none: they redraw what was loaded), by operation
    changes.requests = requests.slice(requestsBeforeChanges).map((r) => r.name);

    // CSV of the 100 runs' full series.
    const before = requests.length;
    const progress = page.locator('.chart-card progress, .chart-card [role="progressbar"]');
    let progressShown = false;
    const watch = (async () => {
      for (let i = 0; i < 600 && !progressShown; i++) {
        progressShown = (await progress.count()) > 0;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const t0 = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), page.getByRole('button', { name: 'CSV', exact: true }).click()]);
    const csvMs = Date.now() - t0;
    const path = await download.path();
    progressShown ||= (await progress.count()) > 0;
    const size = path ? (await import('node:fs')).statSync(path).size : 0;
    progressShown = progressShown || false;
    await Promise.race([watch, new Promise((resolve) => setTimeout(resolve, 100))]);
    const csv = { ms: csvMs, graphqlRequests: requests.length - before, bytes: size, progressShown };
    return { load, hover, changes, csv };
  } finally {
    await context.close();
  }
}

async function measureExperiment(browser, url, fixture) {
  const { context, page, requests } = await newPage(browser);
  try {
    await page.goto(`${url}/experiments/${fixture.experimentId}`, { waitUntil: 'commit' });
    const drawnAt = await waitAllDrawn(page, KEYS.length, fixture.runIds.length);
    const operations = await operationTimes(requests);
    const slowest = operations.filter((o) => o.ms !== null).reduce((a, b) => (b.ms > (a?.ms ?? -1) ? b : a), null);
    return { ms: Math.round(drawnAt), graphqlRequests: requests.length, slowestQuery: slowest, operations, longTasks: await longTasksBetween(page, 0, drawnAt) };
  } finally {
    await context.close();
  }
}

/** Self time by function (top 15) of a CDP CPU profile. */
function topFunctions(profile) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas ?? [];
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const f = node.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${name}`);
}

async function profileCompare(browser, url, fixture) {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(`${url}/compare?runs=${fixture.runIds.join(',')}&metric=train/loss`, { waitUntil: 'commit' });
    await waitAllDrawn(page, 1, fixture.runIds.length);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const n = fixture.runIds.length;
    for (const [name, change] of [
      ['log-y', CLICK_LABEL('log y')],
      ['smoothing', SET_INPUT('input[aria-label="Smoothing"]', '0.6', 'input')],
      ['group', SET_INPUT('select[aria-label="Group by"]', 'model', 'change')],
    ]) {
      await cdp.send('Profiler.start');
      const ms = await timeChange(page, change, n);
      const { profile } = await cdp.send('Profiler.stop');
      process.stderr.write(`\n${name}: ${ms?.toFixed(0)} ms\n${topFunctions(profile).join('\n')}\n`);
    }
  } finally {
    await context.close();
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const dataDir = mkdtempSync(join(os.tmpdir(), 'saddle-dashboard-bench-'));
  const { child, url } = await startStack(dataDir);
  const browser = await chromium.launch({
    executablePath: process.env.SADDLE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    await fetch(`${url}/compare`); // the first request to next start compiles nothing, but warms its caches
    const fixture = await buildFixture(url, args);
    if (args.profile) {
      await profileCompare(browser, url, fixture);
      return;
    }
    process.stderr.write(`fixture: ${args.extra} small experiments + ${args.runs} runs × ${KEYS.length} keys × ${args.points} points in ${fixture.seconds.toFixed(1)} s\n`);
    // A warm-up visit of each page (Next's chunks loaded once), not counted.
    await measureExperiment(browser, url, fixture).catch((error) => process.stderr.write(`warm-up: ${error.message}\n`));
    const compare = [];
    const experiment = [];
    for (let i = 0; i < args.repeat; i++) {
      compare.push(await measureCompare(browser, url, fixture, args));
      process.stderr.write(`compare ${i + 1}: ${JSON.stringify(compare.at(-1))}\n`);
      experiment.push(await measureExperiment(browser, url, fixture));
      process.stderr.write(`experiment ${i + 1}: ${experiment.at(-1).ms} ms, slowest ${JSON.stringify(experiment.at(-1).slowestQuery)}\n`);
    }
    const result = {
      label: args.label,
      date: new Date().toISOString(),
      commit: await new Promise((resolve) => {
        const git = spawn('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot });
        let out = '';
        git.stdout.on('data', (c) => (out += c));
        git.on('close', () => resolve(out.trim()));
      }),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100), node: process.version, browser: browser.version() },
      fixture: { extraExperiments: args.extra, runs: args.runs, keys: KEYS, pointsPerKey: args.points, seconds: Math.round(fixture.seconds * 10) / 10 },
      summary: {
        compareLoadMs: stats(compare.map((c) => c.load.ms)),
        compareRequests: compare.map((c) => c.load.graphqlRequests),
        compareLongTasks: compare.map((c) => c.load.longTasks.count),
        hoverPerMoveMs: stats(compare.flatMap((c) => (c.hover.perMove ? [c.hover.perMove.median] : []))),
        hoverWorstMoveMs: Math.max(...compare.map((c) => c.hover.perMove?.max ?? 0)),
        logYMs: stats(compare.flatMap((c) => c.changes.logY.filter((v) => v !== null))),
        smoothingMs: stats(compare.flatMap((c) => c.changes.smoothing.filter((v) => v !== null))),
        groupMs: stats(compare.flatMap((c) => c.changes.group.filter((v) => v !== null))),
        experimentPageMs: stats(experiment.map((e) => e.ms)),
        experimentQueryMs: stats(experiment.map((e) => e.slowestQuery?.ms ?? 0)),
        csvMs: stats(compare.map((c) => c.csv.ms)),
        csvProgressShown: compare.every((c) => c.csv.progressShown),
      },
      compare,
      experiment,
    };
    mkdirSync(dirname(args.out), { recursive: true });
    writeFileSync(args.out, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(result.summary, null, 2)}\nwritten to ${args.out}\n`);
  } finally {
    await browser.close();
    await stopStack(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
