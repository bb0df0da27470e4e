import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setLocale } from '../../../i18n';
import { SidebarApp } from '../../../components/sidebar/SidebarApp';
import { ThreadPanel } from '../../../components/sidebar/ThreadPanel';
import { parseThreadContext } from '../../../messaging/protocol';
import type { ThreadContext, ThreadMessage } from '../../../messaging/threadContext';
import { db } from '../../support/db';
import { LONG_WORD, ONE_MIB, PWN, XSS_CORPUS } from '../../fixtures/xss-corpus';
import { resetDb } from '../../support/db';
import { expectInert, expectSafeLinks, installStyles } from './support';
import { renderWithDb } from '../../support/render';

// This machine is shared: the waits below bound hangs, they time nothing.
vi.setConfig({ testTimeout: 90_000 });

/**
 * The Gmail sidebar with hostile thread content: every corpus string as a subject, a sender's
 * name, a recipient's name and a snippet, through the sidebar's own parsing, then added as a
 * contact and logged, so the timeline renders it too.
 */
const me = { name: 'Me', email: 'me@team.io' };

/**
 * Threads carrying the corpus, nine strings each: the subject, the four names one sender signed
 * its messages with (the history shows each), four snippets, and the names of a cc'd person.
 */
function hostileThreads(): ThreadContext[] {
  const out: ThreadContext[] = [];
  for (let i = 0; i < XSS_CORPUS.length; i += 9) {
    const p = (k: number) => XSS_CORPUS[(i + k) % XSS_CORPUS.length]!;
    const messages: ThreadMessage[] = [0, 1, 2, 3].map((m) => ({
      messageId: `m${i}-${m}`,
      from: { name: p(1 + m), email: `sender@hostile${i}.example` },
      to: [me, { name: p(8 - m), email: `cc@hostile${i}.example` }],
      cc: [],
      date: 1_700_000_000_000 + m,
      snippet: p(5 + m),
    }));
    out.push({ threadId: `th-x${i}`, subject: p(0), userEmails: [me.email], messages });
  }
  return out;
}

const parsed = (raw: unknown): ThreadContext => {
  const r = parseThreadContext(raw);
  if (!r.ok) throw new Error(`corpus thread refused: ${r.reason}`);
  return r.context;
};

let removeStyles: () => void;
beforeAll(() => {
  removeStyles = installStyles('components/theme.css', 'components/sidebar/sidebar.css');
});
afterAll(() => removeStyles());
beforeEach(async () => {
  await resetDb();
  setLocale('en');
  delete (window as { __pwned?: unknown }).__pwned;
});

