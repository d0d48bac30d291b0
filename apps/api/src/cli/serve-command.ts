/**
 * `saddle serve [--web]`: the API, its workers, and with --web the Next.js dashboard on the same
 * origin. The dashboard runs as `next start` on a private loopback port and the API forwards
 * every path but /graphql to it, so the browser talks to one origin for pages, queries and the
 * WebSocket (no CORS, and CSRF prevention stays simple).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createSaddleServer } from '../server.js';
import { StoreOpenError } from '../store/storage-errors.js';
import { writeServerRecord } from './server-record.js';
import type { CliIo } from './run-command.js';

const WEB_DIR = fileURLToPath(new URL('../../../web', import.meta.url));
const NEXT_BIN_CANDIDATES = [new URL('../../../web/node_modules/.bin/next', import.meta.url), new URL('../../../../node_modules/.bin/next', import.meta.url)].map((u) => fileURLToPath(u));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function startWeb(io: CliIo): Promise<{ origin: string; child: ChildProcess }> {
  const bin = NEXT_BIN_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!bin) throw new Error('saddle serve --web: next is not installed (run npm install at the repository root)');
  if (!existsSync(`${WEB_DIR}/.next`)) throw new Error('saddle serve --web: the dashboard is not built (run `npm run build` at the repository root)');
  const port = await freePort();
  // Started directly (not through npx) and in its own process group, so stopping it stops next-server too.
  const child = spawn(bin, ['start', '--hostname', '127.0.0.1', '--port', String(port)], {
    cwd: WEB_DIR,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(origin, { method: 'HEAD' });
      return { origin, child };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  io.err.write('saddle serve: the dashboard did not answer within 10 s; serving the API anyway\n');
  return { origin, child };
}

/**
 * The message for a port the server cannot bind (taken, or privileged), naming the port and the
 * fix; undefined for any other error. The server binds before it recovers runs or forks workers,
 * so nothing has started when this is reported.
 */
const FS_REASONS = {
  EACCES: 'not writable by this user',
  EPERM: 'not writable by this user',
  EROFS: 'a read-only file system',
  ENOSPC: 'the disk is full',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EEXIST: 'a file is in the way of the directory',
} as const;

/**
 * A start that failed on the data directory or the store: the message names the path and the
 * fix (StoreOpenError says both; a bare fs error has its path), so no stack is printed.
 */
export function storeRefusal(error: unknown): string | undefined {
  if (error instanceof StoreOpenError) return `saddle serve: ${error.message}.`;
  const { code, path, syscall } = (error ?? {}) as { code?: unknown; path?: unknown; syscall?: unknown };
  if (typeof path === 'string' && syscall !== 'listen' && typeof code === 'string' && code in FS_REASONS) {
    const why = FS_REASONS[code as keyof typeof FS_REASONS];
    return `saddle serve: cannot write ${path} (${String(code)}: ${why}). Fix that, or choose another data directory with --data-dir <dir> (or SADDLE_DATA_DIR).`;
  }
  return undefined;
}

export function bindRefusal(error: unknown): string | undefined {
  const { code, port, address } = (error ?? {}) as { code?: unknown; port?: unknown; address?: unknown };
  const where = `port ${String(port)} on ${String(address)}`;
  if (code === 'EADDRINUSE') {
    return `saddle serve: ${where} is already in use (another saddle serve?). Stop that process, or choose a free port with --port <port> (or SADDLE_PORT).`;
  }
  if (code === 'EACCES') return `saddle serve: not allowed to listen on ${where}. Choose a port above 1023 with --port <port> (or SADDLE_PORT).`;
  if (code === 'EADDRNOTAVAIL') return `saddle serve: ${String(address)} is not an address of this machine. Choose another with --host <host> (or SADDLE_HOST).`;
  return undefined;
}

export async function serveCommand(options: { web?: boolean; port?: number; host?: string; workers?: number; dataDir?: string }, io: CliIo): Promise<number> {
  const web = options.web ? await startWeb(io) : undefined;
  const stopWeb = () => {
    if (web?.child.pid && web.child.exitCode === null) {
      try {
        process.kill(-web.child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  // The dashboard is stopped first, and again on exit: it runs detached (its own process group),
  // so if stopping the API hangs and the caller gives up on us, next-server would outlive us.
  process.once('exit', stopWeb);
  try {
    const server = await createSaddleServer({
      ...(options.port !== undefined && { port: options.port }),
      ...(options.host && { host: options.host }),
      ...(options.workers && { workers: options.workers }),
      ...(options.dataDir && { dataDir: options.dataDir }),
      ...(web && { webOrigin: web.origin }),
    }).catch((error: unknown) => {
      const refusal = storeRefusal(error) ?? bindRefusal(error);
      if (refusal) return refusal;
      throw error;
    });
    if (typeof server === 'string') {
      io.err.write(`${server}\n`);
      return 1;
    }
    const origin = server.url.replace(/\/graphql$/, '');
    // The note first: whoever reads the "API at" line (a test, a script) finds it already there.
    const removeRecord = writeServerRecord(server.runtime.dataDir, { pid: process.pid, origin, web: Boolean(web) });
    io.err.write(`saddle: API at ${server.url}${web ? `, dashboard at ${origin}/` : ''}; data in ${server.runtime.dataDir}${server.authRequired ? '; tokens required' : ''}\n`);
    // SIGHUP reloads the preset modules (as the reloadPresets mutation), as daemons reload their configuration.
    const reload = (): void => {
      server.runtime.catalogue.reload().then(
        (presets) => io.err.write(`saddle: preset modules reloaded (${presets.length} preset${presets.length === 1 ? '' : 's'}: ${presets.map((p) => p.id).join(', ') || 'none'})\n`),
        (error: unknown) => io.err.write(`saddle: reloading the preset modules failed, keeping the ones loaded: ${error instanceof Error ? error.message : String(error)}\n`),
      );
    };
    process.on('SIGHUP', reload);
    await new Promise<void>((resolve) => {
      // The note goes inside the signal's own listener: the process may not live to the promise's turn.
      const stop = (): void => {
        removeRecord();
        resolve();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    process.off('SIGHUP', reload);
    io.err.write('saddle: stopping\n');
    stopWeb();
    await server.stop();
    return 0;
  } finally {
    stopWeb();
  }
}
