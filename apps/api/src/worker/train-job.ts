/**
 * One training job, wherever it runs (a local worker process or a BullMQ worker): claim the
 * run, call the engine, and turn its events into batched store writes and published events.
 * With `group` (the local workers), the job's run takes the experiment's other QUEUED runs that
 * differ only in seed and learning rate (or target function) along, and trains them all as one batched
 * computation (`trainEnsemble`): the many-seed sweeps of small MLPs, ~10× faster per run. Each
 * run is still claimed, written, streamed and ended under its own id.
 *
 * Trained alone, a run sends resumable checkpoints (with its snapshots and every
 * CHECKPOINT_EVERY_MS); restarted after its worker died, it resumes from the latest one, its
 * stored points after it dropped first (so each (run, key, step) is stored once) and live
 * clients told to reload its series (SERIES_RESET).
 */
import { randomUUID } from 'node:crypto';
import { decodeCheckpoint, encodeCheckpoint, ensembleGroups, train, trainEnsemble, type RunEnd, type RunSpec, type TrainCheckpoint, type TrainEvent } from '../engine.js';
import { publishExperimentStatus, publishPoints, publishRunProgress, publishRunStatus, publishSeriesReset } from '../pubsub/publish.js';
import type { EventPublisher } from '../pubsub/topics.js';
import { readArtifactFile, removeArtifactFile, removeRunArtifacts, writeCheckpointFile, writeWeights } from '../store/artifact-files.js';
import { checkpointedRuns, forgetCheckpoint, latestCheckpoint, recordCheckpoint, rewindRunOutputs } from '../store/checkpoints.js';
import type { RunRecord, StoredMetricPoint, StoredRunEnd } from '../store/records.js';
import type { Store } from '../store/store.js';

export interface TrainJobContext {
  store: Store;
  publisher: EventPublisher;
  dataDir: string;
  /** `host:pid` of the process that answers for this run while it is RUNNING. */
  owner: string;
  signal: AbortSignal;
  /**
   * Train the job's run together with the experiment's QUEUED runs it can share one batched
   * computation with. `claimed(runIds)` is told the other runs taken, and returns a signal for
   * each (their cancellations). Without it, the run trains alone.
   */
  group?: { claimed(runIds: string[]): AbortSignal[] };
  /** How often a run trained alone sends a resumable checkpoint (besides one with each snapshot). Default CHECKPOINT_EVERY_MS. */
  checkpointEveryMs?: number;
}

/**
 * Default checkpoint cadence: a worker that dies loses at most about this much training (plus
 * the time to the next step's end). A checkpoint of the 34k-parameter CNN with Adam is ~400 KB
 * and takes milliseconds, so a minute costs nothing measurable and bounds the loss of an
 * hours-long full-scale run to a minute.
 */
export const CHECKPOINT_EVERY_MS = 60_000;

/** Most runs trained as one batched computation (memory grows with it). */
export const MAX_GROUP_SIZE = 128;

/** How metric points are batched: flushed at this many points or after this long, whichever first. */
export const METRIC_FLUSH_POINTS = 500;
export const METRIC_FLUSH_MS = 250;
/** Progress is written to the store at most this often (it is published more often). */
const PROGRESS_WRITE_MS = 1000;
const PROGRESS_PUBLISH_MS = 200;

export type TrainJobOutcome =
  | { ran: false; reason: string }
  | { ran: true; status: RunEnd['status']; experimentId: string; /** Every run it trained: the job's first. */ runIds: string[] };

type TrainableRun = RunRecord & { spec: RunSpec };

