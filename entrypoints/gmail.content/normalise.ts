import { participantSchema, type Participant } from '../../messaging/threadContext';
import type { ContactSource } from './surface';

/**
 * Gmail's contacts, dates and bodies turned into the plain values the schemas accept. Everything
 * here is hostile input: values stay plain strings (never markup) and every length is capped.
 */
export const SNIPPET_MAX = 1_000;
export const SUBJECT_MAX = 1_000;
const NAME_MAX = 500;
const PARTICIPANTS_MAX = 500;
const USER_EMAILS_MAX = 50;
const DATE_MAX = 200;

const emailSchema = participantSchema.shape.email;

export const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
export const clip = (text: string, max: number) => collapse(text).slice(0, max);

/** Runs a getter that a changed Gmail DOM can make throw. */
export function attempt<T>(read: () => T, fallback: T): T {
  try {
    return read() ?? fallback;
  } catch {
    return fallback;
  }
}

// RFC 5322 quoted names ("Doe, Jane") reach us with their quotes; curly ones come from copy-paste.
const QUOTE_OR_SPACE = /["'“”‘’«»\s]/;
// Read at most this much of a raw name: whitespace and quotes still to go, it stays above NAME_MAX.
const RAW_NAME_MAX = NAME_MAX * 4;

/**
 * Drops quotes and spaces at both ends by walking inwards: linear. The regex this replaces
 * (`[…]+$`) retried from every character of a long run of quotes, quadratic on a hostile name.
 */
function unquote(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && QUOTE_OR_SPACE.test(text[start]!)) start++;
  while (end > start && QUOTE_OR_SPACE.test(text[end - 1]!)) end--;
  return text.slice(start, end);
}

export function displayName(raw: string | null | undefined, email: string): string {
  // Clipped before any work, so a 100,000-character name costs what a 2,000-character one does.
  const name = unquote(collapse((raw ?? '').slice(0, RAW_NAME_MAX)));
  return (name || email.slice(0, email.lastIndexOf('@'))).slice(0, NAME_MAX);
}

/** A participant, or null when Gmail gave no usable address (nothing to match a record on). */
export function toParticipant(contact: ContactSource | null | undefined): Participant | null {
  const email = (contact?.emailAddress ?? '').trim();
  if (!emailSchema.safeParse(email).success) return null;
  return { name: displayName(contact?.name, email), email };
}

export function toParticipants(contacts: readonly (ContactSource | null | undefined)[]): Participant[] {
  const seen = new Set<string>();
  const out: Participant[] = [];
  for (const contact of contacts) {
    const p = toParticipant(contact);
    if (!p || seen.has(p.email.toLowerCase())) continue;
    seen.add(p.email.toLowerCase());
    out.push(p);
    if (out.length === PARTICIPANTS_MAX) break;
  }
  return out;
}

export function toUserEmails(emails: readonly (string | null | undefined)[]): string[] {
  return toParticipants(emails.map((emailAddress) => ({ emailAddress })))
    .map((p) => p.email)
    .slice(0, USER_EMAILS_MAX);
}

/**
 * Epoch ms from Gmail's date tooltip. V8 parses the English forms ("Thu, Feb 27, 2025, 3:45 PM",
 * older "… at 3:45 PM") once the narrow no-break space before AM/PM is a plain one. Other
 * locales do not parse: 0 then stands for "unknown" rather than inventing a date.
 */
export function parseGmailDate(text: string): number {
  // A tooltip is some 40 characters; clipping first keeps both regexes' retries bounded.
  const cleaned = collapse(text.slice(0, DATE_MAX).replace(/\([^)]*\)/g, '').replace(/\s+at\s+/i, ' '));
  const ms = cleaned ? Date.parse(cleaned) : Number.NaN;
  return Number.isFinite(ms) && ms >= 0 ? Math.trunc(ms) : 0;
}

const SKIPPED = new Set(['STYLE', 'SCRIPT', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE']);
const BLOCKS = new Set(['BR', 'DIV', 'P', 'LI', 'TR', 'TD', 'TH', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'HR']);

/**
 * The readable text of a message body, capped. Walks text nodes instead of textContent so the
 * contents of <style> blocks stay out and a huge body is not read past what the snippet needs.
 */
export function bodySnippet(root: Node, max = SNIPPET_MAX): string {
  const doc = root.ownerDocument ?? document;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.ELEMENT_NODE && SKIPPED.has((node as Element).tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  let text = '';
  // Raw text is mostly indentation in HTML mail, so read well past `max` before collapsing it.
  for (let node = walker.nextNode(); node && text.length < max * 8; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) text += node.nodeValue ?? '';
    else if (BLOCKS.has((node as Element).tagName)) text += ' ';
  }
  return clip(text, max);
}
