/**
 * Target functions written as formulas in x (`sin(4*pi*x)/(4*pi*x)`, `exp(-x)*cos(2*pi*x)`).
 * mathjs only parses: its evaluator would reach matrices, units, complex numbers (`sqrt(-1)` is
 * not NaN there) and functions such as `import` or `createUnit`. Instead the parsed tree is
 * checked node by node against a short list (numbers, `x`, `pi`, `e`, + − * / ^ %, and the real
 * functions below) and turned into a plain closure over `Math`, so an expression can compute a
 * number from x and nothing else: no names outside the list, no assignments, no property access.
 */
// The number-only build: half the load time of the full one (270 ms vs 550 ms), same parser.
import { parse, type MathNode } from 'mathjs/number';

/** Thrown for a formula that does not parse or uses something outside the allowed list. */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  constructor(
    /** What is wrong and what is allowed. */
    readonly detail: string,
    /** 1-based character position of the problem in the source, when known. */
    readonly position?: number,
  ) {
    super(detail);
  }
}

type Real = (x: number) => number;

const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };

const UNARY: Readonly<Record<string, (a: number) => number>> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  exp: Math.exp,
  log: Math.log,
  log10: Math.log10,
  log2: Math.log2,
  sqrt: Math.sqrt,
  cbrt: Math.cbrt,
  abs: Math.abs,
  sign: Math.sign,
  floor: Math.floor,
  ceil: Math.ceil,
  round: Math.round,
};

const BINARY: Readonly<Record<string, (a: number, b: number) => number>> = {
  pow: Math.pow,
  atan2: Math.atan2,
  min: Math.min,
  max: Math.max,
  mod: (a, b) => a % b,
};

const OPERATORS: Readonly<Record<string, (a: number, b: number) => number>> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  pow: Math.pow,
  mod: (a, b) => a % b,
};

/** What an expression may use, for error messages. */
export const EXPRESSION_VOCABULARY = `the variable x, the constants pi and e, numbers, + - * / ^ % and parentheses, and the functions ${[
  ...Object.keys(UNARY),
  ...Object.keys(BINARY),
].join(', ')}`;

/** Longest formula accepted (a target is a line, not a program). */
export const MAX_EXPRESSION_LENGTH = 500;

/** 1-based position of the first whole-word occurrence of `name` in `source` (for nodes mathjs gives no position). */
function positionOf(source: string, name: string): number | undefined {
  const match = new RegExp(`(^|[^A-Za-z0-9_])${name.replace(/[^A-Za-z0-9_]/g, '')}(?![A-Za-z0-9_])`).exec(source);
  return match ? match.index + match[1]!.length + 1 : undefined;
}

