import { Field, InputType } from 'type-graphql';
import type { Scale } from '@saddle/engine';
import { DataSourceEnum, ScaleEnum } from '../common/enums.js';

@InputType({ description: 'Launch a whole catalogue at one scale: one experiment per report section, grouped as a suite.' })
export class LaunchSuiteInput {
  @Field(() => String, { nullable: true, description: 'Which suite; default and only one so far: `hw1` (the ten HW1 presets).' })
  suite?: string | null;

  @Field(() => ScaleEnum, { nullable: true, description: 'Default QUICK.' })
  scale?: Scale | null;

  @Field(() => DataSourceEnum, { nullable: true, description: 'Images for the classification presets; default MNIST.' })
  data?: 'mnist' | 'cifar10' | null;

  @Field(() => [String], { nullable: true, description: 'Tags given to the suite and to each of its experiments.' })
  tags?: string[] | null;
}
