import { describe, it, expect, vi, afterEach } from 'vitest';
import { FormulaError, evaluateFormula, formulaRefs, parseFormula } from '../../storage/model/formula';

/** Evaluates `src` with the given inputs; a key not in `inputs` is a missing input. */
function run(src: string, inputs: Record<string, number> = {}): number | undefined {
  const values = new Map(Object.entries(inputs));
  return evaluateFormula(parseFormula(src), (key) => values.get(key));
}
function syntaxError(src: string): FormulaError {
  try {
    parseFormula(src);
  } catch (e) {
    expect(e).toBeInstanceOf(FormulaError);
    expect(e).toBeInstanceOf(Error);
    return e as FormulaError;
  }
  throw new Error(`expected ${JSON.stringify(src)} not to parse`);
}

describe('parseFormula and evaluateFormula', () => {
  it('gives * and / precedence over + and -', () => {
    expect(run('1 + 2 * 3')).toBe(7);
    expect(run('2 * 3 + 4 * 5')).toBe(26);
    expect(run('10 - 6 / 2')).toBe(7);
    expect(parseFormula('a + b * c')).toEqual({
      kind: 'bin',
      op: '+',
      left: { kind: 'ref', key: 'a' },
      right: { kind: 'bin', op: '*', left: { kind: 'ref', key: 'b' }, right: { kind: 'ref', key: 'c' } },
    });
  });

  it('associates operators of equal precedence to the left', () => {
    expect(run('10 - 4 - 3')).toBe(3);
    expect(run('24 / 4 / 2')).toBe(3);
    expect(run('2 * 6 / 3')).toBe(4);
  });

  it('honours parentheses', () => {
    expect(run('(1 + 2) * 3')).toBe(9);
    expect(run('10 - (4 - 3)')).toBe(9);
    expect(run('((((2))))')).toBe(2);
    expect(run('(a + b) / (a - b)', { a: 6, b: 2 })).toBe(2);
  });

  it('handles unary minus and plus', () => {
    expect(run('-3 + 5')).toBe(2);
    expect(run('2 * -3')).toBe(-6);
    expect(run('2 - -3')).toBe(5);
    expect(run('--3')).toBe(3);
    expect(run('-(2 + 3) * 2')).toBe(-10);
    expect(run('+4')).toBe(4);
    expect(run('-x', { x: 2 })).toBe(-2);
    expect(parseFormula('-a * b')).toEqual({
      kind: 'bin',
      op: '*',
      left: { kind: 'neg', arg: { kind: 'ref', key: 'a' } },
      right: { kind: 'ref', key: 'b' },
    });
  });

  it('reads decimals, field keys and any spacing', () => {
    expect(run('1.5 * 2')).toBe(3);
    expect(run('amount*probability', { amount: 1000, probability: 0.25 })).toBe(250);
    expect(run('  net_2024 +\tvat_rate\n', { net_2024: 100, vat_rate: 21 })).toBe(121);
    expect(parseFormula('007')).toEqual({ kind: 'num', value: 7 });
  });

  it('is undefined when dividing by zero', () => {
    expect(run('1 / 0')).toBeUndefined();
    expect(run('0 / 0')).toBeUndefined();
    expect(run('-1 / 0')).toBeUndefined();
    expect(run('x / y', { x: 5, y: 0 })).toBeUndefined();
    expect(run('1 / 0 + 5')).toBeUndefined();
    expect(run('1 / (x - x)', { x: 3 })).toBeUndefined();
  });

  it('is undefined when an input is missing', () => {
    expect(run('missing')).toBeUndefined();
    expect(run('-missing')).toBeUndefined();
    expect(run('a + missing', { a: 1 })).toBeUndefined();
    expect(run('0 * missing')).toBeUndefined();
    expect(run('(missing)')).toBeUndefined();
  });

  it('is undefined when the result is not a finite number', () => {
    expect(run('x * 10', { x: 1e308 })).toBeUndefined();
    expect(run('x', { x: Number.POSITIVE_INFINITY })).toBeUndefined();
    expect(run('x', { x: Number.NaN })).toBeUndefined();
    expect(run('-x', { x: Number.NEGATIVE_INFINITY })).toBeUndefined();
    expect(run('9'.repeat(400))).toBeUndefined();
  });

  it('asks the lookup only for the keys in the formula', () => {
    const lookup = vi.fn((key: string) => (key === 'a' ? 2 : 3));
    expect(evaluateFormula(parseFormula('a * b + a'), lookup)).toBe(8);
    expect(new Set(lookup.mock.calls.map(([k]) => k))).toEqual(new Set(['a', 'b']));
  });
});

