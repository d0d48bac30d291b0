import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen.js';

describe('the committed generated documents (src/generated)', () => {
  it('match what codegen makes from schema.graphql and src/documents — run `npm run codegen -w @saddle/schema` when this fails', async () => {
    const outputs = await generate({ ...config, cwd: process.cwd(), silent: true }, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      expect(readFileSync(join(process.cwd(), output.filename), 'utf8'), output.filename).toBe(output.content);
    }
  });
});
