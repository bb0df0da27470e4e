import { describe, expect, it } from 'vitest';
import { renderTemplate, type MergeContext } from '../../../storage/templates/render';
import type { TemplateLine } from '../../../storage/templates/linesTable';
import { MARKUP_PAYLOADS } from '../../fixtures/xss-corpus';

const lines: TemplateLine[] = [
  { id: 'l1', name: 'Widget', sku: 'W-1', quantity: 2, unitPrice: { amount: 12000, currency: 'EUR' } },
  { id: 'l2', name: 'Set-up', quantity: 1.5, unitPrice: { amount: 100, currency: 'EUR' }, discount: { kind: 'percent', value: 10 } },
];
const ctx = (l: readonly TemplateLine[] = lines): MergeContext => ({ me: {}, deal: { name: 'Acme', lines: l } });
const tpl = (language: 'en' | 'es' | 'it', body = 'Your order:\n{{deal.lines}}\nThanks') => ({ subject: 'Order {{deal.lines}}', body, language });
/** Intl puts a no-break space before "€" in es and it: compared as a plain space. */
const sp = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');
const text = (...args: Parameters<typeof renderTemplate>) => sp(renderTemplate(...args).text);
const cells = (html: string, tag: 'td' | 'th') => [...new DOMParser().parseFromString(html, 'text/html').querySelectorAll(`table ${tag}`)].map((c) => sp(c.textContent));

describe('{{deal.lines}}', () => {
  it('renders a line per item and the total as plain text, in the template language', () => {
    expect(renderTemplate(tpl('en'), ctx()).text).toBe(
      ['Your order:', '2 × Widget (W-1) @ €12,000.00 = €24,000.00', '1.5 × Set-up @ €100.00 = €135.00', 'Total: €24,135.00', 'Thanks'].join('\n'),
    );
    // Spanish and Italian number formats: decimal comma, euro sign after.
    expect(text(tpl('es'), ctx())).toContain('1,5 × Set-up @ 100,00 € = 135,00 €\nTotal: 24.135,00 €');
    expect(text(tpl('it'), ctx())).toContain('2 × Widget (W-1) @ 12.000,00 € = 24.000,00 €');
    expect(text(tpl('it'), ctx())).toContain('Totale: 24.135,00 €');
  });

  it('renders an HTML table with headers in the template language, a row per line and the total', () => {
    const { html } = renderTemplate(tpl('it'), ctx());
    expect(html.startsWith('Your order:<br><table data-tl-lines=""')).toBe(true);
    expect(html.endsWith('</table><br>Thanks')).toBe(true);
    expect(cells(html, 'th')).toEqual(['Prodotto', 'Q.tà', 'Prezzo unitario', 'Subtotale', 'Totale']);
    expect(cells(html, 'td')).toEqual(['Widget (W-1)', '2', '12.000,00 €', '24.000,00 €', 'Set-up', '1,5', '100,00 €', '135,00 €', '24.135,00 €']);
  });

  it('adds the tax and the total with tax when a line is taxed', () => {
    const taxed = [{ ...lines[0]!, taxRate: 21 }];
    expect(text(tpl('es'), ctx(taxed))).toContain('Total: 24.000,00 €\nIVA: 5040,00 €\nTotal con IVA: 29.040,00 €');
  });

  it('leaves the total out for lines in two currencies rather than adding them', () => {
    const mixed = [lines[0]!, { ...lines[1]!, unitPrice: { amount: 100, currency: 'USD' } }];
    const r = renderTemplate(tpl('en'), ctx(mixed));
    expect(r.text).toContain('1.5 × Set-up @ $100.00 = $135.00\nThanks');
    expect(r.text).not.toContain('Total');
  });

  it('is missing (marked, or its fallback) for a deal without lines or no deal', () => {
    expect(renderTemplate(tpl('en'), ctx([]))).toMatchObject({ missing: ['deal.lines'] });
    expect(renderTemplate(tpl('es'), { me: {} }).text).toContain('[Líneas de la oportunidad]');
    expect(renderTemplate(tpl('en', '{{deal.lines | (no items)}}'), ctx([])).text).toBe('(no items)');
  });

  it('escapes every product name and code in the HTML', () => {
    for (const payload of MARKUP_PAYLOADS) {
      const { html } = renderTemplate(tpl('en', '{{deal.lines}}'), ctx([{ ...lines[0]!, name: payload, sku: payload }]));
      const doc = new DOMParser().parseFromString(html, 'text/html');
      expect(doc.querySelectorAll('script, img, iframe, svg, [onerror], [onload]').length).toBe(0);
      expect(doc.querySelector('td')?.textContent).toBe(`${payload} (${payload})`);
    }
  });
});
