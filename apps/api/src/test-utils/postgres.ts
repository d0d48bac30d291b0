/**
 * PostgreSQL for tests: each test file works in schemas of its own (so files can run side by side
 * on one database, and a debugging schema left in it changes nothing), dropped when the file ends.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';

export const TEST_POSTGRES_URL = process.env.SADDLE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name no other test uses: `saddle_test_` and 12 random hex digits. */
export function uniqueSchemaName(): string {
  return `saddle_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

/**
 * Schemas for one test file. `fresh()` hands out a new schema (plus any `extra` names derived from
 * it that the test makes itself, e.g. `${schema}_restart`); all of them are dropped in `afterAll`.
 * Call at the top level of the file (or of a describe block), where `afterAll` registers.
 */
export function testSchemas(): { fresh(extraSuffixes?: readonly string[]): string } {
  const made: string[] = [];
  afterAll(async () => {
    if (made.length === 0) return;
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    try {
      for (const schema of made) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await client.end();
    }
  });
  return {
    fresh(extraSuffixes = []) {
      const schema = uniqueSchemaName();
      made.push(schema, ...extraSuffixes.map((suffix) => `${schema}${suffix}`));
      return schema;
    },
  };
}
