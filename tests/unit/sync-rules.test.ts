import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRules } from '../emulator/rulesSyntax';

const RULES = readFileSync(join(__dirname, '../../firestore.rules'), 'utf8');

describe('firestore.rules', () => {
  it('passes the structural check (tests/emulator/rulesSyntax.ts says what it covers)', () => {
    expect(checkRules(RULES)).toEqual(expect.arrayContaining(['isMember', 'canWrite', 'isAdmin', 'validEnvelope', 'validUnits']));
  });

  it('explains every rule in a comment just above it', () => {
    const lines = RULES.split('\n').map((l) => l.trim());
    const missing: number[] = [];
    let commented = false;
    lines.forEach((line, i) => {
      if (line.startsWith('//')) commented = true;
      else if (line.startsWith('allow ')) {
        if (!commented) missing.push(i + 1);
        commented = false;
      } else if (/[;{}]$/.test(line) && !line.startsWith('allow')) commented = false;
    });
    expect(missing).toEqual([]);
  });

  it.each([
    ['a missing semicolon', (s: string) => s.replace('return request.auth != null;', 'return request.auth != null'), /expected|unbalanced/],
    ['a misspelt variable', (s: string) => s.replace('request.auth != null', 'reqest.auth != null'), /unknown name reqest/],
    ['an undefined function', (s: string) => s.replace('return roleIn(ws, [\'owner\', \'admin\']);', 'return rolesIn(ws, [\'owner\', \'admin\']);'), /undefined function rolesIn/],
    ['an unknown method', (s: string) => s.replace('allow delete: if false;', 'allow remove: if false;'), /unknown method remove/],
    ['an unbalanced parenthesis', (s: string) => s.replace('(s is string)', '(s is string'), /expected|unbalanced/],
    ['an unknown type', (s: string) => s.replace('(s is string)', '(s is strin)'), /unknown type/],
    ['a dangling operator', (s: string) => s.replace('isStampOrNull(d.born) &&', 'isStampOrNull(d.born) && &&'), /missing operand/],
    ['no rules_version', (s: string) => s.replace("rules_version = '2';", ''), /expected rules_version/],
  ])('rejects %s, naming the line', (_what, breakIt, message) => {
    const broken = breakIt(RULES);
    expect(broken).not.toBe(RULES);
    expect(() => checkRules(broken)).toThrow(message);
    expect(() => checkRules(broken)).toThrow(/^line \d+:/);
  });
});