function compileNode(node: MathNode, source: string): Real {
  const fail = (detail: string, name?: string): never => {
    const position = name === undefined ? undefined : positionOf(source, name);
    throw new ExpressionError(`${detail}${position === undefined ? '' : ` (char ${position})`}; allowed are ${EXPRESSION_VOCABULARY}`, position);
  };
  switch (node.type) {
    case 'ConstantNode': {
      const value = (node as unknown as { value: unknown }).value;
      if (typeof value !== 'number') return fail(`only numbers may be written as constants, got ${JSON.stringify(value)}`);
      return () => value;
    }
    case 'SymbolNode': {
      const name = (node as unknown as { name: string }).name;
      if (name === 'x') return (x) => x;
      const constant = CONSTANTS[name];
      if (constant !== undefined) return () => constant;
      return fail(`unknown name '${name}'`, name);
    }
    case 'ParenthesisNode':
      return compileNode((node as unknown as { content: MathNode }).content, source);
    case 'OperatorNode': {
      const { fn, op, args } = node as unknown as { fn: string; op: string; args: MathNode[] };
      const compiled = args.map((arg) => compileNode(arg, source));
      if (compiled.length === 1) {
        const [a] = compiled as [Real];
        if (fn === 'unaryMinus') return (x) => -a(x);
        if (fn === 'unaryPlus') return a;
        return fail(`the operator '${op}' is not allowed`);
      }
      const operator = OPERATORS[fn];
      if (compiled.length !== 2 || !operator) return fail(`the operator '${op}' is not allowed`);
      const [a, b] = compiled as [Real, Real];
      return (x) => operator(a(x), b(x));
    }
    case 'FunctionNode': {
      const { fn, args } = node as unknown as { fn: MathNode; args: MathNode[] };
      const name = fn.type === 'SymbolNode' ? (fn as unknown as { name: string }).name : '';
      const compiled = args.map((arg) => compileNode(arg, source));
      const unary = Object.hasOwn(UNARY, name) ? UNARY[name] : undefined;
      if (unary) {
        if (compiled.length !== 1) return fail(`${name}() takes one argument, got ${compiled.length}`, name);
        const [a] = compiled as [Real];
        return (x) => unary(a(x));
      }
      const binary = Object.hasOwn(BINARY, name) ? BINARY[name] : undefined;
      if (binary) {
        if (compiled.length !== 2) return fail(`${name}() takes two arguments, got ${compiled.length}`, name);
        const [a, b] = compiled as [Real, Real];
        return (x) => binary(a(x), b(x));
      }
      return fail(`unknown function '${name || node.toString()}'`, name || undefined);
    }
    default:
      return fail(`'${node.toString()}' (${node.type}) is not allowed in a target function`);
  }
}

/**
 * The function of x a formula describes. A removable singularity (0/0 at one point, as
 * sin(4πx)/(4πx) at x = 0) takes its limit, extrapolated from the means of the neighbours at ±h
 * and ±2h (Richardson: (4·g(h) − g(2h))/3 cancels the h² term; h = 1e-3 keeps the rounding of
 * differences such as 1 − cos x small, ~1e-10, while the truncation is O(h⁴)); any other
 * non-finite value stays NaN/±∞ for the caller to refuse ({@link checkExpressionFinite}).
 * Throws {@link ExpressionError} naming the character position of a typo.
 */
export function compileExpression(source: string): (x: number) => number {
  if (typeof source !== 'string' || source.trim() === '') throw new ExpressionError('is empty; write a formula in x, e.g. sin(5*x)/(5*x)');
  if (source.length > MAX_EXPRESSION_LENGTH) throw new ExpressionError(`is ${source.length} characters long; at most ${MAX_EXPRESSION_LENGTH} are allowed`);
  let tree: MathNode;
  try {
    tree = parse(source);
  } catch (error) {
    const char = (error as { char?: unknown }).char;
    const message = error instanceof Error ? error.message : String(error);
    // mathjs's `char` is 1-based: the character it stopped at (one past the end for a missing `)`).
    const position = typeof char === 'number' ? char : undefined;
    throw new ExpressionError(
      `does not parse: ${message.replace(/\s*\(char \d+\)$/, '')}${position === undefined ? '' : ` at char ${position}: ${JSON.stringify(source.slice(0, position))} ←`}`,
      position,
    );
  }
  const f = compileNode(tree, source);
  return (x) => {
    const y = f(x);
    if (!Number.isNaN(y)) return y;
    const h = 1e-3 * Math.max(1, Math.abs(x));
    const near = (f(x - h) + f(x + h)) / 2;
    const far = (f(x - 2 * h) + f(x + 2 * h)) / 2;
    const limit = (4 * near - far) / 3;
    return Number.isFinite(limit) ? limit : y;
  };
}

/**
 * Refuses a formula that is not finite somewhere on [−1, 1] (checked on a grid of `points`
 * points, the ends included), naming the first such x, so a launch fails before any training.
 */
export function checkExpressionFinite(f: (x: number) => number, points = 2001): void {
  for (let i = 0; i < points; i++) {
    const x = -1 + (2 * i) / (points - 1);
    const y = f(x);
    if (!Number.isFinite(y)) {
      throw new ExpressionError(`is ${y} at x = ${x} (targets must be finite on all of [-1, 1]; e.g. add a small constant or use abs())`);
    }
  }
}
