/**
 * `saddle run --spec file.json --sweep PATH=VALUES` (repeatable) → the `parameters` of
 * launchExperiment's sweep. VALUES is one of:
 *   a list         optimizer.lr=1e-4,1e-3,1e-2   model=mlp-shallow,mlp-deep   (JSON where it parses, else text;
 *                  commas inside parentheses belong to a formula: data.expression=sin(x),max(x, 0))
 *   a range        epochs=10..50:5               5 points from 10 to 50, both included
 *   a log range    optimizer.lr=log:1e-4..1e-1:4 4 points evenly spaced in log10
 *   whole numbers  batchSize=log:int:16..256:5   rounded (int: alone for a linear range)
 * The count (`:N`) may be left out: 5 points. The help of `saddle run` prints this syntax.
 * Light on purpose: the CLI parses its arguments before it loads TensorFlow.js.
 */
import { splitTopLevel } from '@saddle/engine/scales';

export type SweepParameterArg = { values: (number | string | boolean)[] } | { min: number; max: number; count: number; log: boolean; integer: boolean };

export const SWEEP_SYNTAX =
  'PATH=VALUES, repeatable: a list optimizer.lr=1e-4,1e-3,1e-2 (or model=mlp-shallow,mlp-deep), a range epochs=10..50:5 (5 points, ends included), ' +
  'a log range optimizer.lr=log:1e-4..1e-1:4, whole numbers batchSize=log:int:16..256:5; the count defaults to 5';

const RANGE = /^((?:(?:log|int):)*)([^:]+)\.\.([^:]+?)(?::(\d+))?$/;

/** One `--sweep` argument; throws an Error saying what is wrong and the syntax. */
export function parseSweepArg(text: string): [string, SweepParameterArg] {
  const equals = text.indexOf('=');
  if (equals <= 0 || equals === text.length - 1) throw new Error(`expected PATH=VALUES, got ${JSON.stringify(text)}; the syntax is ${SWEEP_SYNTAX}`);
  const path = text.slice(0, equals).trim();
  const raw = text.slice(equals + 1).trim();
  const range = RANGE.exec(raw);
  if (range) {
    const [, flags = '', low = '', high = '', count] = range;
    const min = Number(low);
    const max = Number(high);
    if (!Number.isFinite(min) || !Number.isFinite(max)) throw new Error(`${path}: the range ${JSON.stringify(raw)} needs numbers at both ends, e.g. ${path}=log:1e-4..1e-1:4`);
    return [path, { min, max, count: count === undefined ? 5 : Number(count), log: flags.includes('log:'), integer: flags.includes('int:') }];
  }
  const values = splitTopLevel(raw).map((item): number | string | boolean => {
    try {
      const parsed: unknown = JSON.parse(item);
      if (typeof parsed === 'number' || typeof parsed === 'boolean' || typeof parsed === 'string') return parsed;
    } catch {
      // a bare word such as mlp-deep, or a formula
    }
    return item;
  });
  if (values.length === 0) throw new Error(`${path}: no values; the syntax is ${SWEEP_SYNTAX}`);
  return [path, { values }];
}

/** Every `--sweep` argument; a path given twice is an error. */
export function parseSweepArgs(texts: readonly string[]): Record<string, SweepParameterArg> {
  const parameters: Record<string, SweepParameterArg> = Object.create(null) as Record<string, SweepParameterArg>;
  for (const text of texts) {
    const [path, parameter] = parseSweepArg(text);
    if (path in parameters) throw new Error(`${path} is swept twice; give all its values in one --sweep (e.g. ${path}=1,2,3)`);
    parameters[path] = parameter;
  }
  return parameters;
}
