import { Field, Int, ObjectType } from 'type-graphql';
import { JSONObjectScalar } from '../common/scalars.js';

@ObjectType({ description: 'What computes: the tfjs backend the engine picked, versions, and how this deployment is put together.' })
export class EngineInfo {
  @Field(() => String, { description: '`tensorflow-gpu`, `tensorflow`, `wasm` or `cpu`.' })
  backend!: string;

  @Field(() => JSONObjectScalar, { description: 'Everything the engine reports about its backend (versions, SIMD, threads, why it chose it).' })
  details!: Record<string, unknown>;

  @Field(() => String, { description: 'The Node.js version the API runs on (`process.version`).' })
  nodeVersion!: string;

  @Field(() => String, { description: 'The version of @saddle/api (its package.json).' })
  apiVersion!: string;

  @Field(() => String, { description: '`sqlite` or `postgres`.' })
  store!: string;

  @Field(() => String, { description: '`local` (worker processes of this API) or `bullmq`.' })
  queue!: string;

  @Field(() => String, { description: '`memory` or `redis`.' })
  pubsub!: string;

  @Field(() => Int, { nullable: true, description: 'Local worker processes at most; null with BullMQ (workers are separate processes).' })
  workers!: number | null;
}
