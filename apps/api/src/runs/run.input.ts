import { Field, ID, InputType } from 'type-graphql';
import { JSONObjectScalar } from '../common/scalars.js';

@InputType({ description: 'A run trained outside Saddle (any script, any framework) that logs its metrics here.' })
export class CreateRunInput {
  @Field(() => String, { description: 'The run’s name, unique within its experiment.' })
  name!: string;

  @Field(() => ID, { nullable: true, description: 'Add the run to this experiment; default: a new experiment of its own.' })
  experimentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Name of the new experiment (when experimentId is not given); default: the run’s name.' })
  experimentName?: string | null;

  @Field(() => String, { nullable: true, description: 'Curve family in charts; default: the run’s name.' })
  group?: string | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'Hyperparameters and anything to filter or group by.' })
  config?: Record<string, unknown> | null;

  @Field(() => [String], { nullable: true, description: 'Tags of the new experiment.' })
  tags?: string[] | null;
}
