import { Field, InputType } from 'type-graphql';
import { DataSourceEnum, ExperimentStatusEnum, ScaleEnum } from '../common/enums.js';
import { JSONObjectScalar } from '../common/scalars.js';
import type { ExperimentStatus } from '../store/records.js';
import type { Scale } from '@saddle/engine';

@InputType({ description: 'Launch a catalogue preset (`preset`) or one run from a raw spec (`spec`): exactly one of the two.' })
export class LaunchExperimentInput {
  @Field(() => String, { nullable: true, description: 'A preset id from Query.presets, e.g. `fit-function`.' })
  preset?: string | null;

  @Field(() => ScaleEnum, { nullable: true, description: 'Default QUICK.' })
  scale?: Scale | null;

  @Field(() => DataSourceEnum, { nullable: true, description: 'Images for classification presets; default MNIST.' })
  data?: 'mnist' | 'cifar10' | null;

  @Field(() => JSONObjectScalar, {
    nullable: true,
    description: 'Preset knobs and dotted RunSpec paths applied to every run, e.g. { "epochs": 5, "optimizer.lr": 0.01, "runs": 4 }.',
  })
  overrides?: Record<string, unknown> | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'A RunSpec (missing fields take the engine’s defaults); launches one run, no analyses.' })
  spec?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: 'Default: the preset’s title and scale, or `custom run`.' })
  name?: string | null;

  @Field(() => [String], { nullable: true, description: 'Tags of the experiment (tagExperiment replaces them later).' })
  tags?: string[] | null;
}

@InputType({ description: 'Which experiments to list; every field given must match.' })
export class ExperimentFilter {
  @Field(() => [ExperimentStatusEnum], { nullable: true, description: 'Any of these statuses.' })
  status?: ExperimentStatus[] | null;

  @Field(() => String, { nullable: true, description: 'Launched from this preset id.' })
  preset?: string | null;

  @Field(() => String, { nullable: true, description: 'Has this tag.' })
  tag?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name, preset or notes.' })
  text?: string | null;
}
