import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RunStatus } from '@saddle/engine';
import { RunStatusEnum } from '../common/enums.js';
import type { SaddleContext } from '../context.js';
import { Experiment, toExperimentObject } from '../experiments/experiment.type.js';
import { MetricPage, MetricSeries } from '../metrics/metric.type.js';
import { toPointPayload } from '../pubsub/publish.js';
import { Topic, type RunEventPayload } from '../pubsub/topics.js';
import { CreateRunInput } from './run.input.js';
import { Run, RunEvent, toRunObject } from './run.type.js';

@Resolver(() => Run)
export class RunResolver {
  @Query(() => Run, { nullable: true, description: 'null when no run has this id.' })
  async run(@Arg('id', () => ID) id: string, @Ctx() { services }: SaddleContext): Promise<Run | null> {
    const record = await services.runs.get(id);
    return record ? toRunObject(record) : null;
  }

  @FieldResolver(() => Experiment)
  async experiment(@Root() run: Run, @Ctx() { services }: SaddleContext): Promise<Experiment> {
    return toExperimentObject(await services.experiments.require(run.experimentId));
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
    @Arg('keys', () => [String], { nullable: true }) keys?: string[] | null,
    @Arg('maxPoints', () => Int, { nullable: true }) maxPoints?: number | null,
  ): Promise<MetricSeries[]> {
    const series = await services.metrics.series(run.id, keys, maxPoints);
    return series.map((s) => ({ ...s, points: s.points.map(toPointPayload) }));
  }

  @FieldResolver(() => MetricPage, { description: 'Every point of one series, unsampled, a page at a time (default 1000, at most 10,000).' })
  async metricPage(
    @Root() run: Run,
    @Ctx() { services }: SaddleContext,
    @Arg('key', () => String) key: string,
    @Arg('afterStep', () => Int, { nullable: true }) afterStep?: number | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
  ): Promise<MetricPage> {
    const page = await services.metrics.page(run.id, key, afterStep, first);
    return { ...page, points: page.points.map(toPointPayload) };
  }

  @Authorized('write')
  @Mutation(() => Run, { description: 'A QUEUED run is cancelled at once; a RUNNING one stops within a step.' })
  async cancelRun(@Arg('id', () => ID) id: string, @Ctx() { services }: SaddleContext): Promise<Run> {
    return toRunObject(await services.runs.cancel(id));
  }

  @Authorized('write')
  @Mutation(() => Run, { description: 'Starts an external run (status RUNNING) that a script logs metrics to, like wandb.init.' })
  async createRun(@Arg('input', () => CreateRunInput) input: CreateRunInput, @Ctx() { services }: SaddleContext): Promise<Run> {
    return toRunObject(await services.runs.createExternal(input));
  }

  @Authorized('write')
  @Mutation(() => Run, { description: 'Ends an external run as SUCCEEDED, FAILED, CANCELLED or DIVERGED. Repeating the same call is harmless.' })
  async finishRun(
    @Arg('runId', () => ID) runId: string,
    @Arg('status', () => RunStatusEnum) status: RunStatus,
    @Ctx() { services }: SaddleContext,
    @Arg('error', () => String, { nullable: true }) error?: string | null,
  ): Promise<Run> {
    return toRunObject(await services.runs.finishExternal(runId, status, error));
  }

  @Subscription(() => RunEvent, {
    topics: Topic.RunEvents,
    topicId: ({ args }: { args: { runId: string } }) => args.runId,
    description: 'Live events of one run: metric batches (exactly as stored), status, progress, model summary.',
  })
  runEvents(@Root() payload: RunEventPayload, @Arg('runId', () => ID) _runId: string): RunEvent {
    return payload;
  }
}
