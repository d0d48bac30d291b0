import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../common/connection.js';
import { Run } from '../runs/run.type.js';
import type { RunSearch } from '../store/run-values.js';

@ObjectType({ description: 'A run of a Query.runs page with its cursor.' })
export class RunEdge {
  @Field(() => String, { description: 'Pass as `after` to continue after this run.' })
  cursor!: string;

  @Field(() => Run, { description: 'The run.' })
  node!: Run;
}

@ObjectType({ description: 'A page of runs across experiments, in the order asked for.' })
export class RunConnection {
  @Field(() => [RunEdge], { description: 'The runs of this page.' })
  edges!: RunEdge[];

  @Field(() => PageInfo, { description: 'Whether another page follows, and its cursor.' })
  pageInfo!: PageInfo;

  /** The search, for totalCount (counted only when asked for). */
  search!: RunSearch;
}
