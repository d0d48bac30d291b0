/**
 * `saddle list` / `show <id>` / `cancel <id>` / `delete <id>`: the same four operations against a
 * data directory's store (the default) or a running server (`--url`, GraphQL over HTTP with
 * `SADDLE_TOKEN` as the bearer token). Each backend maps to one view; one formatter prints it.
 */
/** A failure the command explains in one line; `exitCode` 2 for a bad argument, 1 otherwise. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}
import type { Runtime } from '../runtime.js';
import type { Services } from '../context.js';
import { openStoreServices } from './store-services.js';

export interface RunView {
  id: string;
  key: string;
  status: string;
  progress: number;
  final: Record<string, number> | null;
  error: string | null;
}

export interface ExperimentView {
  id: string;
  name: string;
  preset: string | null;
  scale: string | null;
  status: string;
  error: string | null;
  createdAt: string;
  tags: string[];
  runs: RunView[];
}

export interface ExperimentBackend {
  list(first: number): Promise<{ items: ExperimentView[]; totalCount: number }>;
  /** null when there is no such experiment. */
  show(id: string): Promise<ExperimentView | null>;
  cancel(id: string): Promise<ExperimentView>;
  delete(id: string): Promise<void>;
}

/** The store of a data directory, through the same services as the API. */
export function storeBackend(runtime: Runtime, services: Services): ExperimentBackend {
  const view = async (id: string): Promise<ExperimentView | null> => {
    const experiment = await runtime.store.getExperiment(id);
    if (!experiment) return null;
    const runs = await runtime.store.runsOf(id);
    return {
      id: experiment.id,
      name: experiment.name,
      preset: experiment.preset,
      scale: experiment.scale,
      status: experiment.status,
      error: experiment.error,
      createdAt: new Date(experiment.createdAt).toISOString(),
      tags: (await runtime.store.tagsOf([id])).get(id) ?? [],
      runs: runs.map((r) => ({ id: r.id, key: r.key, status: r.status, progress: r.progress, final: r.end?.final ?? null, error: r.error })),
    };
  };
  return {
    async list(first) {
      const page = await runtime.store.listExperiments({ first });
      const items: ExperimentView[] = [];
      for (const experiment of page.items) items.push((await view(experiment.id))!);
      return { items, totalCount: page.totalCount };
    },
    show: view,
    async cancel(id) {
      // A run training in another process (a `saddle serve` or `saddle run`) is that process's to
      // stop: its queue holds the worker. Say so rather than pretend.
      const running = (await runtime.store.runsOf(id)).filter((r) => r.status === 'RUNNING' && !r.external);
      if (running.length > 0) {
        throw new CommandError(`${running.length} run(s) of ${id} are training in another process (${running[0]!.owner ?? 'unknown owner'}); cancel through its server with --url <server URL>, or press Ctrl-C in its saddle run`, 1);
      }
      await services.experiments.cancel(id);
      return (await view(id))!;
    },
    async delete(id) {
      const running = (await runtime.store.runsOf(id)).filter((r) => r.status === 'RUNNING' && !r.external);
      if (running.length > 0) {
        throw new CommandError(`${running.length} run(s) of ${id} are training in another process (${running[0]!.owner ?? 'unknown owner'}); cancel them first (saddle cancel ${id} --url <server URL>)`, 1);
      }
      await services.experiments.delete(id);
    },
  };
}

const EXPERIMENT_FIELDS = 'id name preset scale status error createdAt tags runs { id key status progress final error }';

/**
 * One GraphQL request to a running server's /graphql (the bearer token when given); a failure is
 * a CommandError with the server's message: exit 2 for a bad argument or unknown id, else 1.
 */
export function graphqlRequest(url: string, token: string | undefined): <T>(query: string, variables: Record<string, unknown>) => Promise<T> {
  const endpoint = new URL('/graphql', url).href;
  return async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        body: JSON.stringify({ query, variables }),
      });
    } catch (error) {
      throw new CommandError(`cannot reach ${endpoint} (${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}); is \`saddle serve\` running there?`, 1);
    }
    const body = (await response.json().catch(() => null)) as { data?: T; errors?: { message: string; extensions?: { code?: string; allowed?: unknown } }[] } | null;
    const first = body?.errors?.[0];
    if (first) {
      const allowed = first.extensions?.allowed;
      const hint =
        first.extensions?.code === 'UNAUTHENTICATED' || first.extensions?.code === 'FORBIDDEN'
          ? ' (set SADDLE_TOKEN to a token of the right scope: saddle token create --scope write)'
          : allowed !== undefined
            ? ` (allowed: ${Array.isArray(allowed) ? allowed.join(', ') : String(allowed)})`
            : '';
      throw new CommandError(`${endpoint}: ${first.message}${hint}`, first.extensions?.code === 'NOT_FOUND' || first.extensions?.code === 'BAD_USER_INPUT' ? 2 : 1);
    }
    if (!response.ok || !body?.data) throw new CommandError(`${endpoint} answered HTTP ${response.status}`, 1);
    return body.data;
  };
}

