import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { injectedElements, pwned } from '../../fixtures/xss-corpus';

/**
 * The page's real stylesheets, installed in jsdom, so a test can ask how a text holder lays out
 * (jsdom cascades stylesheet rules and inherits overflow-wrap as browsers do).
 */
export function installStyles(...files: string[]): () => void {
  const style = document.createElement('style');
  style.textContent = files.map((f) => readFileSync(resolve(f), 'utf8')).join('\n');
  document.head.append(style);
  return () => style.remove();
}

/** A long unbroken word in `el` either wraps (overflow-wrap) or is clipped by a box that hides overflow. */
export function containsLongWords(el: Element): boolean {
  const own = getComputedStyle(el);
  if (['anywhere', 'break-word'].includes(own.overflowWrap) || ['break-all', 'break-word'].includes(own.wordBreak)) return true;
  for (let box: Element | null = el; box; box = box.parentElement) {
    const s = getComputedStyle(box);
    // A scrolling ancestor (overflow: auto) does not count: the page would scroll sideways.
    if (['hidden', 'clip'].includes(s.overflow) || ['hidden', 'clip'].includes(s.overflowX)) return true;
  }
  return false;
}

/** Elements whose own text includes `needle`: where outside text actually landed in the DOM. */
export function holdersOf(root: Element, needle: string): Element[] {
  const out = new Set<Element>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent?.includes(needle) && node.parentElement) out.add(node.parentElement);
  }
  return [...out];
}

/** The three promises of every XSS test: nothing injected, nothing ran, long text contained. */
export function expectInert(root: Element, longNeedles: readonly string[] = []) {
  const injected = injectedElements(root).map((e) => e.outerHTML.slice(0, 120));
  expect(injected, 'elements or handlers that only parsing outside text as HTML could create').toEqual([]);
  expect(pwned(), 'a payload ran').toBeUndefined();
  for (const needle of longNeedles) {
    const holders = holdersOf(root, needle);
    expect(holders.length, `"${needle.slice(0, 20)}…" is not shown at all`).toBeGreaterThan(0);
    const loose = holders.filter((h) => !containsLongWords(h)).map((h) => `<${h.tagName.toLowerCase()} class="${h.className}">`);
    expect(loose, 'text holders that neither wrap nor clip a long word').toEqual([]);
  }
}

/** The CRM page of this extension at a route: where the sidebar's cards open their record. */
const OWN_CRM_PAGE = /^chrome-extension:\/\/[a-z-]+\/dashboard\.html#\/[\w/%.-]*$/;

/** Every link on the page points somewhere safe: an in-page route, the CRM page, or http(s)/mailto/tel. */
export function expectSafeLinks(root: Element) {
  for (const a of root.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href')!;
    expect(href.startsWith('#') || OWN_CRM_PAGE.test(href) || /^(https?:|mailto:|tel:)/i.test(href), `unsafe link ${href.slice(0, 80)}`).toBe(true);
  }
}
