/**
 * A fast structural checker for firestore.rules, run by tests/unit/sync-rules.test.ts: the header,
 * balanced brackets, statement shapes (match / allow / function / let / return), method names, `is`
 * types, path patterns, and that every bare name is in scope (path variables, parameters, lets,
 * request, resource...) and every bare call names a defined function or a built-in. It names the
 * line of a typo, which the official emulator does not (it loads a broken file silently and then
 * denies everything); what the rules mean is tested by tests/emulator/rules.test.ts on that emulator.
 */
type Tok = { t: string; line: number; spaceBefore: boolean };

const PUNCT = ['$(', '==', '!=', '<=', '>=', '&&', '||', '{', '}', '(', ')', '[', ']', ';', ',', '.', ':', '?', '!', '=', '<', '>', '+', '-', '*', '/', '%'];
const METHODS = new Set(['read', 'write', 'get', 'list', 'create', 'update', 'delete']);
const TYPES = new Set(['bool', 'bytes', 'float', 'int', 'list', 'latlng', 'number', 'path', 'map', 'string', 'timestamp', 'duration', 'set', 'map_diff']);
const GLOBALS = new Set(['request', 'resource', 'true', 'false', 'null', 'math', 'timestamp', 'duration', 'latlng', 'hashing']);
const BUILTINS = new Set(['get', 'exists', 'getAfter', 'existsAfter', 'debug', 'int', 'float', 'string', 'bool', 'path', 'bytes']);

export function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let line = 1;
  let i = 0;
  let space = true;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\n') line++;
    if (/\s/.test(c)) {
      i++;
      space = true;
      continue;
    }
    if (src.startsWith('//', i)) {
      while (i < src.length && src[i] !== '\n') i++;
      space = true;
      continue;
    }
    let m: RegExpExecArray | null;
    const rest = src.slice(i, i + 2_000);
    if ((m = /^'(?:[^'\\\n]|\\.)*'|^"(?:[^"\\\n]|\\.)*"/.exec(rest))) out.push({ t: m[0], line, spaceBefore: space });
    else if (c === "'" || c === '"') throw new Error(`line ${line}: unterminated string`);
    else if ((m = /^[A-Za-z_][A-Za-z0-9_]*|^\d+(\.\d+)?/.exec(rest))) out.push({ t: m[0], line, spaceBefore: space });
    else {
      const p = PUNCT.find((x) => src.startsWith(x, i));
      if (!p) throw new Error(`line ${line}: unexpected character "${c}"`);
      out.push({ t: p, line, spaceBefore: space });
      i += p.length;
      space = false;
      continue;
    }
    i += m[0].length;
    space = false;
  }
  return out;
}

class Checker {
  private i = 0;
  readonly functions = new Set<string>();
  constructor(private readonly toks: Tok[]) {}

  private peek(k = 0) {
    return this.toks[this.i + k]?.t;
  }
  private fail(msg: string): never {
    const tok = this.toks[Math.min(this.i, this.toks.length - 1)];
    throw new Error(`line ${tok?.line ?? '?'}: ${msg} (at "${this.peek() ?? 'end of file'}")`);
  }
  private eat(t?: string): string {
    const got = this.peek();
    if (got === undefined || (t !== undefined && got !== t)) this.fail(`expected ${t ?? 'more'}`);
    this.i++;
    return got;
  }
  private ident(): string {
    const t = this.eat();
    if (!/^[A-Za-z_]\w*$/.test(t)) this.fail(`expected a name, got ${t}`);
    return t;
  }

  file() {
    this.eat('rules_version'); this.eat('='); this.eat("'2'"); this.eat(';');
    this.eat('service'); this.eat('cloud'); this.eat('.'); this.eat('firestore');
    this.block(new Set());
    if (this.peek() !== undefined) this.fail('text after the service block');
  }

  private block(scope: Set<string>) {
    this.eat('{');
    // Functions may be called before they are declared: collect this block's names first.
    for (let depth = 0, j = this.i; j < this.toks.length; j++) {
      const t = this.toks[j]!.t;
      if (t === '{') depth++;
      if (t === '}' && depth-- === 0) break;
      if (depth === 0 && t === 'function') this.functions.add(this.toks[j + 1]!.t);
    }
    while (this.peek() !== '}') {
      const kw = this.peek();
      if (kw === 'match') this.match(scope);
      else if (kw === 'allow') this.allow(scope);
      else if (kw === 'function') this.func(scope);
      else this.fail('expected match, allow or function');
    }
    this.eat('}');
  }

