import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateRunSpec } from '../config.validate.js';
import { loadCsv } from './csv.js';
import { checkDataAvailable, loadDataset } from './load.js';
import { checkRegisteredDataset, datasetsDir, writeRegisteredDataset } from './registered.js';

const rows = Array.from({ length: 10 }, (_, i) => `${i},${i % 2 === 0 ? 'even' : 'odd'}`).join('\n');

describe('registered datasets', () => {
  it('stores a dataset under its name and loads it as a fixed 80/20 split, standardised with train statistics', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'saddle-datasets-'));
    const meta = writeRegisteredDataset(dir, 'parity', loadCsv(`x,label\n${rows}\n`), 'parity.csv');
    expect(meta).toMatchObject({ n: 10, inputShape: [1], numClasses: 2, classNames: ['even', 'odd'], classCounts: [5, 5], format: 'csv', bytes: 80 });
    expect(readdirSync(dir)).toEqual(['parity']);
    const env = { SADDLE_DATASETS_DIR: dir };
    expect(checkRegisteredDataset('parity', env).n).toBe(10);
    const spec = { kind: 'dataset' as const, name: 'parity', testFraction: 0.2, randomLabels: false, inputShape: [1], numClasses: 2 };
    process.env.SADDLE_DATASETS_DIR = dir;
    try {
      const a = await loadDataset(spec, 1);
      const b = await loadDataset(spec, 2);
      expect([a.train.n, a.test.n]).toEqual([8, 2]);
      // The split is part of the data: the same for every run seed.
      expect(Array.from(a.test.y)).toEqual(Array.from(b.test.y));
      const raw = Array.from(a.train.x, (v) => v * a.standardization!.std[0]! + a.standardization!.mean[0]!);
      const mean = raw.reduce((s, v) => s + v, 0) / raw.length;
      expect(a.standardization!.mean[0]).toBeCloseTo(mean, 5);
      // Each example keeps its own label: x even ⇔ class 0.
      raw.forEach((x, i) => expect(a.train.y[i]).toBe(Math.round(x) % 2));
    } finally {
      delete process.env.SADDLE_DATASETS_DIR;
    }
  });

  it('refuses a taken or bad name and leaves no half-written folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'saddle-datasets-'));
    writeRegisteredDataset(dir, 'parity', loadCsv(`x,label\n${rows}\n`), 'a.csv');
    expect(() => writeRegisteredDataset(dir, 'parity', loadCsv(`x,label\n${rows}\n`), 'b.csv')).toThrow(/already registered; remove it first \(saddle data rm parity\)/);
    expect(() => writeRegisteredDataset(dir, '../escape', loadCsv(`x,label\n${rows}\n`), 'b.csv')).toThrow(/dataset name "\.\.\/escape" is not allowed/);
    expect(readdirSync(dir)).toEqual(['parity']);
    expect(existsSync(join(dir, 'escape'))).toBe(false);
  });

  it('a missing dataset is refused with the fix; a spec is validated with the registered shape', () => {
    const env = { SADDLE_DATASETS_DIR: mkdtempSync(join(tmpdir(), 'saddle-datasets-')) };
    expect(() => checkDataAvailable({ kind: 'dataset', name: 'nope', testFraction: 0.2, randomLabels: false }, env)).toThrow(/no dataset named 'nope'.*saddle data add nope <file>/);
    expect(datasetsDir({ SADDLE_DATA_DIR: '/srv/saddle' })).toBe('/srv/saddle/datasets');
    const model = { name: 'tiny', layers: [{ type: 'dense', units: 4, activation: 'relu' }, { type: 'dense', units: 3 }] };
    const spec = validateRunSpec({ model, loss: 'cross-entropy', data: { kind: 'dataset', name: 'three', inputShape: [5], numClasses: 3 } });
    expect(spec.data).toEqual({ kind: 'dataset', name: 'three', testFraction: 0.2, randomLabels: false, inputShape: [5], numClasses: 3 });
    expect(() => validateRunSpec({ model, data: { kind: 'dataset', name: 'three', inputShape: [5], numClasses: 3 } })).toThrow(/at 'loss': 'mse' does not fit dataset data; use 'cross-entropy'/);
    expect(() => validateRunSpec({ model, loss: 'cross-entropy', data: { kind: 'dataset', name: 'three', inputShape: [5], numClasses: 2 } })).toThrow(/output has 3 units but dataset data needs 2/);
    expect(() => validateRunSpec({ model, data: { kind: 'dataset', name: 'three' } })).toThrow(/at 'data.inputShape': is filled from the registry at launch/);
    expect(() => validateRunSpec({ model, data: { kind: 'dataset', name: 'three', testFraction: 1, inputShape: [5], numClasses: 3 } })).toThrow(/at 'data.testFraction'/);
  });
});
