import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { LIMITS } from '../common/limits.js';
import type { SaddleContext } from '../context.js';
import { LimitExceededError } from '../errors.js';
import { Run, toRunObject } from '../runs/run.type.js';

/**
 * The compare view's one request: the picked runs by id, from any experiment (old ones too, so a
 * shared compare link resolves), each with `metrics(keys, maxPoints)` for its series — one round
 * trip for 100 runs instead of one per run.
 */
@Resolver()
export class CompareResolver {
  @Query(() => [Run], {
    description:
      'The runs with these ids, in the order asked (an id asked twice is answered once); ids no run has are left out. At most 500 ids. Ask for their series in the same request with `metrics(keys: [...], maxPoints: <the chart’s width in px × 2>)`: the cost limit prices each run’s series.',
  })
  async runsById(@Arg('ids', () => [ID], { description: 'Run ids, e.g. from a compare link’s `runs=` list.' }) ids: string[], @Ctx() { services }: SaddleContext): Promise<Run[]> {
    const unique = [...new Set(ids)];
    if (unique.length > LIMITS.runsByIdMax) throw new LimitExceededError('runs per runsById request (ids)', LIMITS.runsByIdMax, unique.length);
    // One indexed lookup each: 500 primary-key reads take milliseconds on either store.
    const records = await Promise.all(unique.map((id) => services.runs.get(id)));
    return records.flatMap((record) => (record ? [toRunObject(record)] : []));
  }
}
