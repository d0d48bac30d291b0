import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-utils/temp.js';
import { main } from './main.js';

async function saddle(...args: string[]) {
  let out = '';
  let err = '';
  const sink = (append: (s: string) => void) => new Writable({ write: (chunk: Buffer, _e, done) => (append(chunk.toString()), done()) });
  const code = await main(['node', 'saddle', ...args], { out: sink((s) => (out += s)), err: sink((s) => (err += s)) });
  return { code, out, err };
}

function png(value: number): Buffer {
  const image = new PNG({ width: 2, height: 2 });
  for (let p = 0; p < 4; p++) image.data.set([value, value, value, 255], p * 4);
  return PNG.sync.write(image);
}

describe('saddle data add / list / rm', () => {
  it('registers an image folder and a CSV, lists them with shapes and class counts, removes one', async () => {
    const dir = tempDir();
    const dataDir = join(dir.path, 'data');
    const images = join(dir.path, 'shapes');
    for (const [cls, count] of [['circle', 2], ['square', 3]] as const) {
      mkdirSync(join(images, cls), { recursive: true });
      for (let i = 0; i < count; i++) writeFileSync(join(images, cls, `${i}.png`), png(40 * i));
    }
    const added = await saddle('data', 'add', 'shapes', images, '--data-dir', dataDir);
    expect(added).toMatchObject({ code: 0, err: '' });
    expect(added.out).toContain('registered shapes  5 examples of [2, 2, 1]  2 classes (circle: 2, square: 3)  images from shapes');
    writeFileSync(join(dir.path, 'iris.csv'), 'a,b,species\n1,2,setosa\n3,4,virginica\n5,6,setosa\n');
    expect((await saddle('data', 'add', 'iris', join(dir.path, 'iris.csv'), '--data-dir', dataDir)).code).toBe(0);
    const listed = await saddle('data', 'list', '--data-dir', dataDir);
    expect(listed.out.trim().split('\n')).toEqual([
      'iris  3 examples of [2]  2 classes (setosa: 2, virginica: 1)  csv from iris.csv',
      'shapes  5 examples of [2, 2, 1]  2 classes (circle: 2, square: 3)  images from shapes',
    ]);
    expect(await saddle('data', 'rm', 'iris', '--data-dir', dataDir)).toMatchObject({ code: 0, out: 'removed dataset iris\n' });
    expect(readdirSync(join(dataDir, 'datasets'))).toEqual(['shapes']);
    dir.remove();
  });

  it('exits 2 naming the problem for a malformed file or an unknown name, registering nothing', async () => {
    const dir = tempDir();
    const dataDir = join(dir.path, 'data');
    writeFileSync(join(dir.path, 'bad.csv'), 'a,y\n1,2\nthree,4\n');
    const bad = await saddle('data', 'add', 'bad', join(dir.path, 'bad.csv'), '--data-dir', dataDir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/saddle data add: dataset 'bad' not registered: loadCsv: row 3, column 'a': "three" is not a finite number/);
    expect((await saddle('data', 'add', 'x', join(dir.path, 'missing.npz'), '--data-dir', dataDir)).err).toMatch(/missing\.npz: no such file or folder/);
    expect((await saddle('data', 'list', '--data-dir', dataDir)).out).toMatch(/^no datasets in .*; add one with saddle data add NAME FILE/);
    const rm = await saddle('data', 'rm', 'nope', '--data-dir', dataDir);
    expect(rm).toMatchObject({ code: 2 });
    expect(rm.err).toMatch(/bad <name>: no dataset named 'nope'; registered: none/);
  });

  it('saddle run <preset> --data NAME: refuses a missing dataset, a regression set and a function preset with the fix, before anything runs', async () => {
    const dir = tempDir();
    const dataDir = join(dir.path, 'data');
    writeFileSync(join(dir.path, 'plane.csv'), 'x1,x2,y\n0,1,0.5\n1,0,1.5\n1,1,2.5\n');
    expect((await saddle('data', 'add', 'plane', join(dir.path, 'plane.csv'), '--data-dir', dataDir)).code).toBe(0);
    const missing = await saddle('run', 'train-cnn', '--data', 'nope', '--data-dir', dataDir);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^saddle run: bad --data nope: no dataset named 'nope'; registered: plane \(add one with `saddle data add nope <file>`/);
    const regression = await saddle('run', 'train-cnn', '--data', 'plane', '--data-dir', dataDir);
    expect(regression.code).toBe(2);
    expect(regression.err).toMatch(/^saddle run: bad --data plane: preset 'train-cnn' classifies .* 'plane' is a regression set .*--task classification/);
    const fit = await saddle('run', 'fit-function', '--data', 'plane', '--data-dir', dataDir);
    expect(fit.err).toMatch(/^saddle run: bad --data plane: preset 'fit-function' trains on function data, so dataset 'plane' does not apply to it; use it with a classification preset/);
    const suite = await saddle('run', 'hw1', '--data', 'plane', '--data-dir', dataDir);
    expect(suite).toMatchObject({ code: 2 });
    expect(suite.err).toMatch(/bad --data: hw1 takes mnist or cifar10; .* saddle run train-cnn --data plane/);
    expect((await saddle('list', '--data-dir', dataDir)).out).toMatch(/^no experiments/);
    dir.remove();
  });

  it('saddle run train-cnn --data NAME trains the preset on a registered image folder to the end', async () => {
    const dir = tempDir();
    const dataDir = join(dir.path, 'data');
    const images = join(dir.path, 'blobs');
    const big = (value: number) => {
      const image = new PNG({ width: 28, height: 28 });
      for (let p = 0; p < 28 * 28; p++) image.data.set([value, value, value, 255], p * 4);
      return PNG.sync.write(image);
    };
    for (const [cls, base] of [['dark', 10], ['light', 230], ['mid', 120]] as const) {
      mkdirSync(join(images, cls), { recursive: true });
      for (let i = 0; i < 4; i++) writeFileSync(join(images, cls, `${i}.png`), big(base + i));
    }
    expect((await saddle('data', 'add', 'blobs', images, '--data-dir', dataDir)).code).toBe(0);
    const run = await saddle('run', 'train-cnn', '--data', 'blobs', '--set', 'models=cnn-shallow', '--set', 'epochs=1', '--workers', '1', '--json', '--data-dir', dataDir);
    expect(run.err).not.toMatch(/bad --data/);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.out) as { runs: { status: string; config: Record<string, unknown>; final: Record<string, number> | null }[] };
    expect(result.runs).toHaveLength(1);
    expect(result.runs[0]).toMatchObject({ status: 'SUCCEEDED', config: { data: 'blobs', 'data.kind': 'dataset', 'data.name': 'blobs' } });
    // Three classes: a trained accuracy is a share of the held-out examples.
    const accuracy = result.runs[0]!.final!['test/accuracy']!;
    expect(accuracy).toBeGreaterThanOrEqual(0);
    expect(accuracy).toBeLessThanOrEqual(1);
    dir.remove();
  }, 180_000);
});
