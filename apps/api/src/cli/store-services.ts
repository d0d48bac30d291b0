/**
 * The store of a data directory with the API's services over it, for a CLI command that reads or
 * changes stored experiments without a server (`saddle list`, `saddle runs`, …): no recovery and
 * no workers started, so a `saddle serve` on the same directory keeps its runs.
 */
import type { Services } from '../context.js';
import type { Runtime } from '../runtime.js';

export interface StoreServices {
  runtime: Runtime;
  services: Services;
  close(): Promise<void>;
}

export async function openStoreServices(dataDir: string | undefined): Promise<StoreServices> {
  const { createRuntime } = await import('../runtime.js');
  const { createServices } = await import('../server.js');
  const runtime = await createRuntime({ recover: false, workers: 1, ...(dataDir && { dataDir }) });
  return { runtime, services: createServices(runtime, { queue: 'local', pubsub: 'memory', workers: 1 }), close: () => runtime.close() };
}
