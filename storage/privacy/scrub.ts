import type { Person } from '../model/entities';
import { normalizeEmail } from '../model/normalize';

/**
 * Someone whose traces must go (a never-log address, a person erased under GDPR): which addresses
 * are theirs, and the full names they go by, matched in text as whole words.
 */
export type Mentions = { isGone: (email: string) => boolean; names: readonly string[] };

/** What replaces a scrubbed address or name in text. */
export const SCRUBBED = '…';

/** Punctuation around an address written in text: "<ana@x.es>," or "(mailto:ana@x.es)." */
const AROUND = /^(?:mailto:)?[<([{"'«]*|[>)\]}"'».,;:!?]*$/gi;

/** Name parts shorter than this are too likely to be parts of other words ("Al", "Li"). */
const MIN_NAME = 3;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One pattern for the names in `whole` as written, and for those in `split` also part by part
 * ("Ana", "García"), as whole words in any script, any case.
 */
function namePattern(whole: readonly string[], split: readonly string[]): RegExp | undefined {
  const names = new Set<string>();
  const add = (name: string) => {
    if (name.length >= MIN_NAME && !name.includes('@')) names.add(name);
  };
  for (const name of [...whole, ...split]) add(name.trim());
  for (const name of split) name.split(/[\s,]+/).forEach(add);
  if (names.size === 0) return undefined;
  // Longest first, so "Ana García" goes whole rather than as "Ana" and "García".
  const alternatives = [...names].sort((a, b) => b.length - a.length).map(escape);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/**
 * `text` with every address of `gone`, every one of its names and every part of the names in
 * `split` replaced by SCRUBBED. Addresses are found token by token (split on white space), never
 * with a backtracking pattern over the text.
 */
export function scrubText(text: string, gone: Mentions, split: readonly string[] = []): string {
  let out = text.includes('@')
    ? text.replace(/\S+/g, (token) => {
        if (!token.includes('@')) return token;
        const core = token.replace(AROUND, '');
        return core.includes('@') && gone.isGone(normalizeEmail(core)) ? token.replace(core, SCRUBBED) : token;
      })
    : text;
  const pattern = namePattern(gone.names, split);
  if (pattern) out = out.replace(pattern, SCRUBBED);
  return out;
}

/** Does `text` mention `gone` (an address or a name)? */
export const mentions = (text: string, gone: Mentions, split: readonly string[] = []) => scrubText(text, gone, split) !== text;

/** The parts of a logged email that name people. */
export type EmailParts = { from: Person; to: Person[]; cc: Person[]; subject: string; snippet: string };

/** Stands in for a sender whose address must not be kept. */
const NOBODY: Person = { name: '', email: '' };

/**
 * An email without `gone`: `undefined` when nothing may be kept, because once they are taken out
 * only the rep (or the team, `isOwn`) is left on it; otherwise the email with their addresses
 * taken off from/to/cc and their addresses and names (those of `gone`, and each part of the names
 * they have on the email and in `split`) taken out of subject and snippet. `changed` says whether
 * anything was taken out.
 */
export function redactEmail<E extends EmailParts>(
  email: E,
  gone: Mentions,
  isOwn: (email: string) => boolean,
  split: readonly string[] = [],
): { email: E; changed: boolean } | undefined {
  const stays = (p: Person) => !gone.isGone(normalizeEmail(p.email));
  const everyone = [email.from, ...email.to, ...email.cc];
  const removed = everyone.filter((p) => !stays(p));
  if (removed.length > 0) {
    const left = new Set(everyone.filter(stays).map((p) => normalizeEmail(p.email)).filter(Boolean));
    // A message has the rep on it, seen or not: one address left is the rep's own.
    if (left.size <= 1 || [...left].every(isOwn)) return undefined;
  }
  const names = [...split, ...removed.map((p) => p.name)];
  const subject = scrubText(email.subject, gone, names);
  const snippet = scrubText(email.snippet, gone, names);
  if (removed.length === 0 && subject === email.subject && snippet === email.snippet) return { email, changed: false };
  return {
    email: { ...email, from: stays(email.from) ? email.from : NOBODY, to: email.to.filter(stays), cc: email.cc.filter(stays), subject, snippet },
    changed: true,
  };
}
