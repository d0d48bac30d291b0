/**
 * Opens the store's database: a SQLite file in the data directory (the embedded default) or
 * PostgreSQL (`SADDLE_DATABASE_URL`), behind one kysely query layer, and brings its schema up to
 * date with the one set of migrations.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations.js';
import type { Database } from './tables.js';

export type DatabaseConfig =
  | { kind: 'sqlite'; /** File path, or `:memory:`. */ file: string }
  | {
      kind: 'postgres';
      url: string;
      /** Schema (namespace) to keep the tables in; created when absent. Default `public`. */
      schema?: string;
      /** Pool size. Default 10. */
      poolSize?: number;
    };

export interface OpenDatabase {
  db: Kysely<Database>;
  dialect: DatabaseConfig['kind'];
}

export async function openDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
  const db = config.kind === 'sqlite' ? openSqlite(config.file) : await openPostgres(config);
  await migrateToLatest(db);
  return { db, dialect: config.kind };
}

function openSqlite(file: string): Kysely<Database> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  // WAL lets the API read while worker processes write; busy_timeout makes concurrent writers
  // wait for each other instead of failing with SQLITE_BUSY.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 15000');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

async function openPostgres(config: Extract<DatabaseConfig, { kind: 'postgres' }>): Promise<Kysely<Database>> {
  const schema = config.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new Error(`openDatabase: postgres schema must match /^[a-z_][a-z0-9_]*$/, got ${JSON.stringify(schema)}`);
  }
  if (schema !== 'public') {
    const client = new pg.Client({ connectionString: config.url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    options: `-c search_path=${schema}`,
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`openDatabase: migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Database config from the environment: `SADDLE_DATABASE_URL` (postgres://…) or the SQLite file in the data dir. */
export function databaseConfigFromEnv(dataDir: string, env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.SADDLE_DATABASE_URL;
  if (url) return { kind: 'postgres', url, schema: env.SADDLE_DATABASE_SCHEMA };
  return { kind: 'sqlite', file: `${dataDir}/saddle.db` };
}
