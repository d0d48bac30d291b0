import { Arg, Authorized, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SaddleContext } from '../context.js';
import { ExperimentStatusEnum } from '../common/enums.js';
import { Experiment, toExperimentObject } from '../experiments/experiment.type.js';
import type { ExperimentStatus } from '../store/records.js';
import type { SuiteState } from './suite.service.js';
import { LaunchSuiteInput } from './suite.input.js';
import { Suite, toSuiteObject } from './suite.type.js';

/**
 * A suite's derived fields come from one reading of its experiments per suite object (one per
 * request): status, progress, ETA and experiments asked together cost one `state`, not four.
 */
const states = new WeakMap<Suite, Promise<SuiteState>>();
function stateOf(suite: Suite, services: SaddleContext['services']): Promise<SuiteState> {
  let state = states.get(suite);
  if (!state) {
    state = services.suites.require(suite.id).then((record) => services.suites.state(record));
    states.set(suite, state);
  }
  return state;
}

@Resolver(() => Suite)
export class SuiteResolver {
  @Query(() => Suite, { nullable: true, description: 'null when no suite has this id.' })
  async suite(@Arg('id', () => ID, { description: 'A suite’s id.' }) id: string, @Ctx() { services }: SaddleContext): Promise<Suite | null> {
    const record = await services.suites.get(id);
    return record ? toSuiteObject(record) : null;
  }

  @Query(() => [Suite], { description: 'Suites, newest first.' })
  async suites(@Ctx() { services }: SaddleContext, @Arg('first', () => Int, { nullable: true, description: 'Default 20, at most 100.' }) first?: number | null): Promise<Suite[]> {
    return (await services.suites.list(first ?? null)).map(toSuiteObject);
  }

  @FieldResolver(() => [Experiment], { description: 'Its experiments, in report order (one per HW1 question).' })
  async experiments(@Root() suite: Suite, @Ctx() { services }: SaddleContext): Promise<Experiment[]> {
    const state = await stateOf(suite, services);
    return state.experiments.map(toExperimentObject);
  }

  @FieldResolver(() => ExperimentStatusEnum, { description: 'QUEUED until an experiment starts, RUNNING while any is live, then FAILED, CANCELLED or SUCCEEDED (the worst of its experiments).' })
  async status(@Root() suite: Suite, @Ctx() { services }: SaddleContext): Promise<ExperimentStatus> {
    return (await stateOf(suite, services)).status;
  }

  @FieldResolver(() => Float, { description: 'Fraction done in [0, 1]: each experiment’s progress weighted by its expected time.' })
  async progress(@Root() suite: Suite, @Ctx() { services }: SaddleContext): Promise<number> {
    return (await stateOf(suite, services)).progress;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Expected seconds left: Σ expected time × fraction left over its experiments; null once all ended.' })
  async etaSeconds(@Root() suite: Suite, @Ctx() { services }: SaddleContext): Promise<number | null> {
    return (await stateOf(suite, services)).etaSeconds;
  }

  @Authorized('write')
  @Mutation(() => Suite, { description: 'Launches every preset of the suite (default `hw1`) at the scale as its own experiment, and groups them; its report is Query.report(id).' })
  async launchSuite(@Arg('input', () => LaunchSuiteInput, { description: 'Suite, scale, data and tags.' }) input: LaunchSuiteInput, @Ctx() { services }: SaddleContext): Promise<Suite> {
    return toSuiteObject(await services.suites.launch(input));
  }

  @Authorized('write')
  @Mutation(() => Suite, { description: 'Cancels every experiment of the suite that has not ended.' })
  async cancelSuite(@Arg('id', () => ID, { description: 'The suite to cancel.' }) id: string, @Ctx() { services }: SaddleContext): Promise<Suite> {
    return toSuiteObject(await services.suites.cancel(id));
  }
}
