import { describe, expect, it } from 'vitest';
import { checkExpressionFinite, compileExpression, ExpressionError } from './expression.js';

const xs = [-1, -0.73, -0.25, 0.1, 0.5, 0.999, 1];

describe('compileExpression', () => {
  it('matches the closed forms of the issue', () => {
    const sinc = compileExpression('sin(4*pi*x)/(4*pi*x)');
    const damped = compileExpression('exp(-x)*cos(2*pi*x)');
    for (const x of xs) {
      expect(sinc(x)).toBeCloseTo(Math.sin(4 * Math.PI * x) / (4 * Math.PI * x), 12);
      expect(damped(x)).toBeCloseTo(Math.exp(-x) * Math.cos(2 * Math.PI * x), 12);
    }
  });

  it('fills a removable singularity with its limit (sin(4πx)/(4πx) → 1 at 0)', () => {
    // Float32 targets need far less than these 8 digits.
    expect(compileExpression('sin(4*pi*x)/(4*pi*x)')(0)).toBeCloseTo(1, 8);
    expect(compileExpression('(1 - cos(x))/x^2')(0)).toBeCloseTo(0.5, 8);
  });

  it('knows precedence, powers, unary minus, e, implicit multiplication and two-argument functions', () => {
    expect(compileExpression('-x^2 + 3*x - 1')(0.5)).toBeCloseTo(-0.25 + 1.5 - 1, 12);
    expect(compileExpression('2^3^2')(0)).toBe(512);
    expect(compileExpression('e^x')(1)).toBeCloseTo(Math.E, 12);
    expect(compileExpression('4pi x')(0.5)).toBeCloseTo(2 * Math.PI, 12);
    expect(compileExpression('max(x, 0) + min(x, 0)/2')(-0.5)).toBeCloseTo(-0.25, 12);
    expect(compileExpression('abs(x) + sign(x)')(-0.5)).toBe(-0.5);
  });

  it('names the position of a typo', () => {
    const cases: [string, number][] = [
      ['sin(4*pi*x', 11],
      ['sin(4**pi)', 7],
      ['exp(-x)*cos(2*pi*x))', 20],
    ];
    for (const [source, position] of cases) {
      let error: unknown;
      try {
        compileExpression(source);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ExpressionError);
      expect((error as ExpressionError).position).toBe(position);
      expect((error as Error).message).toMatch(new RegExp(`at char ${position}`));
    }
  });

  it('refuses names, functions and constructs outside the list, naming them and where they are', () => {
    expect(() => compileExpression('sin(y)')).toThrow(/unknown name 'y' \(char 5\).*the variable x/);
    expect(() => compileExpression('x + sinc(x)')).toThrow(/unknown function 'sinc' \(char 5\)/);
    // mathjs's own evaluator would run these; the closure compiler knows none of them.
    for (const source of ['import({}, {})', 'createUnit("foo")', 'x.constructor', 'f(x) = x', 'a = 1', '[1, 2]', '"text"', 'x > 0 ? 1 : 0', 'x!', 'evaluate("1")']) {
      expect(() => compileExpression(source), source).toThrow(ExpressionError);
    }
    expect(() => compileExpression('')).toThrow(/empty/);
    expect(() => compileExpression('x+'.repeat(300) + 'x')).toThrow(/at most 500/);
  });

  it('gives real numbers, not complex ones (NaN where the real function is undefined)', () => {
    expect(compileExpression('sqrt(x)')(-0.5)).toBeNaN();
  });
});

describe('checkExpressionFinite', () => {
  it('accepts a finite target and refuses one that is not finite on [-1, 1], naming x', () => {
    expect(() => checkExpressionFinite(compileExpression('sin(4*pi*x)/(4*pi*x)'))).not.toThrow();
    expect(() => checkExpressionFinite(compileExpression('log(x)'))).toThrow(/at x = -1/);
    expect(() => checkExpressionFinite(compileExpression('1/x'))).toThrow(/Infinity at x = 0/);
  });
});
