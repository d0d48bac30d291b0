/**
 * An analysis is computed and stored once, by the process that holds it, across an API killed
 * in the middle of it: the killed API's worker ends promptly (it is busy in a computation that
 * never yields, as a Hessian is), and the restarted API computes the analysis once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseConfigFromEnv } from '../store/database.js';
import { Store } from '../store/store.js';
import { postGraphQL, startTestServer } from '../test-utils/server.js';
import { tempDir, TINY_PRESET_MODULE, waitFor } from '../test-utils/temp.js';

const SADDLE_BIN = fileURLToPath(new URL('../../bin/saddle.mjs', import.meta.url));
const dir = tempDir();
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  dir.remove();
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `begin <pid>` / `end <pid>` lines the slow test analysis writes. */
function analysisLog(path: string): { what: string; pid: number }[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [what, pid] = line.split(' ');
      return { what: what!, pid: Number(pid) };
    });
}

/** `saddle serve` as its own process (so the test can kill it as a user's API is killed); resolves with its URL. */
async function serveCli(dataDir: string, env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [SADDLE_BIN, 'serve', '--port', '0', '--workers', '1', '--data-dir', dataDir], {
    env: { ...process.env, SADDLE_PRESET_MODULES: TINY_PRESET_MODULE, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /API at (http:\/\/\S+\/graphql)/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`saddle serve exited with ${code}: ${stderr}`)));
  });
  return { child, url };
}

describe('an analysis across an API that is killed while computing it', () => {
  it("ends the killed API's busy worker at once and computes the analysis once after the restart", async () => {
    const log = join(dir.path, 'analysis.log');
    const first = await serveCli(dir.path, { SADDLE_TEST_ANALYSIS_LOG: log, SADDLE_TEST_ANALYSIS_MS: '20000' });
    const launched = await postGraphQL<{ launchExperiment: { id: string } }>(first.url, `mutation { launchExperiment(input: { preset: "test-slow-analysis", overrides: { epochs: 1 } }) { id } }`);
    const id = launched.data!.launchExperiment.id;
    const [begun] = await waitFor(async () => analysisLog(log).length > 0 && analysisLog(log), { what: 'the analysis to begin', timeoutMs: 60_000 });
    const busyWorker = begun!.pid;
    expect(isAlive(busyWorker)).toBe(true);

    first.child.kill('SIGKILL');
    // The worker is in a 20 s computation that never yields; it still notices its parent is gone.
    const killedAt = Date.now();
    await waitFor(async () => !isAlive(busyWorker), { what: "the killed API's worker to end", timeoutMs: 3000, intervalMs: 20 });
    const noticedMs = Date.now() - killedAt;
    expect(noticedMs).toBeLessThan(3000);

    // The restart (in this process) takes the analysis over: its owner is dead.
    process.env.SADDLE_TEST_ANALYSIS_LOG = log;
    process.env.SADDLE_TEST_ANALYSIS_MS = '300';
    const second = await startTestServer({ dataDir: dir.path, workers: 1 });
    try {
      const done = await waitFor(async () => {
        const experiment = await second.runtime.store.getExperiment(id);
        return experiment?.analysisStatus === 'SUCCEEDED' && experiment;
      }, { what: 'the restarted API to finish the analysis', timeoutMs: 60_000 });
      expect(done).toMatchObject({ status: 'SUCCEEDED', analysisOwner: null, error: null });
      const figures = await second.runtime.store.figuresOf(id);
      expect(figures.map((f) => f.id)).toEqual(['final-loss']);
      const entries = analysisLog(log);
      // Begun twice (the killed worker, the new one), ended and stored once, by the new worker.
      expect(entries.filter((e) => e.what === 'begin')).toHaveLength(2);
      const ends = entries.filter((e) => e.what === 'end');
      expect(ends).toHaveLength(1);
      expect(ends[0]!.pid).not.toBe(busyWorker);
    } finally {
      delete process.env.SADDLE_TEST_ANALYSIS_LOG;
      delete process.env.SADDLE_TEST_ANALYSIS_MS;
      await second.stop();
    }
  }, 120_000);
});

describe('storing an analysis', () => {
  it('stores figures only for the owner that holds the analysis now', async () => {
    const other = tempDir();
    const store = await Store.open(databaseConfigFromEnv(other.path));
    try {
      const id = randomUUID();
      await store.createExperiment({ id, name: 'owned', preset: 'test-tiny', scale: 'quick', origin: 'preset', spec: {}, status: 'ANALYZING', analysisStatus: 'QUEUED', tags: [] }, []);
      const figure = { id: 'f', title: 'F', data: { kind: 'lines' as const, x: { label: 'x', scale: 'linear' as const }, y: { label: 'y', scale: 'linear' as const }, series: [] } };
      expect(await store.claimAnalysis(id, 'host:1')).toBe(true);
      expect(await store.claimAnalysis(id, 'host:2')).toBe(false); // claimed once
      // host:1 is taken for dead: its analysis is queued again and claimed by host:2.
      expect(await store.requeueAnalysis(id, 'host:3')).toBe(false); // not its owner
      expect(await store.requeueAnalysis(id, 'host:1')).toBe(true);
      expect(await store.claimAnalysis(id, 'host:2')).toBe(true);
      // host:1's late figures are refused; host:2's are stored.
      expect(await store.finishAnalysis(id, 'host:1', { figures: [figure], status: 'SUCCEEDED', analysisStatus: 'SUCCEEDED', error: null })).toBe(false);
      expect(await store.figuresOf(id)).toEqual([]);
      expect((await store.getExperiment(id))?.analysisStatus).toBe('RUNNING');
      expect(await store.finishAnalysis(id, 'host:2', { figures: [figure], status: 'SUCCEEDED', analysisStatus: 'SUCCEEDED', error: null })).toBe(true);
      expect((await store.figuresOf(id)).map((f) => f.id)).toEqual(['f']);
      expect(await store.getExperiment(id)).toMatchObject({ status: 'SUCCEEDED', analysisStatus: 'SUCCEEDED', analysisOwner: null, analysisProgress: 1 });
      expect(await store.finishAnalysis(id, 'host:2', { figures: [], status: 'FAILED', analysisStatus: 'FAILED', error: 'late' })).toBe(false); // once
    } finally {
      await store.close();
      other.remove();
    }
  });
});
