import { Arg, Authorized, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RunStatus } from '@saddle/engine';
import { RunArtifact, toRunArtifactObject } from '../artifacts/artifact.type.js';
import { RunStatusEnum } from '../common/enums.js';
import { etaSeconds } from '../common/eta.js';
import { JSONObjectScalar } from '../common/scalars.js';
import type { LastValues } from '../store/run-summary.js';
import type { SaddleContext } from '../context.js';
import { Experiment, toExperimentObject } from '../experiments/experiment.type.js';
import { MetricPage, MetricSeries } from '../metrics/metric.type.js';
import { toPointPayload } from '../pubsub/publish.js';
import type { RunEventPayload } from '../pubsub/topics.js';
import { CreateRunInput } from './run.input.js';
import { Run, RunEvent, toRunObject } from './run.type.js';

/** One read of a logged run's last values per Run object, shared by its `final` and `steps`. */
const lastValuesOf = new WeakMap<Run, Promise<LastValues>>();

@Resolver(() => Run)
export class RunResolver {
  @Query(() => Run, { nullable: true, description: 'null when no run has this id.' })
  async run(@Arg('id', () => ID, { description: 'A run’s id.' }) id: string, @Ctx() { services }: SaddleContext): Promise<Run | null> {
    const record = await services.runs.get(id);
    return record ? toRunObject(record) : null;
  }

  @FieldResolver(() => Experiment, { description: 'The experiment the run belongs to.' })
  async experiment(@Root() run: Run, @Ctx() { services }: SaddleContext): Promise<Experiment> {
    return toExperimentObject(await services.experiments.require(run.experimentId));
  }

  // Without a stored end (a logged run, or a Saddle run not yet ended) both are read from the stored
  // points: each key's true last point and the last step — never a downsampled series' last kept
  // point, which is a bucket's min or max.
  @FieldResolver(() => JSONObjectScalar, { nullable: true })
  async final(@Root() run: Run, @Ctx() { services }: SaddleContext): Promise<Run['final']> {
    if (!run.external && run.final !== null) return run.final;
    return (await this.lastValues(run, services)).final;
  }

