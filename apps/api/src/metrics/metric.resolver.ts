import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { SaddleContext } from '../context.js';
import { MetricPointInput } from './metric.input.js';
import { LogMetricsResult } from './metric.type.js';

@Resolver()
export class MetricResolver {
  @Authorized('write')
  @Mutation(() => LogMetricsResult, {
    description: 'Appends a batch of points to an external run (at most 10,000). Idempotent per (run, key, step): resending a batch changes nothing.',
  })
  async logMetrics(
    @Arg('runId', () => ID, { description: 'An external run (createRun) that is RUNNING.' }) runId: string,
    @Arg('points', () => [MetricPointInput], { description: 'At most 10,000 points, any keys and steps, in any order.' }) points: MetricPointInput[],
    @Ctx() { services }: SaddleContext,
  ): Promise<LogMetricsResult> {
    return { runId, accepted: await services.metrics.log(runId, points) };
  }
}
