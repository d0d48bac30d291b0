import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { SaddleContext } from '../context.js';
import { Dataset, toDatasetObject } from './dataset.type.js';

@Resolver(() => Dataset)
export class DatasetResolver {
  @Query(() => [Dataset], { description: 'Every registered dataset, by name, with its shape and class counts. Register one with `saddle data add NAME FILE` or `POST /datasets/:name`.' })
  datasets(@Ctx() { services }: SaddleContext): Dataset[] {
    return services.datasets.list().map(toDatasetObject);
  }

  @Query(() => Dataset, { nullable: true, description: 'One registered dataset; null when no dataset has that name.' })
  dataset(@Arg('name', { description: 'The dataset’s registered name.' }) name: string, @Ctx() { services }: SaddleContext): Dataset | null {
    const meta = services.datasets.get(name);
    return meta ? toDatasetObject(meta) : null;
  }

  @Authorized('write')
  @Mutation(() => Dataset, { description: 'Removes a registered dataset and its files; runs that trained on it keep their results. Returns what was removed.' })
  removeDataset(@Arg('name', { description: 'The dataset’s registered name.' }) name: string, @Ctx() { services }: SaddleContext): Dataset {
    return toDatasetObject(services.datasets.remove(name));
  }
}
