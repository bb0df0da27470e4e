import { render } from '@testing-library/react';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FieldValue, safeHref } from '../../../components/fields/FieldValue';
import { FIELD_TYPES, type Field, type FieldType } from '../../../storage/model/field';
import { FIELD_REGISTRY, normalizeValue, type FieldTypeSpec } from '../../../storage/model/fieldRegistry';
import { presetPipelines } from '../../../storage/folders/presets';
import { HOSTILE_HTTP_URLS, MARKUP_PAYLOADS, PWN, URL_PAYLOADS, injectedElements } from '../../fixtures/xss-corpus';
import { NEAR_VALUES } from '../../unit/fuzz/fieldValues';
import { expectInert, expectSafeLinks } from './support';

// This machine is shared: the waits below bound hangs, they time nothing.
vi.setConfig({ testTimeout: 90_000 });

/**
 * FieldValue is where every stored value becomes DOM: only http(s), mailto and tel may ever become
 * a link, and every value of every type renders as text.
 */
const SAFE = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const pipelines = presetPipelines(0);
const ctx = { locale: 'en', pipelines, recordTitle: (id: string) => `<b>${id}</b>` };

const fieldOf = (type: FieldType): Field => ({
  id: `f_${type}`, folderId: 'fo', key: type, label: type, type, mandatory: false, hidden: false, order: 0,
  options: type === 'dropdown' || type === 'multiDropdown' ? [{ id: 'a', label: MARKUP_PAYLOADS[2] }, { id: 'b', label: 'B' }] : undefined,
  settings: type === 'statistic' ? { statistic: 'emailThreadCount' } : {}, createdAt: 0, updatedAt: 0,
});

beforeEach(() => {
  delete (window as { __pwned?: unknown }).__pwned;
});

describe('safeHref', () => {
  it.each(URL_PAYLOADS)('never links %j', (raw) => {
    expect(safeHref(raw)).toBeUndefined();
  });

  it('returns either nothing or a URL with a safe scheme, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.webUrl(), fc.constantFrom(...URL_PAYLOADS, ...HOSTILE_HTTP_URLS), fc.string().map((s) => `javascript:${s}`)), (raw) => {
        const href = safeHref(raw);
        if (href !== undefined) expect(SAFE.has(new URL(href).protocol)).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  });

  it('links every http(s) address, normalised by the URL parser', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        expect(safeHref(url)).toBe(new URL(url).href);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('FieldValue', () => {
  it.each(URL_PAYLOADS)('a url value %j (as if it had bypassed validation) is plain text, not a link', (raw) => {
    const { container } = render(<FieldValue field={fieldOf('url')} value={raw} ctx={ctx} />);
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toBe(raw);
    expectInert(container);
  });

  it.each(HOSTILE_HTTP_URLS)('an http(s) value %j links safely, opens apart, and shows as text', (raw) => {
    const { container } = render(<FieldValue field={fieldOf('url')} value={raw} ctx={ctx} />);
    const a = container.querySelector('a')!;
    expect(new URL(a.href).protocol).toMatch(/^https?:$/);
    expect(a.rel).toBe('noopener noreferrer');
    expect(a.target).toBe('_blank');
    expect(a.textContent).toBe(raw);
    expectInert(container);
  });

  it('an email value with markup becomes at most a mailto: link, shown as text', () => {
    for (const raw of [`"><img src=x onerror=${PWN}>@evil.example`, `javascript:${PWN}//@evil.example`, 'a@b.example?subject=<script>']) {
      const { container, unmount } = render(<FieldValue field={fieldOf('email')} value={[raw]} ctx={ctx} />);
      expectSafeLinks(container);
      expect(container.textContent).toBe(raw);
      expectInert(container);
      unmount();
    }
  });

  it.each(FIELD_TYPES)('%s: every valid value renders as inert text', (type) => {
    const field = fieldOf(type);
    const spec = FIELD_REGISTRY[type] as FieldTypeSpec<unknown>;
    const schema = spec.value(field, { pipelines });
    const values = NEAR_VALUES[type](field, { pipelineId: pipelines[0]!.id, stageIds: pipelines[0]!.stages.map((s) => s.id) })
      .map((v) => (v === undefined ? v : normalizeValue(field, v)))
      .filter((v) => v !== undefined && schema.safeParse(v).success);
    fc.assert(
      fc.property(values, (value) => {
        const { container, unmount } = render(<FieldValue field={field} value={value} ctx={ctx} />);
        try {
          expectInert(container);
          expectSafeLinks(container);
        } finally {
          unmount();
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('the detector itself', () => {
  // The oracle must be able to fail: every payload that makes an element when parsed as HTML is caught.
  const parsesToElements = MARKUP_PAYLOADS.filter((p) => {
    const div = document.createElement('div');
    div.innerHTML = p;
    return div.children.length > 0;
  });
  it('has payloads that HTML parsing turns into elements', () => expect(parsesToElements.length).toBeGreaterThan(15));
  it.each(parsesToElements)('flags %j when it is parsed as HTML', (payload) => {
    const div = document.createElement('div');
    div.innerHTML = payload;
    expect(injectedElements(div).length, div.innerHTML).toBeGreaterThan(0);
  });
});
