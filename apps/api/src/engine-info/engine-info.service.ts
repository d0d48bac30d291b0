/**
 * Reports the engine's backend. The API process asks the engine once (the same selection logic
 * and environment as its workers, which pick the same backend — and, with local workers, the
 * same wasm thread count, so the API process starts no more threads than one worker) and caches
 * the answer.
 */
import { createRequire } from 'node:module';
import { initBackend } from '../engine.js';
import { workerThreadCount } from '../queue/local-queue.js';
import type { EngineInfo } from './engine-info.type.js';

const require = createRequire(import.meta.url);

export class EngineInfoService {
  private cached: Promise<EngineInfo> | undefined;

  constructor(private readonly deployment: { store: string; queue: string; pubsub: string; workers: number | null }) {}

  info(): Promise<EngineInfo> {
    this.cached ??= this.load();
    return this.cached;
  }

  private async load(): Promise<EngineInfo> {
    const { workers } = this.deployment;
    const backend = await initBackend(workers === null ? {} : { threads: Number(workerThreadCount(workers)) });
    const details = { ...backend } as unknown as Record<string, unknown>;
    const { version } = require('../../package.json') as { version: string };
    return { backend: backend.name, details, nodeVersion: process.version, apiVersion: version, ...this.deployment };
  }
}
