/**
 * The embedded run queue: an in-process FIFO feeding up to N worker child processes
 * (`child_process.fork` of dist/worker/worker-process.js), one job each at a time. Training runs
 * there, never on the API's event loop; when a worker dies (crash, out of memory, killed) the
 * job it held is reported as crashed with the reason and a fresh worker takes the next job.
 */
import { datasetsDirOf } from '../datasets/dataset.service.js';
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { EventPublisher } from '../pubsub/topics.js';
import type { ParentMessage, WorkerConfig, WorkerMessage } from '../worker/protocol.js';
import type { ActiveJob, Job, RunQueue } from './run-queue.js';

export type JobOutcome =
  | { kind: 'done'; error?: string }
  | { kind: 'crashed'; reason: string }
  /** A run trained along with a crashed job's run (one batched computation): it starts over. */
  | { kind: 'orphaned'; reason: string };

export interface LocalRunQueueOptions {
  /** Worker processes at most. Default: `SADDLE_WORKERS`, else one per core. */
  workers?: number;
  worker: WorkerConfig;
  /** Where events from workers are published. */
  publisher: EventPublisher;
  /** Called after every job, in the parent: settles experiments, fails crashed runs. */
  onJobEnd(job: Job, outcome: JobOutcome): Promise<void>;
  /** Extra Node flags for workers, e.g. `--max-old-space-size=4096`. Default none. */
  execArgv?: string[];
  /** The compiled worker entry. Default: this package's dist/worker/worker-process.js. */
  workerScript?: string;
}

/** The built worker entry: resolved from src/ (tests) and from dist/ (production) alike. */
export const DEFAULT_WORKER_SCRIPT = fileURLToPath(new URL('../../dist/worker/worker-process.js', import.meta.url));

interface Slot {
  child: ChildProcess;
  job: Job | undefined;
  /** Other runs the slot's train job took along (one batched computation). */
  partners: Set<string>;
  exited: boolean;
}

export function defaultWorkerCount(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.SADDLE_WORKERS);
  return Number.isInteger(configured) && configured > 0 ? configured : availableParallelism();
}

/**
 * wasm threads per worker process: `$SADDLE_THREADS` when set, else the cores shared out among
 * the workers (at least one each) — two processes that each spin up a thread per core would fight
 * over the cores. With the default (one worker per core) every run computes on one thread;
 * `SADDLE_WORKERS=1` gives a lone run, e.g. a CNN, every core.
 */
export function workerThreadCount(workers: number, env: NodeJS.ProcessEnv = process.env, cores: number = availableParallelism()): string {
  const configured = env.SADDLE_THREADS;
  if (configured !== undefined && configured !== '') return configured;
  return String(Math.max(1, Math.floor(cores / workers)));
}

export class LocalRunQueue implements RunQueue {
  private readonly pending: Job[] = [];
  private readonly slots = new Set<Slot>();
  private readonly idleWaiters: (() => void)[] = [];
  private readonly maxWorkers: number;
  private closed = false;
  /** Outcome callbacks still running; `idle()` waits for them too. */
  private settling = 0;

  constructor(private readonly options: LocalRunQueueOptions) {
    this.maxWorkers = options.workers ?? defaultWorkerCount();
  }

  async enqueue(job: Job): Promise<void> {
    if (this.closed) throw new Error('LocalRunQueue.enqueue: the queue is closed');
    this.pending.push(job);
    this.dispatch();
  }

  async cancel(runId: string): Promise<void> {
    const index = this.pending.findIndex((j) => j.kind === 'train' && j.runId === runId);
    if (index >= 0) this.pending.splice(index, 1);
    // Every busy worker hears it: a run may be a partner its worker has not reported yet.
    for (const slot of this.slots) {
      if (slot.job?.kind === 'train') this.post(slot, { type: 'cancel', runId });
    }
    this.notifyIfIdle();
  }

  active(): ActiveJob[] {
    return [...this.slots].filter((s) => s.job).map((s) => ({ job: s.job as Job, ...(s.child.pid !== undefined && { pid: s.child.pid }) }));
  }

  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops every worker at once. Jobs in flight stay RUNNING in the store; the next start recovers them. */
  async close(): Promise<void> {
    this.closed = true;
    this.pending.length = 0;
    const exits = [...this.slots].map(
      (slot) =>
        new Promise<void>((resolve) => {
          if (slot.exited) return resolve();
          slot.child.once('exit', () => resolve());
          this.post(slot, { type: 'shutdown' });
          setTimeout(() => slot.child.kill('SIGKILL'), 2000).unref();
        }),
    );
    await Promise.all(exits);
    this.slots.clear();
    this.notifyIfIdle();
  }

