/**
 * DatasetService's refusals name the upload field at fault (a form shows each beside its input):
 * the name, the file (with the row and column), the target option, the task option; nothing is
 * stored on any of them.
 */
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../errors.js';
import { tempDir } from '../test-utils/temp.js';
import { DatasetService } from './dataset.service.js';

const bytes = (text: string) => new TextEncoder().encode(text);

function refusal(run: () => unknown): { path: unknown; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadInputError);
    return { path: (error as BadInputError).extensions.path, message: (error as Error).message };
  }
  throw new Error('expected a refusal');
}

describe('DatasetService refusals', () => {
  it('names the field: name, file (row and column), target, task', () => {
    const dir = tempDir();
    const datasets = new DatasetService({ dataDir: dir.path, env: {} });
    const iris = 'a,b,species\n1,2,setosa\n3,4,virginica\n';
    expect(refusal(() => datasets.addBytes('-bad name', 'iris.csv', bytes(iris)))).toMatchObject({ path: ['name'], message: expect.stringMatching(/dataset name "-bad name" is not allowed/) });
    expect(refusal(() => datasets.addBytes('broken', 'broken.csv', bytes('a,b,y\n1,2,3\n4,x,6\n')))).toEqual({ path: ['file'], message: expect.stringMatching(/row 3, column 'b': "x" is not a finite number/) });
    expect(refusal(() => datasets.addBytes('iris', 'iris.csv', bytes(iris), { target: 'kind' }))).toEqual({ path: ['target'], message: expect.stringMatching(/target column 'kind' not found; the columns are a, b, species/) });
    expect(refusal(() => datasets.addBytes('iris', 'iris.csv', bytes(iris), { task: 'regression' }))).toEqual({ path: ['task'], message: expect.stringMatching(/"setosa" is not a number, so it cannot be a regression target; use task 'classification'/) });
    expect(existsSync(datasets.dir) ? readdirSync(datasets.dir) : []).toEqual([]);
    expect(datasets.addBytes('iris', 'iris.csv', bytes(iris)).numClasses).toBe(2);
    expect(refusal(() => datasets.addBytes('iris', 'iris.csv', bytes(iris)))).toMatchObject({ path: ['name'], message: expect.stringMatching(/already registered/) });
    dir.remove();
  });
});
