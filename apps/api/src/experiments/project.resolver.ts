import { Ctx, Query, Resolver } from 'type-graphql';
import type { SaddleContext } from '../context.js';
import { Project } from './project.type.js';

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => [Project], { description: 'Every project that has experiments, the most recently used first.' })
  async projects(@Ctx() { services }: SaddleContext): Promise<Project[]> {
    const projects = await services.experiments.projects();
    return projects.map((p) => ({ name: p.name, experimentCount: p.experiments, lastCreatedAt: new Date(p.lastCreatedAt) }));
  }
}
