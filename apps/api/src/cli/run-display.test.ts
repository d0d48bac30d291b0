/**
 * What `saddle run` shows: the line layout (units), then the real CLI — in a pseudo-terminal of
 * 80 columns (`script`), piped (heartbeat lines with the metrics), and the end summary (every
 * final metric, the figures, the dashboard page when a server runs on the data dir, the export
 * command); and `saddle serve` noting where it serves.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, TINY_PRESET_MODULE } from '../test-utils/temp.js';
import { etaColumn, finalMetrics, heartbeatLine, liveMetrics, progressLine, wrapWords } from './run-display.js';

const SADDLE_BIN = fileURLToPath(new URL('../../bin/saddle.mjs', import.meta.url));
const root = tempDir();
afterAll(() => root.remove());
const env = { ...process.env, SADDLE_PRESET_MODULES: TINY_PRESET_MODULE };

describe('progress lines', () => {
  const now = 1_000_000;
  it('fit the width with the status whole, and cut the metrics first', () => {
    const running = { status: 'RUNNING', fraction: 0.25, startedAt: now - 10_000 };
    const metrics = liveMetrics(new Map([['train/loss', 0.012345], ['train/accuracy', 0.9812], ['test/accuracy', 0.97]]));
    expect(metrics).toBe('loss 0.01235 acc 98.1% test 97.0%');
    for (const width of [80, 60, 50]) {
      const line = progressLine('a-very-long-run-key', running, metrics, width, now);
      expect(line.length).toBeLessThanOrEqual(width);
      expect(line).toContain('RUNNING');
      expect(line).toContain('ETA 30s'); // 10 s for a quarter: 30 s for the rest
    }
    expect(progressLine('seed0', running, metrics, 80, now)).toContain('loss 0.01235 acc 98.1%');
    expect(progressLine('seed0', running, metrics, 120, now)).toContain('loss 0.01235 acc 98.1% test 97.0%');
    expect(progressLine('seed0', { status: 'SUCCEEDED', fraction: 1 }, '', 80, now)).toContain('SUCCEEDED');
    // The bars line up whether a line has metrics or not.
    expect(progressLine('seed0', running, metrics, 80, now).lastIndexOf('|')).toBe(progressLine('overall', running, '', 80, now).lastIndexOf('|'));
  });

  it('say queued, not "ETA 0s", before a run starts, and … until its ETA is known', () => {
    expect(etaColumn({ status: 'QUEUED', fraction: 0 }, now)).toBe('queued');
    expect(etaColumn({ status: 'RUNNING', fraction: 0, startedAt: now }, now)).toBe('ETA …');
    expect(etaColumn({ status: 'RUNNING', fraction: 0.5, startedAt: now - 90_000 }, now)).toBe('ETA 1m30s');
  });

  it('heartbeat and summary carry the numbers', () => {
    const view = { key: 'seed0', status: 'RUNNING', fraction: 0.4, startedAt: now - 40_000, latest: new Map([['train/loss', 1.5]]) };
    expect(heartbeatLine(view, now)).toBe('run seed0: RUNNING 40% ETA 1m00s loss 1.500');
    expect(finalMetrics({ 'test/accuracy': 0.5, 'grad_norm': 2e-5, 'train/loss': 0.25, 'test/loss': null })).toBe('train/loss 0.2500  test/loss n/a  test/accuracy 50.00%  grad_norm 2.00e-5');
    expect(wrapWords('aaaa  bbbb  cccc', 10)).toEqual(['aaaa  bbbb', 'cccc']);
  });
});

/** Screen lines of what a terminal received: split at newlines, carriage returns and cursor moves; escapes removed. */
function screenLines(raw: string): string[] {
  return raw
    .split(/\r|\n|\x1b\[\d*[ABG]/)
    .map((line) => line.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, ''))
    .filter((line) => line.trim() !== '');
}