  private match(scope: Set<string>) {
    this.eat('match');
    const inner = new Set(scope);
    if (scope.size === 0) inner.add('database');
    while (this.peek() === '/') {
      this.eat('/');
      if (this.peek() === '{') {
        this.eat('{');
        inner.add(this.ident());
        if (this.peek() === '=') { this.eat('='); this.eat('*'); this.eat('*'); }
        this.eat('}');
      } else this.ident();
    }
    this.block(inner);
  }

  private allow(scope: Set<string>) {
    this.eat('allow');
    for (;;) {
      const m = this.ident();
      if (!METHODS.has(m)) this.fail(`unknown method ${m}`);
      if (this.peek() !== ',') break;
      this.eat(',');
    }
    this.eat(':');
    this.eat('if');
    this.expr(scope, ';');
    this.eat(';');
  }

  private func(scope: Set<string>) {
    this.eat('function');
    this.ident();
    const inner = new Set(scope);
    this.eat('(');
    while (this.peek() !== ')') {
      inner.add(this.ident());
      if (this.peek() === ',') this.eat(',');
    }
    this.eat(')');
    this.eat('{');
    while (this.peek() === 'let') {
      this.eat('let');
      const name = this.ident();
      this.eat('=');
      this.expr(inner, ';');
      this.eat(';');
      inner.add(name);
    }
    this.eat('return');
    this.expr(inner, ';');
    this.eat(';');
    this.eat('}');
  }

  /** An expression up to `end` at depth 0: brackets balanced, names in scope, operands present. */
  private expr(scope: Set<string>, end: string) {
    const stack: string[] = [];
    let expectOperand = true;
    let ternaries = 0;
    while (!(stack.length === 0 && this.peek() === end)) {
      const t = this.eat();
      const prev = this.toks[this.i - 2]?.t;
      if (t === '(' || t === '[' || t === '$(' || t === '{') {
        stack.push(t === '$(' ? '(' : t);
        expectOperand = true;
        continue;
      }
      if (t === ')' || t === ']' || t === '}') {
        const open = stack.pop();
        if ((t === ')' && open !== '(') || (t === ']' && open !== '[') || (t === '}' && open !== '{')) this.fail(`unbalanced ${t}`);
        expectOperand = false;
        continue;
      }
      if (t === '?') ternaries++;
      if (t === ':' && stack[stack.length - 1] !== '{') ternaries--;
      if (t === 'is') {
        if (!TYPES.has(this.eat())) this.fail('unknown type after "is"');
        continue;
      }
      if (/^[A-Za-z_]/.test(t) && prev !== '.' && t !== 'in') this.name(t, scope, prev);
      if (['&&', '||', '==', '!=', '<', '<=', '>', '>=', '+', '*', '%', 'in'].includes(t) && expectOperand && prev !== '(') this.fail(`missing operand before ${t}`);
      expectOperand = t === 'in' || !/^[A-Za-z_0-9'"]/.test(t);
      if (this.peek() === undefined) this.fail('unterminated expression');
    }
    if (ternaries !== 0) this.fail('unbalanced ?: in expression');
    if (expectOperand) this.fail('expression ends with an operator');
  }

  private name(t: string, scope: Set<string>, prev: string | undefined) {
    const call = this.peek() === '(';
    // Inside a path literal (/databases/...), bare segments are constants.
    if (prev === '/' && !this.toks[this.i - 1]!.spaceBefore) return;
    if (call) {
      if (!this.functions.has(t) && !BUILTINS.has(t)) this.fail(`call to undefined function ${t}`);
    } else if (!scope.has(t) && !GLOBALS.has(t)) this.fail(`unknown name ${t}`);
  }
}

/** Throws an error naming the line of the first problem; returns the functions declared. */
export function checkRules(src: string): string[] {
  const c = new Checker(tokenize(src));
  c.file();
  return [...c.functions];
}
