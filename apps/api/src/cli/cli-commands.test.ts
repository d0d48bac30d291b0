/**
 * The commands a user reaches for, through the real CLI (`node bin/saddle.mjs`, spawned):
 * `--version`, help fast enough to feel instant, and the read-only commands.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, TINY_PRESET_MODULE } from '../test-utils/temp.js';

const SADDLE_BIN = fileURLToPath(new URL('../../bin/saddle.mjs', import.meta.url));
const dir = tempDir();
afterAll(() => dir.remove());

function saddle(...args: string[]): { code: number | null; out: string; err: string; seconds: number } {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [SADDLE_BIN, ...args], { env: { ...process.env, SADDLE_PRESET_MODULES: TINY_PRESET_MODULE }, encoding: 'utf8', timeout: 60_000 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { code: result.status, out: result.stdout, err: result.stderr, seconds };
}

describe('saddle (spawned)', () => {
  it('prints its version', () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const result = saddle('--version');
    expect(result.code).toBe(0);
    expect(result.out).toBe(`saddle ${version}\n`);
  });

  it('answers --help within 0.5 s: the engine is loaded only by the commands that need it', () => {
    // The best of three, so that one slow start on a loaded machine does not decide.
    const runs = [saddle('--help'), saddle('--help'), saddle('--help')];
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.out).toMatch(/Usage: saddle/);
    }
    expect(Math.min(...runs.map((r) => r.seconds))).toBeLessThan(0.5);
    const runHelp = saddle('run', '--help');
    expect(runHelp.out).toMatch(/quick.*standard.*full/s);
    expect(runHelp.seconds).toBeLessThan(1.5);
  });
});
