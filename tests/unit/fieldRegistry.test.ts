import { describe, it, expect } from 'vitest';
import { FIELD_TYPES, type Field, type FieldType } from '../../storage/model/field';
import type { FieldValueMap } from '../../storage/model/fieldValues';
import {
  FIELD_REGISTRY,
  compareValues,
  formatValue,
  isEmptyValue,
  type FieldTypeSpec,
  type SchemaContext,
} from '../../storage/model/fieldRegistry';
import { presetPipelines } from '../../storage/folders/presets';
import { issueFromZod } from '../../storage/model/issues';
import { describeProblem } from '../../components/errors';
import { setLocale } from '../../i18n';

// Storage refuses with codes; these tests read them through the UI's English wording.
setLocale('en');
const zodText = (issue: Parameters<typeof issueFromZod>[0]) => describeProblem(issueFromZod(issue));

const ctx: SchemaContext = { pipelines: presetPipelines(Date.now()) };
const LOCALES = ['en', 'es', 'it'] as const;

function makeField(type: FieldType, extra: Partial<Field> = {}): Field {
  return {
    id: `f_${type}`, folderId: 'folder_test', key: type, label: `My ${type}`, type,
    mandatory: false, hidden: false, order: 0, settings: {}, createdAt: 0, updatedAt: 0, ...extra,
  };
}
/** Intl uses no-break and narrow no-break spaces; compare them as plain spaces. */
const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const OPTIONS = [
  { id: 'low', label: 'Low' },
  { id: 'medium', label: 'Médium' },
  { id: 'high', label: 'High' },
];
const stage = (stageId: string) => ({ pipelineId: 'pipeline_sales', stageId });

type Case<V> = {
  field?: Partial<Field>;
  valid: V;
  /** A value the schema refuses, and the words the user is shown. */
  invalid: [value: unknown, message: RegExp];
  /** 'computed' types refuse import; `bad` is [raw, text the error must contain]. */
  csv: 'computed' | { good: [raw: string, parsed: V]; bad: [raw: string, error: string] | { acceptsAnyText: true } };
  /** Two filled values in ascending order; `empty` is a filled-but-empty value, if the type has one. */
  order: [lower: V, higher: V];
  empty?: V;
  format: [value: V, out: { en: string; es?: string; it?: string }];
};

