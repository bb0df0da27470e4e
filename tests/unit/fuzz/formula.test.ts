import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { fieldValue } from '../../../storage/fields/computed';
import type { CrmRecord } from '../../../storage/model/entities';
import type { Field } from '../../../storage/model/field';
import { evaluateFormula, FormulaError, formulaRefs, parseFormula, type Expr } from '../../../storage/model/formula';
import { hostileText } from './arbitraries';

// Run counts bound each property; the timeout only catches a hang (this machine is shared).
vi.setConfig({ testTimeout: 60_000 });

/**
 * Formula expressions are written by any member of a shared workspace and evaluated on every
 * other member's machine. Whatever the text: parsing throws nothing but FormulaError, evaluation
 * returns a finite number or undefined, and no text can reach a JavaScript name or run code.
 */
type Sentinel = { __formulaRan?: unknown };
const g = globalThis as Sentinel;

const ident = fc.oneof(
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/),
  fc.constantFrom('constructor', '__proto__', 'prototype', 'toString', 'valueOf', 'globalThis', 'window', 'eval', 'Function', 'this', 'alert'),
);
const num = fc.oneof(fc.nat({ max: 1_000_000 }).map(String), fc.tuple(fc.nat(999), fc.nat(999)).map(([a, b]) => `${a}.${b}`), fc.constantFrom('0', '9'.repeat(400)));

/** Well-formed expressions, with their tree built independently of the parser. */
const exprArb: fc.Arbitrary<{ src: string; tree: Expr }> = fc.letrec<{ e: { src: string; tree: Expr } }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    num.map((n) => ({ src: n, tree: { kind: 'num', value: Number(n) } as Expr })),
    ident.map((k) => ({ src: k, tree: { kind: 'ref', key: k } as Expr })),
    tie('e').map((a) => ({ src: `-(${a.src})`, tree: { kind: 'neg', arg: a.tree } as Expr })),
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/'), tie('e')).map(([l, op, r]) => ({
      src: `(${l.src}) ${op} (${r.src})`,
      tree: { kind: 'bin', op, left: l.tree, right: r.tree } as Expr,
    })),
  ),
})).e;

/** Text near the grammar, and code that must never run. */
const hostileFormula = fc.oneof(
  hostileText(120),
  fc.string({ unit: fc.constantFrom(...'()+-*/ .0123456789abc_\t\n,;[]{}=\'"`$'.split('')), maxLength: 200 }),
  fc.constantFrom(
    'globalThis.__formulaRan = 1',
    'constructor.constructor("globalThis.__formulaRan=1")()',
    '(() => { globalThis.__formulaRan = 1 })()',
    '`${globalThis.__formulaRan = 1}`',
    'eval("globalThis.__formulaRan=1")',
    'amount * probability; globalThis.__formulaRan = 1',
    '__proto__.polluted',
    '('.repeat(51) + '1' + ')'.repeat(51),
    '-'.repeat(499) + '1',
    '1' + '+1'.repeat(249),
    ' '.repeat(500),
    'x'.repeat(501),
  ),
);

function reference(tree: Expr, lookup: (k: string) => number | undefined): number | undefined {
  if (tree.kind === 'num') return tree.value;
  if (tree.kind === 'ref') return lookup(tree.key);
  if (tree.kind === 'neg') {
    const v = reference(tree.arg, lookup);
    return v === undefined ? undefined : -v;
  }
  const l = reference(tree.left, lookup);
  const r = reference(tree.right, lookup);
  if (l === undefined || r === undefined) return undefined;
  const v = tree.op === '+' ? l + r : tree.op === '-' ? l - r : tree.op === '*' ? l * r : l / r;
  return Number.isFinite(v) ? v : undefined;
}

const lookupArb = fc.dictionary(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/), fc.oneof(fc.double(), fc.constant(undefined)), { maxKeys: 6 });

describe('formulas (fuzz)', () => {
  it('parses every well-formed expression to the intended tree and evaluates it like a reference evaluator', () => {
    fc.assert(
      fc.property(exprArb, lookupArb, ({ src, tree }, vars) => {
        fc.pre(src.length <= 500);
        expect(parseFormula(src)).toEqual(tree);
        const lookup = (k: string) => (Object.hasOwn(vars, k) ? vars[k] : undefined);
        const result = evaluateFormula(tree, lookup);
        const expected = reference(tree, lookup);
        expect(result).toBe(Number.isFinite(expected) ? expected : undefined);
      }),
      { numRuns: 2_000 },
    );
  });

  it('throws nothing but FormulaError on any text, and never runs it', () => {
    fc.assert(
      fc.property(hostileFormula, (src) => {
        let tree: Expr;
        try {
          tree = parseFormula(src);
        } catch (e) {
          expect(e).toBeInstanceOf(FormulaError);
          expect((e as Error).message.length).toBeLessThan(200);
          return;
        }
        // Every name in a formula is only ever a key passed to lookup, never a JavaScript name.
        const asked: string[] = [];
        const v = evaluateFormula(tree, (k) => (asked.push(k), 2));
        expect(v === undefined || Number.isFinite(v)).toBe(true);
        expect(new Set(asked)).toEqual(formulaRefs(tree));
        expect(g.__formulaRan).toBeUndefined();
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 3_000 },
    );
  });

  it('a lookup leaking an object with a non-callable toString is a missing input, not a crash', () => {
    // Found by the property below (seed 479564002): `constructor + 0` with { toString: 0 } threw.
    const tree = parseFormula('(constructor + 0) + 0.0');
    expect(evaluateFormula(tree, () => ({ toString: 0 }) as unknown as number)).toBeUndefined();
    expect(evaluateFormula(tree, () => 2)).toBe(2);
  });

  it('evaluation survives lookups that leak non-numbers', () => {
    fc.assert(
      fc.property(exprArb, fc.anything(), ({ src, tree }, leak) => {
        fc.pre(src.length <= 500);
        const v = evaluateFormula(tree, () => leak as number);
        expect(v === undefined || Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });

  it('a formula field never throws when shown, whatever its expression and inputs', () => {
    const field = (expression: string): Field => ({
      id: 'f_formula', folderId: 'fo', key: 'total', label: 'Total', type: 'formula', mandatory: false, hidden: false, order: 0,
      settings: { expression }, createdAt: 0, updatedAt: 0,
    });
    const amount: Field = { ...field(''), id: 'f_amount', key: 'amount', type: 'currency', settings: {} };
    fc.assert(
      fc.property(fc.oneof(hostileFormula, exprArb.map((e) => e.src)), fc.anything(), (expression, raw) => {
        const record = { id: 'r', folderId: 'fo', values: { f_amount: raw }, stats: {}, createdAt: 0, updatedAt: 0 } as unknown as CrmRecord;
        const v = fieldValue(record, field(expression), [field(expression), amount]);
        expect(v === undefined || (typeof v === 'number' && Number.isFinite(v))).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });
});
