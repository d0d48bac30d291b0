import { Field, ID, InputType } from 'type-graphql';
import { JSONObjectScalar } from '../common/scalars.js';

@InputType({ description: 'A run trained outside Saddle (any script, any framework) that logs its metrics here.' })
export class CreateRunInput {
  @Field(() => String, { description: 'The run’s name, unique within its experiment.' })
  name!: string;

  @Field(() => ID, { nullable: true, description: 'Add the run to this experiment; default: a new experiment of its own.' })
  experimentId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Log into the experiment of logged runs with this name in `project`, created by the first call that names it (the same name three times: one experiment with three runs). A run name already taken there gets a suffix (`name-2`). Default (with no experimentId): a new experiment named after the run.',
  })
  experimentName?: string | null;

  @Field(() => String, { nullable: true, description: 'The project the experiment belongs to (a group of experiments; Query.projects lists them); experiments are found by name within it. Default: none.' })
  project?: string | null;

  @Field(() => String, { nullable: true, description: 'Curve family in charts; default: the run’s name.' })
  group?: string | null;

  @Field(() => JSONObjectScalar, {
    nullable: true,
    description:
      'Hyperparameters and anything to filter or group by: any JSON object, nested lists and objects and null included (at most 256 KiB). Stored as given (Run.rawConfig) and flattened to dotted paths (Run.config: `optimizer.lr`, `layers.0.units`).',
  })
  config?: Record<string, unknown> | null;

  @Field(() => [String], { nullable: true, description: 'Tags of the new experiment (added to those of an experiment found by experimentName).' })
  tags?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'A UUID the client generates for the run: createRun sent again with it (a retry whose answer was lost, a spooled call replayed) returns the run the first call made instead of a second run. The clients send one. Default: the server picks the id.',
  })
  id?: string | null;
}
