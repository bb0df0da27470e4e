import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeStatus } from '../../components/workspace/SyncStatusBadge';
import { describeError, describeIssue, describeProblem, describeStorageError, describeStoredFailure, describeSubject } from '../../components/errors';
import { setLocale, t, type Locale } from '../../i18n';
import { ISSUE_CODES, ISSUE_PARAMS, VALUE_PARTS, describeIssueEn, type IssueCode, type IssueParams } from '../../storage/model/issues';
import { STORAGE_ERROR_CODES, STORAGE_ERROR_PARAMS, type StorageErrorCode, type StorageErrorParams } from '../../storage/model/errors';
import { INPUT_SUBJECTS, describeSubjectEn } from '../../storage/model/inputErrors';

/**
 * Every error code through every catalogue. The compiler already refuses a code without wording
 * (components/errors.ts maps each one) and a catalogue without a key (Catalogue<typeof en>); this
 * walks what it cannot see: that each declared parameter reaches each language's sentence, that
 * nothing prints "undefined", a placeholder or a raw code, and that Spanish and Italian are not
 * English left in place.
 */
const LOCALES: Locale[] = ['en', 'es', 'it'];
const NUMERIC = new Set(['max', 'min', 'count', 'row', 'n', 'position']);

/** Two distinct, valid values for a parameter: the sentence must change when it does. */
const SAMPLES: Record<string, [string | number, string | number]> = {
  // Big enough that csvTooBig's megabytes differ too.
  numeric: [7 * 1024 * 1024, 9 * 1024 * 1024],
  status: ['stopped', 'done'],
  op: ['gt', 'contains'],
  subject: ['stageName', 'folderName'],
  issue: ['tooLong', 'invalidEmail'],
  char: ['^', '$'],
};
const sample = (name: string, which: 0 | 1): string | number => (NUMERIC.has(name) ? SAMPLES.numeric! : SAMPLES[name] ?? [`Alpha${name}`, `Beta${name}`])[which];
const paramsFor = (names: readonly string[], which: 0 | 1 = 0): Record<string, string | number> => {
  const out: Record<string, string | number> = Object.fromEntries(names.map((n) => [n, sample(n, which)]));
  // A code carrying an issue also needs that issue's own params, and a subject its number.
  if ('issue' in out) Object.assign(out, paramsFor(ISSUE_PARAMS[out.issue as IssueCode]));
  if ('subject' in out) out.n ??= 3;
  return out;
};

