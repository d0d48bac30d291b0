/**
 * Depth and cost limits on GraphQL operations, as Apollo plugin factories (HTTP) and as plain
 * checks (the WebSocket path calls them in graphql-ws's onSubscribe). Introspection fields are
 * not counted: GraphiQL's and codegen's introspection query is deep by nature and cheap.
 * Over HTTP a refused operation is answered 400 (the client's request, not the server, is at fault).
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
  valueFromAST,
  type GraphQLField,
} from 'graphql';
import { LIMITS } from '../common/limits.js';
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
  /**
   * Fields whose price depends on their arguments, by `Type.field`. Default `DEFAULT_FIELD_COSTS`
   * (`Run.metrics`); given rules are added to the defaults, a rule for the same field replaces it.
   */
  fieldCosts?: Record<string, FieldCostRule>;
}

/**
 * The price of one field from its (coerced) arguments: `items` replaces the list multiplier
 * (`first` / `listSize`), and each item costs `perItem` on top of what it selects — the work the
 * selection cannot show, such as rows a resolver reads.
 */
export type FieldCostRule = (args: Record<string, unknown>, context: { listSize: number }) => { items: number; perItem: number };

/**
 * `Run.metrics`: one item per distinct key (duplicates are read once; no `keys` means every key
 * of the run, assumed `listSize`), each paying for reading its series (2) and for the points it
 * returns (1 per 25: a 10,000-point series costs 402, so 50 of them pass the 20,000 budget, and
 * eight aliases of a 1,000-point read cost 8 × 42).
 */
export const metricsFieldCost: FieldCostRule = (args, { listSize }) => {
  const keys = Array.isArray(args.keys) ? new Set(args.keys).size : listSize;
  const maxPoints = typeof args.maxPoints === 'number' ? args.maxPoints : LIMITS.maxPointsDefault;
  return { items: keys, perItem: METRIC_SERIES_COST + Math.ceil(maxPoints / METRIC_POINTS_PER_COST) };
};
export const METRIC_SERIES_COST = 2;
export const METRIC_POINTS_PER_COST = 25;

/**
 * `Query.runsById`: one item per distinct id, so what each run selects — its `metrics` above all —
 * is paid once per run asked for (100 runs × one 2,000-point series cost about 8,300).
 */
export const runsByIdFieldCost: FieldCostRule = (args, { listSize }) => ({ items: Array.isArray(args.ids) ? new Set(args.ids).size : listSize, perItem: 0 });

export const DEFAULT_FIELD_COSTS: Readonly<Record<string, FieldCostRule>> = { 'Run.metrics': metricsFieldCost, 'Query.runsById': runsByIdFieldCost };

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

/** A field's arguments as the resolver will see them (defaults applied); an invalid one is left out. */
function argumentValues(definition: GraphQLField<unknown, unknown>, field: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const arg of definition.args) {
    const node = field.arguments?.find((a) => a.name.value === arg.name);
    const value = node ? valueFromAST(node.value, arg.type, variables) : arg.defaultValue;
    if (value !== undefined) values[arg.name] = value;
  }
  return values;
}

/**
 * Estimated cost: each object field costs 1 (scalars 0), and what a list field selects is paid once per item — its
 * `first` argument when given, else `listSize` (default 10). With the schema the walk knows which
 * fields are lists and prices the fields of `fieldCosts` from their arguments; without it only
 * `first` arguments multiply. Every alias is a field of its own and pays in full.
 */
export function operationCost(
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string | null,
  options: { schema?: GraphQLSchema; listSize?: number; defaultFirst?: number; fieldCosts?: Record<string, FieldCostRule> } = {},
): number {
  const fragments = fragmentsOf(document);
  const listSize = options.listSize ?? 10;
  const rules = { ...DEFAULT_FIELD_COSTS, ...options.fieldCosts };
  const cost = (set: SelectionSetNode, parent: GraphQLNamedType | undefined): number =>
    fieldsOf(set, fragments)
      .filter((f) => !f.name.value.startsWith('__'))
      .reduce((total, field) => {
        const definition = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[field.name.value] : undefined;
        const isList = definition ? isListType(getNullableType(definition.type)) : false;
        const rule = definition && parent ? rules[`${parent.name}.${field.name.value}`] : undefined;
        const priced = rule && definition ? rule(argumentValues(definition, field, variables), { listSize }) : undefined;
        const first = field.arguments?.find((a) => a.name.value === 'first');
        const multiplier = priced ? priced.items : first ? (numberArgument(first.value, variables) ?? options.defaultFirst ?? 20) : isList ? listSize : 1;
        const child = definition ? getNamedType(definition.type) : undefined;
        // Scalars ride along with their object for free; objects cost 1 each.
        const selection = field.selectionSet ? cost(field.selectionSet, child) : 0;
        if (priced) return total + 1 + multiplier * (priced.perItem + selection);
        return total + (field.selectionSet ? 1 + multiplier * selection : 0);
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
          if (depth > maxDepth) throw new LimitExceededError('query depth', maxDepth, depth, 400);
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
          if (cost > maxCost) throw new LimitExceededError('query cost', maxCost, cost, 400);
        },
      };
    },
  };
}
