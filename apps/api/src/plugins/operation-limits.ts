/**
 * Depth and cost limits on GraphQL operations, as Apollo plugin factories (HTTP) and as plain
 * checks (the WebSocket path calls them in graphql-ws's onSubscribe). Introspection fields are
 * not counted: GraphiQL's and codegen's introspection query is deep by nature and cheap.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type GraphQLNamedType,
  type GraphQLSchema,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { LimitExceededError } from '../errors.js';

export interface DepthLimitOptions {
  /** Deepest field nesting allowed, counting the root field as 1. Default 12 (the deepest useful query nests 6). */
  maxDepth?: number;
}

export interface CostLimitOptions {
  /**
   * Highest estimated cost allowed (see `operationCost`). Default 20,000: the dashboard's
   * heaviest page costs about 2,000.
   */
  maxCost?: number;
  /** Multiplier for a `first` argument given as an unset variable. Default 20 (the default page size). */
  defaultFirst?: number;
  /** Items assumed for a list field without `first`. Default 10. */
  listSize?: number;
}

export const DEFAULT_MAX_DEPTH = 12;
export const DEFAULT_MAX_COST = 20_000;

type Fragments = Map<string, FragmentDefinitionNode>;

function fragmentsOf(document: DocumentNode): Fragments {
  const fragments: Fragments = new Map();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

function operationsOf(document: DocumentNode, operationName?: string | null): OperationDefinitionNode[] {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operationName ? operations.filter((o) => o.name?.value === operationName) : operations;
}

/** Fields of a selection set with fragments spread in (a fragment is followed once per path). */
function fieldsOf(selectionSet: SelectionSetNode, fragments: Fragments, seen: Set<string> = new Set()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...fieldsOf(selection.selectionSet, fragments, seen));
    else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (fragment && !seen.has(name)) fields.push(...fieldsOf(fragment.selectionSet, fragments, new Set([...seen, name])));
    }
  }
  return fields;
}

export function operationDepth(document: DocumentNode, operationName?: string | null): number {
  const fragments = fragmentsOf(document);
  const depth = (set: SelectionSetNode): number =>
    Math.max(
      0,
      ...fieldsOf(set, fragments)
        .filter((f) => !f.name.value.startsWith('__'))
        .map((f) => 1 + (f.selectionSet ? depth(f.selectionSet) : 0)),
    );
  return Math.max(0, ...operationsOf(document, operationName).map((o) => depth(o.selectionSet)));
}

function numberArgument(value: ValueNode | undefined, variables: Record<string, unknown>): number | undefined {
  if (!value) return undefined;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : undefined;
  }
  return undefined;
}

/**
 * Estimated cost: each object field costs 1 (scalars 0), and what a list field selects is paid once per item — its
 * `first` argument when given, else `listSize` (default 10). With the schema the walk knows which
 * fields are lists; without it only `first` arguments multiply.
 */
export function operationCost(
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string | null,
  options: { schema?: GraphQLSchema; listSize?: number; defaultFirst?: number } = {},
): number {
  const fragments = fragmentsOf(document);
  const listSize = options.listSize ?? 10;
  const cost = (set: SelectionSetNode, parent: GraphQLNamedType | undefined): number =>
    fieldsOf(set, fragments)
      .filter((f) => !f.name.value.startsWith('__'))
      .reduce((total, field) => {
        const definition = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[field.name.value] : undefined;
        const isList = definition ? isListType(getNullableType(definition.type)) : false;
        const first = field.arguments?.find((a) => a.name.value === 'first');
        const multiplier = first ? (numberArgument(first.value, variables) ?? options.defaultFirst ?? 20) : isList ? listSize : 1;
        const child = definition ? getNamedType(definition.type) : undefined;
        // Scalars ride along with their object for free; objects cost 1 each.
        return total + (field.selectionSet ? 1 + multiplier * cost(field.selectionSet, child) : 0);
      }, 0);
  return operationsOf(document, operationName).reduce((total, operation) => {
    const root = options.schema?.getRootType(operation.operation) ?? undefined;
    return total + cost(operation.selectionSet, root);
  }, 0);
}

export function checkOperationLimits(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | null | undefined,
  options: { depth?: DepthLimitOptions; cost?: CostLimitOptions; schema?: GraphQLSchema } = {},
): void {
  const maxDepth = options.depth?.maxDepth ?? DEFAULT_MAX_DEPTH;
  const depth = operationDepth(document, operationName);
  if (depth > maxDepth) throw new LimitExceededError('query depth', maxDepth, depth);
  const maxCost = options.cost?.maxCost ?? DEFAULT_MAX_COST;
  const cost = operationCost(document, variables ?? {}, operationName, { ...options.cost, ...(options.schema && { schema: options.schema }) });
  if (cost > maxCost) throw new LimitExceededError('query cost', maxCost, cost);
}

export function createDepthLimitPlugin<C extends object>(options: DepthLimitOptions = {}): ApolloServerPlugin<C> {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName }) {
          const depth = operationDepth(document, operationName);
          if (depth > maxDepth) throw new LimitExceededError('query depth', maxDepth, depth);
        },
      };
    },
  };
}

export function createCostLimitPlugin<C extends object>(options: CostLimitOptions = {}): ApolloServerPlugin<C> {
  const maxCost = options.maxCost ?? DEFAULT_MAX_COST;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName, request, schema }) {
          const cost = operationCost(document, request.variables ?? {}, operationName, { ...options, schema });
          if (cost > maxCost) throw new LimitExceededError('query cost', maxCost, cost);
        },
      };
    },
  };
}
