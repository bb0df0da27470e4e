import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { labelFor } from '../../../entrypoints/gmail.content/rowLabels';
import { deferred, FakeThreadRowView, settle } from './fakeSdk';
import { startOnFake } from './harness';

type Asked = { type: string; threadIds?: string[] };
const label = (stageName: string, dealName = `Deal at ${stageName}`, color = '#1a73e8') => ({ dealName, stageName, color });

/** A background that labels every asked thread with `answer(threadId)`; `reply` may replace the whole answer. */
function start(answer: (threadId: string) => ReturnType<typeof label>[] = () => [label('Proposal')]) {
  let reply: ((m: Asked) => unknown) | undefined;
  const harness = startOnFake((raw) => {
    const m = raw as Asked;
    if (m.type !== 'threadline/row-labels') return undefined;
    return reply ? reply(m) : { labels: Object.fromEntries((m.threadIds ?? []).map((id) => [id, answer(id)])) };
  });
  const asks = () => harness.sent().filter((m) => m.type === 'threadline/row-labels') as Asked[];
  return { ...harness, asks, setReply: (r: (m: Asked) => unknown) => void (reply = r) };
}
const titles = (row: FakeThreadRowView) => row.labels().map((l) => l.title);
const changed = () => fakeBrowser.runtime.onMessage.trigger({ type: 'threadline/row-labels-changed' }, {} as never, () => undefined);

afterEach(() => vi.restoreAllMocks());

describe('deal stages on thread rows', () => {
  it('asks for 30 rows drawn together in one message and labels each', async () => {
    const { sdk, asks } = start();
    const rows = Array.from({ length: 30 }, (_, i) => new FakeThreadRowView(`t${i}`));
    sdk.showRows(rows);
    await vi.waitFor(() => expect(titles(rows[29]!)).toEqual(['Proposal']));
    expect(asks()).toHaveLength(1);
    expect(asks()[0]?.threadIds).toEqual(rows.map((_, i) => `t${i}`));
    expect(rows.every((r) => titles(r)[0] === 'Proposal')).toBe(true);
  });

  it('skips rows whose thread id is null or fails', async () => {
    const { sdk, asks } = start();
    const rows = [new FakeThreadRowView(null), new FakeThreadRowView('throws'), new FakeThreadRowView('t1')];
    sdk.showRows(rows);
    await vi.waitFor(() => expect(titles(rows[2]!)).toEqual(['Proposal']));
    expect(asks().map((a) => a.threadIds)).toEqual([['t1']]);
    expect(rows[0]!.subscriptions + rows[1]!.subscriptions).toBe(0);
  });

  it('gives no label to a row destroyed before the answer', async () => {
    const { sdk, asks, setReply } = start();
    const answer = deferred<unknown>();
    setReply(() => answer.promise);
    const gone = new FakeThreadRowView('t1');
    const kept = new FakeThreadRowView('t2');
    sdk.showRows([gone, kept]);
    await vi.waitFor(() => expect(asks()).toHaveLength(1));
    gone.destroy();
    answer.resolve({ labels: { t1: [label('Proposal')], t2: [label('Proposal')] } });
    await vi.waitFor(() => expect(titles(kept)).toEqual(['Proposal']));
    expect(gone.subscriptions).toBe(0);
  });

  it('replaces the label when the background says stages changed, and removes it when the deal goes', async () => {
    let stage: string | undefined = 'Proposal';
    const { sdk, asks } = start(() => (stage ? [label(stage)] : []));
    const row = new FakeThreadRowView('t1');
    sdk.showRows([row]);
    await vi.waitFor(() => expect(titles(row)).toEqual(['Proposal']));

    stage = 'Won';
    await changed();
    await vi.waitFor(() => expect(titles(row)).toEqual(['Won']));
    stage = undefined;
    await changed();
    await vi.waitFor(() => expect(row.labels()).toEqual([]));
    // One stream per row: a change is a new value on it, never a second label.
    expect(row.subscriptions).toBe(1);
    expect(asks()).toHaveLength(3);
  });

  it('shows the first deal and +N, with the names as tooltips', () => {
    const descriptor = labelFor([label('Proposal', 'Acme <b>renewal</b>', '#ffeb3b'), label('Won', 'Globex')], ['en']);
    expect(descriptor?.title).toBe('Proposal +1');
    expect(descriptor?.backgroundColor).toBe('#ffeb3b');
    expect(descriptor?.foregroundColor).toBe('#202124');
    expect(labelFor([label('Lead', 'x', '#1a237e')])?.foregroundColor).toBe('#ffffff');
    const html = new DOMParser().parseFromString(descriptor!.titleHtml!, 'text/html').body;
    const spans = [...html.querySelectorAll('span')];
    expect(spans.map((s) => [s.textContent, s.title])).toEqual([
      ['Proposal', 'Acme <b>renewal</b>'],
      ['+1', '1 more deal: Globex (Won)'],
    ]);
    expect(html.querySelector('b')).toBeNull();
    expect(labelFor([])).toBeNull();
  });

  it('ignores a hostile or invalid reply', async () => {
    const { sdk, setReply, asks } = start();
    const row = new FakeThreadRowView('t1');
    sdk.showRows([row]);
    await vi.waitFor(() => expect(titles(row)).toEqual(['Proposal']));
    const hostile = [
      { labels: { t1: [{ dealName: 'x', stageName: 'Won', color: 'red; background: url(//evil)' }] } },
      { labels: { t1: [{ dealName: 'x', stageName: '', color: '#000000' }] } },
      { labels: { t1: 'Won' } },
      null,
    ];
    for (const reply of hostile) {
      setReply(() => reply);
      const before = asks().length;
      await changed();
      // The ask went out; settling lets its answer arrive and be judged.
      await vi.waitFor(() => expect(asks()).toHaveLength(before + 1));
      await settle();
      expect(titles(row)).toEqual(['Proposal']);
    }
  });

  it('removes its labels and its handler when the content script is invalidated', async () => {
    const { sdk, controller, asks } = start();
    const row = new FakeThreadRowView('t1');
    sdk.showRows([row]);
    await vi.waitFor(() => expect(titles(row)).toEqual(['Proposal']));
    controller.abort();
    expect(row.labels()).toEqual([]);
    expect(sdk.rowHandlers.every((h) => h.removed)).toBe(true);
    await changed();
    await settle();
    expect(asks()).toHaveLength(1);
  });
});
