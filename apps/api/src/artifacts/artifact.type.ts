import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../common/scalars.js';
import type { ArtifactEntry, ArtifactKind } from './artifact.service.js';

export const ArtifactKindEnum = { WEIGHTS: 'weights', SNAPSHOT: 'snapshot', FILE: 'file' } as const;
registerEnumType(ArtifactKindEnum, {
  name: 'ArtifactKind',
  description: 'What a run artifact is.',
  valuesConfig: {
    WEIGHTS: { description: 'The run’s final weights in Saddle’s layout: float32 little-endian θ, then the non-trainable state (thetaLength, stateLength).' },
    SNAPSHOT: { description: 'Weights a worker saved during training (same layout), named `snapshot-<step>`.' },
    FILE: { description: 'Any other file a script uploaded, served back byte for byte.' },
  },
});

@ObjectType({ description: 'A file of a run: its weights, a snapshot, or a file its script uploaded. Download it with `GET <server origin><url>` (with the same token as GraphQL).' })
export class RunArtifact {
  @Field(() => String, { description: '`weights`, `snapshot-<step>` or the uploaded name; the last part of `url`.' })
  name!: string;

  @Field(() => ArtifactKindEnum, { description: 'Weights, a snapshot or another file.' })
  kind!: ArtifactKind;

  @Field(() => Float, { description: 'Size in bytes.' })
  size!: number;

  @Field(() => String, { description: 'The Content-Type it is served with (as uploaded; application/octet-stream for weights).' })
  contentType!: string;

  @Field(() => String, { nullable: true, description: 'sha256 of the bytes, hex, for uploaded files; null for weights.' })
  sha256!: string | null;

  @Field(() => Int, { nullable: true, description: 'For weights and snapshots: the step they were taken at.' })
  step!: number | null;

  @Field(() => Float, { nullable: true, description: 'For weights and snapshots: the epoch they were taken at.' })
  epoch!: number | null;

  @Field(() => Int, { nullable: true, description: 'For weights and snapshots: float32 values of θ (the trainable parameters), first in the file.' })
  thetaLength!: number | null;

  @Field(() => Int, { nullable: true, description: 'For weights and snapshots: float32 values of the non-trainable state that follow θ (0 without batch norm).' })
  stateLength!: number | null;

  @Field(() => DateTimeScalar, { description: 'When it was stored.' })
  createdAt!: Date;

  @Field(() => String, { description: 'Where to download it, relative to the server’s origin: `/artifacts/runs/<runId>/<name>`.' })
  url!: string;
}

export function toRunArtifactObject(entry: ArtifactEntry): RunArtifact {
  return { ...entry, createdAt: new Date(entry.createdAt) };
}