describe('formula syntax errors', () => {
  // Codes and params, which the UI words in the user's language; `message` is the English for logs.
  it.each([
    ['', 'formulaEndsEarly', {}],
    ['   ', 'formulaEndsEarly', {}],
    ['1 +', 'formulaEndsEarly', {}],
    ['-', 'formulaEndsEarly', {}],
    ['(1 + 2', 'formulaMissingParen', {}],
    ['((1)', 'formulaMissingParen', {}],
    ['1 + 2)', 'formulaTrailing', {}],
    ['1 2', 'formulaTrailing', {}],
    ['amount probability', 'formulaTrailing', {}],
    ['* 2', 'formulaUnexpected', { char: '*', position: 1 }],
    ['()', 'formulaUnexpected', { char: ')', position: 2 }],
    ['1 + / 2', 'formulaUnexpected', { char: '/', position: 5 }],
    ['2^3', 'formulaUnexpected', { char: '^', position: 2 }],
    ['amount * $', 'formulaUnexpected', { char: '$', position: 10 }],
    ['1 +   %', 'formulaUnexpected', { char: '%', position: 7 }],
    ['.5', 'formulaUnexpected', { char: '.', position: 1 }],
    ['1..2', 'formulaUnexpected', { char: '.', position: 2 }],
  ])('refuses %j: %s %j', (src, code, params) => {
    const e = syntaxError(src);
    expect({ code: e.code, params: e.params }).toEqual({ code, params });
  });

  it('says the refusal in English in its message, for logs', () => {
    expect(syntaxError('2^3').message).toBe('Formula has an unexpected "^" at position 2');
    expect(syntaxError('(1').message).toBe('Formula is missing a ")"');
  });

  it('refuses formulas longer than 500 characters', () => {
    const max = `1${'+1'.repeat(249)}2`;
    expect(max).toHaveLength(500);
    expect(run(max)).toBe(261);
    expect(syntaxError(`${max} `)).toMatchObject({ code: 'tooLong', params: { max: 500 } });
  });

  it('limits nesting to 50 parentheses', () => {
    const nest = (n: number) => `${'('.repeat(n)}7${')'.repeat(n)}`;
    expect(run(nest(50))).toBe(7);
    expect(syntaxError(nest(51))).toMatchObject({ code: 'formulaTooDeep', params: { max: 50 } });
    // Depth counts open parentheses, not how many there are in total.
    expect(run(Array(60).fill('(1)').join('+'))).toBe(60);
  });

  it('survives a long chain of unary minus without overflowing the stack', () => {
    expect(run(`${'-'.repeat(499)}1`)).toBe(-1);
  });
});

describe('formulas cannot run code', () => {
  const alert = vi.fn();
  afterEach(() => {
    vi.unstubAllGlobals();
    alert.mockReset();
  });

  it('treats object-prototype names as plain field keys', () => {
    for (const key of ['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty', 'eval', 'window', 'process']) {
      expect(parseFormula(key)).toEqual({ kind: 'ref', key });
      expect(run(key)).toBeUndefined();
      expect(run(key, { [key]: 4 })).toBe(4);
    }
  });

  it('turns a lookup that leaks a non-number into undefined', () => {
    const proto = {} as Record<string, unknown>;
    const leaky = (key: string) => proto[key] as number | undefined;
    expect(evaluateFormula(parseFormula('constructor'), leaky)).toBeUndefined();
    expect(evaluateFormula(parseFormula('constructor + 1'), leaky)).toBeUndefined();
    expect(evaluateFormula(parseFormula('-toString'), leaky)).toBeUndefined();
  });

  it.each([
    'alert(1)',
    'constructor.constructor("alert(1)")()',
    'this.alert(1)',
    'x = 1',
    'a; alert(1)',
    "'alert'",
    '`${alert(1)}`',
    '[1]',
    'a.b',
    'a ? b : c',
    'x => x',
  ])('refuses %j without running it', (src) => {
    vi.stubGlobal('alert', alert);
    expect(() => evaluateFormula(parseFormula(src), () => 1)).toThrow(FormulaError);
    expect(alert).not.toHaveBeenCalled();
  });
});

describe('formulaRefs', () => {
  it('lists each referenced key once, through negation and parentheses', () => {
    expect(formulaRefs(parseFormula('amount * probability'))).toEqual(new Set(['amount', 'probability']));
    expect(formulaRefs(parseFormula('-(a + b) * (a - c) / 2'))).toEqual(new Set(['a', 'b', 'c']));
    expect(formulaRefs(parseFormula('1 + 2 * 3')).size).toBe(0);
    expect(formulaRefs(parseFormula('__proto__ + constructor'))).toEqual(new Set(['__proto__', 'constructor']));
  });

  it('adds to a set it is given', () => {
    const into = new Set(['x']);
    expect(formulaRefs(parseFormula('y'), into)).toBe(into);
    expect([...into]).toEqual(['x', 'y']);
  });
});
