/**
 * Writes the schema's SDL to packages/schema/schema.graphql (the committed contract that the
 * web's and scripts' typed documents are generated from). Run `npm run emit-schema -w @saddle/api`
 * after changing a type, input or resolver, then `npm run codegen -w @saddle/schema`.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchema, lexicographicSortSchema } from 'graphql';
import { buildSaddleSchema } from '../schema.js';

export const SCHEMA_FILE = fileURLToPath(new URL('../../../../packages/schema/schema.graphql', import.meta.url));

export async function printSaddleSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildSaddleSchema()))}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, await printSaddleSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}
