/**
 * The store's failures in words an operator can act on: a write refused for want of space, and a
 * store that cannot be opened (unwritable, read-only, not a database, corrupt). Each names the
 * file and the fix; the database's own error is kept as `cause`.
 */
import { StorageFullError } from '../errors.js';

/** The error code better-sqlite3 (`SQLITE_FULL`, ...), pg (`53100`) or node:fs (`EACCES`) put on their errors. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** SQLITE_FULL (also at SQLite's max_page_count), PostgreSQL's disk_full, node:fs's ENOSPC. */
export function isStorageFull(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'SQLITE_FULL' || code === '53100' || code === 'ENOSPC';
}

/** `error` as the caller should see it: a StorageFullError naming `what` when the disk was full, else unchanged. */
export function storageWriteError(error: unknown, what: string): unknown {
  return isStorageFull(error) ? new StorageFullError(what, error) : error;
}

/**
 * Opening the store failed before anything was served. The message is complete (path, reason,
 * fix), so `saddle serve` prints it without a stack.
 */
export class StoreOpenError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StoreOpenError';
  }
}

const DATA_DIR_HINT = 'choose another with --data-dir (or SADDLE_DATA_DIR)';

/** A StoreOpenError for what went wrong opening the SQLite file `file`; undefined when it is not one we can explain. */
export function sqliteOpenError(error: unknown, file: string): StoreOpenError | undefined {
  const reason = error instanceof Error ? error.message : String(error);
  switch (errorCode(error)) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new StoreOpenError(`cannot write the store's directory for ${file} (${reason}): make it writable by this user, or ${DATA_DIR_HINT}`, error);
    case 'SQLITE_READONLY':
    case 'SQLITE_READONLY_DIRECTORY':
    case 'SQLITE_READONLY_RECOVERY':
    case 'SQLITE_READONLY_CANTLOCK':
      return new StoreOpenError(
        `the store ${file} is read-only (${reason}): Saddle writes to it (and to ${file}-wal and -shm beside it); make the file and its directory writable by this user, or ${DATA_DIR_HINT}`,
        error,
      );
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_PERM':
      return new StoreOpenError(`cannot open the store ${file} (${reason}): check that the file and its directory exist and are readable and writable by this user, or ${DATA_DIR_HINT}`, error);
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return corruptStoreError(file, reason, error);
    case 'SQLITE_FULL':
      return new StoreOpenError(`the disk holding the store ${file} is full (${reason}): free space on it, or ${DATA_DIR_HINT}`, error);
    default:
      return undefined;
  }
}

export function corruptStoreError(file: string, reason: string, cause?: unknown): StoreOpenError {
  return new StoreOpenError(
    `the store ${file} is corrupt (${reason}); Saddle will not write into it. Stop every Saddle process using it, then restore it from a backup, ` +
      `or salvage what is readable with \`sqlite3 ${file} .recover | sqlite3 recovered.db\` and put recovered.db in its place, ` +
      `or move it (with its -wal and -shm files) aside to start a new, empty store`,
    cause,
  );
}