describe('sidebar: hostile thread content renders as inert text', () => {
  it.each(hostileThreads().map((c) => [c.threadId, c] as const))('%s: shown verbatim, then added, logged and shown in the history', async (_id, raw) => {
    const context = parsed(raw);
    const { container } = renderWithDb(<ThreadPanel context={context} logRequests={0} />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(context.subject || '(no subject)');
    expectInert(container);
    expectSafeLinks(container);

    const sender = screen.getByRole('form', { name: `Add ${context.messages[0]!.from.email} as a contact` });
    await userEvent.click(within(sender).getByRole('button', { name: 'Add contact' }));
    await screen.findByRole('article', { name: /^Contact / });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Log email' })).toBeEnabled());
    await userEvent.click(screen.getByRole('button', { name: 'Log email' }));
    await screen.findByRole('button', { name: 'Email logged' });
    // Each logged message's snippet is in the history as text, byte for byte.
    await waitFor(() => {
      const bodies = [...screen.getByRole('list', { name: 'History' }).querySelectorAll('.tl-entry-body')].map((b) => b.textContent);
      for (const m of context.messages) if (m.snippet) expect(bodies).toContain(m.snippet);
    });
    expectInert(container);
    expectSafeLinks(container);
  }, 90_000);

  it('addresses that carry markup are shown as text and refused as contacts with a reason', async () => {
    const email = `"><img/src=x/onerror=${PWN}>@evil.example`;
    const context = parsed({
      threadId: 'th-addr', subject: 'Hi', userEmails: [me.email],
      messages: [{ messageId: 'ma', from: { name: '', email }, to: [me], cc: [], date: 1, snippet: '' }],
    });
    const { container } = renderWithDb(<ThreadPanel context={context} logRequests={0} />);
    const form = await screen.findByRole('form', { name: `Add ${email} as a contact` });
    expect(form.textContent).toContain(email);
    await userEvent.click(screen.getByRole('button', { name: 'Add contact' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not an email address/);
    expect(await db.records.count()).toBe(0);
    expectInert(container);
  });

  it('long unbroken names, subjects and snippets wrap inside the sidebar', async () => {
    const word = LONG_WORD.slice(0, 500);
    const context = parsed({
      threadId: 'th-long', subject: LONG_WORD, userEmails: [me.email],
      messages: [{ messageId: 'ml', from: { name: word, email: 'long@name.example' }, to: [me], cc: [], date: 1, snippet: `S${LONG_WORD.slice(1)}` }],
    });
    const { container } = renderWithDb(<ThreadPanel context={context} logRequests={0} />);
    await screen.findByRole('heading', { level: 1 });
    expectInert(container, [LONG_WORD, word]);
    await userEvent.click(screen.getByRole('button', { name: 'Add contact' }));
    await screen.findByRole('article', { name: /^Contact / });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Log email' })).toBeEnabled());
    await userEvent.click(screen.getByRole('button', { name: 'Log email' }));
    await screen.findByRole('button', { name: 'Email logged' });
    // The contact card's title, the timeline's title and body hold the long text now.
    await waitFor(() => expectInert(container, [LONG_WORD, word, `S${LONG_WORD.slice(1)}`]));
  }, 90_000);

  it('a 1 MiB subject given straight to the panel (past the schema) still renders as wrapped text', async () => {
    const context: ThreadContext = { threadId: 'th-mib', subject: ONE_MIB, userEmails: [], messages: [{ messageId: 'm', from: { name: 'A', email: 'a@b.example' }, to: [], cc: [], date: 1, snippet: '' }] };
    const { container } = renderWithDb(<ThreadPanel context={context} logRequests={0} />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent!.length).toBe(ONE_MIB.length);
    expectInert(container, [ONE_MIB.slice(0, 1000)]);
  });
});

describe('sidebar: what arrives over messaging', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(browser.tabs, 'getCurrent').mockResolvedValue({ id: 7 } as never);
    vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue(undefined);
  });
  const fromOwnTab = { tab: { id: 7 } as never, frameId: 0 };

  it('a 1 MiB subject or name is refused at the boundary with a short reason, and nothing is written', async () => {
    const { container } = renderWithDb(<SidebarApp />);
    await waitFor(() => expect(browser.tabs.sendMessage).toHaveBeenCalled());
    const outbox = await db.outbox.count();
    const huge = { threadId: 't', subject: ONE_MIB, userEmails: [], messages: [{ messageId: 'm', from: { name: ONE_MIB, email: 'a@b.example' }, to: [], cc: [], date: 1, snippet: ONE_MIB }] };
    await act(() => fakeBrowser.runtime.onMessage.trigger({ type: 'threadline/thread-opened', context: huge }, fromOwnTab, () => undefined));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('couldn’t read this thread');
    expect(alert.textContent!.length).toBeLessThan(1_000);
    expect(await db.outbox.count()).toBe(outbox);
    expectInert(container);
  });

  it('a thread with a hostile unknown key is refused, the key shown only as bounded text', async () => {
    const { container } = renderWithDb(<SidebarApp />);
    await waitFor(() => expect(browser.tabs.sendMessage).toHaveBeenCalled());
    const key = `<img src=x onerror="${PWN}">${'K'.repeat(5_000)}`;
    const context = { threadId: 't', subject: 's', userEmails: [], messages: [{ messageId: 'm', from: { name: 'n', email: 'a@b.example' }, to: [], cc: [], date: 1, snippet: '' }], [key]: 1 };
    await act(() => fakeBrowser.runtime.onMessage.trigger({ type: 'threadline/thread-opened', context }, fromOwnTab, () => undefined));
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('code')!.textContent!.length).toBeLessThanOrEqual(200);
    expectInert(container);
  });
});
