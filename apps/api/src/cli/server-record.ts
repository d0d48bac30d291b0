/**
 * `saddle serve` notes where it serves in `<dataDir>/server.json` (and removes the note when it
 * stops), so that other commands on the same data directory — `saddle run`'s end summary — can
 * name the dashboard page of what they made. A note left by a server that died is ignored: its
 * pid no longer runs.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ServerRecord {
  pid: number;
  /** e.g. http://127.0.0.1:4000 */
  origin: string;
  /** Whether the dashboard is served at `origin` (`saddle serve --web`). */
  web: boolean;
}

const fileOf = (dataDir: string) => join(dataDir, 'server.json');

export function writeServerRecord(dataDir: string, record: ServerRecord): () => void {
  const file = fileOf(dataDir);
  writeFileSync(file, `${JSON.stringify(record)}\n`);
  return () => {
    // Only our own note: a second server on the same data dir may have written its own since.
    if (readServerRecord(dataDir)?.pid === record.pid) rmSync(file, { force: true });
  };
}

/** The running server's note, or undefined when none runs on this data directory. */
export function readServerRecord(dataDir: string): ServerRecord | undefined {
  let record: Partial<ServerRecord>;
  try {
    record = JSON.parse(readFileSync(fileOf(dataDir), 'utf8')) as Partial<ServerRecord>;
  } catch {
    return undefined;
  }
  if (typeof record.pid !== 'number' || typeof record.origin !== 'string') return undefined;
  try {
    process.kill(record.pid, 0);
  } catch (error) {
    // EPERM: it runs, as another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  return { pid: record.pid, origin: record.origin, web: record.web === true };
}

/** Where to see an experiment: its dashboard page, or the command that serves one. */
export function dashboardHint(dataDir: string, experimentId: string): string {
  const server = readServerRecord(dataDir);
  if (server?.web) return `dashboard: ${server.origin}/experiments/${experimentId}`;
  const serve = `saddle serve --web --data-dir ${dataDir}`;
  if (server) return `dashboard: the server at ${server.origin} serves the API only; stop it and run \`${serve}\`, then open /experiments/${experimentId}`;
  return `dashboard: run \`${serve}\`\n  then open http://127.0.0.1:4000/experiments/${experimentId}`;
}
