/**
 * @saddle/client from outside the monorepo: `npm pack` it, install the tarball in a directory of
 * its own under the system's temp dir, run the README's snippet there as written against a real
 * server, and type-check a script against the installed types (enums are values, results typed).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SaddleClient } from './index.js';
import { serveSaddle, type ServedSaddle } from './test-utils/server.js';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** The fenced block right after `<!-- snippet: NAME -->` in a markdown file. */
function snippet(markdownPath: string, name: string): string {
  const text = readFileSync(markdownPath, 'utf8');
  const match = new RegExp(`<!-- snippet: ${name} -->\\s*\`\`\`[a-z]*\\n([\\s\\S]*?)\`\`\``).exec(text);
  if (!match?.[1]) throw new Error(`${markdownPath} has no block after <!-- snippet: ${name} -->`);
  return match[1];
}

let server: ServedSaddle;
let outside: string;
beforeAll(async () => {
  server = await serveSaddle();
  outside = mkdtempSync(join(tmpdir(), 'saddle-client-outside-'));
  // prepack builds the client and bundles @saddle/schema into the tarball.
  execFileSync('npm', ['pack', '-w', '@saddle/client', '--pack-destination', outside], { cwd: REPO, stdio: 'ignore' });
  const tarball = readdirSync(outside).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');
  writeFileSync(join(outside, 'package.json'), JSON.stringify({ name: 'outside', private: true, type: 'module' }));
  execFileSync('npm', ['install', `./${tarball}`, '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock'], { cwd: outside, stdio: 'ignore' });
}, 300_000);
afterAll(async () => {
  await server?.dispose();
  if (outside) rmSync(outside, { recursive: true, force: true });
});

describe('@saddle/client installed from its tarball', () => {
  it('carries its schema inside and runs the README’s three lines as written', async () => {
    expect(readdirSync(join(outside, 'node_modules', '@saddle', 'client', 'node_modules', '@saddle', 'schema', 'dist'))).toContain('index.js');
    writeFileSync(join(outside, 'log.mjs'), snippet(join(REPO, 'README.md'), 'client-log'));
    const printed = execFileSync(process.execPath, ['log.mjs'], { cwd: outside, env: { ...process.env, SADDLE_URL: server.url }, encoding: 'utf8' });
    const runId = /logged run (\S+)/.exec(printed)?.[1];
    expect(runId).toBeDefined();
    const client = new SaddleClient({ url: server.url });
    const run = await client.run(runId!);
    expect(run).toMatchObject({ key: 'mlp', status: 'SUCCEEDED', config: { lr: 0.001, layers: 3 } });
    expect((await client.history(runId!, 'loss')).length).toBe(100);
  });

  it('runs the API README’s live-events snippet as written', async () => {
    writeFileSync(join(outside, 'follow.mjs'), snippet(join(REPO, 'apps', 'api', 'README.md'), 'client-follow'));
    const printed = execFileSync(process.execPath, ['follow.mjs'], { cwd: outside, env: { ...process.env, SADDLE_URL: server.url }, encoding: 'utf8' });
    expect(printed).toContain('METRICS steps 0–2');
    expect(printed).toContain('STATUS SUCCEEDED');
    expect(printed.trim().split('\n').at(-1)).toBe('the stream ended with the run');
  });

  it('ships types: a typed script compiles, a wrong enum value or field does not', () => {
    writeFileSync(
      join(outside, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, skipLibCheck: false, types: [] }, include: ['check.ts'] }),
    );
    writeFileSync(
      join(outside, 'check.ts'),
      [
        `import { RunStatus, SaddleClient, SaddleClientError, type RunInfo } from '@saddle/client';`,
        `const client = new SaddleClient({ url: 'http://127.0.0.1:4000' });`,
        `export async function check(id: string): Promise<RunStatus | undefined> {`,
        `  const run: RunInfo | null = await client.run(id);`,
        `  const status: 'SUCCEEDED' | 'FAILED' | string | undefined = run?.status;`,
        `  void status;`,
        `  // @ts-expect-error: not a RunStatus`,
        `  const wrong: RunStatus = 'FINISHED';`,
        `  void wrong;`,
        `  // @ts-expect-error: a run has no field 'loss'`,
        `  void run?.loss;`,
        `  if (run && run.status === RunStatus.FAILED) throw new SaddleClientError('failed', 'X');`,
        `  return run?.status;`,
        `}`,
      ].join('\n'),
    );
    // Throws (with the compiler's output) if the installed declarations do not type-check the script.
    execFileSync(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: outside, encoding: 'utf8' });
  });
});