/** Camel-case names (issue codes, storage codes, subjects) and catalogue keys must never reach the page. */
const RAW = [...ISSUE_CODES, ...STORAGE_ERROR_CODES, ...INPUT_SUBJECTS].filter((c) => /[A-Z]/.test(c));
function expectClean(sentence: string, what: string) {
  expect(sentence.trim(), what).not.toBe('');
  expect(sentence, what).not.toMatch(/undefined|NaN|\bnull\b|\[object|\{\w+\}/);
  expect(sentence, what).not.toMatch(/\b(issue|storage|subject|errors|part)\.\w/);
  for (const raw of RAW) expect(sentence.includes(raw) && !sentence.includes(`Alpha${raw}`), `${what} shows the code ${raw}`).toBe(false);
}

const problem = (code: IssueCode, params: IssueParams) => describeProblem({ code, params });
const storage = (code: StorageErrorCode, params: StorageErrorParams) => describeStorageError(code, params);

afterEach(() => setLocale('en'));

describe.each(LOCALES)('error catalogue %s', (locale) => {
  it.each(ISSUE_CODES)('words the issue %s with each of its parameters', (code) => {
    setLocale(locale);
    const names = ISSUE_PARAMS[code];
    const text = problem(code, paramsFor(names));
    expectClean(text, `${locale}:${code}`);
    for (const name of names) {
      expect(problem(code, { ...paramsFor(names), [name]: sample(name, 1) }), `${locale}:${code} ignores ${name}`).not.toBe(text);
    }
    // Any code may name the offending value.
    expect(problem(code, { ...paramsFor(names), value: 'zz@' })).toContain('zz@');
  });

  it.each(STORAGE_ERROR_CODES)('words the storage refusal %s with each of its parameters', (code) => {
    setLocale(locale);
    const names = STORAGE_ERROR_PARAMS[code];
    const text = storage(code, paramsFor(names));
    expectClean(text, `${locale}:${code}`);
    for (const name of names) {
      expect(storage(code, { ...paramsFor(names), [name]: sample(name, 1) }), `${locale}:${code} ignores ${name}`).not.toBe(text);
    }
  });

  it('words every part of a form a schema can refuse', () => {
    setLocale(locale);
    for (const subject of INPUT_SUBJECTS) {
      const text = describeSubject(subject, 4);
      expectClean(text, `${locale}:${subject}`);
      if (describeSubjectEn(subject).includes('{n}') || describeSubjectEn(subject, 4).includes('4')) expect(text, subject).toContain('4');
    }
  });
});

describe('Spanish and Italian', () => {
  const english = (run: () => string) => {
    setLocale('en');
    return run();
  };
  it.each(['es', 'it'] as const)('%s translates every code instead of leaving English in place', (locale) => {
    const same: string[] = [];
    const check = (what: string, run: () => string) => {
      const en = english(run);
      setLocale(locale);
      if (run() === en) same.push(what);
    };
    for (const code of ISSUE_CODES) check(code, () => problem(code, paramsFor(ISSUE_PARAMS[code])));
    for (const code of STORAGE_ERROR_CODES) check(code, () => storage(code, paramsFor(STORAGE_ERROR_PARAMS[code])));
    for (const subject of INPUT_SUBJECTS) check(subject, () => describeSubject(subject, 2));
    expect(same).toEqual([]);
  });

  it('never show storage’s English detail, in any language', () => {
    for (const locale of LOCALES) {
      setLocale(locale);
      expect(storage('invalid', { detail: 'Secret English' })).not.toContain('Secret English');
      expect(problem('invalid', { detail: 'Secret English' })).not.toContain('Secret English');
    }
  });
});

describe('parts of a compound value', () => {
  it.each(LOCALES)('are named in %s, and the same in English logs', (locale) => {
    for (const part of VALUE_PARTS) {
      setLocale(locale);
      const text = describeIssue({ label: 'Addr', code: 'tooLong', params: { max: 5, part } });
      expectClean(text, `${locale}:${part}`);
      expect(text).toMatch(/^Addr \(.+\) /);
      if (locale !== 'en') expect(text, part).not.toBe((setLocale('en'), describeIssue({ label: 'Addr', code: 'tooLong', params: { max: 5, part } })));
      setLocale('en');
      expect(describeIssueEn({ label: 'Addr', code: 'tooLong', params: { max: 5, part } })).toBe(describeIssue({ label: 'Addr', code: 'tooLong', params: { max: 5, part } }));
    }
    setLocale('es');
    expect(describeIssue({ label: 'Dirección', code: 'tooLong', params: { max: 5, part: 'city' } })).toBe('Dirección (ciudad) tiene más de 5 caracteres');
  });
});

describe('subjects in English', () => {
  it('say the same in storage’s log message and on the page', () => {
    setLocale('en');
    for (const subject of INPUT_SUBJECTS) expect(describeSubject(subject, 2)).toBe(describeSubjectEn(subject, 2));
  });
});

describe('failures that are not refusals', () => {
  it('show their English text on an English page only', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      setLocale('en');
      expect(describeError(new Error('Sign in first'))).toEqual(['Sign in first']);
      for (const locale of ['es', 'it'] as const) {
        setLocale(locale);
        expect(describeError(new Error('Sign in first'))).toEqual([t('errors.unexpected')]);
        expect(describeError('a string thrown')).toEqual([t('errors.unexpected')]);
      }
      expect(log).toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });

  it('keep a sync failure’s English reason off a Spanish or Italian badge', () => {
    const status = { state: 'error', waiting: 2, reason: 'Missing or insufficient permissions.' } as const;
    setLocale('en');
    expect(describeStatus(status, 2).text).toContain('Missing or insufficient permissions.');
    setLocale('es');
    expect(describeStatus(status, 2).text).toBe('Error de sincronización: el servidor o el navegador informó de un problema');
    setLocale('it');
    expect(describeStatus(status, 2).text).not.toContain('Missing');
  });

  it('word a stopped import by its code, a full disk by its text, and hide other English', () => {
    setLocale('it');
    expect(describeStoredFailure('importStatus', { status: 'stopped' }, 'This import is stopped')).toBe('Questa importazione è interrotta.');
    expect(describeStoredFailure(undefined, undefined, 'QuotaExceededError: the quota has been exceeded')).toBe(t('errors.quota'));
    expect(describeStoredFailure(undefined, undefined, 'Something English broke')).toBe(t('errors.unexpected'));
    setLocale('en');
    expect(describeStoredFailure(undefined, undefined, 'Something English broke')).toBe('Something English broke');
  });
});
