/**
 * A reader thread for big SQLite reads. better-sqlite3 is synchronous: a query that scans a
 * million metric rows holds the thread that runs it for hundreds of milliseconds, and on the
 * API's thread that is every other request (health checks included) waiting. The reader opens
 * the same file read-only on a worker thread (WAL lets it read while the API and the workers
 * write) and runs statements the store has already built and compiled with kysely — the SQL
 * lives in the store's query layer, the thread only executes it.
 *
 * Query time is bounded: a statement still running after `timeoutMs` is stopped by terminating
 * the thread (SQLite offers no other way to interrupt better-sqlite3 from outside), the caller
 * gets an error naming the limit, and the next read starts a fresh thread.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LimitExceededError } from '../errors.js';

export interface SqliteReaderOptions {
  /** Longest a read may run before it is stopped. Default 30,000 ms. */
  timeoutMs?: number;
}

export const DEFAULT_READ_TIMEOUT_MS = 30_000;

interface Pending {
  id: number;
  sql: string;
  parameters: readonly unknown[];
  /** Answer as NumberColumns instead of row objects. */
  numbers: boolean;
  resolve(rows: unknown): void;
  reject(error: Error): void;
}

/**
 * A result of numbers only, column-major: column c of row r at `data[c * length + r]`, NULL as
 * NaN. One transferred buffer instead of an object per row: copying 5,000 row objects between
 * the threads took ~4 ms, about what SQLite takes to read them.
 */
export interface NumberColumns {
  length: number;
  width: number;
  data: Float64Array;
}

type Reply = { ready: true } | { id: number; rows: unknown[] } | { id: number; numbers: NumberColumns } | { id: number; error: string };

// Source run by `eval`, so the same code works from the built dist and from vitest's TypeScript
// sources (a worker file path would differ between the two). Only dynamic import(): an eval
// worker is CommonJS or ESM depending on the process's flags (--input-type=module makes it
// ESM, where require does not exist). Statements are cached by their text: the store sends the
// same few queries over and over.
const WORKER_SOURCE = `
(async () => {
const { parentPort, workerData } = await import('node:worker_threads');
const Database = (await import(workerData.moduleUrl)).default;
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 15000');
parentPort.postMessage({ ready: true });
const statements = new Map();
parentPort.on('message', ({ id, sql, parameters, numbers }) => {
  try {
    // A numbers() statement is prepared apart, in raw mode (rows as arrays), once.
    const cacheKey = numbers ? 'numbers:' + sql : sql;
    let statement = statements.get(cacheKey);
    if (!statement) {
      statement = db.prepare(sql);
      if (numbers) statement.raw(true);
      if (statements.size > 64) statements.clear();
      statements.set(cacheKey, statement);
    }
    if (!numbers) {
      parentPort.postMessage({ id, rows: statement.all(...parameters) });
      return;
    }
    const rows = statement.all(...parameters);
    const width = statement.columns().length;
    const data = new Float64Array(rows.length * width);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      for (let c = 0; c < width; c++) {
        const cell = row[c];
        if (cell === null) data[c * rows.length + r] = NaN;
        else if (typeof cell === 'number') data[c * rows.length + r] = cell;
        else throw new Error('numbers(): column ' + (c + 1) + ' of the result holds a ' + typeof cell + ', not a number or NULL');
      }
    }
    parentPort.postMessage({ id, numbers: { length: rows.length, width, data } }, [data.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
// A failure to open the database rejects this promise unhandled, which ends the thread with an
// 'error' event: the reader fails the waiting reads with it.
})();
`;

export class SqliteReader {
  private worker: Worker | undefined;
  /** The thread has opened the database; the time limit counts from here, not from its start. */
  private ready = false;
  private readonly queue: Pending[] = [];
  private running: (Pending & { timer: NodeJS.Timeout; startedAt: number }) | undefined;
  private nextId = 1;
  private closed = false;
  private readonly timeoutMs: number;
  private readonly moduleUrl = pathToFileURL(createRequire(import.meta.url).resolve('better-sqlite3')).href;

  constructor(
    private readonly file: string,
    options: SqliteReaderOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
  }

  /** Runs one compiled SELECT on the reader thread; reads run one at a time, in order. */
  all<R>(query: { sql: string; parameters: readonly unknown[] }): Promise<R[]> {
    return this.enqueue<R[]>(query, false);
  }

  /** Runs one compiled SELECT whose every column is a number or NULL; its result as columns. */
  numbers(query: { sql: string; parameters: readonly unknown[] }): Promise<NumberColumns> {
    return this.enqueue<NumberColumns>(query, true);
  }

  private enqueue<T>(query: { sql: string; parameters: readonly unknown[] }, numbers: boolean): Promise<T> {
    if (this.closed) return Promise.reject(new Error('SqliteReader: the store is closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, sql: query.sql, parameters: query.parameters, numbers, resolve: resolve as (rows: unknown) => void, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const error = new Error('SqliteReader: the store was closed during the read');
    for (const pending of this.queue.splice(0)) pending.reject(error);
    if (this.running) {
      clearTimeout(this.running.timer);
      this.running.reject(error);
      this.running = undefined;
    }
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private pump(): void {
    if (this.running || this.closed || this.queue.length === 0) return;
    const worker = this.ensureWorker();
    if (!this.ready) return;
    const next = this.queue.shift() as Pending;
    const timer = setTimeout(() => this.timeOut(), this.timeoutMs);
    this.running = { ...next, timer, startedAt: Date.now() };
    // Referenced while it works (a CLI awaiting a read must not exit under it), not while idle.
    worker.ref();
    worker.postMessage({ id: next.id, sql: next.sql, parameters: next.parameters, numbers: next.numbers });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: this.file, moduleUrl: this.moduleUrl } });
    worker.unref();
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) {
        this.ready = true;
        this.pump();
      } else this.settle(reply);
    });
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.fail(worker, new Error(`SqliteReader: the reader thread exited (code ${code})`));
    });
    this.worker = worker;
    this.ready = false;
    return worker;
  }

  private settle(reply: Exclude<Reply, { ready: true }>): void {
    const running = this.running;
    if (!running || running.id !== reply.id) return;
    clearTimeout(running.timer);
    this.running = undefined;
    if ('error' in reply) running.reject(new Error(`SqliteReader: ${reply.error}`));
    else running.resolve('numbers' in reply ? reply.numbers : reply.rows);
    if (this.queue.length === 0) this.worker?.unref();
    this.pump();
  }

  /** The thread died or broke: fail the read it was running; the next read starts a new one. */
  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    // A thread that cannot open the database fails every waiting read, not just the first.
    const waiting = this.ready ? [] : this.queue.splice(0);
    for (const pending of waiting) pending.reject(error);
    const running = this.running;
    this.running = undefined;
    if (running) {
      clearTimeout(running.timer);
      running.reject(error);
    }
    void worker.terminate();
    this.pump();
  }

  private timeOut(): void {
    const running = this.running;
    const worker = this.worker;
    if (!running || !worker) return;
    this.running = undefined;
    this.worker = undefined;
    running.reject(new LimitExceededError('read time (ms) of one query', this.timeoutMs, Math.max(this.timeoutMs, Date.now() - running.startedAt)));
    void worker.terminate();
    this.pump();
  }
}