/** A running server: GraphQL over HTTP, the public schema only. */
export function urlBackend(url: string, token: string | undefined): ExperimentBackend {
  const request = graphqlRequest(url, token);
  return {
    async list(first) {
      const data = await request<{ experiments: { totalCount: number; edges: { node: ExperimentView }[] } }>(`query ($first: Int) { experiments(first: $first) { totalCount edges { node { ${EXPERIMENT_FIELDS} } } } }`, { first });
      return { items: data.experiments.edges.map((e) => e.node), totalCount: data.experiments.totalCount };
    },
    async show(id) {
      return (await request<{ experiment: ExperimentView | null }>(`query ($id: ID!) { experiment(id: $id) { ${EXPERIMENT_FIELDS} } }`, { id })).experiment;
    },
    async cancel(id) {
      return (await request<{ cancelExperiment: ExperimentView }>(`mutation ($id: ID!) { cancelExperiment(id: $id) { ${EXPERIMENT_FIELDS} } }`, { id })).cancelExperiment;
    },
    async delete(id) {
      await request<{ deleteExperiment: string }>('mutation ($id: ID!) { deleteExperiment(id: $id) }', { id });
    },
  };
}

const count = (runs: readonly RunView[], status: string): number => runs.filter((r) => r.status === status).length;

/** One line per experiment, newest first, fitting 80 columns for ids of 36 characters. */
export function listText(items: readonly ExperimentView[], totalCount: number): string {
  if (items.length === 0) return 'no experiments (start one with `saddle run <preset>`)\n';
  const lines = items.map((e) => {
    const done = count(e.runs, 'SUCCEEDED');
    return `${e.id}  ${e.status.padEnd(9)}  ${`${done}/${e.runs.length}`.padStart(5)}  ${e.createdAt.slice(0, 16).replace('T', ' ')}  ${e.preset ?? e.name}${e.scale ? ` (${e.scale})` : ''}`;
  });
  const more = totalCount > items.length ? `\n(${items.length} of ${totalCount}; --first ${totalCount} for all)` : '';
  return `${['id                                    status      runs  created           preset', ...lines].join('\n')}${more}\n`;
}

/** An experiment and each run with its status, progress and final metrics. */
export function showText(e: ExperimentView): string {
  let text = `experiment ${e.id}: ${e.name}\n  status   ${e.status}${e.error ? ` — ${e.error}` : ''}\n  preset   ${e.preset ?? '-'}${e.scale ? ` (${e.scale})` : ''}\n  created  ${e.createdAt}\n`;
  if (e.tags.length > 0) text += `  tags     ${e.tags.join(', ')}\n`;
  text += `  runs     ${e.runs.length} (${count(e.runs, 'SUCCEEDED')} succeeded, ${count(e.runs, 'RUNNING')} running, ${count(e.runs, 'QUEUED')} queued, ${count(e.runs, 'FAILED') + count(e.runs, 'DIVERGED')} failed/diverged, ${count(e.runs, 'CANCELLED')} cancelled${count(e.runs, 'CRASHED') > 0 ? `, ${count(e.runs, 'CRASHED')} crashed` : ''})\n`;
  const keyWidth = Math.max(3, ...e.runs.map((r) => r.key.length));
  for (const run of e.runs) {
    const final = run.final ? Object.entries(run.final).map(([key, value]) => `${key} ${value.toPrecision(4)}`).join(', ') : run.error ?? '';
    text += `    ${run.key.padEnd(keyWidth)}  ${run.status.padEnd(9)}  ${`${Math.round(run.progress * 100)}%`.padStart(4)}  ${final}`.trimEnd() + '\n';
  }
  return text;
}

export type ExperimentOperation = 'list' | 'show' | 'cancel' | 'delete';

export interface ExperimentCommandOptions {
  url?: string;
  dataDir?: string;
  json?: boolean;
  first?: number;
}

/** Runs one operation against `--url` or the store; 0, 1 (it failed) or 2 (bad argument), with one line saying why. */
export async function experimentCommand(operation: ExperimentOperation, id: string | undefined, options: ExperimentCommandOptions, io: { out: NodeJS.WritableStream; err: NodeJS.WritableStream }): Promise<number> {
  let close = async (): Promise<void> => {};
  try {
    let backend: ExperimentBackend;
    if (options.url) backend = urlBackend(options.url, process.env.SADDLE_TOKEN);
    else {
      const opened = await openStoreServices(options.dataDir);
      close = opened.close;
      backend = storeBackend(opened.runtime, opened.services);
    }
    const json = (value: unknown): void => void io.out.write(`${JSON.stringify(value, null, 2)}\n`);
    if (operation === 'list') {
      const page = await backend.list(options.first ?? 20);
      if (options.json) json(page);
      else io.out.write(listText(page.items, page.totalCount));
      return 0;
    }
    const experimentId = id ?? '';
    if (operation === 'show' || operation === 'cancel') {
      if (operation === 'show' && !(await backend.show(experimentId))) throw new CommandError(`no experiment ${JSON.stringify(experimentId)} (saddle list shows the ids)`, 2);
      const view = operation === 'show' ? (await backend.show(experimentId))! : await backend.cancel(experimentId);
      if (options.json) json(view);
      else io.out.write(showText(view));
      return 0;
    }
    await backend.delete(experimentId);
    io.err.write(`saddle delete: experiment ${experimentId} deleted (its runs, points, figures and weight files)\n`);
    return 0;
  } catch (error) {
    if (error instanceof CommandError) {
      io.err.write(`saddle ${operation}: ${error.exitCode === 2 && id !== undefined ? 'bad <id>: ' : ''}${error.message}\n`);
      return error.exitCode;
    }
    const { SaddleError } = await import('../errors.js');
    if (error instanceof SaddleError && error.extensions.code === 'NOT_FOUND') {
      io.err.write(`saddle ${operation}: bad <id>: ${error.message} (saddle list shows the ids)\n`);
      return 2;
    }
    throw error;
  } finally {
    await close();
  }
}
