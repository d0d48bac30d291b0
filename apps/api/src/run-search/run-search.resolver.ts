import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { SaddleContext } from '../context.js';
import { toRunObject } from '../runs/run.type.js';
import { RunFilter, RunOrder } from './run-search.input.js';
import { RunConnection } from './run-search.type.js';

@Resolver(() => RunConnection)
export class RunSearchResolver {
  @Query(() => RunConnection, {
    description:
      'Runs across every experiment, filtered by config paths, final metrics, status, tags, preset, experiment, origin, project, text and creation time, in any order (default newest first), a page at a time.',
  })
  async runs(
    @Ctx() { services }: SaddleContext,
    @Arg('filter', () => RunFilter, { nullable: true, description: 'Which runs; every field given must match.' }) filter?: RunFilter | null,
    @Arg('orderBy', () => [RunOrder], { nullable: true, description: 'Sort keys, first to last; default [{ field: "createdAt", direction: DESC }].' }) orderBy?: RunOrder[] | null,
    @Arg('first', () => Int, { nullable: true, description: 'Runs per page (default 50, at most 1000).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The previous page’s endCursor.' }) after?: string | null,
  ): Promise<RunConnection> {
    const page = await services.runSearch.search({ filter: filter ?? null, orderBy: orderBy ?? null, first: first ?? null, after: after ?? null });
    const edges = page.runs.map(({ record, cursor }) => ({ cursor, node: toRunObject(record) }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, search: page.search };
  }

  @FieldResolver(() => Int, { description: 'Runs matching the filter, over all pages (counted only when asked for).' })
  totalCount(@Root() connection: RunConnection, @Ctx() { services }: SaddleContext): Promise<number> {
    return services.runSearch.count(connection.search);
  }
}
