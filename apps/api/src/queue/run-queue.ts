/**
 * The run queue: where launched runs wait for a worker. Two implementations behind this one
 * interface — local child processes (the embedded default) and BullMQ on Redis (scale-out).
 */

export type Job =
  /** Train one stored run (its spec is in the store). */
  | { kind: 'train'; runId: string }
  /**
   * Run the preset analyses of an experiment whose runs have all ended — or, with `analysisId`,
   * one analysis asked for on a run of it (analyzeRun; store/run-analyses.ts).
   */
  | { kind: 'analyze'; experimentId: string; analysisId?: string };

export interface ActiveJob {
  job: Job;
  /** Process id of the worker holding it, when it is local. */
  pid?: number;
}

export interface RunQueue {
  enqueue(job: Job): Promise<void>;
  /** Stops a run: drops it if it is waiting, asks its worker to abort it if it is running. */
  cancel(runId: string): Promise<void>;
  /** Jobs being worked on right now. */
  active(): ActiveJob[];
  /** Resolves when no job is waiting or running (tests and the CLI wait on it). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export function jobLabel(job: Job): string {
  switch (job.kind) {
    case 'train':
      return `train ${job.runId}`;
    case 'analyze':
      return job.analysisId ? `analyze run analysis ${job.analysisId}` : `analyze ${job.experimentId}`;
    default: {
      const unreachable: never = job;
      return String(unreachable);
    }
  }
}
