import { describeProblemEn, type IssueCode, type IssueParams } from './issues';

/**
 * A small arithmetic language for formula fields: numbers, field keys, + - * /, unary minus and
 * parentheses. Parsed into a tree once and evaluated without eval(), so a shared workspace's
 * formula can never run code.
 */
export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'ref'; key: string }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr };

export type FormulaCode = Extract<IssueCode, `formula${string}` | 'tooLong'>;

/** A formula that does not parse: a code the UI words (components/errors.ts); `message` is English, for logs. */
export class FormulaError extends Error {
  constructor(
    readonly code: FormulaCode,
    readonly params: IssueParams = {},
  ) {
    super(`Formula ${describeProblemEn(code, params)}`);
    this.name = 'FormulaError';
  }
}

export const FORMULA_MAX_LENGTH = 500;
const MAX_DEPTH = 50;

/** `at` is the token's position in the text, from 1, so a refusal can point at it. */
type Token = { kind: 'num'; value: number; at: number } | { kind: 'ident'; name: string; at: number } | { kind: 'op'; op: string; at: number };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/()]))/y;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(src);
    if (!m) {
      const at = pos + (/^\s*/.exec(src.slice(pos))?.[0].length ?? 0);
      throw new FormulaError('formulaUnexpected', { char: src[at]!, position: at + 1 });
    }
    const at = pos + m[0].length - (m[1] ?? m[2] ?? m[3]!).length + 1;
    if (m[1] !== undefined) tokens.push({ kind: 'num', value: Number(m[1]), at });
    else if (m[2] !== undefined) tokens.push({ kind: 'ident', name: m[2], at });
    else tokens.push({ kind: 'op', op: m[3]!, at });
    pos = re.lastIndex;
  }
  return tokens;
}

export function parseFormula(src: string): Expr {
  if (src.length > FORMULA_MAX_LENGTH) throw new FormulaError('tooLong', { max: FORMULA_MAX_LENGTH });
  const tokens = tokenize(src);
  let i = 0;
  let depth = 0;
  const peekOp = () => {
    const t = tokens[i];
    return t?.kind === 'op' ? t.op : undefined;
  };
  const expression = (): Expr => {
    let left = term();
    for (let op = peekOp(); op === '+' || op === '-'; op = peekOp()) {
      i++;
      left = { kind: 'bin', op, left, right: term() };
    }
    return left;
  };
  const term = (): Expr => {
    let left = factor();
    for (let op = peekOp(); op === '*' || op === '/'; op = peekOp()) {
      i++;
      left = { kind: 'bin', op, left, right: factor() };
    }
    return left;
  };
  const factor = (): Expr => {
    const t = tokens[i++];
    if (!t) throw new FormulaError('formulaEndsEarly');
    if (t.kind === 'num') return { kind: 'num', value: t.value };
    if (t.kind === 'ident') return { kind: 'ref', key: t.name };
    if (t.op === '-') return { kind: 'neg', arg: factor() };
    if (t.op === '+') return factor();
    if (t.op === '(') {
      if (++depth > MAX_DEPTH) throw new FormulaError('formulaTooDeep', { max: MAX_DEPTH });
      const inner = expression();
      if (tokens[i]?.kind !== 'op' || peekOp() !== ')') throw new FormulaError('formulaMissingParen');
      i++;
      depth--;
      return inner;
    }
    throw new FormulaError('formulaUnexpected', { char: t.op, position: t.at });
  };
  const tree = expression();
  if (i < tokens.length) throw new FormulaError('formulaTrailing');
  return tree;
}

export function formulaRefs(expr: Expr, into = new Set<string>()): Set<string> {
  if (expr.kind === 'ref') into.add(expr.key);
  else if (expr.kind === 'neg') formulaRefs(expr.arg, into);
  else if (expr.kind === 'bin') {
    formulaRefs(expr.left, into);
    formulaRefs(expr.right, into);
  }
  return into;
}

/** Undefined when an input is missing or the result is not a finite number (e.g. x / 0). */
export function evaluateFormula(expr: Expr, lookup: (key: string) => number | undefined): number | undefined {
  const go = (e: Expr): number | undefined => {
    switch (e.kind) {
      case 'num':
        return e.value;
      case 'ref': {
        // A lookup that leaks anything but a number (an object whose toString is not a function
        // throws in arithmetic) makes the input missing, not the formula crash.
        const v: unknown = lookup(e.key);
        return typeof v === 'number' ? v : undefined;
      }
      case 'neg': {
        const v = go(e.arg);
        return v === undefined ? undefined : -v;
      }
      case 'bin': {
        const l = go(e.left);
        const r = go(e.right);
        if (l === undefined || r === undefined) return undefined;
        const v = e.op === '+' ? l + r : e.op === '-' ? l - r : e.op === '*' ? l * r : l / r;
        return Number.isFinite(v) ? v : undefined;
      }
    }
  };
  const result = go(expr);
  // Also covers a bare ref or literal (`x`, `999…9`) and a lookup that leaks a non-number.
  return typeof result === 'number' && Number.isFinite(result) ? result : undefined;
}
