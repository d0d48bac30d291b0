import { describe, expect, it } from 'vitest';
import { isEnumType, isInputObjectType, isInterfaceType, isIntrospectionType, isObjectType, isScalarType, isSpecifiedScalarType, isUnionType, type GraphQLSchema } from 'graphql';
import { buildSaddleSchema } from './schema.js';

/**
 * Every name of the schema a client sees, with no description: types, fields, arguments, input
 * fields and enum values. Built-in scalars and introspection types are graphql-js's own.
 */
export function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const need = (description: string | null | undefined, where: string): void => {
    if (!description || description.trim() === '') missing.push(where);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    // The root types are described by their fields; GraphQL tools print them without a description.
    const isRoot = type === schema.getQueryType() || type === schema.getMutationType() || type === schema.getSubscriptionType();
    if (!isRoot) need(type.description, type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        need(field.description, `${type.name}.${field.name}`);
        for (const arg of field.args) need(arg.description, `${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) need(field.description, `${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) need(value.description, `${type.name}.${value.name}`);
    } else if (isUnionType(type) || isScalarType(type)) {
      // The type's own description is all there is to describe.
    }
  }
  return missing.sort();
}

describe('the schema’s descriptions', () => {
  it('describe every type, field, argument, input field and enum value', async () => {
    expect(undescribed(await buildSaddleSchema())).toEqual([]);
  });

  it('the walker finds an undescribed argument and enum value (so the test above can fail)', async () => {
    const { buildSchema } = await import('graphql');
    const schema = buildSchema(`
      "q" type Query { "f" f(a: Int): E }
      "e" enum E { "x" X Y }
    `);
    expect(undescribed(schema)).toEqual(['E.Y', 'Query.f(a)']);
  });
});
