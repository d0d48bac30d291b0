/**
 * `saddle run` and the signals a terminal sends, through the real CLI: the command runs in a
 * process group of its own (as a shell's foreground job) and the signal goes to the whole group,
 * as Ctrl-C and `timeout` send it. One SIGINT or SIGTERM cancels — runs CANCELLED at their step
 * with their points kept, the experiment CANCELLED, not FAILED by workers dying of the signal —
 * and a second SIGINT quits at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../store/store.js';
import { tempDir, TINY_PRESET_MODULE } from '../test-utils/temp.js';

const SADDLE_BIN = fileURLToPath(new URL('../../bin/saddle.mjs', import.meta.url));
const root = tempDir();
afterAll(() => root.remove());

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves once stderr matches. */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<void>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function saddleRun(dataDir: string, ...args: string[]): Running {
  const child = spawn(process.execPath, [SADDLE_BIN, 'run', 'test-tiny', '--workers', '2', '--data-dir', dataDir, ...args], {
    env: { ...process.env, SADDLE_PRESET_MODULES: TINY_PRESET_MODULE, SADDLE_PROGRESS_INTERVAL_S: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, as a shell gives a foreground job
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const waitFor = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; stderr:\n${stderr}`)), timeoutMs);
      const check = () => {
        if (pattern.test(stderr)) {
          clearTimeout(timer);
          child.stderr!.off('data', check);
          resolve();
        }
      };
      child.stderr!.on('data', check);
      check();
    });
  return { child, stdout: () => stdout, stderr: () => stderr, waitFor, exit };
}

/** Sends `signal` to the whole process group, as a terminal (Ctrl-C) or `timeout` does. */
const signalGroup = (child: ChildProcess, signal: NodeJS.Signals) => process.kill(-child.pid!, signal);

async function expectCancelled(dataDir: string): Promise<void> {
  const store = await Store.open({ kind: 'sqlite', file: `${dataDir}/saddle.db` });
  try {
    const [experiment] = (await store.listExperiments({ first: 1 })).items;
    expect(experiment?.status).toBe('CANCELLED');
    const runs = await store.runsOf(experiment!.id);
    expect(runs.map((r) => r.status)).toEqual(['CANCELLED', 'CANCELLED']);
    for (const run of runs) {
      expect(run.error ?? '').not.toMatch(/died from/);
      // Cancelled at its current step, with its points kept.
      expect((await store.metricSeries(run.id, 'train/loss')).length).toBeGreaterThan(0);
    }
  } finally {
    await store.close();
  }
}

describe('saddle run and the terminal’s signals', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`one ${signal} to the process group cancels: runs and experiment CANCELLED, points kept`, async () => {
      const dataDir = `${root.path}/${signal}`;
      const run = saddleRun(dataDir, '--set', 'epochs=5000');
      // A heartbeat line with a loss: both runs are training and have stored points.
      await run.waitFor(/run seed0: RUNNING \d+%.*loss/);
      await run.waitFor(/run seed1: RUNNING \d+%.*loss/);
      signalGroup(run.child, signal);
      const { code } = await run.exit;
      expect(run.stderr()).toMatch(/cancelling/);
      // Workers that got the signal too die of it: their runs restart (or fail), not cancel.
      expect(run.stderr()).not.toMatch(/restarted after its worker stopped|died from/);
      expect(run.stdout()).toMatch(/: CANCELLED/);
      expect(code).toBe(1);
      await expectCancelled(dataDir);
    }, 120_000);
  }

  it('a second SIGINT quits at once', async () => {
    const run = saddleRun(`${root.path}/twice`, '--set', 'epochs=5000');
    await run.waitFor(/run seed0: RUNNING \d+%/);
    signalGroup(run.child, 'SIGINT');
    await run.waitFor(/cancelling/);
    const sentAt = Date.now();
    signalGroup(run.child, 'SIGINT');
    const { code } = await run.exit;
    expect(code).toBe(130);
    expect(Date.now() - sentAt).toBeLessThan(2000);
  }, 120_000);
});
