import { Ctx, Query, Resolver } from 'type-graphql';
import type { SaddleContext } from '../context.js';
import { Viewer } from './viewer.type.js';

@Resolver()
export class ViewerResolver {
  @Query(() => Viewer, { description: 'What the caller’s token allows (the dashboard shows read-only views for a READ token).' })
  viewer(@Ctx() { auth }: SaddleContext): Viewer {
    // The same rule as authChecker: without required auth every caller may write.
    return { authRequired: auth.required, scope: auth.scope, canWrite: !auth.required || auth.scope === 'write' };
  }
}
