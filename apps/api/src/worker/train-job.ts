/**
 * One training job, wherever it runs (a local worker process or a BullMQ worker): claim the
 * run, call the engine, and turn its events into batched store writes and published events.
 */
import { randomUUID } from 'node:crypto';
import { train, type RunEnd, type TrainEvent } from '../engine.js';
import { publishExperimentStatus, publishPoints, publishRunProgress, publishRunStatus } from '../pubsub/publish.js';
import type { EventPublisher } from '../pubsub/topics.js';
import { writeWeights } from '../store/artifact-files.js';
import type { StoredMetricPoint, StoredRunEnd } from '../store/records.js';
import type { Store } from '../store/store.js';

export interface TrainJobContext {
  store: Store;
  publisher: EventPublisher;
  dataDir: string;
  /** `host:pid` of the process that answers for this run while it is RUNNING. */
  owner: string;
  signal: AbortSignal;
}

/** How metric points are batched: flushed at this many points or after this long, whichever first. */
export const METRIC_FLUSH_POINTS = 500;
export const METRIC_FLUSH_MS = 250;
/** Progress is written to the store at most this often (it is published more often). */
const PROGRESS_WRITE_MS = 1000;
const PROGRESS_PUBLISH_MS = 200;

export type TrainJobOutcome = { ran: false; reason: string } | { ran: true; status: RunEnd['status']; experimentId: string };

export async function runTrainJob(runId: string, ctx: TrainJobContext): Promise<TrainJobOutcome> {
  const { store, publisher } = ctx;
  const run = await store.getRun(runId);
  if (!run) return { ran: false, reason: `run ${runId} no longer exists` };
  if (!run.spec) return { ran: false, reason: `run ${runId} is external: scripts train it` };
  const claimed = await store.transitionRun(runId, ['QUEUED'], { status: 'RUNNING', owner: ctx.owner, startedAt: Date.now(), progress: 0, error: null });
  if (!claimed) return { ran: false, reason: `run ${runId} is not QUEUED any more` };
  publishRunStatus(publisher, run.experimentId, runId, 'RUNNING');
  if (await store.transitionExperiment(run.experimentId, ['QUEUED'], 'RUNNING')) {
    publishExperimentStatus(publisher, run.experimentId, 'RUNNING');
  }

  // ---- metric batches: the sink is synchronous, writes are not; one chain keeps them in order.
  let buffer: StoredMetricPoint[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writes: Promise<void> = Promise.resolve();
  let writeError: unknown;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (buffer.length === 0) return;
    const batch = buffer;
    buffer = [];
    writes = writes
      .then(() => store.upsertMetrics(runId, batch))
      // Published only once stored, so the live view never shows a point a query would not.
      .then(() => publishPoints(publisher, run.experimentId, runId, batch))
      .catch((error: unknown) => {
        writeError ??= error;
      });
  };
  const queueWrite = (write: () => Promise<void>) => {
    writes = writes.then(write).catch((error: unknown) => {
      writeError ??= error;
    });
  };

  let lastProgressWrite = 0;
  let lastProgressPublish = 0;
  const sink = (event: TrainEvent): void => {
    switch (event.type) {
      case 'metrics':
        for (const p of event.points) buffer.push({ key: p.key, step: p.step, value: p.value, wallTime: p.wallTime, epoch: p.epoch ?? null });
        if (buffer.length >= METRIC_FLUSH_POINTS) flush();
        else timer ??= setTimeout(flush, METRIC_FLUSH_MS);
        break;
      case 'summary':
        queueWrite(() => store.updateRun(runId, { summary: event.summary }));
        publisher.publish('RUN_EVENTS', runId, { type: 'SUMMARY', runId, experimentId: run.experimentId });
        break;
      case 'snapshot': {
        const { step, epoch } = event;
        const path = writeWeights(ctx.dataDir, runId, `snapshot-${String(step).padStart(9, '0')}`, event.theta, event.state);
        const thetaLength = event.theta.length;
        const stateLength = event.state.length;
        queueWrite(() => store.addArtifact({ id: randomUUID(), runId, kind: 'snapshot', step, epoch, path, thetaLength, stateLength }));
        break;
      }
      case 'progress': {
        const now = Date.now();
        const progress = Math.min(1, Math.max(0, event.fraction));
        if (now - lastProgressWrite >= PROGRESS_WRITE_MS) {
          lastProgressWrite = now;
          queueWrite(() => store.updateRun(runId, { progress }));
        }
        if (now - lastProgressPublish >= PROGRESS_PUBLISH_MS) {
          lastProgressPublish = now;
          publishRunProgress(publisher, run.experimentId, runId, progress);
        }
        break;
      }
      case 'end':
        break;
      default: {
        const unreachable: never = event;
        throw new Error(`runTrainJob: unknown event ${JSON.stringify(unreachable)}`);
      }
    }
  };

  let end: RunEnd;
  try {
    end = await train(run.spec, sink, { signal: ctx.signal });
  } catch (error) {
    end = failedEnd(error);
  }
  flush();
  await writes;
  if (writeError) end = failedEnd(writeError, 'storing its results failed');

  if (end.theta.length > 0) {
    const path = writeWeights(ctx.dataDir, runId, 'final', end.theta, end.state);
    await store.addArtifact({ id: randomUUID(), runId, kind: 'final', step: end.steps, epoch: end.epochs, path, thetaLength: end.theta.length, stateLength: end.state.length });
  }
  const stored: StoredRunEnd = {
    steps: end.steps,
    epochs: end.epochs,
    durationMs: end.durationMs,
    final: end.final,
    ...(end.divergedAtStep !== undefined && { divergedAtStep: end.divergedAtStep }),
    ...(end.zeroGradient && { zeroGradient: end.zeroGradient }),
  };
  const error = end.status === 'SUCCEEDED' ? null : (end.error ?? end.status.toLowerCase());
  await store.updateRun(runId, {
    status: end.status,
    error,
    end: stored,
    progress: end.status === 'SUCCEEDED' ? 1 : undefined,
    finishedAt: Date.now(),
    owner: null,
  });
  if (end.status === 'SUCCEEDED') publishRunProgress(publisher, run.experimentId, runId, 1);
  publishRunStatus(publisher, run.experimentId, runId, end.status, error);
  return { ran: true, status: end.status, experimentId: run.experimentId };
}

function failedEnd(error: unknown, context = 'training threw'): RunEnd {
  const message = error instanceof Error ? error.message : String(error);
  return {
    status: 'FAILED',
    error: `${context}: ${message}`,
    steps: 0,
    epochs: 0,
    theta: new Float32Array(0),
    state: new Float32Array(0),
    final: {},
    durationMs: 0,
  };
}
