/** Query.runs's arguments: conditions on config paths and final metrics, run and experiment fields, and the order. */
import { Field, InputType, registerEnumType } from 'type-graphql';
import type { RunStatus } from '@saddle/engine';
import { RunStatusEnum } from '../common/enums.js';
import { DateTimeScalar, JSONScalar } from '../common/scalars.js';
import type { ComparisonOp } from '../store/run-values.js';

export const ComparisonOpEnum = { EQ: 'EQ', NE: 'NE', LT: 'LT', LTE: 'LTE', GT: 'GT', GTE: 'GTE', IN: 'IN', CONTAINS: 'CONTAINS', EXISTS: 'EXISTS' } as const satisfies Record<ComparisonOp, ComparisonOp>;
registerEnumType(ComparisonOpEnum, {
  name: 'ComparisonOp',
  description: 'How a condition compares a run’s value with `value`. Numbers (and booleans, as 0/1) compare as numbers, strings as text; a run without the path never matches (not even NE).',
  valuesConfig: {
    EQ: { description: 'Equal (`null` matches a null value).' },
    NE: { description: 'Present and not equal.' },
    LT: { description: 'Less than.' },
    LTE: { description: 'Less than or equal.' },
    GT: { description: 'Greater than.' },
    GTE: { description: 'Greater than or equal.' },
    IN: { description: 'Equal to one of `value`, a list.' },
    CONTAINS: { description: 'A string value containing `value`, case-insensitive.' },
    EXISTS: { description: 'The run has this path at all (`value` is ignored).' },
  },
});

export const SortDirectionEnum = { ASC: 'ASC', DESC: 'DESC' } as const;
registerEnumType(SortDirectionEnum, {
  name: 'SortDirection',
  description: 'Ascending or descending; runs without the value come last either way.',
  valuesConfig: { ASC: { description: 'Smallest (or earliest, or A) first.' }, DESC: { description: 'Largest (or latest, or Z) first.' } },
});

export const ExperimentOriginEnum = { PRESET: 'preset', SPEC: 'spec', EXTERNAL: 'external' } as const;
registerEnumType(ExperimentOriginEnum, {
  name: 'ExperimentOrigin',
  description: 'How an experiment’s runs came to be.',
  valuesConfig: {
    PRESET: { description: 'Launched from a catalogue preset.' },
    SPEC: { description: 'Launched from a raw RunSpec (with a sweep or seeds).' },
    EXTERNAL: { description: 'Logged by scripts (createRun).' },
  },
});

@InputType({ description: 'A condition on one dotted config path, e.g. { path: "optimizer.lr", op: GT, value: 0.001 }.' })
export class ConfigCondition {
  @Field(() => String, { description: 'A dotted config path as Run.config shows it: `optimizer.lr`, `batchSize`, `model.name`.' })
  path!: string;

  @Field(() => ComparisonOpEnum, { description: 'How to compare.' })
  op!: ComparisonOp;

  @Field(() => JSONScalar, { nullable: true, description: 'A number, string, boolean or null; a list for IN.' })
  value?: unknown;
}

@InputType({ description: 'A condition on one final metric, e.g. { key: "test/loss", op: LT, value: 0.1 }.' })
export class FinalCondition {
  @Field(() => String, { description: 'A key of Run.final, e.g. `test/loss`.' })
  key!: string;

  @Field(() => ComparisonOpEnum, { description: 'How to compare.' })
  op!: ComparisonOp;

  @Field(() => JSONScalar, { nullable: true, description: 'A number (or a list of them for IN); non-finite finals match only EXISTS and string comparisons with their spelling ("NaN").' })
  value?: unknown;
}

@InputType({ description: 'Which runs to list, across every experiment; every field given must match.' })
export class RunFilter {
  @Field(() => [ConfigCondition], { nullable: true, description: 'Conditions on config paths; all must hold.' })
  config?: ConfigCondition[] | null;

  @Field(() => [FinalCondition], { nullable: true, description: 'Conditions on final metrics; all must hold.' })
  final?: FinalCondition[] | null;

  @Field(() => [RunStatusEnum], { nullable: true, description: 'Any of these statuses.' })
  status?: RunStatus[] | null;

  @Field(() => [String], { nullable: true, description: 'The run’s experiment has every one of these tags.' })
  tags?: string[] | null;

  @Field(() => String, { nullable: true, description: 'The run’s experiment was launched from this preset id.' })
  preset?: string | null;

  @Field(() => String, { nullable: true, description: 'The run belongs to this experiment (its id).' })
  experiment?: string | null;

  @Field(() => ExperimentOriginEnum, { nullable: true, description: 'How the run’s experiment came to be.' })
  origin?: string | null;

  @Field(() => String, { nullable: true, description: 'The run’s experiment is in this project.' })
  project?: string | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the run’s key or its experiment’s name.' })
  text?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Created after this instant.' })
  createdAfter?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Created before this instant.' })
  createdBefore?: Date | null;
}

@InputType({ description: 'One sort key of Query.runs.' })
export class RunOrder {
  @Field(() => String, {
    description: '`createdAt`, `finishedAt`, `key`, `status`, `experiment` (its name), `config.<path>` (e.g. `config.optimizer.lr`) or `final.<key>` (e.g. `final.test/loss`).',
  })
  field!: string;

  @Field(() => SortDirectionEnum, { nullable: true, description: 'Default ASC.' })
  direction?: 'ASC' | 'DESC' | null;
}
