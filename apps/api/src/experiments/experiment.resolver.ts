import { Arg, Authorized, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { SaddleContext } from '../context.js';
import { Preset, toPresetObject } from '../presets/preset.type.js';
import type { ExperimentEventPayload } from '../pubsub/topics.js';
import { Run, toRunObject } from '../runs/run.type.js';
import { ExperimentFilter, LaunchExperimentInput } from './experiment.input.js';
import {
  Experiment,
  ExperimentConnection,
  ExperimentEvent,
  Figure,
  RunCounts,
  toExperimentObject,
  toFigureObject,
} from './experiment.type.js';

@Resolver(() => Experiment)
export class ExperimentResolver {
  @Query(() => ExperimentConnection, { description: 'Newest first, with cursors; filter by status, preset, tag or text.' })
  async experiments(
    @Ctx() { services }: SaddleContext,
    @Arg('first', () => Int, { nullable: true, description: 'Default 20, at most 100.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The previous page’s `pageInfo.endCursor`; default: the first page.' }) after?: string | null,
    @Arg('filter', () => ExperimentFilter, { nullable: true, description: 'Default: every experiment.' }) filter?: ExperimentFilter | null,
  ): Promise<ExperimentConnection> {
    const page = await services.experiments.list({ first: first ?? null, after: after ?? null, filter: filter ?? null });
    const edges = page.items.map((item) => ({ cursor: page.cursorOf(item), node: toExperimentObject(item) }));
    return { edges, totalCount: page.totalCount, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges[edges.length - 1]?.cursor ?? null } };
  }

  @Query(() => Experiment, { nullable: true, description: 'null when no experiment has this id.' })
  async experiment(@Arg('id', () => ID, { description: 'An experiment’s id.' }) id: string, @Ctx() { services }: SaddleContext): Promise<Experiment | null> {
    const record = await services.experiments.get(id);
    return record ? toExperimentObject(record) : null;
  }

  @FieldResolver(() => [String], { description: 'Its tags, sorted.' })
  async tags(@Root() experiment: Experiment, @Ctx() { services }: SaddleContext): Promise<string[]> {
    return services.experiments.tagsOf(experiment.id);
  }

  @FieldResolver(() => [Run], { description: 'In launch order.' })
  async runs(@Root() experiment: Experiment, @Ctx() { services }: SaddleContext): Promise<Run[]> {
    return (await services.runs.runsOf(experiment.id)).map(toRunObject);
  }

  @FieldResolver(() => RunCounts, { description: 'How many of its runs are in each status.' })
  async runCounts(@Root() experiment: Experiment, @Ctx() { services }: SaddleContext): Promise<RunCounts> {
    const runs = await services.runs.runsOf(experiment.id);
    const count = (status: string) => runs.filter((r) => r.status === status).length;
    return {
      total: runs.length,
      queued: count('QUEUED'),
      running: count('RUNNING'),
      succeeded: count('SUCCEEDED'),
      failed: count('FAILED'),
      cancelled: count('CANCELLED'),
      diverged: count('DIVERGED'),
      crashed: count('CRASHED'),
    };
  }

  @FieldResolver(() => Float, { description: 'Fraction done in [0, 1]: the runs’ progress, and the analyses’ when there are any.' })
  progress(@Root() experiment: Experiment, @Ctx() { services }: SaddleContext): Promise<number> {
    return services.experiments.progress(experiment.id);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Seconds left at the rate so far: the time since its first run started × (1 − progress) / progress; null once it ended and before any run started or moved.',
  })
  etaSeconds(@Root() experiment: Experiment, @Ctx() { services }: SaddleContext): Promise<number | null> {
    return services.experiments.etaSeconds(experiment.id);
  }

  @FieldResolver(() => [Figure], { description: 'The preset’s analysis figures, once computed.' })
  async analyses(@Root() experiment: Experiment, @Ctx() { services }: SaddleContext): Promise<Figure[]> {
    return (await services.experiments.figuresOf(experiment.id)).map(toFigureObject);
  }

  @FieldResolver(() => Preset, { nullable: true, description: 'The catalogue entry it was launched from: its figure kinds tell a client how to draw it.' })
  presetDefinition(@Root() experiment: Experiment, @Ctx() { services }: SaddleContext): Preset | null {
    const preset = experiment.preset ? services.catalogue.get(experiment.preset) : undefined;
    return preset ? toPresetObject(preset) : null;
  }

  @Authorized('write')
  @Mutation(() => Experiment, { description: 'Validates, stores the experiment and its runs as QUEUED, and queues one job per run.' })
  async launchExperiment(@Arg('input', () => LaunchExperimentInput, { description: 'A preset (with scale, data, overrides) or a raw spec.' }) input: LaunchExperimentInput, @Ctx() { services }: SaddleContext): Promise<Experiment> {
    return toExperimentObject(await services.experiments.launch(input));
  }

  @Authorized('write')
  @Mutation(() => Experiment, { description: 'Cancels every run that has not ended; the experiment ends CANCELLED with no analysis (cancelRun on one run leaves the others’ figures to be drawn).' })
  async cancelExperiment(@Arg('id', () => ID, { description: 'The experiment to cancel.' }) id: string, @Ctx() { services }: SaddleContext): Promise<Experiment> {
    return toExperimentObject(await services.experiments.cancel(id));
  }

  @Authorized('write')
  @Mutation(() => Experiment, { description: 'Renames the experiment; the name is trimmed and must be 1–200 characters (BAD_USER_INPUT on `name` otherwise).' })
  async renameExperiment(
    @Arg('id', () => ID, { description: 'The experiment.' }) id: string,
    @Arg('name', () => String, { description: 'Its new name.' }) name: string,
    @Ctx() { services }: SaddleContext,
  ): Promise<Experiment> {
    return toExperimentObject(await services.experiments.rename(id, name));
  }

  @Authorized('write')
  @Mutation(() => Experiment, {
    description:
      'Launches the experiment’s launchInput again as a new experiment (the same preset, scale, data and overrides, or spec, sweep and seeds), with its tags; validated as launchExperiment is. Runs logged by scripts cannot be re-run (BAD_USER_INPUT).',
  })
  async rerunExperiment(
    @Arg('id', () => ID, { description: 'The experiment to launch again.' }) id: string,
    @Ctx() { services }: SaddleContext,
    @Arg('name', () => String, { nullable: true, description: 'The new experiment’s name; default: the original’s with ` (re-run)`.' }) name?: string | null,
  ): Promise<Experiment> {
    return toExperimentObject(await services.experiments.rerun(id, name));
  }

  @Authorized('write')
  @Mutation(() => Experiment, { description: 'Replaces the experiment’s tags.' })
  async tagExperiment(
    @Arg('id', () => ID, { description: 'The experiment.' }) id: string,
    @Arg('tags', () => [String], { description: 'Its new tags (the old ones are dropped).' }) tags: string[],
    @Ctx() { services }: SaddleContext,
  ): Promise<Experiment> {
    return toExperimentObject(await services.experiments.setTags(id, tags));
  }

  @Authorized('write')
  @Mutation(() => Experiment, { description: 'Replaces the experiment’s notes.' })
  async setNotes(
    @Arg('id', () => ID, { description: 'The experiment.' }) id: string,
    @Arg('notes', () => String, { description: 'Its new notes (free text; empty clears them).' }) notes: string,
    @Ctx() { services }: SaddleContext,
  ): Promise<Experiment> {
    return toExperimentObject(await services.experiments.setNotes(id, notes));
  }

  @Authorized('write')
  @Mutation(() => ID, { description: 'Cancels what still runs and removes everything of the experiment; returns its id.' })
  async deleteExperiment(@Arg('id', () => ID, { description: 'The experiment to delete.' }) id: string, @Ctx() { services }: SaddleContext): Promise<string> {
    return services.experiments.delete(id);
  }

  @Subscription(() => ExperimentEvent, {
    subscribe: ({ args, context }: { args: { experimentId: string }; context: SaddleContext }) => context.services.live.experimentEvents(args.experimentId),
    description:
      'Live events of one experiment: metric batches of its runs, status and progress changes, analysis results. Completes after the event that ends the experiment (at once when it has already ended); an unknown experimentId is a NOT_FOUND error.',
  })
  experimentEvents(@Root() payload: ExperimentEventPayload, @Arg('experimentId', () => ID, { description: 'The experiment to follow.' }) _experimentId: string): ExperimentEvent {
    return payload;
  }
}