/** Typed so that adding a field type without adding its cases is a compile error. */
const cases: { [T in FieldType]: Case<FieldValueMap[T]> } = {
  text: {
    valid: 'Ada Lovelace',
    invalid: ['x'.repeat(1_001), /^is longer than 1,000 characters$/],
    csv: { good: ['Ada Lovelace', 'Ada Lovelace'], bad: ['y'.repeat(1_001), `"${'y'.repeat(40)}" is longer than 1,000 characters`] },
    order: ['apple', 'Banana'],
    empty: '   ',
    format: ['Ada', { en: 'Ada' }],
  },
  longText: {
    valid: 'line one\nline two',
    invalid: ['x'.repeat(100_001), /^is longer than 100,000 characters$/],
    csv: { good: ['a\nb', 'a\nb'], bad: ['z'.repeat(100_001), `"${'z'.repeat(40)}" is longer than 100,000 characters`] },
    order: ['item 2', 'item 10'],
    empty: '',
    format: ['a\nb', { en: 'a\nb' }],
  },
  number: {
    valid: 1234.5,
    invalid: ['12', /^is not a number$/],
    csv: { good: ['1.234,5', 1234.5], bad: ['12abc', '"12abc" is not a number'] },
    order: [2, 10],
    format: [12345.5, { en: '12,345.5', es: '12.345,5', it: '12.345,5' }],
  },
  autoNumber: {
    valid: 7,
    invalid: [1.5, /whole number/],
    csv: { good: [' 42 ', 42], bad: ['#42', '"#42" is not a number'] },
    order: [9, 10],
    format: [12345, { en: '12345' }],
  },
  percent: {
    valid: 12.5,
    invalid: [Number.NaN, /number/],
    csv: { good: ['12,5 %', 12.5], bad: ['lots', '"lots" is not a number'] },
    order: [5, 50],
    format: [12.5, { en: '12.5%', es: '12,5 %', it: '12,5%' }],
  },
  currency: {
    valid: { amount: 12345.5, currency: 'EUR' },
    invalid: [{ amount: 1, currency: 'eur' }, /^needs a 3-letter ISO currency code such as EUR$/],
    csv: { good: ['1,234.50 usd', { amount: 1234.5, currency: 'USD' }], bad: ['ten EUR', '"ten EUR" is not an amount'] },
    order: [{ amount: 5, currency: 'USD' }, { amount: 10, currency: 'EUR' }],
    format: [{ amount: 12345.5, currency: 'EUR' }, { en: '€12,345.50', es: '12.345,50 €', it: '12.345,50 €' }],
  },
  date: {
    valid: '2024-03-05',
    invalid: ['2024-02-30', /^must be a date written YYYY-MM-DD$/],
    csv: { good: ['5/3/2024', '2024-03-05'], bad: ['31/02/2024', '"31/02/2024" is not a date (use YYYY-MM-DD or DD/MM/YYYY)'] },
    order: ['2023-12-31', '2024-01-01'],
    empty: '',
    format: ['2024-03-05', { en: 'Mar 5, 2024', es: '5 mar 2024', it: '5 mar 2024' }],
  },
  checkbox: {
    valid: true,
    invalid: ['yes', /^must be true or false$/],
    csv: { good: ['Sí', true], bad: ['maybe', '"maybe" is not yes/no'] },
    order: [false, true],
    format: [true, { en: '✓' }],
  },
  dropdown: {
    field: { options: OPTIONS },
    valid: 'medium',
    invalid: ['urgent', /^is not one of the options$/],
    csv: { good: ['MEDIUM', 'medium'], bad: ['Urgent', '"Urgent" is not one of the options'] },
    order: ['low', 'high'], // option order, not alphabetical
    empty: '',
    format: ['medium', { en: 'Médium' }],
  },
  multiDropdown: {
    field: { options: OPTIONS },
    valid: ['low', 'high'],
    invalid: [['low', 'urgent'], /^is not one of the options$/],
    csv: { good: ['High; low', ['high', 'low']], bad: ['low; Urgent', '"Urgent" is not one of the options'] },
    order: [['low'], ['high', 'low']],
    empty: [],
    format: [['low', 'medium'], { en: 'Low, Médium' }],
  },
  user: {
    valid: 'user_123',
    invalid: ['u'.repeat(129), /128/],
    csv: { good: [' user_123 ', 'user_123'], bad: { acceptsAnyText: true } },
    order: ['alice', 'Bob'],
    empty: '',
    format: ['user_123', { en: 'user_123' }],
  },
  email: {
    valid: ['ada@example.com'],
    invalid: [['ada@example'], /^is not an email address$/],
    csv: {
      good: ['Ada@Example.com;  bob@example.org ', ['ada@example.com', 'bob@example.org']],
      bad: ['ada@example.com; not-an-email', '"not-an-email" is not an email address'],
    },
    order: [['ada@x.com'], ['bob@x.com']],
    empty: [],
    format: [['a@x.com', 'b@x.com'], { en: 'a@x.com, b@x.com' }],
  },
  phone: {
    valid: ['+34 600 123 456'],
    invalid: [['call me'], /^is not a phone number$/],
    csv: {
      good: ['+34 600 123 456;+1 (555) 010-0000 ext. 12', ['+34 600 123 456', '+1 (555) 010-0000 ext. 12']],
      bad: ['+34 600; call me', '"call me" is not a phone number'],
    },
    order: [['+1 555'], ['+34 600']],
    empty: [],
    format: [['+34 600', '+1 555'], { en: '+34 600, +1 555' }],
  },
  url: {
    valid: 'https://acme.com/about',
    invalid: ['javascript:alert(1)', /^is not an http\(s\) address$/],
    csv: { good: ['acme.com', 'https://acme.com'], bad: ['ftp://acme.com', '"ftp://acme.com" is not an http(s) address'] },
    order: ['https://a.com', 'https://b.com'],
    empty: '',
    format: ['https://acme.com', { en: 'https://acme.com' }],
  },
  address: {
    valid: { street: 'Via Roma 1', city: 'Milano', country: 'Italy' },
    invalid: [{ planet: 'Mars' }, /planet/],
    csv: {
      good: ['Via Roma 1 | Milano | | 20100 | Italy', { street: 'Via Roma 1', city: 'Milano', postalCode: '20100', country: 'Italy' }],
      bad: ['a|b|c|d|e|f', '"a|b|c|d|e|f" has more than 5 parts'],
    },
    order: [{ city: 'Berlin' }, { city: 'Madrid' }],
    empty: {},
    format: [{ street: 'Via Roma 1', city: 'Milano', country: 'Italy' }, { en: 'Via Roma 1, Milano, Italy' }],
  },
  socials: {
    valid: { linkedin: 'https://linkedin.com/in/ada' },
    invalid: [{ mastodon: '@ada' }, /mastodon/],
    csv: {
      good: ['LinkedIn: https://linkedin.com/in/ada; github: ada', { linkedin: 'https://linkedin.com/in/ada', github: 'ada' }],
      bad: ['github: ada; myspace: tom', '"myspace: tom" should look like "linkedin: <address>"'],
    },
    order: [{ github: 'ada' }, { github: 'bob' }],
    empty: {},
    format: [{ linkedin: 'in/ada', github: 'ada' }, { en: 'linkedin: in/ada, github: ada' }],
  },
  link: {
    valid: ['rec_1', 'rec_2'],
    invalid: [[''], /required/],
    csv: { good: ['rec_1; rec_2', ['rec_1', 'rec_2']], bad: { acceptsAnyText: true } },
    order: [['rec_9'], ['rec_1', 'rec_2']], // by number of links
    empty: [],
    format: [['rec_1', 'rec_2'], { en: '2 linked' }],
  },
  stage: {
    valid: stage('proposal'),
    invalid: [stage('closed'), /^is not a stage of a pipeline in this workspace$/],
    csv: { good: ['sales / Proposal', stage('proposal')], bad: ['Sales / Closed', '"Sales / Closed" is not a pipeline stage'] },
    order: [stage('proposal'), stage('lost')], // pipeline order, not alphabetical
    format: [stage('proposal'), { en: 'Proposal' }],
  },
  formula: {
    field: { settings: { expression: 'amount * probability' } },
    valid: 12.5,
    invalid: [Number.POSITIVE_INFINITY, /^is not a number$/],
    csv: 'computed',
    order: [-1, 2],
    format: [12345.5, { en: '12,345.5', es: '12.345,5', it: '12.345,5' }],
  },
  statistic: {
    field: { settings: { statistic: 'emailThreadCount' } },
    valid: 3,
    invalid: ['3', /^is not a number$/],
    csv: 'computed',
    order: [2, 10],
    format: [1234, { en: '1,234', es: '1234', it: '1234' }],
  },
};

