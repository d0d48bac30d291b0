import { Ctx, Query, Resolver } from 'type-graphql';
import type { SaddleContext } from '../context.js';
import { EngineInfo } from './engine-info.type.js';

@Resolver()
export class EngineInfoResolver {
  @Query(() => EngineInfo, { description: 'The compute backend in use and versions.' })
  engine(@Ctx() { services }: SaddleContext): Promise<EngineInfo> {
    return services.engineInfo.info();
  }
}
