import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars.js';

@ObjectType({ description: 'A project: a named group of experiments (createRun’s `project`). Filter experiments by it with `experiments(filter: { project })`.' })
export class Project {
  @Field(() => String, { description: 'The project’s name, as scripts give it.' })
  name!: string;

  @Field(() => Int, { description: 'Experiments in the project.' })
  experimentCount!: number;

  @Field(() => DateTimeScalar, { description: 'When its newest experiment was created.' })
  lastCreatedAt!: Date;
}
