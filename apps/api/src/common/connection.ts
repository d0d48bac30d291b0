/** Relay-style connection pieces and the opaque cursors used by every paginated list. */
import { Field, ObjectType } from 'type-graphql';
import { BadInputError } from '../errors.js';

@ObjectType({ description: 'Where a page of a connection sits in the whole list.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}

export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor of the given shape, or fails naming the argument it came in. */
export function decodeCursor(cursor: string, shape: readonly ('string' | 'number')[], argument: string): (string | number)[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === shape.length && values.every((v, i) => typeof v === shape[i])) {
      return values as (string | number)[];
    }
  } catch {
    // fall through to the error below
  }
  throw new BadInputError(`${argument} is not a cursor this API issued`, [argument], 'an endCursor from a previous page');
}
