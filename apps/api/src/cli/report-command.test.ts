/**
 * `saddle run hw1` and `saddle report` refusals, through the spawned CLI (the whole quick suite
 * and its three exports are src/e2e/hw1-report.test.ts): each names the argument and the fix.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test-utils/temp.js';

const SADDLE_BIN = fileURLToPath(new URL('../../bin/saddle.mjs', import.meta.url));
const dir = tempDir('saddle-report-cli-');
afterAll(() => dir.remove());
const saddle = (...args: string[]) => spawnSync(process.execPath, [SADDLE_BIN, ...args, '--data-dir', dir.path], { encoding: 'utf8', timeout: 60_000 });

describe('saddle run hw1 / saddle report (spawned)', () => {
  it('refuses a preset’s flags for the suite, naming the flag and what the suite takes', () => {
    const run = saddle('run', 'hw1', '--set', 'epochs=1');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('saddle run: bad --set: hw1 runs every preset at the scale\'s defaults; give it only --scale, --data, --tag, --workers, --data-dir');
  });

  it('refuses `latest` in a store without suites, saying how to make one', () => {
    const report = saddle('report', 'latest', '--format', 'html', '--out', `${dir.path}/r.html`);
    expect(report.status).toBe(2);
    expect(report.stderr).toContain('"latest" names the newest suite, and this store has none; run `saddle run hw1` first');
  });

  it('refuses an unknown id and an unknown format, naming the argument', () => {
    const unknown = saddle('report', 'no-such-id', '--out', `${dir.path}/r.md`);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('saddle report: bad <suiteOrExperimentId>: Report "no-such-id" does not exist');
    const format = saddle('report', 'no-such-id', '--format', 'docx', '--out', `${dir.path}/r.docx`);
    expect(format.status).toBe(2);
    expect(format.stderr).toMatch(/--format <format>.*docx.*md, html, pdf/s);
  });
});
