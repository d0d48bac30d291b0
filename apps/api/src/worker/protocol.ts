/** Messages between the local scheduler (parent) and a worker child process, over Node's IPC channel. */
import type { Job } from '../queue/run-queue.js';
import type { SaddleTopics } from '../pubsub/topics.js';
import type { DatabaseConfig } from '../store/database.js';

/** Handed to a worker process in `SADDLE_WORKER_CONFIG` (JSON). */
export interface WorkerConfig {
  dataDir: string;
  database: DatabaseConfig;
  presetModules: string[];
  /** `host:pid` of the parent: runs this worker takes are owned by the parent process. */
  owner: string;
}

export type ParentMessage =
  | { type: 'job'; job: Job }
  | { type: 'cancel'; runId: string }
  | { type: 'shutdown' };

export type WorkerMessage =
  | { type: 'event'; topic: keyof SaddleTopics; id: string; payload: SaddleTopics[keyof SaddleTopics][1] }
  | { type: 'done'; job: Job; error?: string }
  /** A train job took these other runs along (one batched computation): they live and die with it. */
  | { type: 'claimed'; job: Job; runIds: string[] }
  | { type: 'ready' };
