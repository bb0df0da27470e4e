import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithDb } from '../../support/render';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FieldEditor } from '../../../components/fields/FieldEditor';
import { FieldValue } from '../../../components/fields/FieldValue';
import { formatContext } from '../../../components/hooks';
import { setLocale, type Locale } from '../../../i18n';
import { FIELD_TYPES, type Field, type FieldType } from '../../../storage/model/field';
import { DEFAULT_PIPELINE_ID, PRESET_FOLDER_IDS, presetPipelines } from '../../../storage/folders/presets';
import { createRecord } from '../../../storage/write/records';
import { db, resetDb } from '../../support/db';

/**
 * Every field type's formatter and editor, in English, Spanish and Italian. The table is typed
 * over every FieldType, so a new type fails to compile until it has its case here.
 */
const pipelines = presetPipelines(0);
const LOCALES: Locale[] = ['en', 'es', 'it'];
const WHEN = new Date(2025, 2, 1, 10, 5).getTime();
let acmeId = '';

type Case = {
  field?: Partial<Field>;
  value: () => unknown;
  formatted: Record<Locale, string>;
  /** Changes the editor as a person would; omitted for read-only types, which have no editor. */
  edit?: (locale: Locale) => unknown;
  /** The value the editor reports after `edit`. */
  expected?: () => unknown;
  /** Text shown by the editor in each language (a placeholder or label). */
  editorText?: Record<Locale, string>;
};

const input = () => document.getElementById('ed') as HTMLInputElement;
const ME: Record<Locale, string> = { en: 'Me', es: 'Yo', it: 'Io' };
const change = (value: string, el: Element = input()) => fireEvent.change(el, { target: { value } });
const same = (s: string): Record<Locale, string> => ({ en: s, es: s, it: s });
const opts = [{ id: 'a', label: 'Alpha', color: '#ff0000' }, { id: 'b', label: 'Beta' }, { id: 'c', label: 'Gamma' }];

const CASES: { [T in FieldType]: Case } = {
  text: { value: () => 'Lucía García', formatted: same('Lucía García'), edit: () => change('Ana'), expected: () => 'Ana' },
  longText: { value: () => 'Line one\nline two', formatted: same('Line one\nline two'), edit: () => change('Hola'), expected: () => 'Hola' },
  number: { value: () => 12345.5, formatted: { en: '12,345.5', es: '12.345,5', it: '12.345,5' }, edit: () => change('12.5'), expected: () => 12.5 },
  autoNumber: { value: () => 1042, formatted: same('1042') },
  percent: { value: () => 25, formatted: { en: '25%', es: '25 %', it: '25%' }, edit: () => change('40'), expected: () => 40 },
  currency: {
    field: { settings: { defaultCurrency: 'USD' } },
    value: () => ({ amount: 12345.5, currency: 'EUR' }),
    formatted: { en: '€12,345.50', es: '12.345,50 €', it: '12.345,50 €' },
    edit: () => change('99'),
    expected: () => ({ amount: 99, currency: 'USD' }),
    editorText: { en: 'Field currency', es: 'Moneda de Field', it: 'Valuta di Field' },
  },
  date: { value: () => '2025-03-01', formatted: { en: 'Mar 1, 2025', es: '1 mar 2025', it: '1 mar 2025' }, edit: () => change('2025-12-31'), expected: () => '2025-12-31' },
  checkbox: { value: () => true, formatted: same('✓'), edit: () => fireEvent.click(input()), expected: () => true },
  dropdown: { field: { options: opts }, value: () => 'b', formatted: same('Beta'), edit: () => change('c'), expected: () => 'c' },
  multiDropdown: {
    field: { options: opts },
    value: () => ['a', 'c'],
    formatted: same('Alpha, Gamma'),
    edit: () => {
      fireEvent.click(screen.getByLabelText('Gamma'));
    },
    expected: () => ['c'],
  },
  user: {
    value: () => 'ana@team.io',
    formatted: same('ana@team.io'),
    // The local workspace has one person: "me", named in the page's language.
    edit: async (locale) => {
      fireEvent.focus(input());
      fireEvent.click(await screen.findByRole('option', { name: new RegExp(`^${ME[locale]}`) }));
    },
    expected: () => 'me',
  },
  email: {
    value: () => ['lucia@acme.es', 'l.garcia@acme.es'],
    formatted: same('lucia@acme.es, l.garcia@acme.es'),
    edit: () => change('a@b.es; c@d.it'),
    expected: () => ['a@b.es', 'c@d.it'],
    editorText: { en: 'separate several with commas', es: 'separa varios con comas', it: 'separa più valori con virgole' },
  },
  phone: { value: () => ['+34 600 123 456'], formatted: same('+34 600 123 456'), edit: () => change('+39 02 1234, 555'), expected: () => ['+39 02 1234', '555'] },
  url: { value: () => 'https://acme.es/about', formatted: same('https://acme.es/about'), edit: () => change('https://x.it'), expected: () => 'https://x.it' },
  address: {
    value: () => ({ street: 'Gran Vía 1', city: 'Madrid', country: 'España' }),
    formatted: same('Gran Vía 1, Madrid, España'),
    edit: (locale) => change('Roma', screen.getByPlaceholderText({ en: 'City', es: 'Ciudad', it: 'Città' }[locale])),
    expected: () => ({ city: 'Roma' }),
    editorText: { en: 'Postal code', es: 'Código postal', it: 'CAP' },
  },
  socials: {
    value: () => ({ linkedin: 'https://linkedin.com/in/lucia' }),
    formatted: same('linkedin: https://linkedin.com/in/lucia'),
    edit: () => change('https://github.com/ana', screen.getByPlaceholderText('github')),
    expected: () => ({ github: 'https://github.com/ana' }),
  },
  link: {
    field: { settings: { targetFolderId: PRESET_FOLDER_IDS.companies } },
    value: () => [acmeId],
    formatted: same('Acme Ibérica'),
    edit: async () => {
      change('acme');
      fireEvent.click(await screen.findByRole('option', { name: 'Acme Ibérica' }));
    },
    expected: () => [acmeId],
  },
  stage: {
    value: () => ({ pipelineId: DEFAULT_PIPELINE_ID, stageId: 'qualified' }),
    formatted: same('Qualified'),
    edit: () => change(`${DEFAULT_PIPELINE_ID}/won`),
    expected: () => ({ pipelineId: DEFAULT_PIPELINE_ID, stageId: 'won' }),
  },
  formula: { field: { settings: { expression: 'amount * probability' } }, value: () => 12345.678, formatted: { en: '12,345.678', es: '12.345,678', it: '12.345,678' } },
  statistic: {
    field: { settings: { statistic: 'lastActivity' } },
    value: () => WHEN,
    formatted: { en: 'Mar 1, 2025, 10:05 AM', es: '1 mar 2025, 10:05', it: '1 mar 2025, 10:05' },
  },
};