  @FieldResolver(() => Int, { nullable: true })
  async steps(@Root() run: Run, @Ctx() { services }: SaddleContext): Promise<number | null> {
    if (!run.external && run.final !== null) return run.steps;
    return (await this.lastValues(run, services)).steps;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Seconds left at the rate so far ((now − startedAt) × (1 − progress) / progress) while RUNNING; null while QUEUED, before any progress (a logged run reports none), and once it ended.',
  })
  etaSeconds(@Root() run: Run): number | null {
    if (run.status !== 'RUNNING') return null;
    return etaSeconds(run.progress, run.timings.startedAt?.getTime(), Date.now()) ?? null;
  }

  private lastValues(run: Run, services: SaddleContext['services']): Promise<LastValues> {
    let values = lastValuesOf.get(run);
    if (!values) {
      values = services.runs.lastValues(run.id);
      lastValuesOf.set(run, values);
    }
    return values;
  }

  @FieldResolver(() => [RunArtifact], {
    description: 'Its final weights, snapshots and uploaded files, each with its download URL (`GET /artifacts/runs/<id>/<name>`; scripts upload with `PUT` to the same URL).',
  })
  async artifacts(@Root() run: Run, @Ctx() { services }: SaddleContext): Promise<RunArtifact[]> {
    return (await services.artifacts.list(run.id)).map(toRunArtifactObject);
  }

  @FieldResolver(() => [String], { description: 'Names of the series this run has points for.' })
  metricKeys(@Root() run: Run, @Ctx() { services }: SaddleContext): Promise<string[]> {
    return services.metrics.keys(run.id);
  }

  @FieldResolver(() => [MetricSeries], {
    description: 'Series downsampled to at most maxPoints points each (min and max per bucket, so spikes survive). Default: every key, 1000 points; at most 50 keys and 10,000 points.',
  })
  async metrics(
    @Root() run: Run,
    @Ctx() { services }: SaddleContext,
    @Arg('keys', () => [String], { nullable: true, description: 'The series to return (see metricKeys); default: every series, at most 50.' }) keys?: string[] | null,
    @Arg('maxPoints', () => Int, { nullable: true, description: 'Points per series at most (default 1000, at most 10,000).' }) maxPoints?: number | null,
  ): Promise<MetricSeries[]> {
    const series = await services.metrics.series(run.id, keys, maxPoints);
    return series.map((s) => ({ ...s, points: s.points.map(toPointPayload) }));
  }

  @FieldResolver(() => MetricPage, { description: 'Every point of one series, unsampled, a page at a time (default 1000, at most 10,000).' })
  async metricPage(
    @Root() run: Run,
    @Ctx() { services }: SaddleContext,
    @Arg('key', () => String, { description: 'The series, e.g. `train/loss`.' }) key: string,
    @Arg('afterStep', () => Int, { nullable: true, description: 'Return points with a larger step: the previous page’s `lastStep`; default: from the first.' }) afterStep?: number | null,
    @Arg('first', () => Int, { nullable: true, description: 'Points per page (default 1000, at most 10,000).' }) first?: number | null,
  ): Promise<MetricPage> {
    const page = await services.metrics.page(run.id, key, afterStep, first);
    return { ...page, points: page.points.map(toPointPayload) };
  }

  @Authorized('write')
  @Mutation(() => Run, { description: 'A QUEUED run is cancelled at once; a RUNNING one stops within a step. Its experiment’s other runs go on, and its analyses still draw what they allow (cancelExperiment stops it all).' })
  async cancelRun(@Arg('id', () => ID, { description: 'The run to cancel.' }) id: string, @Ctx() { services }: SaddleContext): Promise<Run> {
    return toRunObject(await services.runs.cancel(id));
  }

  @Authorized('write')
  @Mutation(() => Run, { description: 'Starts an external run (status RUNNING) that a script logs metrics to, like wandb.init.' })
  async createRun(@Arg('input', () => CreateRunInput, { description: 'The run’s name, experiment, config and tags.' }) input: CreateRunInput, @Ctx() { services }: SaddleContext): Promise<Run> {
    return toRunObject(await services.runs.createExternal(input));
  }

  @Authorized('write')
  @Mutation(() => Run, { description: 'Ends an external run as SUCCEEDED, FAILED, CANCELLED or DIVERGED. Repeating the same call is harmless.' })
  async finishRun(
    @Arg('runId', () => ID, { description: 'An external run (createRun).' }) runId: string,
    @Arg('status', () => RunStatusEnum, { description: 'How it ended: SUCCEEDED, FAILED, CANCELLED or DIVERGED.' }) status: RunStatus,
    @Ctx() { services }: SaddleContext,
    @Arg('error', () => String, { nullable: true, description: 'Why it did not succeed (e.g. the exception’s last line).' }) error?: string | null,
  ): Promise<Run> {
    return toRunObject(await services.runs.finishExternal(runId, status, error));
  }

  @Authorized('write')
  @Mutation(() => Run, {
    description: `A logged run’s script is alive but quiet (a long evaluation): postpones its CRASHED verdict. Any logMetrics, setSummary or upload counts too. A run that is not RUNNING is refused (CONFLICT): resumeRun it.`,
  })
  async heartbeat(@Arg('runId', () => ID, { description: 'A RUNNING logged run (createRun).' }) runId: string, @Ctx() { services }: SaddleContext): Promise<Run> {
    return toRunObject(await services.runs.heartbeat(runId));
  }

  @Authorized('write')
  @Mutation(() => Run, {
    description: 'Makes a CRASHED (or ended) logged run RUNNING again, e.g. when its script restarts: logging, heartbeats and finishRun work again; its error and finishedAt are cleared. A RUNNING run is returned as it is.',
  })
  async resumeRun(@Arg('id', () => ID, { description: 'A logged run (createRun).' }) id: string, @Ctx() { services }: SaddleContext): Promise<Run> {
    return toRunObject(await services.runs.resume(id));
  }

  @Authorized('write')
  @Mutation(() => Run, {
    description: 'Merges values into a logged run’s summary (Run.summaryValues, like wandb’s run.summary): each key given replaces its value, a key given as null is removed. Allowed after the run ended. At most 256 KiB of JSON.',
  })
  async setSummary(
    @Arg('runId', () => ID, { description: 'A logged run (createRun).' }) runId: string,
    @Arg('summary', () => JSONObjectScalar, { description: 'Key → any JSON value (null removes the key), e.g. { "best/acc": 0.93, "notes": "lr warmup" }.' }) summary: Record<string, unknown>,
    @Ctx() { services }: SaddleContext,
  ): Promise<Run> {
    return toRunObject(await services.runs.setSummary(runId, summary));
  }

  @Subscription(() => RunEvent, {
    subscribe: ({ args, context }: { args: { runId: string }; context: SaddleContext }) => context.services.live.runEvents(args.runId),
    description:
      'Live events of one run: metric batches (exactly as stored), status, progress, model summary. Completes after the event that ends the run (at once when it has already ended); an unknown runId is a NOT_FOUND error.',
  })
  runEvents(@Root() payload: RunEventPayload, @Arg('runId', () => ID, { description: 'The run to follow.' }) _runId: string): RunEvent {
    return payload;
  }
}