describe('the field-type registry', () => {
  it('has a registry entry and test cases for exactly the declared types', () => {
    expect(Object.keys(FIELD_REGISTRY).sort()).toEqual([...FIELD_TYPES].sort());
    expect(Object.keys(cases).sort()).toEqual([...FIELD_TYPES].sort());
  });

  it('marks only formula and statistic as computed, and labels every type distinctly', () => {
    expect(FIELD_TYPES.filter((t) => FIELD_REGISTRY[t].computed)).toEqual(['formula', 'statistic']);
    const labels = FIELD_TYPES.map((t) => FIELD_REGISTRY[t].label);
    expect(labels.every((l) => l.length > 0)).toBe(true);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe.each(FIELD_TYPES)('field type %s', (type) => {
  const c = cases[type] as Case<unknown>;
  const spec = FIELD_REGISTRY[type] as FieldTypeSpec<unknown>;
  const field = makeField(type, c.field);

  it('accepts a valid value', () => {
    const r = spec.value(field, ctx).safeParse(c.valid);
    expect(r.error?.issues).toBeUndefined();
    expect(r.data).toEqual(c.valid);
  });

  it('refuses an invalid value with a message for the user', () => {
    const r = spec.value(field, ctx).safeParse(c.invalid[0]);
    expect(r.success).toBe(false);
    expect(zodText(r.error?.issues[0])).toMatch(c.invalid[1]);
  });

  if (c.csv === 'computed') {
    it('refuses CSV import because it is computed', () => {
      for (const raw of ['', '42', String(c.valid)]) {
        expect(spec.parseCsv(raw, field, ctx)).toEqual({ ok: false, error: { code: 'notComputedImport' } });
      }
    });
  } else {
    const { good, bad } = c.csv;
    it('parses a good CSV cell into a value the schema accepts', () => {
      expect(spec.parseCsv(good[0], field, ctx)).toEqual({ ok: true, value: good[1] });
      expect(spec.value(field, ctx).safeParse(good[1]).success).toBe(true);
    });

    if ('acceptsAnyText' in bad) {
      it('has no CSV text it refuses (free text)', () => {
        expect(spec.parseCsv('anything at all', field, ctx).ok).toBe(true);
      });
    } else {
      it('refuses a bad CSV cell, naming the offending input', () => {
        const r = spec.parseCsv(bad[0], field, ctx);
        expect(r.ok).toBe(false);
        expect(r.ok ? '' : describeProblem(r.error)).toContain(bad[1]);
      });
    }

    it('round-trips through toCsv and parseCsv', () => {
      for (const v of [c.valid, c.order[0], c.order[1]]) {
        expect(spec.parseCsv(spec.toCsv(v, field), field, ctx)).toEqual({ ok: true, value: v });
      }
    });

    it('reads an empty CSV cell as no value', () => {
      const r = spec.parseCsv('  ', field, ctx);
      expect(r.ok).toBe(true);
      if (r.ok && type !== 'checkbox') expect(r.value).toBeUndefined();
    });
  }

  it('sorts values ascending, with empties last', () => {
    const [lo, hi] = c.order;
    expect(compareValues(field, lo, hi, ctx)).toBeLessThan(0);
    expect(compareValues(field, hi, lo, ctx)).toBeGreaterThan(0);
    expect(compareValues(field, lo, structuredClone(lo), ctx)).toBe(0);
    const empties: unknown[] = [undefined, null, ...('empty' in c ? [c.empty] : [])];
    for (const e of empties) {
      expect(isEmptyValue(field, e)).toBe(true);
      expect(compareValues(field, lo, e, ctx)).toBeLessThan(0);
      expect(compareValues(field, e, hi, ctx)).toBeGreaterThan(0);
      expect(compareValues(field, e, undefined, ctx)).toBe(0);
    }
    expect(isEmptyValue(field, lo)).toBe(false);
    const sorted = [undefined, hi, ...empties.slice(1), lo].sort((a, b) => compareValues(field, a, b, ctx));
    expect(sorted.slice(0, 2)).toEqual([lo, hi]);
  });

  it.each(LOCALES)('formats for people in locale %s', (locale) => {
    const [v, out] = c.format;
    expect(spaces(formatValue(field, v, { locale, pipelines: ctx.pipelines }))).toBe(out[locale] ?? out.en);
    expect(formatValue(field, undefined, { locale, pipelines: ctx.pipelines })).toBe('');
  });
});

describe('type details', () => {
  const csv = (type: FieldType, raw: string, extra: Partial<Field> = {}) =>
    (FIELD_REGISTRY[type] as FieldTypeSpec<unknown>).parseCsv(raw, makeField(type, extra), ctx);

  it('reads English and European number notation alike', () => {
    expect(csv('number', '1,234.56')).toEqual({ ok: true, value: 1234.56 });
    expect(csv('number', '1.234,56')).toEqual({ ok: true, value: 1234.56 });
    expect(csv('number', '1 234,5')).toEqual({ ok: true, value: 1234.5 });
    expect(csv('number', "1'000")).toEqual({ ok: true, value: 1000 });
    expect(csv('number', '-3')).toEqual({ ok: true, value: -3 });
    expect(csv('percent', '50%')).toEqual({ ok: true, value: 50 });
  });

  it('takes the currency from the cell, else the field default, else EUR', () => {
    expect(csv('currency', '€ 99,90', { settings: { defaultCurrency: 'USD' } })).toEqual({ ok: true, value: { amount: 99.9, currency: 'USD' } });
    expect(csv('currency', 'GBP 5')).toEqual({ ok: true, value: { amount: 5, currency: 'GBP' } });
    expect(csv('currency', '$12')).toEqual({ ok: true, value: { amount: 12, currency: 'EUR' } });
  });

  it('accepts ISO timestamps as dates but refuses loose formats', () => {
    expect(csv('date', '2024-03-05T10:00:00Z')).toEqual({ ok: true, value: '2024-03-05' });
    expect(csv('date', '2024-3-5').ok).toBe(false);
    expect(csv('date', '29/02/2023').ok).toBe(false);
    expect(csv('date', '29.02.2024')).toEqual({ ok: true, value: '2024-02-29' });
  });

  it('never turns a non-http scheme into a link', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd']) {
      expect(csv('url', bad).ok).toBe(false);
      expect(FIELD_REGISTRY.url.value(makeField('url'), ctx).safeParse(bad).success).toBe(false);
    }
  });

  it('refuses lists longer than the limit', () => {
    const r = FIELD_REGISTRY.email.value(makeField('email'), ctx).safeParse(Array(51).fill('a@b.co'));
    expect(issueFromZod(r.error?.issues[0])).toEqual({ code: 'tooMany', params: { max: 50 } });
  });

  it('finds a stage by name or id, in any pipeline when none is named', () => {
    expect(csv('stage', 'won')).toEqual({ ok: true, value: stage('won') });
    expect(csv('stage', 'NEGOTIATION')).toEqual({ ok: true, value: stage('negotiation') });
    expect(csv('stage', 'Marketing / Won').ok).toBe(false);
    const fmt = { locale: 'en', pipelines: ctx.pipelines };
    expect(formatValue(makeField('stage'), stage('gone'), fmt)).toBe('(unknown stage)');
  });

  it('shows linked records by title when it can', () => {
    const titles: Record<string, string> = { rec_1: 'Acme' };
    const fmt = { locale: 'en', pipelines: [], recordTitle: (id: string) => titles[id] };
    expect(formatValue(makeField('link'), ['rec_1', 'rec_2'], fmt)).toBe('Acme, (deleted)');
  });

  it('formats date statistics as timestamps and counts as numbers', () => {
    const at = Date.UTC(2024, 5, 15, 12);
    const fmt = { locale: 'en', pipelines: [] };
    expect(formatValue(makeField('statistic', { settings: { statistic: 'createdAt' } }), at, fmt)).toMatch(/Jun 1[45], 2024/);
    expect(formatValue(makeField('statistic', { settings: { statistic: 'emailThreadCount' } }), at, fmt)).toBe(at.toLocaleString('en'));
  });

  it('treats a value of the wrong shape as filled instead of throwing', () => {
    expect(isEmptyValue(makeField('text'), 42)).toBe(false);
    expect(compareValues(makeField('text'), 42, 'a', ctx)).toEqual(expect.any(Number));
  });

  it('starts checkboxes unticked and everything else empty', () => {
    for (const t of FIELD_TYPES) {
      expect((FIELD_REGISTRY[t] as FieldTypeSpec<unknown>).defaultValue(makeField(t))).toBe(t === 'checkbox' ? false : undefined);
    }
  });
});
