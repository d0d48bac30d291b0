import { Field, Int, ObjectType } from 'type-graphql';
import { JSONObjectScalar } from '../common/scalars.js';

@ObjectType({ description: 'A model of the engine’s zoo, usable by name in a run spec (`{ "model": "mlp-deep" }`) and in `overrides`/sweeps (`model`).' })
export class ZooModel {
  @Field(() => String, { description: 'Its name, e.g. `mlp-deep`, `cnn-shallow`.' })
  id!: string;

  @Field(() => String, { description: 'What it is, in words.' })
  description!: string;

  @Field(() => String, { description: '`function` for the 1→1 MLPs (regression on a target function), `image` for the CNNs (10-class images: MNIST, CIFAR-10).' })
  data!: 'function' | 'image';

  @Field(() => Int, { description: 'Parameters, on its data’s input (one number for the MLPs, 28×28×1 MNIST for the CNNs).' })
  parameters!: number;

  @Field(() => JSONObjectScalar, { description: 'The model spec { name, layers }.' })
  spec!: Record<string, unknown>;
}
