/**
 * Opens the store's database: a SQLite file in the data directory (the embedded default) or
 * PostgreSQL (`SADDLE_DATABASE_URL`), behind one kysely query layer, and brings its schema up to
 * date with the one set of migrations.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, SqliteDriver, sql, type DatabaseConnection, type Driver, type SqliteDatabase, type SqliteStatement } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations.js';
import { corruptStoreError, sqliteOpenError, StoreOpenError } from './storage-errors.js';
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

/**
 * Opens and migrates the store. A SQLite file that cannot be used (unwritable, read-only, empty,
 * not a database, failing `PRAGMA quick_check`) is refused with a StoreOpenError naming the file
 * and the fix, before anything is written into it.
 */
export async function openDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
  if (config.kind === 'postgres') {
    // Under the lock from the start: CREATE SCHEMA IF NOT EXISTS races between sessions too.
    const db = await withPostgresMigrationLock(config, async () => {
      const opened = await openPostgres(config);
      try {
        await migrateToLatest(opened, config.schema ?? 'public');
      } catch (error) {
        await opened.destroy();
        throw error;
      }
      return opened;
    });
    return { db, dialect: config.kind };
  }
  const db = openSqlite(config.file);
  try {
    await withSqliteWriteLock(db, () => migrateToLatest(db));
  } catch (error) {
    await db.destroy();
    throw sqliteOpenError((error as { cause?: unknown }).cause ?? error, config.file) ?? error;
  }
  return { db, dialect: config.kind };
}

function openSqlite(file: string): Kysely<Database> {
  if (file !== ':memory:') {
    try {
      mkdirSync(dirname(file), { recursive: true });
      createAtomically(file);
    } catch (error) {
      throw sqliteOpenError(error, file) ?? error;
    }
    refuseEmptyFile(file);
  }
  let sqlite: BetterSqlite3.Database | undefined;
  try {
    sqlite = new BetterSqlite3(file);
    sqlite.pragma('busy_timeout = 15000');
    // Before the first write: a corrupt store is refused, not written further into.
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw corruptStoreError(file, `PRAGMA quick_check: ${String(check)}`);
    // WAL lets the API read while worker processes write; busy_timeout makes concurrent writers
    // wait for each other instead of failing with SQLITE_BUSY.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
  } catch (error) {
    sqlite?.close();
    if (error instanceof StoreOpenError) throw error;
    throw sqliteOpenError(error, file) ?? error;
  }
  return new Kysely<Database>({ dialect: new SaddleSqliteDialect(sqlite) });
}

/**
 * A new store appears whole: made under a name of its own (in WAL mode, so already one page) and
 * linked into place, which fails for all but one of several processes creating it at once. Made
 * in place, another opener could find it still 0 bytes long and refuse it as truncated.
 */
function createAtomically(file: string): void {
  if (existsSync(file)) return;
  const draft = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.new`;
  try {
    const sqlite = new BetterSqlite3(draft);
    sqlite.pragma('journal_mode = WAL');
    sqlite.close();
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

/**
 * SQLite treats a zero-length file as a new, empty database; for a store that existed, that is
 * a truncation, and serving it would silently start over. A store Saddle made is never empty
 * (the WAL header and the migrations are written at once), unless its pages are still in the WAL.
 */
function refuseEmptyFile(file: string): void {
  const size = (path: string) => {
    try {
      return statSync(path).size;
    } catch {
      return undefined;
    }
  };
  if (size(file) === 0 && !size(`${file}-wal`)) {
    throw new StoreOpenError(
      `the store ${file} is empty (0 bytes): it was truncated or made by something else, and Saddle will not start over in it. ` +
        'Restore it from a backup, or delete it to start a new, empty store',
    );
  }
}

/**
 * SQLite ends a transaction itself when a statement fails with SQLITE_FULL, SQLITE_IOERR or
 * SQLITE_NOMEM; kysely's ROLLBACK then fails with "cannot rollback - no transaction is active",
 * and that error would replace the real one. Rolling back only an open transaction keeps it.
 */
class SaddleSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: BetterSqlite3.Database) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    const sqlite = this.sqlite;
    return new (class extends SqliteDriver {
      override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
        if (sqlite.inTransaction) await super.rollbackTransaction(connection);
      }
    })({ database: cachingStatements(sqlite) });
  }
}

/** Statements kept prepared, by SQL text; the least recently used past this many is dropped. */
const PREPARED_STATEMENTS_KEPT = 64;

/**
 * kysely prepares every statement it runs anew; for ingest's 500-row INSERT (3,000 parameters)
 * preparing took ~0.7 µs of each point's ~3 µs. The store runs the same few statements over
 * and over, so they are prepared once. kysely runs one statement at a time on the connection
 * (its mutex: even a stream holds it), so a cached one is never in use twice; a busy one would
 * still not be handed out.
 */
function cachingStatements(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const prepared = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string): SqliteStatement {
      const cached = prepared.get(text);
      if (cached && !cached.busy) {
        // Re-inserted: Map order is recency order.
        prepared.delete(text);
        prepared.set(text, cached);
        return cached;
      }
      const statement = sqlite.prepare(text);
      if (!cached) {
        prepared.set(text, statement);
        if (prepared.size > PREPARED_STATEMENTS_KEPT) prepared.delete(prepared.keys().next().value as string);
      }
      return statement;
    },
  };
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

/**
 * Two processes opening a new store at once (two `saddle run`, an API and its workers) would both
 * find no migration applied and both run 0001 ("table experiments already exists"). kysely's
 * SQLite migrator takes no lock (it assumes one process), so the migrations run inside BEGIN
 * IMMEDIATE: the second opener waits (busy_timeout) for the first to commit, then finds them
 * applied. SQLite's DDL is transactional, so a failed migration leaves nothing half done.
 */
async function withSqliteWriteLock(db: Kysely<Database>, body: () => Promise<void>): Promise<void> {
  await sql`BEGIN IMMEDIATE`.execute(db);
  try {
    await body();
  } catch (error) {
    await sql`ROLLBACK`.execute(db).catch(() => {
      // SQLite may have ended the transaction itself (SQLITE_FULL); the migration's error is the one to report.
    });
    throw error;
  }
  await sql`COMMIT`.execute(db);
}

/**
 * The same on PostgreSQL: kysely takes its advisory lock only after creating its own tables with
 * CREATE TABLE IF NOT EXISTS, which races between sessions (a duplicate key in pg_type). One
 * session-level advisory lock per schema, on a connection of its own, covers all of it.
 */
async function withPostgresMigrationLock<T>(config: Extract<DatabaseConfig, { kind: 'postgres' }>, body: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  const key = `saddle-migrations:${config.schema ?? 'public'}`;
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    return await body();
  } finally {
    // Ending the session releases the lock too; unlocking first lets the next opener go at once.
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => {});
    await client.end();
  }
}

/**
 * On PostgreSQL `schema` names where the migration tables are: without it kysely looks for them
 * in every schema of the database, and another schema's `kysely_migration_lock` (another store,
 * a test's, a copy made for debugging) made it skip creating this one's and then fail on it.
 */
async function migrateToLatest(db: Kysely<Database>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider, ...(schema !== undefined && { migrationTableSchema: schema }) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`openDatabase: migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Database config from the environment: `SADDLE_DATABASE_URL` (postgres://…) or the SQLite file in the data dir. */
export function databaseConfigFromEnv(dataDir: string, env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.SADDLE_DATABASE_URL;
  if (url) return { kind: 'postgres', url, schema: env.SADDLE_DATABASE_SCHEMA };
  return { kind: 'sqlite', file: `${dataDir}/saddle.db` };
}