export async function runTrainJob(runId: string, ctx: TrainJobContext): Promise<TrainJobOutcome> {
  const { store } = ctx;
  const run = await store.getRun(runId);
  if (!run) return { ran: false, reason: `run ${runId} no longer exists` };
  if (!run.spec) return { ran: false, reason: `run ${runId} is external: scripts train it` };
  const trainable = run as TrainableRun;
  if (!(await claimRun(trainable, ctx))) return { ran: false, reason: `run ${runId} is not QUEUED any more` };
  const resumeFrom = await resumePoint(trainable, ctx);
  // A run with a checkpoint resumes alone: the batched trainer neither resumes nor checkpoints.
  const partners = ctx.group && !resumeFrom ? await claimPartners(trainable, ctx) : [];
  if (partners.length === 0) {
    const writer = runWriter(trainable, ctx);
    let end: RunEnd;
    try {
      const checkpointEveryMs = ctx.checkpointEveryMs ?? CHECKPOINT_EVERY_MS;
      end = await train(trainable.spec, writer.sink, { signal: ctx.signal, checkpointEveryMs, ...(resumeFrom ? { resumeFrom } : {}) });
    } catch (error) {
      end = failedEnd(error);
    }
    return { ran: true, status: await writer.finish(end), experimentId: run.experimentId, runIds: [runId] };
  }
  const runs = [trainable, ...partners];
  const signals = [ctx.signal, ...ctx.group!.claimed(partners.map((p) => p.id))];
  const writers = runs.map((r) => runWriter(r, ctx));
  // A run that ends early (cancelled, diverged) is stored as soon as it ends, not with the group.
  const finishing: (Promise<RunEnd['status']> | undefined)[] = runs.map(() => undefined);
  const sinks = writers.map((w, k) => (event: TrainEvent) => {
    w.sink(event);
    if (event.type === 'end') finishing[k] ??= w.finish(event.end);
  });
  let ends: RunEnd[];
  try {
    ends = await trainEnsemble(runs.map((r) => r.spec), sinks, { signals });
  } catch (error) {
    ends = runs.map(() => failedEnd(error));
  }
  const statuses = await Promise.all(writers.map((w, k) => (finishing[k] ??= w.finish(ends[k]!))));
  return { ran: true, status: statuses[0]!, experimentId: run.experimentId, runIds: runs.map((r) => r.id) };
}

/** QUEUED → RUNNING under this owner; false when another worker (or a cancel) got there first. */
async function claimRun(run: TrainableRun, ctx: TrainJobContext): Promise<boolean> {
  const { store, publisher } = ctx;
  const claimed = await store.transitionRun(run.id, ['QUEUED'], { status: 'RUNNING', owner: ctx.owner, startedAt: Date.now(), progress: 0, error: null });
  if (!claimed) return false;
  publishRunStatus(publisher, run.experimentId, run.id, 'RUNNING');
  if (await store.transitionExperiment(run.experimentId, ['QUEUED'], 'RUNNING')) {
    publishExperimentStatus(publisher, run.experimentId, 'RUNNING');
  }
  return true;
}

/**
 * The experiment's QUEUED runs that can train in one batched computation with `run` (the
 * engine's `ensembleGroups`: same spec but for the seed, learning rate or target, a batchable model), claimed.
 * Their own queued jobs later find them taken and do nothing.
 */
async function claimPartners(run: TrainableRun, ctx: TrainJobContext): Promise<TrainableRun[]> {
  const candidates = (await ctx.store.runsOf(run.experimentId)).filter(
    (r): r is TrainableRun => r.id !== run.id && r.status === 'QUEUED' && !r.external && r.spec !== null,
  );
  // Runs with a checkpoint are left to their own jobs, which resume them.
  const checkpointed = await checkpointedRuns(ctx.store.db, candidates.map((r) => r.id));
  const queued = candidates.filter((r) => !checkpointed.has(r.id));
  if (queued.length === 0) return [];
  const group = ensembleGroups([run, ...queued]).find((g) => g[0] === run) ?? [run];
  const partners: TrainableRun[] = [];
  for (const partner of group.slice(1, MAX_GROUP_SIZE)) {
    if (!(await claimRun(partner, ctx))) continue;
    // Claimed and checked for a checkpoint apart, so one may have appeared: the partner then starts over.
    await resumePoint(partner, ctx, { fromScratch: true });
    partners.push(partner);
  }
  return partners;
}

/**
 * Where a claimed run starts. A first start: from scratch, nothing to do. A restart (its worker
 * died): from its latest checkpoint, returned, with the points and weights it stored after it
 * dropped (they come again); without a usable checkpoint (or with `fromScratch`), from scratch
 * with everything it stored dropped. Either way live clients are told to reload its series.
 */