  private isIdle(): boolean {
    return this.pending.length === 0 && this.settling === 0 && ![...this.slots].some((s) => s.job);
  }

  private notifyIfIdle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private dispatch(): void {
    while (this.pending.length > 0 && !this.closed) {
      let slot = [...this.slots].find((s) => !s.job && !s.exited);
      if (!slot) {
        if (this.slots.size >= this.maxWorkers) return;
        slot = this.spawn();
      }
      const job = this.pending.shift() as Job;
      slot.job = job;
      this.post(slot, { type: 'job', job });
    }
  }

  private spawn(): Slot {
    const script = this.options.workerScript ?? DEFAULT_WORKER_SCRIPT;
    if (!existsSync(script)) throw new Error(`LocalRunQueue: no worker entry at ${script}; build apps/api first (npm run build)`);
    const child = fork(script, [], {
      // The engine finds registered datasets through SADDLE_DATASETS_DIR (the server's data dir's unless set).
      env: { ...process.env, SADDLE_DATASETS_DIR: datasetsDirOf(this.options.worker.dataDir), SADDLE_WORKER_CONFIG: JSON.stringify(this.options.worker), SADDLE_THREADS: workerThreadCount(this.maxWorkers) },
      execArgv: this.options.execArgv ?? [],
      // A worker's stdout goes to our stderr: stdout belongs to the command's output
      // (`saddle run --json > result.json` must stay valid JSON whatever tfjs prints).
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
      serialization: 'advanced',
      // A process group of its own: a terminal's Ctrl-C (SIGINT) and `timeout`'s SIGTERM go to the
      // whole foreground group, and a worker killed by them would fail its run ("died from
      // SIGINT"). Only the parent decides — it cancels the runs, or closes the queue. A worker
      // still ends with its parent: it exits on 'disconnect' and watches the parent's pid.
      detached: true,
    });
    child.stdout?.pipe(process.stderr, { end: false });
    const slot: Slot = { child, job: undefined, partners: new Set(), exited: false };
    this.slots.add(slot);
    child.on('message', (message: WorkerMessage) => this.onMessage(slot, message));
    child.on('exit', (code, signal) => this.onExit(slot, code, signal));
    child.on('error', () => {
      // 'exit' follows (or the spawn failed, which 'exit' also reports); handled there.
    });
    return slot;
  }

  private post(slot: Slot, message: ParentMessage): void {
    if (!slot.exited && slot.child.connected) slot.child.send(message);
  }

  private onMessage(slot: Slot, message: WorkerMessage): void {
    switch (message.type) {
      case 'ready':
        break;
      case 'event':
        (this.options.publisher.publish as (topic: string, id: string, payload: unknown) => void)(message.topic, message.id, message.payload);
        break;
      case 'claimed':
        for (const runId of message.runIds) slot.partners.add(runId);
        break;
      case 'done': {
        slot.job = undefined;
        slot.partners.clear();
        this.finish(message.job, { kind: 'done', ...(message.error && { error: message.error }) });
        this.dispatch();
        break;
      }
      default: {
        const unreachable: never = message;
        throw new Error(`LocalRunQueue: unknown worker message ${JSON.stringify(unreachable)}`);
      }
    }
  }

  private onExit(slot: Slot, code: number | null, signal: NodeJS.Signals | null): void {
    slot.exited = true;
    this.slots.delete(slot);
    const job = slot.job;
    slot.job = undefined;
    if (job && !this.closed) {
      const outcome: JobOutcome = { kind: 'crashed', reason: describeExit(code, signal) };
      this.finish(job, outcome);
      // The runs it took along did not cause the crash: they start over (the job's own run fails).
      for (const runId of slot.partners) this.finish({ kind: 'train', runId }, { kind: 'orphaned', reason: outcome.reason });
    }
    slot.partners.clear();
    this.dispatch();
    this.notifyIfIdle();
  }

  private finish(job: Job, outcome: JobOutcome): void {
    this.settling++;
    void this.options
      .onJobEnd(job, outcome)
      .catch((error: unknown) => console.error(`saddle: handling the end of a job failed:`, error))
      .finally(() => {
        this.settling--;
        this.notifyIfIdle();
      });
  }
}

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  // V8 aborts with SIGABRT (exit 134) when the heap is exhausted; the kernel's OOM killer sends SIGKILL.
  if (signal === 'SIGABRT' || code === 134) return 'the worker process ran out of memory (aborted)';
  if (signal === 'SIGKILL') return 'the worker process was killed (SIGKILL; out of memory or killed by hand)';
  if (signal) return `the worker process died from ${signal}`;
  return `the worker process exited with code ${code ?? 'unknown'}`;
}
