import { Field, Float, InputType, Int } from 'type-graphql';
import { MetricValueScalar, MetricValuesScalar, NumberListScalar } from './metric-value.scalar.js';

const WALL_TIME = 'Milliseconds since the Unix epoch (`time.time() * 1000`, `Date.now()`); a value under 1e11 is taken for seconds and refused. Default: when the server receives it.';

@InputType({ description: 'One point logged by a script. (runId, key, step) identifies it: sending it again replaces it.' })
export class MetricPointInput {
  @Field(() => String, { description: 'Series name, e.g. `train/loss`. Letters, digits and _ . / : - ; at most 200 characters.' })
  key!: string;

  @Field(() => Int, { description: '≥ 0.' })
  step!: number;

  @Field(() => MetricValueScalar, {
    nullable: true,
    description: 'A finite number, or "NaN", "Infinity" or "-Infinity" for a non-finite value (stored as such, marks the run diverged: `Run.divergedAtStep`). null is read as "NaN" (older scripts sent null for any non-finite value).',
  })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: WALL_TIME })
  wallTime?: number | null;

  @Field(() => Float, { nullable: true, description: 'The epoch the step belongs to, when the script counts epochs (fractional inside an epoch).' })
  epoch?: number | null;
}

@InputType({
  description:
    'Points of one series as columns: the i-th point is (steps[i], values[i], wallTimes[i], epochs[i]). The same points as the point list, far cheaper to send and to parse (one `values` scalar per series instead of an object per point).',
})
export class MetricSeriesInput {
  @Field(() => String, { description: 'Series name, e.g. `train/loss`. Letters, digits and _ . / : - ; at most 200 characters.' })
  key!: string;

  @Field(() => [Int], { description: 'The points’ steps, each ≥ 0, in any order (a step listed twice: the later wins).' })
  steps!: number[];

  @Field(() => MetricValuesScalar, { description: 'One value per step, as one JSON array: finite numbers, or "NaN", "Infinity", "-Infinity" (e.g. `[0.69, 0.52, "NaN"]`).' })
  values!: number[];

  @Field(() => NumberListScalar, { nullable: true, description: `One wall time per step (a JSON array; null entries are the server's time), or omitted for all. ${WALL_TIME}` })
  wallTimes?: (number | null)[] | null;

  @Field(() => NumberListScalar, { nullable: true, description: 'One epoch per step as a JSON array (null where unknown), or omitted.' })
  epochs?: (number | null)[] | null;
}
