import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { FSI, isolate, PDI, setLocale, t } from '../../i18n';

const RLO = '\u202E';
const RLI = '\u2067';
const LRE = '\u202A';
const PDF = '\u202C';

/**
 * The explicit levels of UAX #9 (rules X1–X8), reduced to what decides spill-over: after `text`,
 * how many overrides, embeddings and isolates are still open. A PDI closes the nearest open
 * isolate and everything opened inside it; a PDF closes an embedding but never an isolate.
 */
function openAfter(text: string): number {
  const stack: ('isolate' | 'embedding')[] = [];
  for (const ch of text) {
    if ('\u202A\u202B\u202D\u202E'.includes(ch)) stack.push('embedding');
    else if ('\u2066\u2067\u2068'.includes(ch)) stack.push('isolate');
    else if (ch === PDF && stack.at(-1) === 'embedding') stack.pop();
    else if (ch === PDI && stack.includes('isolate')) {
      while (stack.pop() !== 'isolate');
    }
  }
  return stack.length;
}

beforeEach(() => setLocale('en'));

describe('t(): outside text cannot reverse the sentence around it', () => {
  it('fences a name holding a RIGHT-TO-LEFT OVERRIDE; the text after it is untouched and at base level', () => {
    const who = `Eve${RLO}gnp.exe`;
    const line = t('timeline.emailFrom', { who, subject: 'Invoice' });
    expect(line).toBe(`Email from ${FSI}${who}${PDI}: Invoice`);
    const [before] = line.split(': Invoice');
    expect(openAfter(before!)).toBe(0);
  });

  it('closes an isolate the name left open (U+2067) instead of letting it swallow the rest', () => {
    const line = t('timeline.emailFrom', { who: `Eve${RLI}x`, subject: 'Invoice' });
    expect(line).toBe(`Email from ${FSI}Eve${RLI}x${PDI}${PDI}: Invoice`);
    expect(openAfter(line.slice(0, line.indexOf(': Invoice')))).toBe(0);
  });

  it('drops a stray POP DIRECTIONAL ISOLATE that would end the fence early', () => {
    expect(isolate(`${PDI}${RLO}evil`)).toBe(`${FSI}${RLO}evil${PDI}`);
    expect(openAfter(t('sidebar.contact', { name: `${PDI}${RLO}evil` }))).toBe(0);
  });

  it('fences right-to-left names too, so neighbouring digits and punctuation keep their order', () => {
    expect(t('sidebar.contact', { name: 'سارة' })).toBe(`Contact ${FSI}سارة${PDI}`);
    expect(t('sidebar.contact', { name: 'דנה' })).toBe(`Contact ${FSI}דנה${PDI}`);
  });

  it('leaves numbers, and text that cannot reorder anything, bare', () => {
    expect(t('sync.status.waiting', { count: 3 })).toBe('3 changes waiting');
    expect(t('crm.new', { item: 'contact' })).toBe('New contact');
    // Zero-width spaces and joiners do not change direction: nothing to fence.
    expect(t('crm.new', { item: 'con\u200Btact\u200D' })).toBe('New con\u200Btact\u200D');
    expect(t('crm.new', { item: `a${LRE}b` })).toBe(`New ${FSI}a${LRE}b${PDI}`);
  });

  it('in every language', () => {
    for (const locale of ['es', 'it'] as const) {
      setLocale(locale);
      const line = t('timeline.emailFrom', { who: `x${RLO}`, subject: 'Hola' });
      expect(line).toContain(`${FSI}x${RLO}${PDI}`);
      expect(line.endsWith('Hola')).toBe(true);
    }
  });

  it('whatever the parameter holds, nothing is left open after it and its text survives', () => {
    const bidi = fc.constantFrom('\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C', 'a', 'ب', 'ש', '1', ' ', ':');
    fc.assert(
      fc.property(fc.array(bidi, { maxLength: 30 }).map((cs) => cs.join('')), (who) => {
        const line = t('timeline.emailFrom', { who, subject: 'S' });
        const head = line.slice(0, line.length - ': S'.length);
        expect(line.endsWith(': S')).toBe(true);
        expect(openAfter(head)).toBe(0);
        // Only stray PDIs are dropped; every other character of the name is shown.
        expect(head.replace(/[\u2068\u2069]/g, '')).toBe(`Email from ${who}`.replace(/[\u2068\u2069]/g, ''));
      }),
      { numRuns: 2_000 },
    );
  });
});
