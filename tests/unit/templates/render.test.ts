import { describe, expect, it } from 'vitest';
import { renderTemplate, type MergeContext } from '../../../storage/templates/render';
import { MERGE_FIELDS, MERGE_FIELD_KEYS } from '../../../storage/templates/mergeFields';
import { MARKUP_PAYLOADS } from '../../fixtures/xss-corpus';

const full: MergeContext = {
  contact: { firstName: 'Ana', lastName: 'García', email: 'ana@acme.com' },
  company: { name: 'Acme', domain: 'acme.com' },
  deal: {
    name: 'Acme pilot',
    amount: 12500.5,
    currency: 'EUR',
    stage: 'Proposal',
    expectedClose: Date.UTC(2027, 2, 5),
    lines: [{ id: 'l1', name: 'Pilot', quantity: 1, unitPrice: { amount: 12500.5, currency: 'EUR' } }],
  },
  me: { name: 'Rep One', email: 'rep@team.com' },
};
const en = (body: string, subject = '') => ({ subject, body, language: 'en' as const });

describe('renderTemplate', () => {
  it('fills every merge field the editor offers', () => {
    const body = MERGE_FIELD_KEYS.map((k) => `${k}={{${k}}}`).join('\n');
    const r = renderTemplate(en(body), full);
    expect(r.missing).toEqual([]);
    expect(r.text.split('\n')).toEqual([
      'contact.firstName=Ana',
      'contact.lastName=García',
      'contact.fullName=Ana García',
      'contact.email=ana@acme.com',
      'company.name=Acme',
      'company.domain=acme.com',
      'deal.name=Acme pilot',
      'deal.amount=€12,500.50',
      'deal.stage=Proposal',
      'deal.expectedClose=Mar 5, 2027',
      'deal.lines=1 × Pilot @ €12,500.50 = €12,500.50',
      'Total: €12,500.50',
      'me.name=Rep One',
      'me.email=rep@team.com',
    ]);
    expect(MERGE_FIELDS.map((f) => f.key)).toEqual([...MERGE_FIELD_KEYS]);
    expect(MERGE_FIELDS.every((f) => f.label().length > 0)).toBe(true);
  });

  it('tolerates whitespace inside the braces and uses a fallback only when the value is missing', () => {
    const t = en('Hi {{  contact.firstName  }}, {{ contact.lastName | friend }} / {{contact.firstName|there}}');
    expect(renderTemplate(t, { me: {}, contact: { firstName: 'Ana' } })).toMatchObject({ text: 'Hi Ana, friend / Ana', missing: [] });
    expect(renderTemplate(t, { me: {} }).text).toBe('Hi [First name], friend / there');
  });

  it('marks a missing value in text and html, once in `missing`, labelled in the template language', () => {
    const r = renderTemplate({ subject: 'Hola {{contact.firstName}}', body: 'Hola {{contact.firstName}}\n{{ deal.amount }}', language: 'es' }, { me: {} });
    expect(r.missing).toEqual(['contact.firstName', 'deal.amount']);
    expect(r.subject).toBe('Hola [Nombre]');
    expect(r.text).toBe('Hola [Nombre]\n[Importe de la oportunidad]');
    expect(r.html).toBe(
      'Hola <span data-tl-missing="contact.firstName" style="background:#fde68a;color:#713f12">[Nombre]</span><br>' +
        '<span data-tl-missing="deal.amount" style="background:#fde68a;color:#713f12">[Importe de la oportunidad]</span>',
    );
  });

  it('counts unknown keys as missing, even with a fallback (a misspelt field shows)', () => {
    const r = renderTemplate(en('{{deal.colour}} {{contact.nickname | pal}}'), full);
    expect(r.missing).toEqual(['deal.colour', 'contact.nickname']);
    expect(r.text).toBe('[Unknown field deal.colour] [Unknown field contact.nickname]');
  });

  it('an empty or blank value is missing; fullName with only a first name is that name', () => {
    const r = renderTemplate(en('{{contact.lastName}}|{{contact.fullName}}'), { me: {}, contact: { firstName: 'Ana', lastName: '  ' } });
    expect(r.text).toBe('[Last name]|Ana');
    expect(r.missing).toEqual(['contact.lastName']);
  });

  it('escapes a <script> in a contact name and in the body; line breaks become <br>', () => {
    const ctx: MergeContext = { me: {}, contact: { firstName: '<script>alert(1)</script>', lastName: '"x" & \'y\'' } };
    const r = renderTemplate(en('<b>Hi</b> {{contact.firstName}} {{contact.lastName}}\r\n<script>steal()</script>', '<i>{{contact.firstName}}</i>'), ctx);
    expect(r.html).toBe('&lt;b&gt;Hi&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt; &quot;x&quot; &amp; &#39;y&#39;<br>&lt;script&gt;steal()&lt;/script&gt;');
    expect(r.html).not.toMatch(/<(?!br>|span |\/span>)/);
    // The subject is plain text: the compose's subject box shows it verbatim, it is never parsed.
    expect(r.subject).toBe('<i><script>alert(1)</script></i>');
    expect(r.text).toContain('<script>alert(1)</script>');
  });

  it('no corpus payload, as value or template text, yields markup other than <br> and the marker', () => {
    for (const payload of MARKUP_PAYLOADS) {
      const r = renderTemplate(en(`${payload} {{contact.firstName}} {{company.name}}`), { me: {}, contact: { firstName: payload } });
      const tags = r.html.match(/<[^>]*>/g) ?? [];
      for (const tag of tags) expect(tag, payload).toMatch(/^<(br|span data-tl-missing="[^"<>]*" style="background:#fde68a;color:#713f12"|\/span)>$/);
    }
  });

  it('a subject never spans lines, even when a value holds a line break', () => {
    expect(renderTemplate(en('', 'Re: {{deal.name}}'), { me: {}, deal: { name: 'a\nb' } }).subject).toBe('Re: a b');
  });

  it('formats amounts and dates in Spanish and Italian (dd/mm/yyyy)', () => {
    const body = '{{deal.amount}} · {{deal.expectedClose}}';
    const es = renderTemplate({ subject: '', body, language: 'es' }, full).text;
    const it_ = renderTemplate({ subject: '', body, language: 'it' }, full).text;
    expect(es.replace(/\s/g, ' ')).toBe('12.500,50 € · 05/03/2027');
    expect(it_.replace(/\s/g, ' ')).toBe('12.500,50 € · 05/03/2027');
    const usd = renderTemplate({ subject: '', body: '{{deal.amount}}', language: 'it' }, { me: {}, deal: { amount: 12500, currency: 'USD' } }).text;
    expect(usd.replace(/\s/g, ' ')).toBe('12.500,00 USD');
    expect(renderTemplate(en('{{deal.amount}}'), { me: {}, deal: { amount: 1234.5 } }).text).toBe('1,234.5');
  });

  it('a day is the same day whatever the time zone: UTC midnight formatted in UTC', () => {
    expect(renderTemplate(en('{{deal.expectedClose}}'), { me: {}, deal: { expectedClose: Date.UTC(2027, 11, 31) } }).text).toBe('Dec 31, 2027');
  });
});
