import { Field, Float, InputType, Int } from 'type-graphql';

@InputType({ description: 'One point logged by a script. (runId, key, step) identifies it: sending it again replaces it.' })
export class MetricPointInput {
  @Field(() => String, { description: 'Series name, e.g. `train/loss`. Letters, digits and _ . / : - ; at most 200 characters.' })
  key!: string;

  @Field(() => Int, { description: '≥ 0.' })
  step!: number;

  @Field(() => Float, { nullable: true, description: 'null for a non-finite value.' })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: 'Milliseconds since the Unix epoch; default: when the server receives it.' })
  wallTime?: number | null;

  @Field(() => Float, { nullable: true, description: 'The epoch the step belongs to, when the script counts epochs (fractional inside an epoch).' })
  epoch?: number | null;
}
