import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars.js';
import type { SuiteRecord } from '../store/records.js';

@ObjectType({ description: 'One launch of a whole catalogue (`saddle run hw1`): its experiments in report order, with overall progress and ETA.' })
export class Suite {
  @Field(() => ID, { description: 'Also the id of its report (Query.report).' })
  id!: string;

  @Field(() => String, { description: 'e.g. `HW1 suite (quick)`.' })
  name!: string;

  @Field(() => String, { description: 'Which suite: `hw1`.' })
  suite!: string;

  @Field(() => String, { description: '`quick`, `standard` or `full`.' })
  scale!: string;

  @Field(() => [String], { description: 'The tags given at launch.' })
  tags!: string[];

  @Field(() => DateTimeScalar, { description: 'When it was launched.' })
  createdAt!: Date;
}

export function toSuiteObject(record: SuiteRecord): Suite {
  return { id: record.id, name: record.name, suite: record.suite, scale: record.scale, tags: record.tags, createdAt: new Date(record.createdAt) };
}
