import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { JSONObjectScalar } from '../common/scalars.js';

export const SweepMethodEnum = { GRID: 'GRID', RANDOM: 'RANDOM' } as const;
registerEnumType(SweepMethodEnum, {
  name: 'SweepMethod',
  description: 'How a sweep picks its points.',
  valuesConfig: {
    GRID: { description: 'Every combination of every parameter’s values (a range gives `count` evenly spaced points, in log10 when `log`).' },
    RANDOM: { description: '`samples` points drawn from the parameters (a list uniformly, a range uniformly or log-uniformly), the same every launch for the same `seed`.' },
  },
});

@InputType({ description: 'A sweep of a spec launch: one run per point (and per seed), keyed by its swept values, e.g. `optimizer.lr=0.001/seed1`.' })
export class SweepInput {
  @Field(() => SweepMethodEnum, { description: 'GRID or RANDOM.' })
  method!: keyof typeof SweepMethodEnum;

  @Field(() => JSONObjectScalar, {
    description:
      'Spec path (as overrides take it: `optimizer.lr`, `batchSize`, `model`, `optimizer.kind`, `data.expression`, …) → `{ "values": [...] }` or a range `{ "min", "max", "log", "count", "integer" }`, e.g. { "optimizer.lr": { "min": 1e-4, "max": 1e-1, "log": true, "count": 4 } }.',
  })
  parameters!: Record<string, unknown>;

  @Field(() => Int, { nullable: true, description: 'Trainings of every point, seeds seed … seed+seeds−1 of the spec. Default 1 (or the launch’s `seeds`).' })
  seeds?: number | null;

  @Field(() => Int, { nullable: true, description: 'RANDOM: the points drawn. Default 8.' })
  samples?: number | null;

  @Field(() => Int, { nullable: true, description: 'RANDOM: seeds the draws. Default 0.' })
  seed?: number | null;
}
