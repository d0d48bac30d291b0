import { Field, ObjectType, registerEnumType } from 'type-graphql';

export const TokenScopeEnum = { READ: 'read', WRITE: 'write' } as const;
registerEnumType(TokenScopeEnum, {
  name: 'TokenScope',
  description: 'READ: queries and subscriptions; WRITE: also mutations (`saddle token create --scope read|write`).',
  valuesConfig: {
    READ: { description: 'May query and subscribe.' },
    WRITE: { description: 'May also mutate: launch, cancel, create and log runs.' },
  },
});

@ObjectType({ description: 'Who is asking: what the presented token allows, so a client can hide what it may not do.' })
export class Viewer {
  @Field(() => Boolean, { description: 'Whether this server requires a token (off loopback or SADDLE_AUTH=required).' })
  authRequired!: boolean;

  @Field(() => TokenScopeEnum, { nullable: true, description: 'The presented token’s scope; null when none was presented.' })
  scope!: 'read' | 'write' | null;

  @Field(() => Boolean, { description: 'Whether mutations are allowed: no token needed, or a WRITE token.' })
  canWrite!: boolean;
}
