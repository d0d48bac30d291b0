import type { DatasetMeta } from '@saddle/engine';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Examples of one class of a registered classification dataset.' })
export class DatasetClass {
  @Field({ description: 'The class name: a CSV label, an image folder’s name, or the integer label of a NumPy array.' })
  name!: string;

  @Field(() => Int, { description: 'Examples of this class (the class id is its position in Dataset.classes).' })
  count!: number;
}

@ObjectType({ description: 'A dataset registered by name (`saddle data add`, `POST /datasets/:name`), usable in any spec as `data: {kind: "dataset", name}`.' })
export class Dataset {
  @Field({ description: 'The name specs use.' })
  name!: string;

  @Field({ description: 'The loader that read it: csv, npy, npz or images.' })
  format!: string;

  @Field({ description: 'The file or folder name it was registered from.' })
  source!: string;

  @Field(() => Int, { description: 'Examples, before the train/test split (data.testFraction, default 0.2).' })
  examples!: number;

  @Field(() => [Int], { description: 'Shape of one example: [features] for tables, [height, width, channels] for images.' })
  inputShape!: number[];

  @Field(() => Int, { description: 'Number of classes; 0 for a regression target.' })
  numClasses!: number;

  @Field(() => [DatasetClass], { description: 'Each class with its example count, in class-id order; empty for regression.' })
  classes!: DatasetClass[];

  @Field(() => [String], { nullable: true, description: 'Feature column names of a CSV with a header; null otherwise.' })
  featureNames!: string[] | null;

  @Field(() => Int, { description: 'Bytes stored for it (inputs as float32 and labels).' })
  bytes!: number;

  @Field({ description: 'When it was registered (ISO 8601).' })
  createdAt!: string;
}

export function toDatasetObject(meta: DatasetMeta): Dataset {
  return {
    name: meta.name,
    format: meta.format,
    source: meta.source,
    examples: meta.n,
    inputShape: meta.inputShape,
    numClasses: meta.numClasses,
    classes: meta.classNames.map((name, i) => ({ name, count: meta.classCounts[i] ?? 0 })),
    featureNames: meta.featureNames ?? null,
    bytes: meta.bytes,
    createdAt: meta.createdAt,
  };
}