describe('saddle run (real CLI)', () => {
  it('in an 80-column terminal: lines fit, with loss, ETA and status; the summary has every final metric, figures, dashboard and export', () => {
    const dataDir = `${root.path}/tty`;
    const command = `stty cols 80 rows 30; exec ${JSON.stringify(process.execPath)} ${JSON.stringify(SADDLE_BIN)} run test-tiny --workers 2 --set epochs=600 --data-dir ${JSON.stringify(dataDir)}`;
    const raw = execFileSync('script', ['-qfc', command, '/dev/null'], { env, encoding: 'utf8', timeout: 90_000 });
    const lines = screenLines(raw);
    const progress = lines.filter((line) => /^(overall|seed[01]) +\|/.test(line));
    expect(progress.length).toBeGreaterThan(0);
    for (const line of progress) expect(line.length, line).toBeLessThanOrEqual(80);
    expect(progress.some((line) => /^seed0 .*\| +\d+% (ETA [\dms…]+|queued)? *RUNNING +loss \d/.test(line))).toBe(true);
    expect(progress.some((line) => /^seed1 .*SUCCEEDED +loss \d/.test(line))).toBe(true);
    // Before a run starts: "queued", never an ETA (cli-progress's own said "ETA 0s").
    expect(progress.some((line) => /^seed\d .*\| +0% queued +QUEUED/.test(line))).toBe(true);
    expect(progress.filter((line) => /QUEUED/.test(line) && /ETA/.test(line))).toEqual([]);
    const summary = raw.slice(raw.indexOf('experiment ')).replace(/\r/g, '');
    const id = /experiment ([0-9a-f-]{36}): SUCCEEDED/.exec(summary)?.[1];
    expect(id).toBeDefined();
    expect(summary).toMatch(/seed0 +SUCCEEDED +train\/loss \S+ +test\/loss \S+/);
    expect(summary).toMatch(/figures \(1\):\n +final-loss: Final loss per run/);
    expect(summary).toContain(`saddle serve --web --data-dir ${dataDir}`);
    expect(summary).toContain(`/experiments/${id}`);
    expect(summary).toContain(`export: saddle export ${id} --data-dir ${dataDir}`);
  }, 120_000);

  it('piped: a line with the metrics at least every SADDLE_PROGRESS_INTERVAL_S, and the dashboard URL of a server on the data dir', async () => {
    const dataDir = `${root.path}/piped`;
    // A server on this data dir with the dashboard, as `saddle serve --web` notes it (this test's pid runs).
    execFileSync('mkdir', ['-p', dataDir]);
    writeFileSync(`${dataDir}/server.json`, JSON.stringify({ pid: process.pid, origin: 'http://127.0.0.1:4567', web: true }));
    const child = spawn(process.execPath, [SADDLE_BIN, 'run', 'test-tiny', '--workers', '1', '--set', 'epochs=1500', '--data-dir', dataDir], {
      env: { ...env, SADDLE_PROGRESS_INTERVAL_S: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code, stderr).toBe(0);
    // One worker: seed1 waits its turn; while seed0 trains, its lines come at most ~1 s apart, each with a loss.
    const times = [...stderr.matchAll(/^(\S+) run seed0: RUNNING \d+% ETA \S+ loss \S+$/gm)].map((m) => Date.parse(m[1]!));
    expect(times.length).toBeGreaterThanOrEqual(3);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(Math.max(...gaps)).toBeLessThan(1600);
    const id = /experiment ([0-9a-f-]{36}): SUCCEEDED/.exec(stdout)?.[1];
    expect(stdout).toContain(`dashboard: http://127.0.0.1:4567/experiments/${id}`);
  }, 120_000);
});

describe('saddle serve notes where it serves', () => {
  it('writes <dataDir>/server.json with its pid and origin, and removes it when it stops', async () => {
    const dataDir = `${root.path}/serve`;
    const child = spawn(process.execPath, [SADDLE_BIN, 'serve', '--port', '0', '--workers', '1', '--data-dir', dataDir], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`saddle serve did not start: ${stderr}`)), 30_000);
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/saddle: API at /.test(stderr)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const origin = /API at (http:\/\/[^/]+)\/graphql/.exec(stderr)?.[1];
    expect(JSON.parse(readFileSync(`${dataDir}/server.json`, 'utf8'))).toEqual({ pid: child.pid, origin, web: false });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    expect(existsSync(`${dataDir}/server.json`)).toBe(false);
  }, 60_000);
});
