import { Field, InputType, Int } from 'type-graphql';
import { DataSourceEnum, ExperimentStatusEnum, ScaleEnum } from '../common/enums.js';
import { JSONObjectScalar } from '../common/scalars.js';
import type { ExperimentStatus } from '../store/records.js';
import type { Scale } from '@saddle/engine';
import { SweepInput } from './sweep.input.js';

@InputType({ description: 'Launch a catalogue preset (`preset`) or runs from a raw spec (`spec`, with `overrides`, a `sweep` and `seeds`): exactly one of preset and spec.' })
export class LaunchExperimentInput {
  @Field(() => String, { nullable: true, description: 'A preset id from Query.presets, e.g. `fit-function`.' })
  preset?: string | null;

  @Field(() => ScaleEnum, { nullable: true, description: 'Default QUICK.' })
  scale?: Scale | null;

  @Field(() => DataSourceEnum, { nullable: true, description: 'Images for classification presets; default MNIST.' })
  data?: 'mnist' | 'cifar10' | null;

  @Field(() => String, {
    nullable: true,
    description:
      'A registered dataset (Query.datasets) for the classification presets instead of `data`: its examples and classes replace the images, the models end in one logit per class. Refused when no dataset has the name, when it is a regression set, or when its shape does not fit the preset’s models (the CNNs need images). With a spec, give it in spec.data instead.',
  })
  dataset?: string | null;

  @Field(() => JSONObjectScalar, {
    nullable: true,
    description: 'Preset knobs and dotted RunSpec paths applied to every run, e.g. { "epochs": 5, "optimizer.lr": 0.01, "runs": 4 }; with a spec, dotted paths applied to it (before the sweep).',
  })
  overrides?: Record<string, unknown> | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'A RunSpec (missing fields take the engine’s defaults): one run, or one per seed and sweep point; a sweep’s figures are its analyses.' })
  spec?: Record<string, unknown> | null;

  @Field(() => SweepInput, { nullable: true, description: 'With `spec`: sweep any of its paths (GRID or RANDOM); the figures draw each final metric against each swept parameter, mean ± std over seeds.' })
  sweep?: SweepInput | null;

  @Field(() => Int, { nullable: true, description: 'With `spec`: trainings of it (or of every sweep point), seeds seed … seed+seeds−1. Default 1.' })
  seeds?: number | null;

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

  @Field(() => String, { nullable: true, description: 'In this project (see Query.projects).' })
  project?: string | null;

  @Field(() => String, { nullable: true, description: 'Has this tag.' })
  tag?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name, preset or notes.' })
  text?: string | null;
}
