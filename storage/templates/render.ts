import type { Template } from '../model/template';
import { dateTimeFormat } from '../model/intl';
import { renderLines, type LinesBlock, type TemplateLine } from './linesTable';
import { isMergeFieldKey, mergeFieldLabel, type MergeFieldKey } from './mergeFields';
import { formatAmount } from './money';

/** What merge fields are filled from: the recipient's records and the sender (storage/templates/context.ts). */
export type MergeContext = {
  contact?: { firstName?: string; lastName?: string; email?: string };
  company?: { name?: string; domain?: string };
  /** `expectedClose`: the date as UTC midnight of its day (a date field holds a day, not an instant). */
  deal?: { name?: string; amount?: number; currency?: string; stage?: string; expectedClose?: number; lines?: readonly TemplateLine[] };
  me: { name?: string; email?: string };
};

/**
 * A template filled in: `subject` and `text` are plain text, `html` is safe to insert into a
 * compose body (every value and every character of the template escaped, line breaks as `<br>`).
 * `missing` lists each field that had no value, once, in the order it first appears.
 */
export type Rendered = { subject: string; text: string; html: string; missing: string[] };

type RenderInput = Pick<Template, 'subject' | 'body' | 'language'>;

/**
 * `{{ key }}` or `{{ key | fallback }}`. A fallback fills a known field that has no value; an
 * unknown key stays missing even with one, so a misspelt field is seen in the preview rather
 * than hidden behind its fallback.
 */
const TOKEN = /\{\{\s*([^{}|]*?)\s*(?:\|([^{}]*))?\}\}/g;

const LOCALE_TAG: Record<Template['language'], string> = { en: 'en-US', es: 'es-ES', it: 'it-IT' };

export function renderTemplate(t: RenderInput, ctx: MergeContext): Rendered {
  const missing: string[] = [];
  const note = (key: string) => {
    if (!missing.includes(key)) missing.push(key);
  };
  const subject = fill(t.subject, t.language, ctx, note, plain).replace(/[\r\n]+/g, ' ');
  const text = fill(t.body, t.language, ctx, note, plain);
  const html = fill(t.body, t.language, ctx, note, html_);
  return { subject, text, html, missing };
}

type Piece = { kind: 'literal'; text: string } | { kind: 'value'; text: string } | { kind: 'block'; block: LinesBlock } | { kind: 'missing'; key: string; label: string };
type Sink = (piece: Piece) => string;

const plain: Sink = (p) => (p.kind === 'missing' ? `[${p.label}]` : p.kind === 'block' ? p.block.text : p.text);

const html_: Sink = (p) => {
  if (p.kind === 'missing') return `<span data-tl-missing="${escapeHtml(p.key)}" style="background:#fde68a;color:#713f12">[${escapeHtml(p.label)}]</span>`;
  if (p.kind === 'block') return p.block.html;
  return escapeHtml(p.text).replace(/\r\n|\r|\n/g, '<br>');
};

function fill(source: string, language: Template['language'], ctx: MergeContext, note: (key: string) => void, sink: Sink): string {
  let out = '';
  let last = 0;
  for (const m of source.matchAll(TOKEN)) {
    out += sink({ kind: 'literal', text: source.slice(last, m.index) });
    last = m.index + m[0].length;
    const key = m[1]!;
    const fallback = m[2]?.trim();
    const block = key === 'deal.lines' ? renderLines(ctx.deal?.lines ?? [], language, LOCALE_TAG[language], escapeHtml) : undefined;
    const value = isMergeFieldKey(key) ? valueOf(key, ctx, language) : undefined;
    if (block) out += sink({ kind: 'block', block });
    else if (value !== undefined) out += sink({ kind: 'value', text: value });
    else if (fallback !== undefined && isMergeFieldKey(key)) out += sink({ kind: 'value', text: fallback });
    else {
      // An unknown key is the template's own text: clipped, so a runaway one cannot bloat the reply.
      const shown = key.slice(0, 80);
      note(shown);
      out += sink({ kind: 'missing', key: shown, label: mergeFieldLabel(shown, language) });
    }
  }
  return out + sink({ kind: 'literal', text: source.slice(last) });
}

/** A field's value formatted in the template's language, or undefined when the context has none. */
function valueOf(key: MergeFieldKey, ctx: MergeContext, language: Template['language']): string | undefined {
  const tag = LOCALE_TAG[language];
  const { contact, company, deal, me } = ctx;
  const v = ((): string | number | undefined => {
    switch (key) {
      case 'contact.firstName': return contact?.firstName;
      case 'contact.lastName': return contact?.lastName;
      case 'contact.fullName': return [contact?.firstName, contact?.lastName].map((s) => s?.trim()).filter(Boolean).join(' ');
      case 'contact.email': return contact?.email;
      case 'company.name': return company?.name;
      case 'company.domain': return company?.domain;
      case 'deal.name': return deal?.name;
      case 'deal.amount': return deal?.amount === undefined || !Number.isFinite(deal.amount) ? undefined : formatAmount(deal.amount, deal.currency, tag);
      case 'deal.stage': return deal?.stage;
      // A table, not a value: fill() renders it (linesTable.ts).
      case 'deal.lines': return undefined;
      case 'deal.expectedClose': return deal?.expectedClose === undefined || !Number.isFinite(deal.expectedClose) ? undefined : formatDay(deal.expectedClose, language, tag);
      case 'me.name': return me.name;
      case 'me.email': return me.email;
    }
  })();
  if (v === undefined) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

/** es and it write days dd/mm/yyyy; English spells the month, which no reader can misread. */
function formatDay(day: number, language: Template['language'], tag: string): string {
  const options: Intl.DateTimeFormatOptions = language === 'en' ? { dateStyle: 'medium', timeZone: 'UTC' } : { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' };
  return dateTimeFormat(tag, options).format(day);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
