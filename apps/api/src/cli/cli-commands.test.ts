/**
 * The commands a user reaches for, through the real CLI (`node bin/saddle.mjs`, spawned):
 * `--version`, help fast enough to feel instant, and the read-only commands.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

describe('saddle models and presets (spawned)', () => {
  it('prints one model, and its torchsummary table', () => {
    const one = saddle('models', 'cnn-shallow');
    expect(one.code).toBe(0);
    expect(one.out).toMatch(/^Model: "cnn-shallow"/);
    expect(one.out).not.toMatch(/mlp-shallow/);
    const torch = saddle('models', 'cnn-shallow', '--format', 'torchsummary');
    expect(torch.code).toBe(0);
    expect(torch.out.split('\n').slice(0, 4)).toEqual([
      '-'.repeat(64),
      '        Layer (type)               Output Shape         Param #',
      '='.repeat(64),
      '            Conv2d-1           [-1, 16, 32, 32]           1,216',
    ]);
    expect(torch.out).toMatch(/Total params: 34,634\n[\s\S]*Forward\/backward pass size \(MB\): 0\.63\n[\s\S]*Estimated Total Size \(MB\): 0\.77\n/);
    const bad = saddle('models', 'cnn-shallw');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^saddle models: bad \[id\]: no model "cnn-shallw"\n {2}allowed: .*cnn-shallow/);
  });

  it('lists the presets with their knobs, defaults per scale and expected times', () => {
    const result = saddle('presets', '--json', '--data-dir', dir.path);
    expect(result.code).toBe(0);
    const listings = JSON.parse(result.out) as { id: string; knobs: { key: string; defaults: Record<string, unknown> }[]; expected: Record<string, { seconds: number } | null> }[];
    const pca = listings.find((p) => p.id === 'pca-trajectories');
    expect(pca?.knobs.find((k) => k.key === 'runs')?.defaults).toEqual({ quick: 3, standard: 8, full: 8 });
    expect(Object.keys(pca?.expected ?? {})).toEqual(['quick', 'standard', 'full']);
    expect(pca?.expected.full?.seconds).toBeGreaterThan(0);
    expect(listings.map((p) => p.id)).toContain('test-tiny'); // SADDLE_PRESET_MODULES too
    const text = saddle('presets', '--data-dir', dir.path).out;
    expect(text).toMatch(/^pca-trajectories — .*\n(?:.*\n)*? {4}full {6}~\d+ (s|min|h) \(/m);
    expect(text).toMatch(/\n {4}runs +3 +8 +8 +Trainings from different seeds\n/);
    // Descriptions and times wrap at 80 columns (a knob table as wide as its defaults may not fit).
    const pcaBlock = /^pca-trajectories — [\s\S]*?\n\n/m.exec(text)?.[0] ?? '';
    expect(pcaBlock.split('\n').filter((line) => line.length > 80)).toEqual([]);
    expect(pcaBlock).toMatch(/\n {4}layer\n {6}Layer shown in the second view/);
  });
});

describe('saddle token list (spawned)', () => {
  it('lists id, name, scope, created, last used and revoked — never the secret', () => {
    const tokens = tempDir();
    try {
      expect(saddle('token', 'list', '--data-dir', tokens.path).out).toMatch(/^no tokens/);
      const created = saddle('token', 'create', '--scope', 'read', '--name', 'notebook', '--data-dir', tokens.path);
      expect(created.code).toBe(0);
      const secret = created.out.trim();
      const id = /^sdl_([^_]+)_/.exec(secret)?.[1];
      expect(id).toBeTruthy();
      saddle('token', 'create', '--scope', 'write', '--data-dir', tokens.path);
      expect(saddle('token', 'revoke', id!, '--data-dir', tokens.path).code).toBe(0);
      const list = saddle('token', 'list', '--data-dir', tokens.path);
      expect(list.code).toBe(0);
      const lines = list.out.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^id +name +scope +created +last used +revoked$/);
      expect(lines[1]).toMatch(new RegExp(`^${id} +notebook +read +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\dZ +never +yes$`));
      expect(lines[2]).toMatch(/ +write token +write +.* +never +no$/); // the default name
      expect(list.out).not.toContain(secret);
      const json = JSON.parse(saddle('token', 'list', '--json', '--data-dir', tokens.path).out) as Record<string, unknown>[];
      expect(json.map((t) => Object.keys(t).sort())).toEqual([
        ['createdAt', 'id', 'lastUsedAt', 'name', 'revoked', 'scope'],
        ['createdAt', 'id', 'lastUsedAt', 'name', 'revoked', 'scope'],
      ]);
    } finally {
      tokens.remove();
    }
  });
});

describe('saddle run --set errors (spawned)', () => {
  it('lists the preset’s knobs, suggests the nearest name, and says each thing once', () => {
    const typo = saddle('run', 'pca-trajectories', '--set', 'run=8', '--data-dir', dir.path);
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/^saddle run: bad --set: .*unknown override 'run' \(did you mean 'runs'\?\); the preset's knobs are runs, layer; allowed run-spec paths are model, /);
    const epoch = saddle('run', 'fit-function', '--set', 'epoch=5', '--data-dir', dir.path);
    expect(epoch.err).toMatch(/did you mean 'epochs'\?/);
    const negative = saddle('run', 'pca-trajectories', '--set', 'epochs=-1', '--data-dir', dir.path);
    expect(negative.code).toBe(2);
    expect(negative.err.match(/must be an integer from 1 to 1,000,000, got -1/g)).toHaveLength(1);
    expect(negative.err.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('saddle list / show / cancel / delete (spawned)', () => {
  const async = (...args: string[]): Promise<{ code: number | null; out: string; err: string }> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [SADDLE_BIN, ...args], { env: { ...process.env, SADDLE_PRESET_MODULES: TINY_PRESET_MODULE } });
      let out = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.once('exit', (code) => resolve({ code, out, err }));
    });

  it('against the store: list, show with final metrics, bad id, delete', () => {
    const store = tempDir();
    try {
      expect(saddle('list', '--data-dir', store.path).out).toMatch(/^no experiments/);
      expect(saddle('run', 'test-tiny', '--workers', '1', '--data-dir', store.path).code).toBe(0);
      const list = saddle('list', '--data-dir', store.path);
      expect(list.code).toBe(0);
      const [header, row] = list.out.trimEnd().split('\n');
      expect(header).toMatch(/^id +status +runs +created +preset$/);
      const id = /^(\S{36}) {2}SUCCEEDED {4}2\/2 {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}test-tiny \(quick\)$/.exec(row ?? '')?.[1];
      expect(id, list.out).toBeTruthy();
      const show = saddle('show', id!, '--data-dir', store.path);
      expect(show.out).toMatch(new RegExp(`^experiment ${id}: .*\\n {2}status {3}SUCCEEDED\\n`));
      expect(show.out).toMatch(/\n {4}seed0 +SUCCEEDED +100% +train\/loss \d\.\d{3}/);
      const missing = saddle('show', 'nope', '--data-dir', store.path);
      expect(missing.code).toBe(2);
      expect(missing.err).toBe('saddle show: bad <id>: no experiment "nope" (saddle list shows the ids)\n');
      expect(saddle('delete', 'nope', '--data-dir', store.path).code).toBe(2);
      expect(saddle('delete', id!, '--data-dir', store.path).code).toBe(0);
      expect(saddle('list', '--data-dir', store.path).out).toMatch(/^no experiments/);
    } finally {
      store.remove();
    }
  });

  it('against a running server with --url: list, show, cancel of a training experiment, delete', async () => {
    const data = tempDir();
    const server = spawn(process.execPath, [SADDLE_BIN, 'serve', '--port', '0', '--workers', '1', '--data-dir', data.path], { env: { ...process.env, SADDLE_PRESET_MODULES: TINY_PRESET_MODULE }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let stderr = '';
        server.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          const match = /saddle: API at (http:\/\/[^\s/]+)/.exec(stderr);
          if (match) resolve(match[1]!);
        });
        server.once('exit', (code) => reject(new Error(`saddle serve exited ${code}: ${stderr}`)));
      });
      const launched = (await (
        await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'mutation { launchExperiment(input: { preset: "test-tiny", overrides: { epochs: 100000 } }) { id } }' }),
        })
      ).json()) as { data: { launchExperiment: { id: string } } };
      const id = launched.data.launchExperiment.id;
      const listed = await async('list', '--url', url, '--json');
      expect(listed.code).toBe(0);
      expect((JSON.parse(listed.out) as { items: { id: string }[] }).items.map((e) => e.id)).toEqual([id]);
      // Wait for it to train, so that the store alone cannot cancel it (another process holds the worker).
      for (let i = 0; i < 200 && !/RUNNING +\d+%/.test((await async('show', id, '--url', url)).out); i++) await new Promise((r) => setTimeout(r, 100));
      const refused = await async('cancel', id, '--data-dir', data.path);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/^saddle cancel: \d run\(s\) of .* are training in another process .*; cancel through its server with --url/);
      const cancelled = await async('cancel', id, '--url', url, '--json');
      expect(cancelled.code, cancelled.err).toBe(0);
      // The answer is the experiment as the mutation leaves it; a training run stops at its next step.
      expect((JSON.parse(cancelled.out) as { id: string }).id).toBe(id);
      for (let i = 0; i < 100 && !/status {3}CANCELLED/.test((await async('show', id, '--url', url)).out); i++) await new Promise((r) => setTimeout(r, 100));
      const shown = (await async('show', id, '--url', url)).out;
      expect(shown).toMatch(/status {3}CANCELLED/);
      expect(shown).toMatch(/\n {4}seed0 +CANCELLED /);
      const missing = await async('show', 'nope', '--url', url);
      expect(missing.code).toBe(2);
      expect((await async('delete', id, '--url', url)).code).toBe(0);
      expect((await async('list', '--url', url)).out).toMatch(/^no experiments/);
    } finally {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
      data.remove();
    }
  });
});

describe('saddle run --spec (spawned)', () => {
  it('runs one run from a RunSpec file, and refuses a bad file or a preset’s flags naming what to fix', () => {
    const data = tempDir();
    try {
      const file = join(data.path, 'spec.json');
      writeFileSync(file, JSON.stringify({ model: { name: 'tiny', layers: [{ type: 'dense', units: 4, activation: 'relu' }, { type: 'dense', units: 1 }] }, epochs: 2, data: { kind: 'function', fn: 'sinc5', n: 64 } }));
      const run = saddle('run', '--spec', file, '--json', '--workers', '1', '--data-dir', data.path);
      expect(run.code, run.err).toBe(0);
      const result = JSON.parse(run.out) as { experiment: { status: string; name: string }; runs: { key: string; status: string; steps: number }[] };
      expect(result.experiment).toMatchObject({ status: 'SUCCEEDED', name: 'tiny run' });
      expect(result.runs.map((r) => [r.key, r.status])).toEqual([['run', 'SUCCEEDED']]);

      const bad = join(data.path, 'bad.json');
      writeFileSync(bad, JSON.stringify({ model: { name: 'tiny', layers: [{ type: 'dense', units: 1 }] }, epochs: -2 }));
      const invalid = saddle('run', '--spec', bad, '--data-dir', data.path);
      expect(invalid.code).toBe(2);
      expect(invalid.err).toBe(`saddle run: bad --spec ${bad} at 'epochs': invalid run spec at 'epochs': must be an integer from 1 to 1,000,000, got -2\n`);
      writeFileSync(bad, '[1, 2]');
      expect(saddle('run', '--spec', bad, '--data-dir', data.path).err).toMatch(/bad --spec .*: expected a JSON object .*, got an array/);
      expect(saddle('run', '--spec', join(data.path, 'none.json'), '--data-dir', data.path).err).toMatch(/bad --spec .*none\.json: ENOENT/);
      const mixed = saddle('run', 'fit-function', '--spec', file, '--scale', 'full', '--data-dir', data.path);
      expect(mixed.code).toBe(2);
      expect(mixed.err).toMatch(/^saddle run: bad --spec: it runs a RunSpec and takes no <preset> "fit-function", --scale; put those values in .* \(or --set PATH=VALUE, --sweep, --seeds\)/);
      const neither = saddle('run', '--data-dir', data.path);
      expect(neither.code).toBe(2);
      expect(neither.err).toMatch(/^saddle run: missing <preset> \(or --spec file\.json\)/);
    } finally {
      data.remove();
    }
  });
});
