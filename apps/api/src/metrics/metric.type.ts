import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { NonFiniteName } from '../store/metric-values.js';

@ObjectType({ description: 'One point of a series.' })
export class MetricPoint {
  @Field(() => Int, { description: 'Optimiser step (or whatever step the logging script counts).' })
  step!: number;

  @Field(() => Float, { nullable: true, description: 'null when the value was not finite: then `nonFinite` says which.' })
  value!: number | null;

  @Field(() => String, {
    nullable: true,
    description: '"NaN", "Infinity" or "-Infinity" when the value was not finite (`value` is then null): the spellings logMetrics takes. null for a finite value.',
  })
  nonFinite!: NonFiniteName | null;

  @Field(() => Float, { description: 'Milliseconds since the Unix epoch.' })
  wallTime!: number;

  @Field(() => Float, { nullable: true, description: 'Epoch the step belongs to, when known (fractional inside an epoch).' })
  epoch!: number | null;
}

@ObjectType({ description: 'A point together with the series it belongs to, as streamed by subscriptions.' })
export class KeyedMetricPoint extends MetricPoint {
  @Field(() => String, { description: 'The series this point belongs to, e.g. `train/loss`.' })
  key!: string;
}

@ObjectType({
  description:
    'A metric series, downsampled with min/max per bucket so spikes survive. The extremes are of finite values; a bucket with none keeps its first point (non-finite): read `Run.divergedAtStep` for where a run first went non-finite, `metricPage` for every point.',
})
export class MetricSeries {
  @Field(() => String, { description: 'The series name, e.g. `train/loss`.' })
  key!: string;

  @Field(() => [MetricPoint], { description: 'In step order; at most about `maxPoints` of them.' })
  points!: MetricPoint[];

  @Field(() => Int, { description: 'Points stored for this series (before downsampling).' })
  totalPoints!: number;

  @Field(() => Boolean, { description: 'True when `points` is a min/max-per-bucket sample of the series.' })
  sampled!: boolean;
}

@ObjectType({ description: 'A page of one series, unsampled, in step order.' })
export class MetricPage {
  @Field(() => String, { description: 'The series name.' })
  key!: string;

  @Field(() => [MetricPoint], { description: 'Every stored point after `afterStep`, up to `first` of them, in step order.' })
  points!: MetricPoint[];

  @Field(() => Boolean, { description: 'Whether points follow this page.' })
  hasMore!: boolean;

  @Field(() => Int, { nullable: true, description: 'Pass as `afterStep` for the next page; null when the page is empty.' })
  lastStep!: number | null;
}

@ObjectType({ description: 'What logMetrics wrote.' })
export class LogMetricsResult {
  @Field(() => String, { description: 'The run the points were written to.' })
  runId!: string;

  @Field(() => Int, { description: 'Distinct (key, step) points written: one sent twice in a batch counts once and the later wins; a resent point replaces itself, so the same batch twice changes nothing.' })
  accepted!: number;
}
