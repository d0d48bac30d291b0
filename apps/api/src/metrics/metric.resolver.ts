import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { SaddleContext } from '../context.js';
import { MetricPointInput, MetricSeriesInput } from './metric.input.js';
import { LogMetricsResult } from './metric.type.js';

@Resolver()
export class MetricResolver {
  @Authorized('write')
  @Mutation(() => LogMetricsResult, {
    description:
      'Appends a batch of points to an external run that is RUNNING (at most 10,000 points, as `points`, `series` or both). Idempotent per (run, key, step): resending a batch changes nothing. A finished run answers CONFLICT (resume it first); a wall time in seconds answers BAD_USER_INPUT. Non-finite values are "NaN", "Infinity", "-Infinity" and mark the run diverged (`Run.divergedAtStep`).',
  })
  async logMetrics(
    @Arg('runId', () => ID, { description: 'An external run (createRun) that is RUNNING.' }) runId: string,
    @Ctx() { services }: SaddleContext,
    @Arg('points', () => [MetricPointInput], { nullable: true, description: 'Points one by one, any keys and steps, in any order.' }) points?: MetricPointInput[] | null,
    @Arg('series', () => [MetricSeriesInput], {
      nullable: true,
      description: 'Points as columns, one entry per series: the fast way to log (a value list is one scalar; ~10× less to parse than `points`).',
    })
    series?: MetricSeriesInput[] | null,
  ): Promise<LogMetricsResult> {
    return { runId, accepted: await services.metrics.log(runId, points, series) };
  }
}