function fieldOf(type: FieldType, extra: Partial<Field> = {}): Field {
  return { id: 'f1', folderId: 'folder_x', key: 'field', label: 'Field', type, mandatory: false, hidden: false, order: 0, settings: {}, createdAt: 0, updatedAt: 0, ...extra };
}
/** Intl puts no-break and narrow no-break spaces in numbers and dates; compare them as spaces. */
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

beforeAll(async () => {
  await resetDb();
  acmeId = (await createRecord(db, PRESET_FOLDER_IDS.companies, { fo_name: 'Acme Ibérica' })).id;
});
afterAll(() => setLocale('en'));

describe.each(LOCALES)('field types in %s', (locale) => {
  it.each([...FIELD_TYPES])('%s: formats through the registry for the locale', (type) => {
    setLocale(locale);
    const c = CASES[type];
    const ctx = formatContext(pipelines, (id) => (id === acmeId ? 'Acme Ibérica' : undefined));
    const { container } = renderWithDb(<FieldValue field={fieldOf(type, c.field)} value={c.value()} ctx={ctx} />);
    expect(plain(container.textContent)).toBe(plain(c.formatted[locale]));
  });

  it.each([...FIELD_TYPES])('%s: the editor reports the typed value (or there is none for read-only types)', async (type) => {
    setLocale(locale);
    const c = CASES[type];
    const onChange = vi.fn();
    const { container } = renderWithDb(
      <>
        <label htmlFor="ed">Field</label>
        <FieldEditor field={fieldOf(type, c.field)} value={undefined} onChange={onChange} pipelines={pipelines} inputId="ed" />
      </>,
    );
    if (!c.edit) {
      expect(container.querySelector('input, select, textarea')).toBeNull();
      return;
    }
    if (c.editorText) {
      const wanted = c.editorText[locale];
      expect(container.querySelector(`[placeholder="${wanted}"], [aria-label="${wanted}"]`), wanted).not.toBeNull();
    }
    await c.edit(locale);
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith(c.expected!()));
  });
});

describe('links render only safe schemes', () => {
  it('an http(s) URL becomes a link, a javascript: value stays text', () => {
    const ctx = formatContext(pipelines);
    const { container, rerender } = renderWithDb(<FieldValue field={fieldOf('url')} value="https://acme.es" ctx={ctx} />);
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://acme.es/');
    rerender(<FieldValue field={fieldOf('url')} value="javascript:alert(1)" ctx={ctx} />);
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toBe('javascript:alert(1)');
  });
});