async function resumePoint(run: TrainableRun, ctx: TrainJobContext, options: { fromScratch?: boolean } = {}): Promise<TrainCheckpoint | undefined> {
  if (run.attempt === 0) return undefined;
  const { store } = ctx;
  const stored = options.fromScratch ? undefined : await latestCheckpoint(store.db, run.id);
  let checkpoint: TrainCheckpoint | undefined;
  if (stored) {
    try {
      checkpoint = decodeCheckpoint(readArtifactFile(ctx.dataDir, stored.path));
    } catch (error) {
      // A lost or unreadable file costs the progress, not the run.
      console.warn(`run ${run.id}: its checkpoint at step ${stored.step} cannot be read (${error instanceof Error ? error.message : String(error)}); it starts over`);
    }
  }
  await rewindRunOutputs(store.db, store.dialect, run.id, checkpoint ? checkpoint.step : null);
  if (!checkpoint) removeRunArtifacts(ctx.dataDir, run.id);
  publishSeriesReset(ctx.publisher, run.experimentId, run.id);
  return checkpoint;
}

/**
 * A run's sink (its events → batched store writes and published events) and `finish`, which
 * stores its end, weights and status once training is over and returns the status it stored.
 */
function runWriter(run: TrainableRun, ctx: TrainJobContext): { sink: (event: TrainEvent) => void; finish(end: RunEnd): Promise<RunEnd['status']> } {
  const { store, publisher } = ctx;
  const runId = run.id;
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
      case 'checkpoint': {
        // After the points it covers (same write chain), so a stored checkpoint never runs ahead of them.
        flush();
        const { checkpoint } = event;
        queueWrite(async () => {
          const path = writeCheckpointFile(ctx.dataDir, runId, checkpoint.step, encodeCheckpoint(checkpoint));
          const replaced = await recordCheckpoint(store.db, { runId, step: checkpoint.step, epoch: checkpoint.epoch, path });
          if (replaced) removeArtifactFile(ctx.dataDir, replaced);
        });
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

  const finish = async (trained: RunEnd): Promise<RunEnd['status']> => {
    flush();
    await writes;
    const end = writeError ? failedEnd(writeError, 'storing its results failed') : trained;

    // A process that lost the run (taken for dead, the run restarted under another owner) writes
    // no weights or end over the new start.
    const current = await store.getRun(runId);
    if (current?.status !== 'RUNNING' || current.owner !== ctx.owner) return end.status;
    if (end.theta.length > 0) {
      const path = writeWeights(ctx.dataDir, runId, 'final', end.theta, end.state);
      // Labelled with the step the weights were taken at (after a zero-gradient phase: its best point), not the end of training.
      const at = end.weightsAt ?? { step: end.steps, epoch: end.epochs };
      await store.addArtifact({ id: randomUUID(), runId, kind: 'final', step: at.step, epoch: at.epoch, path, thetaLength: end.theta.length, stateLength: end.state.length });
    }
    const stored: StoredRunEnd = {
      steps: end.steps,
      epochs: end.epochs,
      durationMs: end.durationMs,
      final: end.final,
      ...(end.divergedAtStep !== undefined && { divergedAtStep: end.divergedAtStep }),
      ...(end.zeroGradient && { zeroGradient: end.zeroGradient }),
      ...(end.stopCriterion && { stopCriterion: end.stopCriterion }),
      ...(end.weightsAt && { weightsAt: end.weightsAt }),
      ...(end.resumedFromStep !== undefined && { resumedFromStep: end.resumedFromStep }),
    };
    // An ended run is not restarted: its checkpoint has served.
    const checkpoint = await latestCheckpoint(store.db, runId);
    if (checkpoint) {
      await forgetCheckpoint(store.db, runId);
      removeArtifactFile(ctx.dataDir, checkpoint.path);
    }
    const error = end.status === 'SUCCEEDED' ? null : (end.error ?? end.status.toLowerCase());
    const ended = await store.transitionRun(
      runId,
      ['RUNNING'],
      { status: end.status, error, end: stored, progress: end.status === 'SUCCEEDED' ? 1 : undefined, finishedAt: Date.now(), owner: null },
      ctx.owner,
    );
    if (!ended) return end.status;
    if (end.status === 'SUCCEEDED') publishRunProgress(publisher, run.experimentId, runId, 1);
    publishRunStatus(publisher, run.experimentId, runId, end.status, error);
    return end.status;
  };
  return { sink, finish };
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
