import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerRecordSearch, TYPING_PAUSE_MS } from '../../../entrypoints/gmail.content/recordSearch';
import type { SearchSuggestion } from '../../../entrypoints/gmail.content/surface';
import { startOnFake } from './harness';

function setUp(reply: (query: string) => unknown = () => ({ hits: [] })) {
  let provider: ((q: string) => Promise<SearchSuggestion[]>) | undefined;
  const controller = new AbortController();
  const ask = vi.fn(async (q: string) => reply(q));
  const openRecord = vi.fn();
  registerRecordSearch({ registerSearchSuggestionsProvider: (p) => void (provider = p) }, { ask, openRecord, iconUrl: 'icon.png', signal: controller.signal });
  const type = async (q: string) => {
    const result = provider!(q);
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS);
    return result;
  };
  return { provider: () => provider!, ask, openRecord, controller, type };
}

const lucia = { recordId: 'rec_1', title: 'Lucía García', folder: 'Contactos', matched: 'lucia@acme.es' };

describe("Threadline records in Gmail's search box", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('suggests the records the background finds, as text, and opens the one chosen', async () => {
    const { type, ask, openRecord } = setUp(() => ({ hits: [lucia, { recordId: 'rec_2', title: 'Acme Iberia', folder: 'Empresas', matched: '' }] }));
    const suggestions = await type('garc');
    expect(ask).toHaveBeenCalledWith('garc');
    expect(suggestions.map(({ name, description, iconUrl }) => ({ name, description, iconUrl }))).toEqual([
      { name: 'Lucía García', description: 'Contactos · lucia@acme.es', iconUrl: 'icon.png' },
      { name: 'Acme Iberia', description: 'Empresas', iconUrl: 'icon.png' },
    ]);
    suggestions[0]!.onClick();
    expect(openRecord).toHaveBeenCalledWith('rec_1');
  });

  it('asks once for a burst of keystrokes, and only for the last of them', async () => {
    const { provider, ask } = setUp(() => ({ hits: [lucia] }));
    const early = [provider()('ga'), provider()('gar'), provider()('garc')];
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS);
    const results = await Promise.all(early);
    expect(ask.mock.calls).toEqual([['garc']]);
    expect(results.map((r) => r.length)).toEqual([0, 0, 1]);
  });

  it('suggests nothing for one letter, a reply that does not parse, a dead background or a dead content script', async () => {
    const hostile = setUp(() => ({ hits: [{ ...lucia, nameHTML: '<img src=x onerror=alert(1)>' }] }));
    expect(await hostile.type('l')).toEqual([]);
    expect(hostile.ask).not.toHaveBeenCalled();
    expect(await hostile.type('lucia')).toEqual([]);

    const dead = setUp(() => Promise.reject(new Error('Receiving end does not exist')));
    expect(await dead.type('lucia')).toEqual([]);

    const gone = setUp(() => ({ hits: [lucia] }));
    gone.controller.abort();
    expect(await gone.type('lucia')).toEqual([]);
    expect(gone.ask).not.toHaveBeenCalled();
  });
});

describe('the search provider in the content script', () => {
  it('asks the background with the request it parses, and opens the chosen record in the Threadline route', async () => {
    const { sdk, sent } = startOnFake((m) => ((m as { type?: string }).type === 'threadline/search-records' ? { hits: [lucia] } : undefined));
    expect(sdk.searchProviders).toHaveLength(1);
    const [suggestion] = await sdk.searchProviders[0]!('lucía');
    expect(sent().filter((m) => m.type === 'threadline/search-records')).toEqual([{ type: 'threadline/search-records', query: 'lucía' }]);
    suggestion!.onClick();
    expect(sdk.gotos).toEqual(['threadline']);
    const routeEl = document.createElement('div');
    sdk.routes[0]!.value.handler({ getElement: () => routeEl });
    expect(routeEl.querySelector('iframe')?.src).toBe('chrome-extension://test-extension-id/dashboard.html#/record/rec_1');
  });
});
