/**
 * The two scalars that carry metric values into logMetrics. GraphQL's Float (like JSON) has no
 * NaN or ±Infinity, yet a diverging run's loss is exactly that, so a value is a finite JSON number
 * or one of the strings "NaN", "Infinity", "-Infinity" (store/metric-values.ts, the one spelling
 * every layer uses; reads answer it in `MetricPoint.nonFinite`).
 *
 * `MetricValues` is a whole series' values as one JSON array. Besides carrying the spellings it is
 * what makes columnar logging cheap: graphql-js coerces an input value by value, ~2.8 µs for each
 * point object of the point list, while one scalar is parsed once per series (a plain loop here).
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { fromNonFiniteName, nonFiniteName, type NonFiniteName } from '../store/metric-values.js';

/** What a script writes for one value on the wire. */
export type WireMetricValue = number | NonFiniteName;

const SPELLINGS = 'a finite number or one of the strings "NaN", "Infinity", "-Infinity"';

/** One wire value to a number; undefined when it is not one. */
function parseOne(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return fromNonFiniteName(value);
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function literalValue(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.STRING:
      return node.value;
    default:
      return undefined;
  }
}

/** A number to its wire form: itself when finite, else its spelling. */
export function toWireValue(value: number): WireMetricValue {
  return nonFiniteName(value) ?? value;
}

export const MetricValueScalar = new GraphQLScalarType<number, WireMetricValue>({
  name: 'MetricValue',
  description: `One metric value: ${SPELLINGS} (JSON and GraphQL's Float have no NaN or Infinity).`,
  parseValue(value) {
    const parsed = parseOne(value);
    if (parsed === undefined) throw new GraphQLError(`MetricValue must be ${SPELLINGS}, got ${describe(value)}`);
    return parsed;
  },
  parseLiteral(node) {
    const parsed = parseOne(literalValue(node));
    if (parsed === undefined) throw new GraphQLError(`MetricValue must be ${SPELLINGS}, got ${node.kind === Kind.STRING || node.kind === Kind.INT || node.kind === Kind.FLOAT ? describe(literalValue(node)) : `a ${node.kind}`}`);
    return parsed;
  },
  serialize(value) {
    if (typeof value !== 'number') throw new GraphQLError(`MetricValue cannot represent ${describe(value)}`);
    return toWireValue(value);
  },
});

function parseList(value: unknown): number[] {
  if (!Array.isArray(value)) throw new GraphQLError(`MetricValues must be a JSON array of values, each ${SPELLINGS}; got ${describe(value)}`);
  const out = new Array<number>(value.length);
  for (let i = 0; i < value.length; i++) {
    const parsed = parseOne(value[i]);
    if (parsed === undefined) throw new GraphQLError(`MetricValues[${i}] must be ${SPELLINGS}, got ${describe(value[i])}`);
    out[i] = parsed;
  }
  return out;
}

export const MetricValuesScalar = new GraphQLScalarType<number[], WireMetricValue[]>({
  name: 'MetricValues',
  description: `A list of metric values as one JSON array, each ${SPELLINGS}: \`[0.69, 0.52, "NaN", "Infinity"]\`. Parsed once per series, not value by value.`,
  parseValue: parseList,
  parseLiteral(node) {
    if (node.kind !== Kind.LIST) throw new GraphQLError(`MetricValues must be a list of values, each ${SPELLINGS}; got a ${node.kind}`);
    return parseList(node.values.map(literalValue));
  },
  serialize(value) {
    if (!Array.isArray(value)) throw new GraphQLError(`MetricValues cannot represent ${describe(value)}`);
    return value.map((v: unknown) => {
      if (typeof v !== 'number') throw new GraphQLError(`MetricValues cannot represent ${describe(v)}`);
      return toWireValue(v);
    });
  },
});

/**
 * A column of finite numbers or nulls as one JSON array (MetricSeriesInput's wall times and
 * epochs): like `MetricValues`, parsed once per series. graphql-js coerces a `[Float]` element by
 * element (~0.2 µs each in development mode), which for 10,000-point batches was a tenth of the
 * server's time per point.
 */
export const NumberListScalar = new GraphQLScalarType<(number | null)[], (number | null)[]>({
  name: 'NumberList',
  description: 'A list of finite numbers (or null where a field allows it) as one JSON array: `[1764547200000, 1764547200100]`. Parsed once, not number by number.',
  parseValue: parseNumberList,
  parseLiteral(node) {
    if (node.kind !== Kind.LIST) throw new GraphQLError(`NumberList must be a list of finite numbers or nulls; got a ${node.kind}`);
    return parseNumberList(node.values.map((v) => (v.kind === Kind.NULL ? null : literalValue(v))));
  },
  serialize(value) {
    return parseNumberList(value);
  },
});

function parseNumberList(value: unknown): (number | null)[] {
  if (!Array.isArray(value)) throw new GraphQLError(`NumberList must be a JSON array of finite numbers or nulls; got ${describe(value)}`);
  for (let i = 0; i < value.length; i++) {
    const v: unknown = value[i];
    if (v !== null && !(typeof v === 'number' && Number.isFinite(v))) throw new GraphQLError(`NumberList[${i}] must be a finite number or null, got ${describe(v)}`);
  }
  return value as (number | null)[];
}
