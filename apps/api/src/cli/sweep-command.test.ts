/**
 * `saddle run --spec file.json --sweep … --seeds …` through the real CLI (spawned): the issue's
 * lr × seeds sweep trains to the end and its figure is listed; misuse exits 2 naming the flag.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test-utils/temp.js';

const SADDLE_BIN = fileURLToPath(new URL('../../bin/saddle.mjs', import.meta.url));
const data = tempDir();
afterAll(() => data.remove());

function saddle(...args: string[]): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [SADDLE_BIN, ...args, '--data-dir', data.path], { encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const spec = join(data.path, 'spec.json');
writeFileSync(spec, JSON.stringify({ model: { name: 'tiny', layers: [{ type: 'dense', units: 8, activation: 'relu' }, { type: 'dense', units: 1 }] }, data: { kind: 'function', n: 64 }, batchSize: 16 }));

describe('saddle run --spec --sweep (spawned)', () => {
  it('trains an lr range × 2 seeds with --set applied, and stores the sweep figure', () => {
    const run = saddle('run', '--spec', spec, '--sweep', 'optimizer.lr=log:1e-3..1e-2:2', '--seeds', '2', '--set', 'epochs=2', '--json', '--workers', '1');
    expect(run.code, run.err).toBe(0);
    const result = JSON.parse(run.out) as { experiment: { status: string; name: string }; runs: { key: string; status: string; config: Record<string, unknown> }[]; analyses: { id: string }[] };
    expect(result.experiment).toMatchObject({ status: 'SUCCEEDED', name: 'tiny sweep over optimizer.lr' });
    expect(result.runs.map((r) => [r.key, r.status, r.config.epochs])).toEqual([
      ['optimizer.lr=0.001', 'SUCCEEDED', 2],
      ['optimizer.lr=0.001/seed1', 'SUCCEEDED', 2],
      ['optimizer.lr=0.01', 'SUCCEEDED', 2],
      ['optimizer.lr=0.01/seed1', 'SUCCEEDED', 2],
    ]);
    expect(result.analyses.map((f) => f.id)).toContain('sweep-train-loss-vs-optimizer.lr');
  }, 150_000);

  it('exits 2 naming the flag: a sweep without --spec, bad syntax, a path the spec lacks', () => {
    const withoutSpec = saddle('run', 'fit-function', '--seeds', '3');
    expect(withoutSpec.code).toBe(2);
    expect(withoutSpec.err).toMatch(/^saddle run: bad --seeds: it goes with --spec file\.json; a preset has knobs of its own/);
    const syntax = saddle('run', '--spec', spec, '--sweep', 'optimizer.lr');
    expect(syntax.code).toBe(2);
    expect(syntax.err).toMatch(/^saddle run: bad --sweep: expected PATH=VALUES/);
    const path = saddle('run', '--spec', spec, '--sweep', 'optimiser.lr=1,2');
    expect(path.code).toBe(2);
    expect(path.err).toMatch(/^saddle run: bad --sweep optimiser\.lr: .*unknown override 'optimiser\.lr' \(did you mean 'optimizer\.lr'\?\)/);
    const range = saddle('run', '--spec', spec, '--sweep', 'optimizer.lr=log:0..1:3');
    expect(range.err).toMatch(/^saddle run: bad --sweep optimizer\.lr: .*must be positive for a log range/);
  });
});
